// One article, start to finish, as the CLI runs it: an ArticleSession that loads the sidecar, analyzes with the
// sidecar's reference date, reconciles, and saves. The editor keeps a session per open article instead.
import { ArticleSession } from '../session/session';
import type { AnalysisResult, AnalyzeOptions } from '../types';
import type { ReconcileReport } from './reconcile';
import type { LoadResult, SidecarStorage } from './storage';
import type { Sidecar, SidecarError } from './types';

export interface AnnotateArticleInput {
  storage: SidecarStorage;
  /** Where the sidecar is (sidecarPathFor(article) or under an output folder). */
  sidecarPath: string;
  /** The article's file name, stored in the sidecar. */
  file: string;
  text: string;
  analyze: (text: string, options: AnalyzeOptions) => AnalysisResult;
  /** Base analysis options; an explicit referenceDate here wins over the one the user stored in the sidecar. */
  options?: AnalyzeOptions;
  generator?: string;
  now?: string;
  /** false: only compute (e.g. `--json`), nothing is written. */
  write: boolean;
  /**
   * The sidecar as the caller already read it (loadSidecar of `sidecarPath` on `storage`), not read again: the
   * editor's index has read it to see whether it is up to date, and each read is a round trip to the editor's file
   * service. A save (`write`) then checks the file on disk against it.
   */
  stored?: LoadResult;
}

export interface AnnotateArticleResult {
  sidecar: Sidecar;
  report: ReconcileReport;
  /** The existing sidecar could not be used (it was left alone and backed up): `sidecar` is a fresh analysis, unsaved. */
  loadError?: SidecarError;
  /** Writing failed: `sidecar` is unsaved. */
  saveError?: SidecarError;
  /** Whether the file on disk now holds `sidecar` (written now or already identical). */
  saved: boolean;
  /** Whether bytes were written. */
  written: boolean;
}

export async function annotateArticle(input: AnnotateArticleInput): Promise<AnnotateArticleResult> {
  const session = new ArticleSession({
    storage: input.storage,
    sidecarPath: input.sidecarPath,
    file: input.file,
    analyzer: { analyze: (text, options) => input.analyze(text, options ?? {}) },
    generator: input.generator,
    // reconcile's own default when no time is given: runs stay reproducible
    now: () => input.now ?? new Date(0).toISOString(),
    analyzeOptions: () => input.options ?? {},
    backupUnusable: input.write,
  });
  await session.load(input.stored);
  const { sidecar, report } = session.analyze(input.text);
  const loadError = session.loadError;
  const result: AnnotateArticleResult = { sidecar, report, loadError, saved: false, written: false };
  if (!input.write || loadError) return result;
  const saved = await session.save();
  if (saved.saved) {
    result.saved = true;
    result.written = saved.written;
  } else {
    result.saveError = saved.error;
  }
  return result;
}
