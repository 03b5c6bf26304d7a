// Tells the user when their own annotations lose their text (it was deleted or rewritten): they are kept as orphans
// in the sidecar, which is easy to miss, so a notice names them and offers "Show Orphans" (re-attach or delete).
// Checked after each analysis against the previous one; an orphan an undo brings back (orphaned earlier) is not news.
import * as vscode from 'vscode';
import { plainText, type Orphan } from '../../core';
import { notify } from '../notices';

export const SHOW_ORPHANS = 'Show Orphans';

interface Check {
  ids: Set<string>;
  /** When the check was made (ISO, the sessions' clock): orphans from before it are not news. */
  at: string;
}

export class OrphanNotices {
  private readonly checks = new Map<string, Check>();

  /** Before an article's first analysis: the orphans its sidecar already had are not news. */
  start(uri: vscode.Uri, orphans: readonly Orphan[]): void {
    const key = uri.toString();
    if (!this.checks.has(key)) this.checks.set(key, { ids: new Set(orphans.map(o => o.id)), at: new Date().toISOString() });
  }

  /** After an analysis: the orphans that are new since the last check, told to the user (none: nothing shown). */
  analyzed(doc: vscode.TextDocument, orphans: readonly Orphan[]): Orphan[] {
    const key = doc.uri.toString();
    const previous = this.checks.get(key);
    this.checks.set(key, { ids: new Set(orphans.map(o => o.id)), at: new Date().toISOString() });
    if (!previous) return [];
    const fresh = orphans.filter(o => !previous.ids.has(o.id) && o.orphanedAt >= previous.at);
    if (fresh.length === 0) return fresh;
    const names = fresh.slice(0, 3).map(o => `"${plainText(o.text, 40)}"`);
    const more = fresh.length > 3 ? ` and ${fresh.length - 3} more` : '';
    const what = fresh.length === 1 ? 'annotation lost its text and is kept as an orphan' : 'annotations lost their text and are kept as orphans';
    void notify(
      'warning',
      `News Annotator: ${fresh.length} ${what} in the sidecar of ${vscode.workspace.asRelativePath(doc.uri)} (${names.join(', ')}${more}). Re-attach or delete with Show Orphans.`,
      SHOW_ORPHANS,
    ).then(async choice => {
      if (choice !== SHOW_ORPHANS) return;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('newsAnnotator.showOrphans');
    });
    return fresh;
  }

  forget(uri: vscode.Uri): void {
    this.checks.delete(uri.toString());
  }
}
