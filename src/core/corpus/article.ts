// Building the index's view of an article from what the host has: a sidecar that is up to date, or a fresh analysis.
import type { Sidecar } from '../sidecar';
import type { AnalysisResult, Annotation } from '../types';
import type { CorpusArticle } from './types';

/**
 * An annotation as the index keeps it: the stored one without its quote context (`prefix`, `suffix`), which only
 * re-anchoring after an edit uses. Memory for a large corpus, and what lets the lean reader skip reading them.
 */
export function withoutContext(a: Annotation): Annotation {
  const out: Annotation = { id: a.id, type: a.type, start: a.start, end: a.end, text: a.text, source: a.source };
  if (a.entity !== undefined) out.entity = a.entity;
  if (a.value !== undefined) out.value = a.value;
  if (a.precision !== undefined) out.precision = a.precision;
  if (a.note !== undefined) out.note = a.note;
  if (a.reviewed !== undefined) out.reviewed = a.reviewed;
  if (a.valueFixed !== undefined) out.valueFixed = a.valueFixed;
  return out;
}

/** The article as its (up-to-date) sidecar describes it. The caller checks `sidecar.document.sha256` first. */
export function corpusArticleFromSidecar(path: string, text: string, sidecar: Sidecar): CorpusArticle {
  return {
    path,
    text,
    sha256: sidecar.document.sha256,
    referenceDate: sidecar.document.referenceDate,
    annotations: sidecar.annotations.map(withoutContext),
    entities: sidecar.entities,
    rejections: sidecar.rejections.map(r => ({ start: r.start, end: r.end })),
  };
}

/** The article as an in-memory analysis found it (no sidecar, or a stale one). */
export function corpusArticleFromAnalysis(path: string, text: string, sha256: string, result: AnalysisResult): CorpusArticle {
  return { path, text, sha256, referenceDate: result.referenceDate?.value ?? null, annotations: result.annotations, entities: result.entities };
}
