// Reviewing an article: label the selection or the mention under the cursor, accept mentions one by one or the whole
// article, move to the mentions still to review, notes on mentions, and annotation mode (single keys for all of it).
// Labelling reuses Add Annotation and Change Type; accepting is a core session edit (src/core/session/review.ts), so
// it is undone and redone like any other annotation change.
import * as vscode from 'vscode';
import {
  acceptAll,
  acceptAnnotations,
  annotationAt,
  isReviewed,
  nextUnreviewed,
  plainText,
  reviewCounts,
  reviewProgressText,
  type AnnotationType,
} from '../../core';
import * as edits from '../../core';
import { notify } from '../notices';
import type { CommandId } from './contributions';
import { mentions } from './counts';
import type { CommandHost } from './host';
import { pickType } from './pick';
import type { Handlers } from './table';
import type { Targets } from './target';

export function reviewCommands(host: CommandHost, at: Targets) {
  const { articles, mode } = host;

  /** Puts the cursor (no selection, so the next key does not overwrite the name) on the next or previous unreviewed mention. */
  async function moveToUnreviewed(direction: 1 | -1): Promise<vscode.Range | undefined> {
    const editor = at.article();
    const view = await at.viewOf(editor.document);
    const doc = editor.document;
    const target = nextUnreviewed(view, doc.offsetAt(editor.selection.active), direction);
    if (!target) {
      void notify('info', `News Annotator: every mention of this article is reviewed (${reviewProgressText(view)}).`);
      return undefined;
    }
    const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  return {
    'newsAnnotator.toggleAnnotationMode': async (on?: boolean) => {
      const turnOn = typeof on === 'boolean' ? on : !mode.active;
      if (turnOn) at.article(); // says what to open when no article is active
      return mode.set(turnOn);
    },

    'newsAnnotator.leaveAnnotationMode': async () => mode.set(false),

    'newsAnnotator.label': async (args?: { type?: AnnotationType }) => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      const here = editor.selection.isEmpty ? annotationAt(view, editor.document.offsetAt(editor.selection.active)) : undefined;
      const type = await pickType(args, here ? `Label "${plainText(here.text)}" as…` : 'Label the selection (or the word under the cursor) as…');
      if (!type) return undefined;
      if (!here) return vscode.commands.executeCommand('newsAnnotator.addAnnotation', { type });
      // the same label again confirms the mention; another one corrects it
      if (here.type === type) return vscode.commands.executeCommand('newsAnnotator.acceptAnnotation');
      return vscode.commands.executeCommand('newsAnnotator.changeType', { type });
    },

    'newsAnnotator.acceptAnnotation': async () => {
      const editor = at.article();
      const { view, a } = await at.atCursor(editor);
      if (isReviewed(a)) {
        vscode.window.setStatusBarMessage(`News Annotator: "${plainText(a.text)}" is already reviewed`, 4000);
        return view;
      }
      return articles.edit(editor.document, `Accept "${a.text}"`, s => acceptAnnotations(s, [a.id]));
    },

    'newsAnnotator.markArticleReviewed': async () => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      const { reviewed, total } = reviewCounts(view.annotations);
      if (reviewed === total) {
        void notify('info', `News Annotator: all ${mentions(total)} of this article are already reviewed.`);
        return view;
      }
      let accepted = 0;
      const result = await articles.edit(editor.document, 'Mark article reviewed', s => {
        const next = acceptAll(s);
        accepted = reviewCounts(next.annotations).reviewed - reviewCounts(s.annotations).reviewed;
        return next;
      });
      void notify('info', `News Annotator: accepted ${mentions(accepted)}; ${result ? reviewProgressText(result) : 'all reviewed'}.`);
      return result;
    },

    'newsAnnotator.nextUnreviewed': async () => moveToUnreviewed(1),
    'newsAnnotator.previousUnreviewed': async () => moveToUnreviewed(-1),

    'newsAnnotator.editNote': async (args?: { note?: string }) => {
      const editor = at.article();
      const { a } = await at.atCursor(editor);
      let note = typeof args?.note === 'string' ? args.note : undefined;
      if (note === undefined) {
        note = await vscode.window.showInputBox({
          title: `News Annotator: Note on "${plainText(a.text, 80)}"`,
          prompt: 'A note kept in the sidecar and exported (brat, W3C, CSV). Leave empty to remove the note.',
          value: a.note ?? '',
        });
        if (note === undefined) return undefined;
      }
      const text = note.trim();
      if (text === (a.note ?? '')) return articles.get(editor.document.uri);
      // a note makes an automatic mention the user's own (manual), so re-analysis keeps it
      return articles.edit(editor.document, text ? `Note on "${a.text}"` : `Remove note on "${a.text}"`, (s, t) => edits.setNote(s, t, a.id, text));
    },
  } satisfies Partial<Handlers<CommandId>>;
}
