// A corpus decision written to disk as one change: the decisions file first, then each sidecar whose entities the
// decision changes (never the article text). A write that fails midway puts back everything already written, the
// decisions file included, so every file is either old or new: a rename or merge is never half applied. Undo puts
// the same files back byte for byte. The host supplies the file steps; the order and the put-back are here, so they
// are tested in Node against a real disk (test/unit/core/corpus/change-faults.test.ts).
import { SidecarError, type Sidecar, type SidecarErrorKind } from '../sidecar/types';
import { saveSidecar, type SidecarStorage } from '../sidecar/storage';

/** A sidecar the change wrote, with its whole text before. `A` is the host's handle of the article. */
export interface WrittenSidecar<A> {
  article: A;
  path: string;
  before: string;
}

export interface CorpusChangeSteps<A> {
  storage: SidecarStorage;
  /** Writes the new decisions file (atomically; the host refuses when it may not, e.g. in Restricted Mode). */
  writeDecisions(): Promise<void>;
  /** Puts the decisions file back as it was before writeDecisions (deletes it when there was none). */
  restoreDecisions(): Promise<void>;
  /**
   * The sidecars to rewrite, each with its new content. Iterated only after the decisions are written (the corpus
   * then links by them), one at a time between writes.
   */
  sidecars(): Iterable<{ article: A; path: string; sidecar: Sidecar }>;
  /** After each sidecar is written: the editor reloads an open article now, not at the file event. */
  afterWrite?(path: string, article: A): Promise<void>;
  /** After each sidecar is put back (on a failure or undo): the editor also re-indexes the article. */
  afterPutBack?(path: string, article: A): Promise<void>;
  /**
   * A sidecar left alone because it is unusable (corrupt, or from a newer version; `reason` says why): such a file is
   * the user's to fix and never overwritten, so the change goes on without it (the decision is in the decisions file,
   * and the article follows it when annotated again).
   */
  skipped?(path: string, reason: string): void;
}

/** The sidecar problems a change goes on past: the file is kept as it is (anything else, a failed write, undoes it). */
const UNUSABLE: ReadonlySet<SidecarErrorKind> = new Set(['invalid-json', 'invalid-schema', 'future-version']);

/**
 * Applies the change. Only sidecars that exist are rewritten (an article never annotated gets the decisions when it
 * is). On a failure, puts back what was written and rethrows the failure; the sidecars written are returned for undo.
 */
export async function writeCorpusChange<A>(steps: CorpusChangeSteps<A>): Promise<WrittenSidecar<A>[]> {
  await steps.writeDecisions();
  const written: WrittenSidecar<A>[] = [];
  try {
    for (const { article, path, sidecar } of steps.sidecars()) {
      const before = await steps.storage.readText(path);
      if (before === undefined) continue;
      try {
        await saveSidecar(steps.storage, path, sidecar);
      } catch (e) {
        if (!(e instanceof SidecarError && UNUSABLE.has(e.kind))) throw e;
        steps.skipped?.(path, e.reason);
        continue;
      }
      written.push({ article, path, before });
      await steps.afterWrite?.(path, article);
    }
  } catch (e) {
    const failedPutBack = await putBackCorpusChange(steps, written).then(
      () => undefined,
      (p: Error) => p,
    );
    if (failedPutBack) throw new Error(`${(e as Error).message}; putting the change back failed too: ${failedPutBack.message}`, { cause: e });
    throw e;
  }
  return written;
}

/**
 * Puts the decisions file and the `written` sidecars back as they were, byte for byte. Goes on past a file that
 * cannot be written (each one put back is one less lost) and then throws, naming those that could not be.
 */
export async function putBackCorpusChange<A>(
  steps: Pick<CorpusChangeSteps<A>, 'storage' | 'restoreDecisions' | 'afterPutBack'>,
  written: readonly WrittenSidecar<A>[],
): Promise<void> {
  const failed: string[] = [];
  // the decisions first: an open article reloading its sidecar is analyzed with the decisions of that state
  await steps.restoreDecisions().catch((e: Error) => failed.push(`the decisions file (${e.message})`));
  for (const s of written) {
    try {
      await steps.storage.writeTextAtomic(s.path, s.before);
      await steps.afterPutBack?.(s.path, s.article);
    } catch (e) {
      failed.push(`${s.path} (${(e as Error).message})`);
    }
  }
  if (failed.length > 0) throw new Error(`could not put back ${failed.join(', ')}`);
}
