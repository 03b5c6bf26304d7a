// The editor's view of the sidecar model: the core's reconcile and edit operations, plus what only the editor
// needs (moving stored spans along with typing before the next reconcile).
import type { AnalysisResult, AnalyzeOptions } from '../core';
import { analyzeOptionsFor, mapSpan, reconcile, type Sidecar, type TextChange } from '../core/sidecar';

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
 * Moves stored spans along with edits made in the editor (VS Code's change events), so highlights follow typing at
 * once. Only offsets move (cheap enough for every keystroke in a big article); a span an edit cuts keeps its
 * offsets, and the debounced reconcile re-anchors it by its quote (core applyTextChanges does the full job, but
 * hashes the whole text each time).
 */
export function shiftForEdits(s: Sidecar, changes: readonly TextChange[]): Sidecar {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const move = <T extends { start: number; end: number }>(a: T): T => {
    const at = mapSpan(a, sorted);
    return at ? { ...a, ...at } : a;
  };
  return { ...s, annotations: s.annotations.map(move), rejections: s.rejections.map(move) };
}
