// Entity detection: paragraph-level candidates (findMentions, cached per unit by the analyser), then
// document-level grouping into entities (groupEntities).
export { findMentions } from './detect';
export { groupEntities, type GroupedMention, type GroupingResult } from './group';
