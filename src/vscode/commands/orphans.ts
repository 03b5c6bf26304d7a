// Orphaned annotations (the user's annotations whose text was deleted): pick one, then re-attach it to the
// selection or delete it.
import * as vscode from 'vscode';
import { plainText } from '../../core';
import * as edits from '../../core/sidecar';
import { notify } from '../notices';
import type { CommandId } from './contributions';
import type { CommandHost } from './host';
import type { Handlers } from './table';
import type { Targets } from './target';
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
        const pick = await vscode.window.showQuickPick(view.orphans.map(o => ({
          label: plainText(o.text), description: `${o.type} · was at ${o.start}–${o.end}`, detail: plainText(`…${o.prefix}[${o.text}]${o.suffix}…`, 200), id: o.id,
        })), { placeHolder: 'Orphaned annotations: their text is no longer in the article. Pick one to re-attach or delete.' });
        if (!pick) return undefined;
        id = pick.id;
      }
      const orphan = view.orphans.find(o => o.id === id);
      if (!orphan) throw new UserError(`No orphaned annotation ${id} in this article.`);
      let action = args?.action;
      if (!action) {
        const pick = await vscode.window.showQuickPick([
          { label: 'Re-attach to the current selection', action: 'reattach' as const },
          { label: 'Delete', action: 'delete' as const },
        ], { placeHolder: `"${orphan.text}" (${orphan.type})` });
        if (!pick) return undefined;
        action = pick.action;
      }
      if (action === 'delete') return articles.edit(doc, `Delete orphan "${orphan.text}"`, s => edits.deleteOrphan(s, orphan.id));
      const span = at.selectionSpan(editor, args);
      return articles.edit(doc, `Re-attach "${orphan.text}"`, (s, text) => edits.reattachOrphan(s, text, orphan.id, span));
    },
  } satisfies Partial<Handlers<CommandId>>;
}
