// How an open article is written, from its language mode (so switching the mode is followed): Markdown articles
// are analysed without their markup (src/core/markdown).
import * as vscode from 'vscode';
import type { ArticleFormat } from '../../core';

export function documentFormat(doc: vscode.TextDocument | undefined): ArticleFormat {
  return doc?.languageId === 'markdown' ? 'markdown' : 'text';
}

/** The format of the open document at `uri` ('text' when it is not open). */
export function formatOf(uri: vscode.Uri): ArticleFormat {
  const key = uri.toString();
  return documentFormat(vscode.workspace.textDocuments.find(d => d.uri.toString() === key));
}
