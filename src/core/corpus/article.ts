// Building the index's view of an article from what the host has: a sidecar that is up to date, or a fresh analysis.
import type { Sidecar } from '../sidecar';
import type { AnalysisResult } from '../types';
import type { CorpusArticle } from './types';

/** The article as its (up-to-date) sidecar describes it. The caller checks `sidecar.document.sha256` first. */
export function corpusArticleFromSidecar(path: string, text: string, sidecar: Sidecar): CorpusArticle {
  return {
    path,
    text,
    sha256: sidecar.document.sha256,
    referenceDate: sidecar.document.referenceDate,
    annotations: sidecar.annotations,
    entities: sidecar.entities,
    rejections: sidecar.rejections.map(r => ({ start: r.start, end: r.end })),
  };
}

/** The article as an in-memory analysis found it (no sidecar, or a stale one). */
export function corpusArticleFromAnalysis(path: string, text: string, sha256: string, result: AnalysisResult): CorpusArticle {
  return { path, text, sha256, referenceDate: result.referenceDate?.value ?? null, annotations: result.annotations, entities: result.entities };
}

/**
 * @internal What an article may know of its entities without reading its annotations (one taken from the corpus
 * snapshot counted them when its record was checked): for the entity at position k of its entities, how many
 * annotations mention it (at 2k) and the position of the first (at 2k + 1; by start, the earliest listed on a tie;
 * -1 when none). A list read in place, not a call per entity: the index reads it for every entity of the corpus when
 * a session starts, before that code is optimised. Never modified.
 */
export interface MentionCounts {
  readonly entityCounts: Int32Array;
}
