// Hover summaries: the core writes the text (src/core/present/hoverText.ts); this converts offsets and wraps it
// in an untrusted MarkdownString.
import * as vscode from 'vscode';
import { annotationAt, hoverText } from '../../core';
import type { ArticleViews } from '../articles';
import { untrustedMarkdown } from '../markdown';

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly articles: ArticleViews) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const view = this.articles.get(doc.uri);
    if (!view || view.version !== doc.version) return undefined;
    const a = annotationAt(view, doc.offsetAt(position));
    if (!a) return undefined;
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    return new vscode.Hover(untrustedMarkdown().appendMarkdown(hoverText(view, a, doc.getText(), vscode.env.language)), range);
  }
}
