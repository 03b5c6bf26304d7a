// What a command acts on: the active article, its settled view, the mention at the cursor, the selected span, the
// entity a tree item or the cursor stands for.
import * as vscode from 'vscode';
import { annotationAt, sameAs, type Annotation } from '../../core';
import type { Articles, ArticleView } from '../articles';
import type { EntityNode } from '../features/entityTree';
import { UserError } from './userError';

export interface Span {
  start: number;
  end: number;
}

/** The entity a command acts on, with its mentions; `entityId` is undefined for a date group (grouped by value). */
export interface EntityTarget {
  doc: vscode.TextDocument;
  name: string;
  entityId: string | undefined;
  mentions: Annotation[];
}

export class Targets {
  constructor(private readonly articles: Articles) {}

  /** The active editor, when it shows an article. */
  article(): vscode.TextEditor {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.articles.isArticle(editor.document)) {
      throw new UserError('Open an article first (a plaintext or markdown file, or one matching newsAnnotator.articleFilePatterns).');
    }
    return editor;
  }

  /** The article's view once no analysis is pending (analyzing it now if it never was). */
  async viewOf(doc: vscode.TextDocument): Promise<ArticleView> {
    const v = (await this.articles.settled(doc.uri)) ?? this.articles.get(doc.uri) ?? (await this.articles.analyze(doc, true));
    if (!v) throw new UserError('This article could not be annotated.');
    return v;
  }

  /** The mention at the cursor. */
  async atCursor(editor: vscode.TextEditor): Promise<{ view: ArticleView; a: Annotation }> {
    const view = await this.viewOf(editor.document);
    const a = annotationAt(view, editor.document.offsetAt(editor.selection.active));
    if (!a) throw new UserError('Put the cursor on a highlighted mention first.');
    return { view, a };
  }

  /** The span given in `args`, else the selection, else the word under the cursor; without surrounding white space. */
  selectionSpan(editor: vscode.TextEditor, args?: { start?: number; end?: number }): Span {
    const doc = editor.document;
    const word = editor.selection.isEmpty ? doc.getWordRangeAtPosition(editor.selection.active) : undefined;
    const range = word ?? editor.selection;
    let start = args?.start ?? doc.offsetAt(range.start);
    let end = args?.end ?? doc.offsetAt(range.end);
    // a double-click selection often carries a space
    const text = doc.getText();
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) throw new UserError('Select the words to annotate first.');
    return { start, end };
  }

  /** The entity a tree item (or `{ entity: id }`, or the mention at the cursor) stands for, with its mentions. */
  async entity(node: EntityNode | { entity: string } | undefined): Promise<EntityTarget> {
    if (node && 'kind' in node && node.kind === 'entity') {
      const doc = await vscode.workspace.openTextDocument(node.uri);
      const view = await this.viewOf(doc);
      const entityId = view.entities.some(e => e.id === node.id) ? node.id : undefined;
      return { doc, name: node.name, entityId, mentions: node.mentions };
    }
    const editor = this.article();
    const view = await this.viewOf(editor.document);
    if (node && 'entity' in node) {
      const e = view.entities.find(x => x.id === node.entity);
      if (!e) throw new UserError(`No entity ${node.entity} in this article.`);
      return { doc: editor.document, name: e.name, entityId: e.id, mentions: view.annotations.filter(a => a.entity === e.id) };
    }
    const { a } = await this.atCursor(editor);
    return { doc: editor.document, name: a.text, entityId: a.entity, mentions: sameAs(view, a) };
  }
}
