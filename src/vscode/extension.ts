import * as vscode from 'vscode';
import { analyze, type AnalysisResult } from '../core';

export interface NewsAnnotatorApi {
  /** The current analysis of a document, or undefined if it is not an article. */
  getAnalysis(uri: vscode.Uri): AnalysisResult | undefined;
}

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const results = new Map<string, AnalysisResult>();
  const deco = vscode.window.createTextEditorDecorationType({ backgroundColor: 'rgba(255,200,0,0.3)' });
  const refresh = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !['plaintext', 'markdown'].includes(editor.document.languageId)) return;
    const r = analyze(editor.document.getText());
    results.set(editor.document.uri.toString(), r);
    editor.setDecorations(deco, r.annotations.map(a => new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end))));
  };
  context.subscriptions.push(
    deco,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.commands.registerCommand('newsAnnotator.annotate', () => refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('newsAnnotator.toggleHighlights', () => undefined),
  );
  refresh(vscode.window.activeTextEditor);
  return { getAnalysis: uri => results.get(uri.toString()) };
}

export function deactivate(): void {}
