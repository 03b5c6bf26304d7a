// Presentation logic shared by the hosts: what the editor shows about an article, computed from plain data.
export type { ArticleSnapshot } from './snapshot';
export { annotationAt, sameAs, entityOf, sentenceAround, sentenceBounds, sentenceStarts, lineOf } from './query';
export { groups, type MentionGroup } from './groups';
export { hoverText, HOVER_QUOTE_MAX, HOVER_NOTE_MAX, HOVER_ALIASES_MAX } from './hoverText';
export { statusText, type StatusText } from './statusText';
export { escapeMarkdown, plainText } from './markdownEscape';
export { shorten } from './shorten';
export { TYPE_WORDS, TYPE_LABEL, TYPE_PLURAL, PRECISION_WORDS, type TypeWords } from './typeWords';
export { cleanLexicon, parseLexiconFile } from './lexicon';
export { humanDate, dateSpan, precisionOfValue, dateLocale, type DateSpan, type HumanDateOptions } from './dateText';
export {
  articleTimeline,
  mergeTimelines,
  compareEvents,
  TIMELINE_SENTENCE_MAX,
  type Timeline,
  type TimelineEvent,
  type TimelineEntity,
  type TimelineMention,
  type TimelineSource,
  type UnplacedDate,
  type TimelineOptions,
} from './timeline';
export { timelineCsv, isoInstant, TIMELINE_CSV_COLUMNS } from './timelineCsv';
