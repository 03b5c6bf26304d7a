// Moving between mentions in the article, and revealing one from the Entities view.
import * as vscode from 'vscode';
import { annotationAt, sameAs } from '../../core';
import type { CommandId } from './contributions';
import type { Handlers } from './table';
import type { Targets } from './target';
import { UserError } from './userError';

export function navigateCommands(at: Targets) {
  /** Goes to the next (1) or previous (-1) mention, of any entity or of the one at the cursor; wraps around. */
  async function move(direction: 1 | -1, sameEntity: boolean): Promise<vscode.Range | undefined> {
    const editor = at.article();
    const view = await at.viewOf(editor.document);
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    let list = view.annotations;
    if (sameEntity) {
      const here = annotationAt(view, offset);
      if (!here) throw new UserError('Put the cursor on a mention to move between mentions of the same entity.');
      list = sameAs(view, here);
    }
    if (list.length === 0) throw new UserError('This article has no highlighted mentions.');
    const here = annotationAt(view, offset);
    const target =
      direction === 1
        ? (list.find(a => a.start > (here ? here.start : offset)) ?? list[0])
        : ([...list].reverse().find(a => a.start < (here ? here.start : offset)) ?? list[list.length - 1]);
    const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
    // the cursor, not a selection: the next key typed must not overwrite the name
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  return {
    'newsAnnotator.nextMention': async () => move(1, false),
    'newsAnnotator.previousMention': async () => move(-1, false),
    'newsAnnotator.nextMentionOfEntity': async () => move(1, true),
    'newsAnnotator.previousMentionOfEntity': async () => move(-1, true),

    'newsAnnotator.revealMention': async (uri: vscode.Uri, start: number, end: number) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    },
  } satisfies Partial<Handlers<CommandId>>;
}
