// Orphaned annotations (the user's annotations whose text was deleted): pick one, then re-attach it to the
// selection or delete it.
import * as vscode from 'vscode';
import { type Orphan, plainText } from '../../core';
import * as edits from '../../core';
import { notify } from '../notices';
import type { CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';
import type { Span, Targets } from './target';
import { UserError } from './userError';

type OrphanAction = 'reattach' | 'delete';

export function orphanCommands(host: CommandHost, at: Targets) {
  const { articles } = host;
  return {
    'newsAnnotator.showOrphans': async (args?: { id?: string; action?: OrphanAction; start?: number; end?: number }) => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      const doc = editor.document;
      if (view.orphans.length === 0 && !args?.id) {
        void notify('info', 'News Annotator: this article has no orphaned annotations.');
        return view;
      }
      let id = args?.id;
      if (!id) {
        const pick = await vscode.window.showQuickPick(
          view.orphans.map(o => ({
            label: plainText(o.text),
            description: `${o.type} · was at ${o.start}–${o.end}`,
            detail: plainText(`…${o.prefix}[${o.text}]${o.suffix}…`, 200),
            id: o.id,
          })),
          { placeHolder: 'Orphaned annotations: their text is no longer in the article. Pick one to re-attach or delete.' },
        );
        if (!pick) return undefined;
        id = pick.id;
      }
      const orphan = view.orphans.find(o => o.id === id);
      if (!orphan) throw new UserError(`No orphaned annotation ${id} in this article.`);
      let action = args?.action;
      if (!action) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'Re-attach to the current selection', action: 'reattach' as const },
            { label: 'Delete', action: 'delete' as const },
          ],
          { placeHolder: `"${orphan.text}" (${orphan.type})` },
        );
        if (!pick) return undefined;
        action = pick.action;
      }
      if (action === 'delete') return articles.edit(doc, `Delete orphan "${orphan.text}"`, s => edits.deleteOrphan(s, orphan.id));
      const span = await reattachSpan(at, editor, orphan, args);
      if (!span) return undefined;
      return articles.edit(doc, `Re-attach "${orphan.text}"`, (s, text) => edits.reattachOrphan(s, text, orphan.id, span));
    },
  } satisfies Partial<Handlers<CommandId>>;
}

const REATTACH = 'Re-attach to the word';

/**
 * Where to re-attach an orphan: the span given, else the selection. With nothing selected the word under the cursor
 * is a guess (often not the words the annotation was about), so the user is asked first; undefined: not confirmed.
 */
async function reattachSpan(at: Targets, editor: vscode.TextEditor, orphan: Orphan, args?: Partial<Span>): Promise<Span | undefined> {
  if (args?.start !== undefined || args?.end !== undefined || !editor.selection.isEmpty) return at.selectionSpan(editor, args);
  const doc = editor.document;
  const word = doc.getWordRangeAtPosition(editor.selection.active);
  if (!word) throw new UserError(`Select the text to re-attach "${orphan.text}" (${orphan.type}) to first.`);
  const version = doc.version;
  const answer = await notify(
    'warning',
    `News Annotator: nothing is selected. Re-attach "${orphan.text}" (${orphan.type}) to "${doc.getText(word)}", the word under the cursor?`,
    REATTACH,
  );
  if (answer !== REATTACH) return undefined;
  if (doc.version !== version)
    throw new UserError(`The article changed meanwhile: select the text to re-attach "${orphan.text}" to, then run the command again.`);
  return at.selectionSpan(editor, { start: doc.offsetAt(word.start), end: doc.offsetAt(word.end) });
}
