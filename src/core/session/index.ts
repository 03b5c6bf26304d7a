// The article session: one article's sidecar from load to save, shared by the CLI and the editor.
export { ArticleSession } from './session';
export type { ArticleAnalyzer, ArticleSessionOptions, PendingAnalysis, SidecarChange, TextAt } from './options';
export { EditHistory, HISTORY_LIMIT, type HistoryStep } from './history';
export type { DiskState, SaveOutcome, SaveSkipReason, SessionStatus } from './status';
export { isReviewed, reviewCounts, acceptAnnotations, acceptAll, type ReviewCounts } from './review';
