// The "Entities" view: types -> entities (mention counts) -> mentions with their line text, for the active article.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, groups as mentionGroups, TYPE_PLURAL, typeCountWords, type Annotation, type AnnotationType } from '../../core';
import type { ArticleView, ArticleViews } from '../articles';
import { typeIcon } from '../typeIcons';

export type EntityNode =
  | { kind: 'type'; uri: vscode.Uri; type: AnnotationType; count: number; mentions: number }
  | { kind: 'entity'; uri: vscode.Uri; type: AnnotationType; id: string; name: string; mentions: Annotation[] }
  | { kind: 'mention'; uri: vscode.Uri; annotation: Annotation; lineText: string; line: number };

export class EntityTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Types shown; all by default. */
  filter: ReadonlySet<AnnotationType> = new Set(ANNOTATION_TYPES);
  private current: vscode.Uri | undefined;

  constructor(private readonly articles: ArticleViews) {}

  /** Follows the article the user is looking at. */
  show(uri: vscode.Uri | undefined): void {
    this.current = uri;
    this.changed.fire(undefined);
  }

  get article(): vscode.Uri | undefined {
    return this.current;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private readonly filterChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeFilter = this.filterChanged.event;

  setFilter(types: readonly AnnotationType[]): void {
    this.filter = new Set(types);
    this.changed.fire(undefined);
    this.filterChanged.fire();
  }

  getChildren(node?: EntityNode): EntityNode[] {
    const uri = node?.uri ?? this.current;
    const view = uri && this.articles.get(uri);
    if (!uri || !view) return [];
    if (!node) {
      return ANNOTATION_TYPES.filter(t => this.filter.has(t))
        .map(type => ({ kind: 'type' as const, uri, type, count: groups(view, type).length, mentions: view.annotations.filter(a => a.type === type).length }))
        .filter(n => n.count > 0);
    }
    if (node.kind === 'type') return groups(view, node.type);
    if (node.kind === 'entity') {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      return node.mentions.map(a => {
        const line = doc ? doc.positionAt(a.start).line : 0;
        return { kind: 'mention' as const, uri, annotation: a, line, lineText: doc ? doc.lineAt(line).text.trim() : a.text };
      });
    }
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(TYPE_PLURAL[node.type], vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${node.uri.toString()}#${node.type}`;
      // the status bar's words (entities, mentions, dates)
      item.description = typeCountWords(node.type, node.count, node.mentions);
      item.iconPath = typeIcon(node.type);
      item.contextValue = 'newsAnnotator.type';
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${node.uri.toString()}#${node.type}#${node.id}`;
      const manual = node.mentions.some(m => m.source === 'manual');
      item.description = `${node.mentions.length} mention${node.mentions.length === 1 ? '' : 's'}${manual ? ' · manual' : ''}`;
      item.tooltip = `${node.type}: ${node.name} (${item.description})`;
      item.iconPath = typeIcon(node.type);
      item.contextValue = node.type === 'date' ? 'newsAnnotator.dateGroup' : 'newsAnnotator.entity';
      return item;
    }
    const a = node.annotation;
    const item = new vscode.TreeItem(node.lineText || a.text, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#${a.id}#${a.start}`;
    item.description = `line ${node.line + 1}${a.source === 'manual' ? ' · manual' : ''}`;
    // highlight the mention inside its line text
    const at = node.lineText.indexOf(a.text);
    if (at >= 0) item.label = { label: node.lineText, highlights: [[at, at + a.text.length]] };
    item.contextValue = 'newsAnnotator.mention';
    item.command = { command: 'newsAnnotator.revealMention', title: 'Reveal Mention', arguments: [node.uri, a.start, a.end] };
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.filterChanged.dispose();
  }
}

/** The core's groups of a type (src/core/present/groups.ts) as tree nodes of this article. */
function groups(view: ArticleView, type: AnnotationType): Extract<EntityNode, { kind: 'entity' }>[] {
  return mentionGroups(view, type, vscode.env.language).map(g => ({ kind: 'entity', uri: view.uri, type, id: g.key, name: g.name, mentions: g.mentions }));
}
