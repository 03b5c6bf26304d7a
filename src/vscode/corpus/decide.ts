// Applying a decision about corpus entities (rename, merge, split, external id, note): a preview with the counts of
// mentions and articles touched, the decisions file written, the decisions reflected into the entities of every
// sidecar they change (never the article text), and undo: the decisions file and each sidecar put back byte for
// byte. A write that fails midway puts back what was already written, so every sidecar is either old or new (the
// order and the put-back are the core's writeCorpusChange; here the editor's files, index and open articles).
import * as vscode from 'vscode';
import {
  addEntityDecision,
  putBackCorpusChange,
  reflectDecisions,
  writeCorpusChange,
  type ChangePreview,
  type CorpusChangeSteps,
  type EntityDecision,
  type Sidecar,
} from '../../core';
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
    const { decisions, index } = this.wc;
    // the articles taken from the corpus snapshot: their whole sidecars, which the change rewrites
    await index.loadSidecars();
    const change: CorpusChange = { label, preview, decisionsBefore: decisions.snapshot, sidecars: [], skipped: [] };
    // the index reads the sidecars written once they all are (and does not change under the reflection meanwhile)
    await index.whileWriting(async () => {
      const written = await writeCorpusChange({
        ...this.steps(change),
        writeDecisions: () => decisions.write(addEntityDecision(decisions.decisions, decision)),
        sidecars: () => this.reflected(),
        skipped: (sidecar, reason) => change.skipped.push({ sidecar, reason }),
      });
      change.sidecars = written.map(w => ({ article: w.article, sidecar: w.path, before: w.before }));
      for (const s of change.sidecars) index.update(s.article);
    });
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

  /** The sidecars the decisions now change: each existing article's, with the decisions reflected into its entities. */
  private *reflected(): Iterable<{ article: vscode.Uri; path: string; sidecar: Sidecar }> {
    const { index, files } = this.wc;
    for (const article of index.corpus.articles()) {
      const sidecar = index.sidecarOf(article.path);
      const uri = index.uriOf(article.path);
      if (!sidecar || !uri) continue;
      const entities = reflectDecisions(index.corpus, article.path, sidecar.entities);
      if (entities === sidecar.entities) continue;
      yield { article: uri, path: files.locate(uri).toString(), sidecar: { ...sidecar, entities: [...entities] } };
    }
  }

  /** How the editor puts a change back and follows each file written. */
  private steps(change: CorpusChange): Omit<CorpusChangeSteps<vscode.Uri>, 'writeDecisions' | 'sidecars'> {
    return {
      storage: this.wc.files.storage,
      restoreDecisions: () => this.wc.decisions.restore(change.decisionsBefore),
      afterWrite: path => this.wc.articles.sidecarChanged(vscode.Uri.parse(path)),
      afterPutBack: async (path, article) => {
        await this.wc.articles.sidecarChanged(vscode.Uri.parse(path));
        this.wc.index.update(article);
      },
    };
  }

  private putBack(change: CorpusChange): Promise<void> {
    return this.wc.index.whileWriting(() =>
      putBackCorpusChange(
        this.steps(change),
        change.sidecars.map(s => ({ article: s.article, path: s.sidecar, before: s.before })),
      ),
    );
  }
}
