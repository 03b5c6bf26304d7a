// The result an Analyzer keeps between analyses of one article, and the next result built from it: after an edit that
// left the entity grouping as it was (typing in an ordinary word, entities/reuse.ts), only the annotations of the
// edited lines can differ. They are made again as the full analysis makes them, those after them move by the edit's
// length, and the rest are kept, instead of every annotation being made, sorted and merged again from every line's
// records. Each analysis still hands out its own copies (a caller may change what it is given). The randomized tests
// compare the result with a fresh analysis's.
import type { ResolvedDate } from './dates';
import type { Working } from './entities';
import { snapToGraphemes } from './graphemes';
import { overlapSweep } from './spans';
import type { ChangedLines, KeptGrouping, LineRecord } from './analyzeLines';
import { byStart, dateAnnotation, mayExtend, merge, textOf } from './analyzeParts';
import type { Annotation, AnnotationType, Entity, ReferenceDate, Span } from './types';

/** An analysis's annotations and entities (the Analyzer's own objects: never handed out), with what they were made from. */
export interface KeptResult {
  /** The types asked for and the reference date: another analysis of the same text with other ones differs. */
  key: string;
  /** The grouping the annotations were made from; the result can be built on only while it is kept. */
  grouping: KeptGrouping;
  /**
   * Sorted, ids not set (an annotation's id is its place), those from `shiftFrom` on still to be moved by `shift`, and
   * while `renumbered`, the mentions still to take their entities from `works`.
   */
  annotations: Annotation[];
  /**
   * Per annotation (same index), the grouping's mention it was made from (undefined for a date): after a line's
   * regrouping (analyzeKeptRegroup.ts) the other lines' annotations take their entities from them.
   */
  works: (Working | undefined)[];
  /**
   * The entities, of the types asked for and others (the result hands out those of `wanted`): after a line's regrouping,
   * the grouping's own list (read only while it is the kept grouping: a later grouping renumbers and renames its
   * entities), else copies of its entities (some with the aliases of mentions written otherwise).
   */
  entities: readonly Entity[];
  wanted: ReadonlySet<AnnotationType>;
  /** The mention annotations written otherwise than their surface: each added an alias to its entity. */
  aliased: Set<Annotation>;
  /**
   * The annotations from index `shiftFrom` on are `shift` before their place (0: none): an edit's length is added to the
   * annotations after it as the result is handed out (handedOut), not in a pass of its own over them. A run dropped while
   * handing out leaves the rest for the next edit (settle).
   */
  shiftFrom: number;
  shift: number;
  /**
   * A line's regrouping renumbered the entities (a new or lost name renumbers those after it): each mention annotation
   * takes its mention's entity again as the result is handed out (handedOut, or settle: taking it twice is harmless).
   */
  renumbered: boolean;
  /** While `renumbered`, the first annotation whose mention's entity may be another (those before it keep theirs). */
  renumberedFrom: number;
}

export const resultKey = (wanted: ReadonlySet<AnnotationType>, ref: ReferenceDate | null) => `${[...wanted].join(',')}|${ref?.value}|${ref?.source}`;

/** What the edited lines' annotations are made from. */
export interface EditedLines {
  text: string;
  /** The article as written (the annotations' text); the same as `text` (only plain text is built on). */
  article: string;
  /** The grouping's mentions, moved to the new offsets. */
  mentions: readonly Working[];
  lines: readonly LineRecord[];
  changed: ChangedLines;
  wanted: ReadonlySet<AnnotationType>;
  /** The line's `i`th date resolved against the reference date in force. */
  resolve: (rec: LineRecord, i: number) => ResolvedDate;
}

/**
 * `kept` updated in place for the edit: true, or false (nothing changed) when the edited lines' annotations cannot be
 * made from `kept` alone: a name there written otherwise than its surface (its entity's aliases may change), or a
 * character that joins a cluster at the lines' ends (a span could then reach across a line break).
 */
export function updateKept(kept: KeptResult, edit: EditedLines): boolean {
  const { text, mentions, changed } = edit;
  const { from, oldEnd, delta } = changed;
  const newEnd = oldEnd + delta;
  if (changed.marks || text.charCodeAt(from) >= 0x300 || text.charCodeAt(newEnd + 1) >= 0x300) return false;
  settle(kept);
  const old = kept.annotations;
  const i0 = annotationFrom(old, from, 0);
  const i1 = annotationFrom(old, oldEnd + 1, i0);
  for (let k = i0; k < i1; k++) if (kept.aliased.has(old[k])) return false;
  const region = linesAnnotations(edit, mentionFrom(mentions, from), mentionFrom(mentions, newEnd + 1), changed.first, changed.count, from);
  if (!region) return false;
  old.splice(i0, i1 - i0, ...region.annotations);
  kept.works.splice(i0, i1 - i0, ...region.works);
  // the annotations after the edited lines move by its length as they are handed out
  kept.shiftFrom = i0 + region.annotations.length;
  kept.shift = delta;
  return true;
}

/**
 * The kept annotations all moved to their places (the shift a dropped run left), before an edit finds its lines' among
 * them: the rest of a pass handedOut did not finish, so an analysis that is not dropped never makes it.
 */
export function settle(kept: KeptResult): void {
  const { annotations, shift, works } = kept;
  if (shift !== 0) {
    for (let k = kept.shiftFrom; k < annotations.length; k++) {
      annotations[k].start += shift;
      annotations[k].end += shift;
    }
    kept.shift = 0;
  }
  if (kept.renumbered) {
    for (let k = kept.renumberedFrom; k < annotations.length; k++) {
      const w = works[k];
      if (w) annotations[k].entity = w.entity;
    }
    kept.renumbered = false;
  }
}

/**
 * A line's annotations in the kept result before the edit, when the line's text is unchanged (a line a regrouping
 * matched again): `annotations[from..to)`, each `back` before the line's place now.
 */
export interface Unchanged {
  annotations: readonly Annotation[];
  from: number;
  to: number;
  back: number;
}

/**
 * The annotations of lines [first, first + count) (from offset `lineStart`, mentions [m0, m1)) as analyzeSteps makes
 * them over the whole article: their mentions (snapped to whole clusters), their dates not on a name, sorted, with the
 * mention each was made from; undefined when a mention is written otherwise than its surface. With `unchanged` (one
 * line, its text as before), an annotation it held with the same span and type (and for a mention, text) is taken
 * again instead of made (the same text, value and precision: only the mention, and so the entity, may be another),
 * and every annotation is put `back` before its place.
 */
export function linesAnnotations(
  edit: EditedLines,
  m0: number,
  m1: number,
  first: number,
  count: number,
  lineStart: number,
  unchanged?: Unchanged,
): { annotations: Annotation[]; works: (Working | undefined)[] } | undefined {
  const { text, article, mentions, lines, wanted } = edit;
  // the kept annotations are walked along with the new ones (both sorted), each taken at most once
  const before = unchanged?.annotations;
  const to = unchanged ? unchanged.to : 0;
  const back = unchanged ? unchanged.back : 0;
  let p = unchanged ? unchanged.from : 0;
  const named: Span[] = [];
  const mentionAnnotations: Annotation[] = [];
  const mentionWorks: Working[] = [];
  let sorted = true;
  let lastStart = -1;
  let lastEnd = -1;
  for (let k = m0; k < m1; k++) {
    const m = mentions[k];
    let start = m.start;
    let end = m.end;
    if (mayExtend(text, start, end)) ({ start, end } = snapToGraphemes(text, m));
    if (start < lastStart || (start === lastStart && end < lastEnd)) sorted = false;
    lastStart = start;
    lastEnd = end;
    named.push({ start, end });
    if (!wanted.has(m.type)) continue;
    if (before) {
      while (p < to && (before[p].start + back < start || (before[p].start + back === start && before[p].end + back < end))) p++;
      let q = p;
      for (; q < to && before[q].start + back === start; q++) {
        const a = before[q];
        if (a.end + back === end && a.type === m.type && a.text === m.surface) break;
      }
      if (q < to && before[q].start + back === start) {
        mentionAnnotations.push(before[q]);
        mentionWorks.push(m);
        p = q + 1;
        continue;
      }
    }
    const mentionText = textOf(article, start, end, m.surface);
    if (mentionText !== m.surface) return undefined;
    mentionAnnotations.push({ id: '', type: m.type, start: start - back, end: end - back, text: mentionText, source: 'auto', entity: m.entity });
    mentionWorks.push(m);
  }
  if (!sorted) named.sort(byStart);
  const dateAnnotations: Annotation[] = [];
  let datesSorted = true;
  if (wanted.has('date')) {
    const overNamed = overlapSweep(named);
    lastStart = -1;
    lastEnd = -1;
    p = unchanged ? unchanged.from : 0;
    for (let i = first; i < first + count; i++) {
      const rec = lines[i];
      for (let j = 0; j < rec.dates!.length; j++) {
        const d = rec.dates![j];
        let start = d.start + lineStart;
        let end = d.end + lineStart;
        if (mayExtend(text, start, end)) ({ start, end } = snapToGraphemes(text, { start, end }));
        if (overNamed(start, end)) continue;
        if (start < lastStart || (start === lastStart && end < lastEnd)) datesSorted = false;
        lastStart = start;
        lastEnd = end;
        if (before) {
          while (p < to && (before[p].start + back < start || (before[p].start + back === start && (before[p].end + back < end || before[p].type !== 'date'))))
            p++;
          if (p < to && before[p].start + back === start && before[p].end + back === end) {
            dateAnnotations.push(before[p++]);
            continue;
          }
        }
        dateAnnotations.push(dateAnnotation(start - back, end - back, article.slice(start, end), edit.resolve(rec, j)));
      }
      lineStart += rec.text.length + 1;
    }
  }
  const annotations = sorted && datesSorted ? merge(mentionAnnotations, dateAnnotations) : [...mentionAnnotations, ...dateAnnotations].sort(byStart);
  const works = worksOf(annotations, mentionAnnotations, mentionWorks);
  return works && { annotations, works };
}

/**
 * Per annotation, its mention (`mentionAnnotations[k]` was made from `mentionWorks[k]`) or undefined (a date); undefined
 * when the mention annotations are not in `annotations` in their own order (a sort reordered them).
 */
export function worksOf(
  annotations: readonly Annotation[],
  mentionAnnotations: readonly Annotation[],
  mentionWorks: readonly Working[],
): (Working | undefined)[] | undefined {
  // pushed, not preallocated: `new Array(n)` of a big n is a dictionary (slow to splice, as updateKept does)
  const works: (Working | undefined)[] = [];
  let p = 0;
  for (let i = 0; i < annotations.length; i++) works.push(annotations[i] === mentionAnnotations[p] ? mentionWorks[p++] : undefined);
  return p === mentionAnnotations.length ? works : undefined;
}

/** Index of the first annotation of list[lo..] (sorted) starting at or after `x`. */
export function annotationFrom(list: readonly Span[], x: number, lo: number): number {
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const mentionFrom = (mentions: readonly Working[], x: number) => annotationFrom(mentions, x, 0);
