// The editor's view of the sidecar model: the core's reconcile and edit operations, plus what only the editor
// needs (moving stored spans along with typing before the next reconcile).
import type { AnalysisResult, AnalyzeOptions } from '../core';
import { analyzeOptionsFor, reconcile, type Sidecar } from '../core/sidecar';

export type EditableSidecar = Sidecar;

export {
  addAnnotation, annotateAllOccurrences, deleteOrphan, EditError, isIsoDay, occurrencesOf, reattachOrphan, removeAllOccurrences,
  removeAnnotation, removeEntity, retypeAnnotation, retypeEntity, setReferenceDate, type AddOptions,
} from '../core/sidecar';

/** Merges a fresh analysis with the stored sidecar: manual work kept (or orphaned), rejections honoured. */
export function reconcileModel(text: string, analysis: AnalysisResult, previous: Sidecar | null, file: string, generator: string): Sidecar {
  return reconcile({ text, file, analysis, previous: previous ?? undefined, generator, now: new Date().toISOString() }).sidecar;
}

/** Analysis options honouring the reference date the user stored. */
export function analysisOptions(previous: Sidecar | null, base: AnalyzeOptions): AnalyzeOptions {
  return analyzeOptionsFor(previous ?? undefined, base);
}

/**
 * Moves stored spans along with an edit made in the editor, so the next reconcile finds them where their text now
 * is; spans the edit touches keep their offsets and are re-anchored by quote.
 */
export function shiftForEdit(s: Sidecar, changeStart: number, changeEnd: number, insertedLength: number): Sidecar {
  const delta = insertedLength - (changeEnd - changeStart);
  if (delta === 0) return s;
  const move = <T extends { start: number; end: number }>(a: T): T =>
    a.start >= changeEnd ? { ...a, start: a.start + delta, end: a.end + delta } : a;
  return { ...s, annotations: s.annotations.map(move), rejections: s.rejections.map(move), orphans: s.orphans };
}
