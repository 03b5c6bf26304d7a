// Where a correction applies: this mention, this article, or every article. "Every article" is stored in the
// decisions file (`corrections`), after a preview of the mentions and articles of that name in the corpus; the
// analysis then follows it everywhere (WorkspaceLexicon.setCorrections, WorkspaceCorpus.followDecisions).
import * as vscode from 'vscode';
import { nameKey, setCorrection, type Correction } from '../../core';
import { UserError } from '../commands/userError';
import { notify } from '../notices';
import type { WorkspaceCorpus } from '.';

export type CorrectionScope = 'mention' | 'article' | 'corpus';
export const SCOPES: readonly CorrectionScope[] = ['mention', 'article', 'corpus'];

/**
 * `args.scope` when given; from code (or a keybinding with arguments) without one, `preferred`: the command's
 * default (Change Type: this article, as issue 12 asks; Remove Annotation: this mention); run by the user, a pick
 * with `preferred` first. Undefined: cancelled.
 */
export async function pickScope(args: { scope?: unknown } | undefined, what: string, preferred: CorrectionScope): Promise<CorrectionScope | undefined> {
  if (args?.scope !== undefined) {
    if (!SCOPES.includes(args.scope as CorrectionScope)) throw new UserError(`Unknown scope "${String(args.scope)}": use one of ${SCOPES.join(', ')}.`);
    return args.scope as CorrectionScope;
  }
  if (args) return preferred;
  const items = [
    { label: 'This article', description: `every "${what}" in this article`, scope: 'article' as const },
    { label: 'This mention', description: 'only the one under the cursor', scope: 'mention' as const },
    { label: 'Every article', description: `every "${what}" in the workspace, now and in new text (.news-annotator/entities.json)`, scope: 'corpus' as const },
  ].sort((a, b) => Number(b.scope === preferred) - Number(a.scope === preferred));
  return (await vscode.window.showQuickPick(items, { placeHolder: `Apply to…` }))?.scope;
}

/** The mentions and articles of a name in the corpus (what an every-article correction touches). */
export function correctionPreview(wc: WorkspaceCorpus, name: string): { mentions: number; articles: number } {
  const key = nameKey(name);
  let mentions = 0;
  let articles = 0;
  for (const article of wc.index.corpus.articles()) {
    const n = article.annotations.filter(a => nameKey(a.text) === key).length;
    mentions += n;
    if (n > 0) articles++;
  }
  return { mentions, articles };
}

/** Stores an every-article correction after the preview; resolves whether it was stored. */
export async function carryOver(wc: WorkspaceCorpus, correction: Correction, confirm: boolean): Promise<boolean> {
  await wc.whenIdle();
  const { mentions, articles } = correctionPreview(wc, correction.name);
  const what = correction.action === 'reject' ? `"${correction.name}" is never annotated` : `"${correction.name}" is always a ${correction.type}`;
  if (confirm) {
    const answer = await vscode.window.showWarningMessage(
      `In every article: ${what}?`,
      {
        modal: true,
        detail: `The workspace has ${mentions} mention${mentions === 1 ? '' : 's'} of it in ${articles} article${articles === 1 ? '' : 's'}. Open articles are analyzed again now, the others when they are next annotated (Annotate All Articles). Kept in .news-annotator/entities.json.`,
      },
      'Apply',
    );
    if (answer !== 'Apply') return false;
  }
  await wc.decisions.write(setCorrection(wc.decisions.decisions, correction));
  void notify('info', `News Annotator: in every article, ${what}.`);
  return true;
}
