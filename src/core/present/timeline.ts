// The story on a time axis: every resolved date of an article as an event (when, how precisely, in which sentence,
// with whom and where), in date order, and the dates that cannot be placed listed apart. One article is one source;
// a corpus is several merged (mergeTimelines), so the editor's view and the CLI take either.
import { ENTITY_TYPES, type Annotation, type DatePrecision, type Entity, type EntityType, type ReferenceDate, type Span } from '../types';
import { dateSpan, humanDate, precisionOfValue } from './dateText';
import { lineOf, sentenceBounds } from './query';
import { shorten } from './shorten';

/** Longest sentence kept with an event (a whole-article "sentence" must not make a megabyte timeline). */
export const TIMELINE_SENTENCE_MAX = 400;

/** What the timeline reads about one article: its text and annotations (an editor view or a sidecar). */
export interface TimelineSource {
  /** How the article is named to the reader (its file name, or its path in a corpus). */
  article: string;
  text: string;
  annotations: readonly Annotation[];
  entities: readonly Entity[];
  referenceDate: ReferenceDate | null;
}

export interface TimelineEntity {
  type: EntityType;
  /** The entity's canonical name, else the mention's text. */
  name: string;
  /** The entity id, when the mention belongs to one. */
  entity?: string;
}

/** Where a date mention is, and the sentence it is in. */
export interface TimelineMention {
  article: string;
  /** The annotation's id in its article. */
  id: string;
  /** The date as written ("last Tuesday"). */
  text: string;
  /** UTF-16 offsets of the mention in its article. */
  start: number;
  end: number;
  /** One-based line of the mention. */
  line: number;
  /** The sentence around the mention, on one line. */
  sentence: string;
  /** The people, places and organizations of that sentence, in order of first mention, each once. */
  entities: TimelineEntity[];
}

export interface TimelineEvent extends TimelineMention {
  /** TIMEX3 value. */
  value: string;
  /** The value in words ("week of 26 Oct 2015"). */
  human: string;
  precision: DatePrecision;
  /** The span of time the value covers, ms since the epoch (UTC), end-exclusive. */
  from: number;
  to: number;
}

export interface UnplacedDate extends TimelineMention {
  value: string | null;
  /** Why it is not on the axis, in words. */
  reason: string;
}

export interface Timeline {
  /** In date order: earliest start first, then the shorter span, then article and position. */
  events: TimelineEvent[];
  /** In article order. */
  unplaced: UnplacedDate[];
}

export interface TimelineOptions {
  /** The locale of the readable forms (see humanDate). */
  locale?: string;
}

/** Events in date order; ties keep the article's order. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.from - b.from || a.to - b.to || (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.start - b.start;
}

/** The timeline of one article. */
export function articleTimeline(source: TimelineSource, options: TimelineOptions = {}): Timeline {
  const entities = new Map(source.entities.map(e => [e.id, e]));
  const named = source.annotations.filter(a => (ENTITY_TYPES as readonly string[]).includes(a.type));
  const referenceDate = source.referenceDate?.value ?? null;
  const events: TimelineEvent[] = [];
  const unplaced: UnplacedDate[] = [];
  for (const a of source.annotations) {
    if (a.type !== 'date') continue;
    const mention = mentionOf(source, a, named, entities);
    if (!a.value) {
      unplaced.push({ ...mention, value: null, reason: 'unresolved: set the reference date' });
      continue;
    }
    const span = dateSpan(a.value, referenceDate);
    if (!span) {
      const reason = precisionOfValue(a.value) === 'reference' ? 'no reference date to place it by' : 'a value the timeline cannot read';
      unplaced.push({ ...mention, value: a.value, reason });
      continue;
    }
    events.push({
      ...mention,
      value: a.value,
      human: humanDate(a.value, { locale: options.locale, referenceDate }),
      precision: a.precision ?? span.precision,
      from: span.start,
      to: span.end,
    });
  }
  return { events: events.sort(compareEvents), unplaced: unplaced.sort((x, y) => x.start - y.start) };
}

/** Several articles' timelines as one (a corpus). */
export function mergeTimelines(timelines: readonly Timeline[]): Timeline {
  return {
    events: timelines.flatMap(t => t.events).sort(compareEvents),
    unplaced: timelines.flatMap(t => t.unplaced),
  };
}

function mentionOf(source: TimelineSource, a: Annotation, named: readonly Annotation[], entities: ReadonlyMap<string, Entity>): TimelineMention {
  const sentence: Span = sentenceBounds(source.text, a.start, a.end);
  const seen = new Set<string>();
  const inSentence: TimelineEntity[] = [];
  for (const n of named) {
    if (n.start < sentence.start || n.end > sentence.end) continue;
    const entity = n.entity ? entities.get(n.entity) : undefined;
    const key = n.entity ?? `${n.type}:${n.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inSentence.push({ type: n.type as EntityType, name: entity?.name ?? n.text, ...(n.entity ? { entity: n.entity } : {}) });
  }
  return {
    article: source.article,
    id: a.id,
    text: a.text,
    start: a.start,
    end: a.end,
    line: lineOf(source.text, a.start) + 1,
    sentence: shorten(source.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim(), TIMELINE_SENTENCE_MAX),
    entities: inSentence,
  };
}
