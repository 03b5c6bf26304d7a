// Annotating: the whole article, one span, every occurrence of a name; retyping and removing; the reference date;
// undo and redo of these changes.
import * as vscode from 'vscode';
import { annotationAt, nameKey, plainText, type AnnotationType } from '../../core';
import type { ArticleView } from '../articles';
import { carryOver, pickScope, type CorrectionScope } from '../corpus/carryOver';
import * as edits from '../../core';
import { notify } from '../notices';
import type { CommandId } from './contributions';
import { annotatedAllMessage, mentions, mentionsRemoved, spansChanged } from './counts';
import type { CommandHost } from './host';
import { pickEntity, pickType } from './pick';
import type { Handlers } from './table';
import type { Targets } from './target';
import { reportingUserErrors, UserError } from './userError';

interface EntityArgs {
  type?: AnnotationType;
  entity?: string;
  entityName?: string;
}

/** The annotations of the article with the same name (spaces and case ignored), for "this article" corrections. */
const sameName = (view: ArticleView, text: string) => view.annotations.filter(x => nameKey(x.text) === nameKey(text));

export function annotateCommands(host: CommandHost, at: Targets) {
  const { articles } = host;
  return {
    'newsAnnotator.annotate': async () => {
      const editor = at.article();
      host.toggleHighlights(true);
      return host.reannotate(editor.document);
    },

    'newsAnnotator.toggleHighlights': (visible?: boolean) => host.toggleHighlights(typeof visible === 'boolean' ? visible : undefined),

    'newsAnnotator.addAnnotation': async (args?: EntityArgs & { start?: number; end?: number }) => {
      const editor = at.article();
      const span = at.selectionSpan(editor, args);
      const view = await at.viewOf(editor.document);
      const type = await pickType(args, 'Annotate the selection as…');
      if (!type) return undefined;
      const surface = editor.document.getText().slice(span.start, span.end);
      const entity = await pickEntity(view, type, surface, args);
      if (entity === null) return undefined;
      // a date's value is resolved from its text by the analysis the edit runs (and again whenever it re-runs)
      return articles.edit(editor.document, `Add ${type} "${surface}"`, (s, text) => edits.addAnnotation(s, text, span, type, entity));
    },

    'newsAnnotator.changeType': async (args?: { type?: AnnotationType; scope?: CorrectionScope }) => {
      const editor = at.article();
      const { a } = await at.atCursor(editor);
      const type = await pickType(args, `Change "${a.text}" (${a.type}) to…`);
      if (!type || type === a.type) return undefined;
      const scope = await pickScope(args, a.text, 'article');
      if (!scope) return undefined;
      const ids =
        scope === 'mention'
          ? [a.id]
          : sameName(await at.viewOf(editor.document), a.text)
              .filter(x => x.type !== type)
              .map(x => x.id);
      const view = await articles.edit(editor.document, `Change "${a.text}" to ${type}`, (s, text) =>
        // 'mention' records no rejection of the old type, so the name is not corrected article-wide (core corrections.ts)
        ids.reduce((acc, id) => edits.retypeAnnotation(acc, text, id, type, { scope: scope === 'mention' ? 'mention' : 'article' }), s),
      );
      if (scope === 'corpus') await carryOver(host.corpus, { name: a.text, action: 'retype', type }, !args);
      return view;
    },

    'newsAnnotator.removeAnnotation': async (args?: { scope?: CorrectionScope }) => {
      const editor = at.article();
      const doc = editor.document;
      const { a } = await at.atCursor(editor);
      const remove = async (scope: CorrectionScope) => {
        const ids = scope === 'mention' ? [a.id] : sameName(await at.viewOf(doc), a.text).map(x => x.id);
        if (ids.length === 0) return articles.get(doc.uri);
        const view = await articles.edit(doc, `Remove "${a.text}"`, (s, text) => ids.reduce((acc, id) => edits.removeAnnotation(acc, text, id), s));
        if (scope === 'corpus') await carryOver(host.corpus, { name: a.text, action: 'reject' }, !args);
        return view;
      };
      if (args?.scope !== undefined) return remove((await pickScope(args, a.text, 'mention'))!);
      const view = await remove('mention');
      // removing stays one keystroke: the wider scopes are offered afterwards, without waiting for an answer
      if (!args) {
        void notify('info', `News Annotator: removed this "${plainText(a.text)}". Remove it more widely?`, 'In This Article', 'In Every Article').then(
          choice => {
            if (choice) void reportingUserErrors(() => remove(choice === 'In This Article' ? 'article' : 'corpus'));
          },
        );
      }
      return view;
    },

    'newsAnnotator.annotateAllOccurrences': async (args?: EntityArgs & { text?: string }) => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      const doc = editor.document;
      let surface = args?.text;
      if (!surface) {
        if (editor.selection.isEmpty) {
          const a = annotationAt(view, doc.offsetAt(editor.selection.active));
          if (!a) throw new UserError('Select the words to annotate everywhere first.');
          surface = a.text;
        } else {
          const span = at.selectionSpan(editor);
          surface = doc.getText().slice(span.start, span.end);
        }
      }
      const type = await pickType(args, `Annotate every "${surface}" as…`);
      if (!type) return undefined;
      const entity = await pickEntity(view, type, surface, args);
      if (entity === null) return undefined;
      const found = edits.occurrencesOf(doc.getText(), surface).length;
      if (found === 0) throw new UserError(`"${surface}" does not occur as a whole word in this article.`);
      let changed = 0;
      const result = await articles.edit(doc, `Annotate all ${found} "${surface}" as ${type}`, (s, text) => {
        const next = edits.annotateAllOccurrences(s, text, surface, type, entity);
        const name = surface.trim();
        changed = spansChanged(
          s,
          next,
          edits.occurrencesOf(text, name).map(start => ({ start, end: start + name.length })),
        );
        return next;
      });
      void notify('info', `News Annotator: ${annotatedAllMessage(surface, type, changed, found)}`);
      return result;
    },

    'newsAnnotator.removeAllOccurrences': async (args?: { text?: string }) => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      const doc = editor.document;
      let surface = args?.text;
      if (!surface) {
        const a = annotationAt(view, doc.offsetAt(editor.selection.active));
        surface = editor.selection.isEmpty ? a?.text : doc.getText(editor.selection).trim();
      }
      if (!surface) throw new UserError('Select a mention (or put the cursor on one) first.');
      const target = surface;
      if (!view.annotations.some(a => a.text === target)) throw new UserError(`No annotation of "${target}" in this article.`);
      let removed = 0;
      const result = await articles.edit(doc, `Remove all "${target}"`, (s, text) => {
        const next = edits.removeAllOccurrences(s, text, target);
        removed = mentionsRemoved(s, next);
        return next;
      });
      void notify('info', `News Annotator: removed ${mentions(removed)} of "${target}".`);
      return result;
    },

    'newsAnnotator.setReferenceDate': async (args?: string | { date?: string | null }) => {
      const editor = at.article();
      const view = await at.viewOf(editor.document);
      let value: string | null | undefined = typeof args === 'string' ? args : args?.date;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: 'News Annotator: Set Reference Date',
          prompt: 'The article\'s publication date, used to resolve "Tuesday", "last week"... Leave empty to go back to the detected date.',
          placeHolder: 'YYYY-MM-DD',
          value: view.referenceDate?.value ?? '',
          validateInput: v => (v.trim() === '' || edits.isIsoDay(v.trim()) ? undefined : 'Enter a real date as YYYY-MM-DD, e.g. 2015-11-25.'),
        });
        if (value === undefined) return undefined;
        value = value.trim() || null;
      }
      if (value !== null && !edits.isIsoDay(value)) throw new UserError(`"${value}" is not a date as YYYY-MM-DD (e.g. 2015-11-25).`);
      const v = value;
      return articles.edit(editor.document, v ? `Set reference date ${v}` : 'Clear reference date', s => edits.setReferenceDate(s, v));
    },

    'newsAnnotator.setDateValue': async (args?: string | { value?: string | null }) => {
      const editor = at.article();
      const { a } = await at.atCursor(editor);
      if (a.type !== 'date') throw new UserError(`"${a.text}" is a ${a.type}: put the cursor on a date to set its value.`);
      let value: string | null | undefined = typeof args === 'string' ? args : args?.value;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: `News Annotator: Set Date Value of "${a.text}"`,
          prompt:
            'A TIMEX3 value (2015-11-25, 2015-11, 2015-W48, 2015-Q4, 2015-SU, 2015-11-25T14:30, 199 for the 1990s, PRESENT_REF...). Leave empty to resolve it from the text again.',
          value: a.value ?? '',
          validateInput: v => (v.trim() === '' ? undefined : edits.timexProblem(v.trim())),
        });
        if (value === undefined) return undefined;
        value = value.trim() || null;
      }
      const problem = value === null ? undefined : edits.timexProblem(value);
      if (problem) throw new UserError(problem);
      const v = value;
      return articles.edit(editor.document, v ? `Set "${a.text}" to ${v}` : `Resolve "${a.text}" again`, (s, text) => edits.setDateValue(s, text, a.id, v));
    },

    'newsAnnotator.undo': async () => {
      const label = await articles.undo(at.article().document);
      if (!label) void notify('info', 'News Annotator: no annotation change to undo for this article.');
      else vscode.window.setStatusBarMessage(`News Annotator: undid ${plainText(label)}`, 4000);
      return label;
    },

    'newsAnnotator.redo': async () => {
      const label = await articles.redo(at.article().document);
      if (!label) void notify('info', 'News Annotator: no undone annotation change to redo for this article.');
      else vscode.window.setStatusBarMessage(`News Annotator: redid ${plainText(label)}`, 4000);
      return label;
    },
  } satisfies Partial<Handlers<CommandId>>;
}
