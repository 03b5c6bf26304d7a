// The notices that say why an article is not annotated, each shown once per article until it is closed (or the
// user asks again), with the "Annotate Anyway" choice where the user may override.
import * as vscode from 'vscode';
import { notify } from '../notices';

export class AnalysisNotices {
  private readonly sizeShown = new Set<string>();
  private readonly unreadableShown = new Set<string>();

  constructor(private readonly annotateAnyway: (doc: vscode.TextDocument) => void) {}

  tooLarge(doc: vscode.TextDocument, length: number, max: number): void {
    const key = doc.uri.toString();
    if (this.sizeShown.has(key)) return;
    this.sizeShown.add(key);
    void notify(
      'info',
      `News Annotator: ${vscode.workspace.asRelativePath(doc.uri)} has ${length.toLocaleString('en')} characters, above the newsAnnotator.maxArticleSize setting (${max.toLocaleString('en')}), so it is not annotated automatically.`,
      'Annotate Anyway',
    ).then(choice => {
      if (choice === 'Annotate Anyway') this.annotateAnyway(doc);
    });
  }

  unreadable(doc: vscode.TextDocument, reason: string, overridable: boolean): void {
    const key = doc.uri.toString();
    if (this.unreadableShown.has(key)) return;
    this.unreadableShown.add(key);
    void notify(
      'warning',
      `News Annotator: ${vscode.workspace.asRelativePath(doc.uri)} is not annotated: ${reason}.`,
      ...(overridable ? ['Annotate Anyway'] : []),
    ).then(choice => {
      if (choice === 'Annotate Anyway') this.annotateAnyway(doc);
    });
  }

  /** The user asked explicitly: say again why not, if it is still so. */
  askedAgain(uri: vscode.Uri): void {
    this.unreadableShown.delete(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.sizeShown.delete(uri.toString());
    this.unreadableShown.delete(uri.toString());
  }
}
