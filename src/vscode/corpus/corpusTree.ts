// The Corpus view: the nodes of treeModel.ts as tree items, refreshed when the index changes, with the filter text
// shown in the view's description.
import * as vscode from 'vscode';
import { appearsWith, TYPE_PLURAL } from '../../core';
import { CORPUS_VIEW } from '../commands/contributions';
import { typeIcon } from '../typeIcons';
import type { CorpusIndex } from './corpusIndex';
import { corpusChildren, type CorpusNode } from './treeModel';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  readonly view: vscode.TreeView<CorpusNode>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: CorpusIndex) {
    this.view = vscode.window.createTreeView(CORPUS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscription = index.onDidChange(() => this.refresh());
    this.describe();
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.describe();
    this.changed.fire(undefined);
  }

  private describe(): void {
    const { corpus } = this.index;
    this.view.description = this.filterText ? `filter: ${this.filterText}` : `${plural(corpus.size, 'article')}`;
    this.view.message = this.filterText && this.getChildren().length === 0 ? `No entity matches "${this.filterText}".` : undefined;
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    return corpusChildren(this.index.corpus, { filter: this.filterText, appearsWith: id => appearsWith(this.index.corpus, id) }, node);
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'type': {
        const item = new vscode.TreeItem(TYPE_PLURAL[node.type], Expanded);
        item.id = `corpus#${node.type}`;
        item.description = `${node.count}`;
        item.iconPath = typeIcon(node.type);
        item.contextValue = 'newsAnnotator.corpusType';
        return item;
      }
      case 'entity': {
        const item = new vscode.TreeItem(node.name, Collapsed);
        item.id = `corpus#${node.id}`;
        item.description = `${plural(node.articles, 'article')} · ${plural(node.mentions, 'mention')}`;
        item.tooltip = [`${node.type}: ${node.name}`, node.externalId && `External id: ${node.externalId}`, node.note && `Note: ${node.note}`]
          .filter(Boolean)
          .join('\n');
        item.iconPath = typeIcon(node.type);
        item.contextValue = 'newsAnnotator.corpusEntity';
        return item;
      }
      case 'appearsWith': {
        const item = new vscode.TreeItem('Appears with', Collapsed);
        item.id = `corpus#${node.entity}#with`;
        item.iconPath = new vscode.ThemeIcon('references');
        return item;
      }
      case 'together': {
        const item = new vscode.TreeItem(node.name, None);
        item.id = `corpus#${node.entity}#with#${node.id}`;
        item.description = `${plural(node.articles, 'article')} · ${plural(node.sentences, 'sentence')}`;
        item.iconPath = typeIcon(node.type);
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.path, Collapsed);
        item.id = `corpus#${node.entity}#${node.path}`;
        item.description = plural(node.mentions, 'mention');
        item.resourceUri = this.index.uriOf(node.path);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(node.lineText || node.text, None);
        item.id = `corpus#${node.entity}#${node.path}#${node.start}`;
        item.description = `line ${node.line + 1}`;
        const at = node.lineText.indexOf(node.text);
        if (at >= 0) item.label = { label: node.lineText, highlights: [[at, at + node.text.length]] };
        const uri = this.index.uriOf(node.path);
        if (uri) item.command = { command: 'newsAnnotator.revealMention', title: 'Reveal Mention', arguments: [uri, node.start, node.end] };
        return item;
      }
      case 'unindexed': {
        const item = new vscode.TreeItem('Not indexed', Collapsed);
        item.id = 'corpus#unindexed';
        item.description = `${node.count}`;
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
      case 'failed': {
        const item = new vscode.TreeItem(node.path, None);
        item.id = `corpus#unindexed#${node.path}`;
        item.description = node.reason;
        item.tooltip = `${node.path}: ${node.reason}`;
        item.resourceUri = this.index.uriOf(node.path);
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}
