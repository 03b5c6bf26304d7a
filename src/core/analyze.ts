// The analysis pipeline: per-unit detection (cached by the unit's text), then document-level steps
// (reference date, date resolution, entity grouping, lexicon) over the cached results.
import { detectReferenceDate, findDates, resolveDate, type DateCandidate } from './dates';
import { findMentions, groupEntities } from './entities';
import { snapToGraphemes } from './graphemes';
import { segment } from './segment';
import type { AnalysisResult, AnalyzeOptions, Annotation, AnnotationType, MentionCandidate, ReferenceDate } from './types';

interface UnitResult {
  mentions: MentionCandidate[];
  dates: DateCandidate[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Holds the per-unit cache, so re-analysing an edited article only re-detects the units that changed. */
export class Analyzer {
  private cache = new Map<string, UnitResult>();
  /** Units detected (not served from the cache) since creation: lets tests and the bench see the incremental work. */
  detectedUnits = 0;

  /** @param maxCacheEntries units kept; 0 disables the cache (every unit is detected on every pass). */
  constructor(private readonly maxCacheEntries = 20000) {}

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const mentions: MentionCandidate[] = [];
    const dates: DateCandidate[] = [];
    for (const unit of segment(text)) {
      const r = this.detect(unit.text);
      for (const m of r.mentions) mentions.push({ ...m, start: m.start + unit.start, end: m.end + unit.start });
      for (const d of r.dates) dates.push({ ...d, start: d.start + unit.start, end: d.end + unit.start });
    }
    const referenceDate = chooseReferenceDate(text, options.referenceDate);
    const wanted = new Set<AnnotationType>(options.types ?? ['person', 'place', 'organization', 'date']);

    const annotations: Omit<Annotation, 'id'>[] = [];
    const dateSpans = dates.map(d => snapToGraphemes(text, d));
    const overlapsDate = (m: MentionCandidate) => dateSpans.some(d => d.start < m.end && m.start < d.end);
    const grouped = groupEntities(text, mentions.filter(m => !overlapsDate(m)), options.lexicon ?? {});
    const entities = grouped.entities.filter(e => wanted.has(e.type));
    for (const m of grouped.mentions) {
      if (!wanted.has(m.type)) continue;
      const s = snapToGraphemes(text, m);
      annotations.push({ type: m.type, start: s.start, end: s.end, text: text.slice(s.start, s.end), source: 'auto', entity: m.entity });
    }
    if (wanted.has('date')) {
      dates.forEach((d, i) => {
        const s = dateSpans[i];
        const { value } = resolveDate(d.expr, referenceDate?.value ?? null);
        annotations.push({ type: 'date', start: s.start, end: s.end, text: text.slice(s.start, s.end), source: 'auto', value });
      });
    }
    annotations.sort((a, b) => a.start - b.start || a.end - b.end);
    return { annotations: annotations.map((a, i) => ({ id: `a${i + 1}`, ...a })), entities, referenceDate };
  }

  private detect(unitText: string): UnitResult {
    const hit = this.cache.get(unitText);
    if (hit) {
      // refresh recency for the LRU eviction below
      this.cache.delete(unitText);
      this.cache.set(unitText, hit);
      return hit;
    }
    this.detectedUnits++;
    const r: UnitResult = { mentions: findMentions(unitText), dates: findDates(unitText) };
    if (this.maxCacheEntries === 0) return r;
    this.cache.set(unitText, r);
    if (this.cache.size > this.maxCacheEntries) this.cache.delete(this.cache.keys().next().value as string);
    return r;
  }
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
