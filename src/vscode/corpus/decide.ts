// Applying a decision about corpus entities (rename, merge, split, external id, note): a preview with the counts of
// mentions and articles touched, the decisions file written, the decisions reflected into the entities of every
// sidecar they change (never the article text), and undo: the decisions file and each sidecar put back byte for
// byte. A write that fails midway puts back what was already written, so every sidecar is either old or new.
import * as vscode from 'vscode';
import { addEntityDecision, reflectDecisions, saveSidecar, SidecarError, type ChangePreview, type EntityDecision } from '../../core';
import { notify } from '../notices';
import type { WorkspaceCorpus } from '.';

/** What a decision wrote, to put it back. */
export interface CorpusChange {
  label: string;
  preview: ChangePreview;
  /** The decisions file before (undefined: there was none). */
  decisionsBefore: string | undefined;
  /** Each sidecar written, with its text before. */
  sidecars: { article: vscode.Uri; sidecar: string; before: string }[];
  /** Sidecars left alone because they are unusable (corrupt, or from a newer version): never overwritten, with why. */
  skipped: { sidecar: string; reason: string }[];
}

/** A sidecar that is never overwritten (it is kept for the user to fix); the change goes on without it. */
const UNUSABLE = new Set(['invalid-json', 'invalid-schema', 'future-version']);

export interface DecideOptions {
  /** false: no modal preview (tests, scripted use); the preview is still returned. */
  confirm?: boolean;
}

export class CorpusDecider {
  private readonly done: CorpusChange[] = [];

  constructor(private readonly wc: WorkspaceCorpus) {}

  /** The changes that can be undone, the latest last. */
  get history(): readonly CorpusChange[] {
    return this.done;
  }

  async apply(label: string, decision: EntityDecision, preview: ChangePreview, options: DecideOptions = {}): Promise<CorpusChange | undefined> {
    if (options.confirm !== false) {
      const answer = await vscode.window.showWarningMessage(
        `${label}?`,
        {
          modal: true,
          detail: `This changes ${preview.mentions} mention${preview.mentions === 1 ? '' : 's'} in ${preview.articles} article${preview.articles === 1 ? '' : 's'}: the entities in their sidecar files and ${'.news-annotator/entities.json'}. The article text is not changed. You can undo it.`,
        },
        'Apply',
      );
      if (answer !== 'Apply') return undefined;
    }
    const { decisions, index, files } = this.wc;
    const change: CorpusChange = { label, preview, decisionsBefore: decisions.snapshot, sidecars: [], skipped: [] };
    await decisions.write(addEntityDecision(decisions.decisions, decision));
    try {
      for (const article of index.corpus.articles()) {
        const sidecar = index.sidecarOf(article.path);
        const uri = index.uriOf(article.path);
        if (!sidecar || !uri) continue;
        const entities = reflectDecisions(index.corpus, article.path, sidecar.entities);
        if (entities === sidecar.entities) continue;
        const path = files.locate(uri).toString();
        // only sidecars that exist: an article never annotated gets the decisions when it is
        const before = await files.storage.readText(path);
        if (before === undefined) continue;
        try {
          await saveSidecar(files.storage, path, { ...sidecar, entities: [...entities] });
        } catch (e) {
          // a corrupt sidecar on disk is the user's to fix, never overwritten: the decision is in the decisions file,
          // so the article follows it when it is annotated again; anything else (a failed write) undoes the change
          if (!(e instanceof SidecarError && UNUSABLE.has(e.kind))) throw e;
          change.skipped.push({ sidecar: path, reason: e.reason });
          continue;
        }
        change.sidecars.push({ article: uri, sidecar: path, before });
        // an open article reloads it now, not when the file event arrives (the index follows the editor)
        await this.wc.articles.sidecarChanged(vscode.Uri.parse(path));
      }
    } catch (e) {
      await this.putBack(change);
      throw e;
    }
    for (const s of change.sidecars) index.update(s.article);
    this.done.push(change);
    const skipped = change.skipped.length
      ? ` Left alone (fix them, then annotate again): ${change.skipped.map(x => `${x.sidecar}: ${x.reason}`).join('; ')}.`
      : '';
    void notify(skipped ? 'warning' : 'info', `News Annotator: ${label}: ${preview.mentions} mentions in ${preview.articles} articles.${skipped}`, 'Undo').then(
      choice => {
        if (choice === 'Undo') void this.undo(change);
      },
    );
    return change;
  }

  /** Puts back the decisions file and the sidecars of `change` (default: the latest change). */
  async undo(change: CorpusChange | undefined = this.done[this.done.length - 1]): Promise<CorpusChange | undefined> {
    if (!change) return undefined;
    const at = this.done.indexOf(change);
    if (at >= 0) this.done.splice(at, 1);
    await this.putBack(change);
    void notify('info', `News Annotator: undone: ${change.label}.`);
    return change;
  }

  private async putBack(change: CorpusChange): Promise<void> {
    const { decisions, index, files } = this.wc;
    // the decisions first: an open article reloading its sidecar is analyzed with the decisions of that state
    await decisions.restore(change.decisionsBefore);
    for (const s of change.sidecars) {
      await files.storage.writeTextAtomic(s.sidecar, s.before);
      await this.wc.articles.sidecarChanged(vscode.Uri.parse(s.sidecar));
      index.update(s.article);
    }
  }
}
