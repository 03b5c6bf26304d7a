// The sidecar: format, validation, deterministic text, reconciliation with a fresh analysis, the user's edits,
// and safe storage. See README ("Sidecar file") for the format.
export * from './types';
export { validateSidecar, parseSidecar } from './validate';
export { serializeSidecar, canonicalSidecar } from './serialize';
export {
  reconcile,
  reconcileSteps,
  analyzeOptionsFor,
  DEFAULT_GENERATOR,
  type ReconcileInput,
  type ReconcileOutput,
  type ReconcileReport,
  type ReconcileSteps,
} from './reconcile';
export {
  addAnnotation,
  retypeAnnotation,
  removeAnnotation,
  annotateAllOccurrences,
  removeAllOccurrences,
  retypeEntity,
  removeEntity,
  setReferenceDate,
  setNote,
  setDateValue,
  reattachOrphan,
  deleteOrphan,
  lastManualId,
  occurrencesOf,
  isIsoDay,
  EditError,
  type AddOptions,
  type EntityChoice,
} from './edit';
export { nextManualId } from './model';
export { correctionLexicon } from './corrections';
export {
  loadSidecar,
  saveSidecar,
  backupSidecar,
  sidecarPathFor,
  isSidecarPath,
  baseName,
  SIDECAR_SUFFIX,
  NOT_UTF8,
  type SidecarStorage,
  type LoadResult,
  type SaveOptions,
  type SaveResult,
} from './storage';
export { annotateArticle, type AnnotateArticleInput, type AnnotateArticleResult } from './workflow';
export { decodeArticle, formatSize, DEFAULT_MAX_ARTICLE_BYTES, type DecodedArticle } from './article';
export { applyTextChanges, applyTextChangesOwned, mapSpan, type OwnedAnnotations, type TextChange } from './textChanges';
