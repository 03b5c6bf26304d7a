// The corpus model: an index of articles, entities across articles, the user's decisions
// (`.news-annotator/entities.json`), queries and consistency checks. Pure; the hosts feed it articles.
export * from './types';
export { Corpus } from './corpus';
export { corpusArticleFromSidecar, corpusArticleFromAnalysis } from './article';
export { nameKey, displayName } from './names';
export { emptyDecisions, addEntityDecision, setCorrection, removeCorrection } from './decisions/edit';
export { parseDecisions, validateDecisions, isAbsoluteUri, DecisionsError } from './decisions/validate';
export { serializeDecisions } from './decisions/serialize';
export { rekeyArticles } from './decisions/rekey';
export { correctionsLexicon, rejectedNames, withoutRejectedNames } from './decisions/carryOver';
export { reflectDecisions } from './reflect';
export { writeCorpusChange, putBackCorpusChange, type CorpusChangeSteps, type WrittenSidecar } from './change';
export { entitiesContaining, findEntities, mentionsOf, previewRename, previewMerge } from './query';
export { appearsWith, cooccurrencePairs, cooccurrenceTable, type CoOccurrenceTable } from './cooccurrence';
export { checkArticle, checkCorpus } from './checks';
export { CorpusFindings, type FindingsChange } from './checks/incremental';
export { countIndexing, describeIndexing, type IndexingCounts, type IndexingWay } from './indexingSummary';
export { corpusArticleFromSnapshot } from './snapshotTake';
export { isRecordUsable, RACY_MARGIN_MS, SNAPSHOT_VERSION, type CorpusSnapshot, type SidecarStamp, type SnapshotEntry, type SnapshotRecord } from './snapshot';
export { CorpusSnapshotWriter, parseCorpusSnapshot, serializeCorpusSnapshot } from './snapshotJson';
