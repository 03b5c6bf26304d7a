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
   * then links by them), as writes are started (CHANGE_WRITES_AHEAD ahead of the one waited for).
   */
  sidecars(): Iterable<{ article: A; path: string; sidecar: Sidecar }>;
  /** After each sidecar is written, in order: the editor reloads an open article now, not at the file event. */
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

/**
 * Sidecars written at once. Each write is a few requests to the editor's file service, waited for: one sidecar after
 * another, renaming the entity in 308 of the bench's 2,000 articles took 9.5 s in code-server; 2.6 s eight at once,
 * 2.0 s sixteen at once.
 */
export const CHANGE_WRITES_AHEAD = 16;

/** What became of one sidecar of the change. */
type SidecarOutcome = { kind: 'written'; before: string } | { kind: 'absent' } | { kind: 'skipped'; reason: string } | { kind: 'failed'; error: unknown };

/** The sidecar problems a change goes on past: the file is kept as it is (anything else, a failed write, undoes it). */
const UNUSABLE: ReadonlySet<SidecarErrorKind> = new Set(['invalid-json', 'invalid-schema', 'future-version']);

/**
 * Applies the change. Only sidecars that exist are rewritten (an article never annotated gets the decisions when it
 * is). On a failure, puts back what was written and rethrows the failure; the sidecars written are returned for undo.
 */
export async function writeCorpusChange<A>(steps: CorpusChangeSteps<A>): Promise<WrittenSidecar<A>[]> {
  await steps.writeDecisions();
  const written: WrittenSidecar<A>[] = [];
  const writeOne = async (path: string, sidecar: Sidecar): Promise<SidecarOutcome> => {
    try {
      const before = await steps.storage.readText(path);
      if (before === undefined) return { kind: 'absent' };
      await saveSidecar(steps.storage, path, sidecar);
      return { kind: 'written', before };
    } catch (e) {
      if (e instanceof SidecarError && UNUSABLE.has(e.kind)) return { kind: 'skipped', reason: e.reason };
      return { kind: 'failed', error: e };
    }
  };
  try {
    // CHANGE_WRITES_AHEAD under way, taken in order; after a failure none is started, and those under way are waited
    // for, so every sidecar written is known and put back
    const next = steps.sidecars()[Symbol.iterator]();
    const underWay: { article: A; path: string; outcome: Promise<SidecarOutcome> }[] = [];
    let failure: { error: unknown } | undefined;
    for (;;) {
      while (!failure && underWay.length < CHANGE_WRITES_AHEAD) {
        const item = next.next();
        if (item.done) break;
        underWay.push({ article: item.value.article, path: item.value.path, outcome: writeOne(item.value.path, item.value.sidecar) });
      }
      const oldest = underWay.shift();
      if (!oldest) break;
      const { article, path } = oldest;
      const outcome = await oldest.outcome;
      if (outcome.kind === 'failed') failure ??= { error: outcome.error };
      else if (outcome.kind === 'skipped') steps.skipped?.(path, outcome.reason);
      else if (outcome.kind === 'written') {
        written.push({ article, path, before: outcome.before });
        if (!failure) await steps.afterWrite?.(path, article);
      }
    }
    if (failure) throw failure.error;
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
  // CHANGE_WRITES_AHEAD at a time, each one's outcome taken in order
  const putBack = async (s: WrittenSidecar<A>) => {
    await steps.storage.writeTextAtomic(s.path, s.before);
    await steps.afterPutBack?.(s.path, s.article);
  };
  const underWay: { s: WrittenSidecar<A>; done: Promise<unknown> }[] = [];
  for (let i = 0; i < written.length || underWay.length > 0;) {
    while (i < written.length && underWay.length < CHANGE_WRITES_AHEAD) {
      const s = written[i++];
      underWay.push({
        s,
        done: putBack(s).then(
          () => undefined,
          (e: unknown) => e ?? new Error('failed'),
        ),
      });
    }
    const oldest = underWay.shift()!;
    const error = await oldest.done;
    if (error) failed.push(`${oldest.s.path} (${(error as Error).message ?? String(error)})`);
  }
  if (failed.length > 0) throw new Error(`could not put back ${failed.join(', ')}`);
}
