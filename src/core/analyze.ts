// The analysis pipeline: per-unit detection (cached by the unit's text), then document-level steps
// (reference date, date resolution, entity grouping, lexicon) over the cached results.
import { detectReferenceDate, findDates, resolveDate, type DateCandidate } from './dates';
import { findMentions, groupEntities } from './entities';
import { snapToGraphemes } from './graphemes';
import { segment } from './segment';
import type { AnalysisResult, AnalyzeOptions, Annotation, AnnotationType, MentionCandidate, ReferenceDate, Span } from './types';

/** What was detected in one unit; each kind is computed on first need (a date-only analysis never runs the entity detector). */
interface UnitResult {
  mentions?: MentionCandidate[];
  dates?: DateCandidate[];
}

const ENTITY_KINDS: readonly AnnotationType[] = ['person', 'place', 'organization'];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Holds the per-unit cache, so re-analysing an edited article only re-detects the units that changed. */
export class Analyzer {
  private cache = new Map<string, UnitResult>();
  /** Units detected (not served from the cache) since creation: lets tests and the bench see the incremental work. */
  detectedUnits = 0;

  /** Units kept now: at least the units of the latest text, else a huge article would evict its own units as it goes. */
  private limit: number;

  /** @param maxCacheEntries units kept (more while the latest article has more); 0 disables the cache. */
  constructor(private readonly maxCacheEntries = 20000) {
    this.limit = maxCacheEntries;
  }

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const referenceDate = chooseReferenceDate(text, options.referenceDate);
    const wanted = new Set<AnnotationType>(options.types ?? ['person', 'place', 'organization', 'date']);
    const needMentions = ENTITY_KINDS.some(t => wanted.has(t));
    const mentions: MentionCandidate[] = [];
    const dates: DateCandidate[] = [];
    const units = segment(text);
    // LRU with fewer places than the article has units misses every time (the oldest is always the next needed)
    this.limit = this.maxCacheEntries > 0 ? Math.max(this.maxCacheEntries, units.length) : 0;
    for (const unit of units) {
      const r = this.detect(unit.text, needMentions);
      for (const m of r.mentions ?? []) mentions.push({ ...m, start: m.start + unit.start, end: m.end + unit.start });
      for (const d of r.dates ?? []) dates.push({ ...d, start: d.start + unit.start, end: d.end + unit.start });
    }

    const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
    mentions.sort(byStart);
    dates.sort(byStart);
    const annotations: Omit<Annotation, 'id'>[] = [];
    const dateSpans = dates.map(d => snapToGraphemes(text, d));
    // A date wins over an entity candidate on the same words ("Tuesday", "May").
    const grouped = groupEntities(text, withoutOverlaps(mentions, dateSpans), options.lexicon ?? {});
    const entities = grouped.entities.filter(e => wanted.has(e.type));
    for (const m of grouped.mentions) {
      if (!wanted.has(m.type)) continue;
      const s = snapToGraphemes(text, m);
      annotations.push({ type: m.type, start: s.start, end: s.end, text: text.slice(s.start, s.end), source: 'auto', entity: m.entity });
    }
    if (wanted.has('date')) {
      // Only lexicon names can still overlap a date here (detector candidates on dates were dropped above): the
      // user's lexicon wins over the automatic date ("May" as a person), so annotations never overlap.
      const named = grouped.mentions.map(m => snapToGraphemes(text, m)).sort(byStart);
      const free = new Set(withoutOverlaps(dateSpans.map((s, i) => ({ ...s, i })), named).map(s => s.i));
      dates.forEach((d, i) => {
        if (!free.has(i)) return;
        const s = dateSpans[i];
        const { value } = resolveDate(d.expr, referenceDate?.value ?? null);
        annotations.push({ type: 'date', start: s.start, end: s.end, text: text.slice(s.start, s.end), source: 'auto', value });
      });
    }
    annotations.sort((a, b) => a.start - b.start || a.end - b.end);
    return { annotations: annotations.map((a, i) => ({ id: `a${i + 1}`, ...a })), entities, referenceDate };
  }

  private detect(unitText: string, needMentions: boolean): UnitResult {
    let r = this.cache.get(unitText);
    if (r) {
      // refresh recency for the LRU eviction below
      this.cache.delete(unitText);
      this.cache.set(unitText, r);
    } else {
      r = {};
      this.detectedUnits++;
      if (this.maxCacheEntries > 0) {
        this.cache.set(unitText, r);
        while (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value as string);
      }
    }
    r.dates ??= findDates(unitText);
    if (needMentions) r.mentions ??= findMentions(unitText);
    return r;
  }
}

/** The candidates that overlap none of `spans`; both lists sorted by start, so one linear sweep. */
function withoutOverlaps<T extends Span>(candidates: T[], spans: Span[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const c of candidates) {
    while (j < spans.length && spans[j].end <= c.start) j++;
    let overlaps = false;
    for (let k = j; k < spans.length && spans[k].start < c.end; k++) {
      if (spans[k].end > c.start) { overlaps = true; break; }
    }
    if (!overlaps) out.push(c);
  }
  return out;
}

function chooseReferenceDate(text: string, given: string | null | undefined): ReferenceDate | null {
  if (given) {
    if (!ISO_DAY.test(given)) throw new Error(`Reference date "${given}" is not a YYYY-MM-DD date.`);
    return { value: given, source: 'user' };
  }
  const detected = detectReferenceDate(text);
  return detected ? { value: detected, source: 'detected' } : null;
}

const shared = new Analyzer();

/** Analyses an article with a process-wide cache. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return shared.analyze(text, options);
}
