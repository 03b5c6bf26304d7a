// Entity detection: paragraph-level candidates (findMentions, cached per unit by the analyser), then
// document-level grouping into entities (groupEntities; groupWorking for the analyser's incremental path).
export { findMentions } from './detect';
export { groupEntities, groupWorking, groupWorkingSteps, type GroupedMention, type GroupedWorking, type GroupingResult } from './group';
export { findLexiconMatches, NO_MATCHES, type LexiconMatches } from './lexicon';
export { computeLineInfo, type LineInfo, type LineSource, type SlicedLines } from './lines';
export { dedupe, ENTITY_TYPE_SET, normalise, type Working } from './mention-set';
export { isShortFormOf, nameWords } from './build';
export { isAcronymOf } from './acronyms';
