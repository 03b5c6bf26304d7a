// One article, start to finish: read its sidecar, analyse with the sidecar's reference date, reconcile, and save.
// Used by the CLI; the editor can call it too, or the steps one by one (loadSidecar, analyzeOptionsFor, analyze,
// reconcile, saveSidecar) when it keeps the sidecar in memory between edits.
import type { AnalysisResult, AnalyzeOptions } from '../types';
import { analyzeOptionsFor, reconcile, type ReconcileReport } from './reconcile';
import { loadSidecar, saveSidecar, type SidecarStorage } from './storage';
import { SidecarError, type Sidecar } from './types';

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
  const loaded = await loadSidecar(input.storage, input.sidecarPath, { backup: input.write });
  const previous = loaded.status === 'ok' ? loaded.sidecar : undefined;
  const loadError = loaded.status === 'error' ? loaded.error : undefined;
  const analysis = input.analyze(input.text, analyzeOptionsFor(previous, input.options));
  const { sidecar, report } = reconcile({ text: input.text, file: input.file, analysis, previous, generator: input.generator, now: input.now });
  const result: AnnotateArticleResult = { sidecar, report, loadError, saved: false, written: false };
  if (!input.write || loadError) return result;
  try {
    const saved = await saveSidecar(input.storage, input.sidecarPath, sidecar, {
      checkMtime: true,
      expectedMtime: loaded.status === 'ok' ? loaded.mtime : undefined,
      expectedText: loaded.status === 'ok' ? loaded.text : undefined,
    });
    result.saved = true;
    result.written = saved.written;
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    result.saveError = e;
  }
  return result;
}
