// The Analyzer's memory between analyses: each unit's detections (cached by the unit's text), each line's record
// (shared by every article that has it), and each article's last analysed text split into lines. Re-analysing an
// edited article finds the edited region by common prefix and suffix and re-splits and re-detects only the lines it
// touches (analyzeSteps.ts runs the document-level steps over the records).
import { findDates, resolveDate, type DateCandidate, type ResolvedDate } from './dates';
import { dedupe, ENTITY_TYPE_SET, findMentions, normalise, type GroupedWorking, type LineInfo, type Working } from './entities';
import type { LineWords } from './entities/line-words';
import { Slots, working } from './entities/mention-set';
import { snapToGraphemes } from './graphemes';
import { withoutOverlapsWith } from './spans';
import { commonPrefixLength, commonSuffixLength, segment } from './segment';
import { byStart } from './analyzeParts';
import { regionOfEdit, type EditedRegion, type TextEdit } from './analyzeEdit';
import type { KeptResult } from './analyzeKept';
import type { MentionCandidate, Span } from './types';

/** What was detected in one unit; each kind is computed on first need (a date-only analysis never runs the entity detector). */
export interface UnitResult {
  mentions?: MentionCandidate[];
  dates?: DateCandidate[];
}

/** One '\n'-separated line and what was found in it (offsets relative to the line); shared by every article that has it. */
export interface LineRecord {
  text: string;
  units: { start: number; text: string }[];
  results?: UnitResult[];
  /** Sorted by start, then end. */
  dates?: DateCandidate[];
  /** The dates widened to whole grapheme clusters. */
  dateSpans?: Span[];
  /** The entity candidates not on a date, sorted by position and without overlaps; copied per analysis. */
  mentions?: Working[];
  info?: LineInfo;
  /** The dates' resolved values, for the reference date `valuesFor`. */
  values?: ResolvedDate[];
  valuesFor?: string | null;
}

/** An article as last analysed: the state an edit is diffed against. */
export interface DocumentState {
  text: string;
  lines: LineRecord[];
  units: number;
  /** Its entity grouping (made without a lexicon), kept while an edit leaves it as it was. */
  grouping?: KeptGrouping;
  /** The edit since the grouping: one line changed into one, [at, end) of the old text (document offsets). */
  edit?: { line: number; before: LineRecord; at: number; end: number; lineStart: number };
  /**
   * Per line (same index as `lines`), the working mentions the last grouping was given for it (document offsets),
   * with the record they copy: the next grouping resets and reuses them instead of allocating every mention again.
   */
  inputs: (LineInputs | undefined)[];
  /** The grouping's per-surface records, kept across groupings of this article (see Slots). */
  slots?: Slots;
  /**
   * The lines the last edit replaced: lines [first, first + count) of `lines` are new, from offset `from` (the same
   * in the old and the new text) to `oldEnd` in the old text (the end of the last replaced line), moved by `delta`.
   */
  changed?: ChangedLines;
  /** The last analysis's result (analyzeKept.ts): the next one, after an edit that keeps the grouping, is built from it. */
  result?: KeptResult;
}

export interface ChangedLines {
  first: number;
  count: number;
  from: number;
  oldEnd: number;
  delta: number;
  /** The old lines begin, or the line after them begins, with a character from U+0300 (a span there may reach across a line break). */
  marks: boolean;
}

export interface LineInputs {
  rec: LineRecord;
  work: Working[];
}

export interface KeptGrouping extends GroupedWorking {
  patternWords?: Set<string>;
  /** Which lines hold each capitalised word (made by the first line's regrouping that needs it; patched at each edit while kept). */
  lineWords?: LineWords;
  /** Made by a line's regrouping: the lines it matched again (entities/regroup.ts Regrouped), for the result built on the previous one. */
  rematched?: { line: number; start: number }[];
  /** Made by a line's regrouping: where the first mention outside those lines whose entity may be another starts (Regrouped). */
  entitiesFrom?: number;
}

/** Articles whose last analysis is kept (one Analyzer serves every open editor). */
const MAX_DOCUMENTS = 8;
/** ... and at most this many characters of them in all (beyond the current one). */
const MAX_DOCUMENT_CHARS = 16_000_000;

/** The per-unit and per-line caches and the articles' kept state; Analyzer (analyze.ts) runs the analyses over them. */
export abstract class AnalyzerLines {
  private cache = new Map<string, UnitResult>();
  private lineCache = new Map<string, LineRecord>();
  private documents = new Map<string, DocumentState>();
  /** Units detected (not served from the cache) since creation: lets tests and the bench see the incremental work. */
  detectedUnits = 0;
  /** Edits located by the range the caller gave (AnalyzerOptions.edit) rather than by comparing texts: for tests and the bench. */
  rangedEdits = 0;

  /** Units kept now: at least the units of the latest text, else a huge article would evict its own units as it goes. */
  private limit: number;
  private lineLimit: number;

  /** @param maxCacheEntries units kept (more while the latest article has more); 0 disables the cache. */
  constructor(protected readonly maxCacheEntries = 20000) {
    this.limit = maxCacheEntries;
    this.lineLimit = maxCacheEntries;
  }

  /**
   * The article's lines: what changed since its last analysis split again, the rest reused. `edit`: the change from
   * that analysis's text, when the caller knows it (else, or when it is not that change, the texts are compared).
   */
  protected linesOf(text: string, document: string, edit?: TextEdit): DocumentState {
    const previous = this.documents.get(document);
    const region = previous && edit ? regionOfEdit(previous.text, text, edit) : undefined;
    if (region) this.rangedEdits++;
    let state: DocumentState;
    if (previous && !region && previous.text === text) state = previous;
    else if (previous) state = this.edited(previous, text, region);
    else {
      const lines = text.split('\n').map(l => this.record(l));
      state = { text, lines, units: lines.reduce((n, r) => n + r.units.length, 0), inputs: [] };
    }
    this.documents.delete(document);
    this.documents.set(document, state);
    // bounded in number and in size (the current article always stays)
    let kept = 0;
    for (const d of this.documents.values()) kept += d.text.length;
    while (this.documents.size > 1 && (this.documents.size > MAX_DOCUMENTS || kept > MAX_DOCUMENT_CHARS)) {
      const oldest = this.documents.keys().next().value as string;
      kept -= this.documents.get(oldest)!.text.length;
      this.documents.delete(oldest);
    }
    // LRU with fewer places than the article has units misses every time (the oldest is always the next needed)
    this.limit = Math.max(this.maxCacheEntries, state.units);
    this.lineLimit = Math.max(this.maxCacheEntries, state.lines.length);
    return state;
  }

  /** The article's lines for a one-shot analysis: cached lines reused, new ones shared within the article only. */
  protected linesOnce(text: string): LineRecord[] {
    const fresh = new Map<string, LineRecord>();
    return text.split('\n').map(line => {
      let rec = this.lineCache.get(line) ?? fresh.get(line);
      if (!rec) fresh.set(line, (rec = this.record(line, false)));
      return rec;
    });
  }

  /** `previous` with the lines the edit touched split again from `text` (the edited region given, or found by comparing). */
  private edited(previous: DocumentState, text: string, region?: EditedRegion): DocumentState {
    const old = previous.text;
    let prefix: number;
    let changedEnd: number;
    if (region) ({ prefix, changedEnd } = region);
    else {
      prefix = commonPrefixLength(old, text);
      changedEnd = old.length - commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
    }
    const lines = previous.lines;
    // first line touched: the first whose end (its '\n') is at or after the change; last: the last starting at or before its end
    let first = 0;
    let start = 0;
    while (first < lines.length - 1 && start + lines[first].text.length < prefix) start += lines[first++].text.length + 1;
    let last = first;
    let end = start + lines[first].text.length;
    while (last < lines.length - 1 && end + 1 <= changedEnd) end += lines[++last].text.length + 1;
    const fresh = text
      .slice(start, end + text.length - old.length)
      .split('\n')
      .map(l => this.record(l));
    let units = previous.units;
    for (let i = first; i <= last; i++) units -= lines[i].units.length;
    for (const r of fresh) units += r.units.length;
    // the grouping may survive one edit inside one line (see keptGrouping); anything else groups again
    const one = previous.grouping && !previous.edit && first === last && fresh.length === 1;
    return {
      text,
      lines: [...lines.slice(0, first), ...fresh, ...lines.slice(last + 1)],
      units,
      grouping: one ? previous.grouping : undefined,
      edit: one ? { line: first, before: lines[first], at: prefix, end: changedEnd, lineStart: start } : undefined,
      // the lines after the edit move by its number of lines (an unchanged count: the same array, moved on in place)
      inputs: shiftedInputs(previous.inputs, first, last, fresh.length),
      slots: previous.slots,
      changed: {
        first,
        count: fresh.length,
        from: start,
        oldEnd: end,
        delta: text.length - old.length,
        marks: old.charCodeAt(start) >= 0x300 || old.charCodeAt(end + 1) >= 0x300,
      },
      // a result not brought up to date with the previous edit (its analysis was superseded) is for another text
      result: previous.changed ? undefined : previous.result,
    };
  }

  /** The line's record, from the line cache or new (and cached, unless `keep` is false). */
  protected record(line: string, keep = true): LineRecord {
    let rec = keep ? this.lineCache.get(line) : undefined;
    if (rec) {
      this.lineCache.delete(line);
      this.lineCache.set(line, rec);
      return rec;
    }
    // every field present from the start: one object shape, so the optimised code never meets another
    rec = {
      text: line,
      units: segment(line).map(u => ({ start: u.start, text: u.text })),
      results: undefined,
      dates: undefined,
      dateSpans: undefined,
      mentions: undefined,
      info: undefined,
      values: undefined,
      valuesFor: undefined,
    };
    if (keep && this.maxCacheEntries > 0) {
      this.lineCache.set(line, rec);
      while (this.lineCache.size > this.lineLimit) this.lineCache.delete(this.lineCache.keys().next().value as string);
    }
    return rec;
  }

  /** Detects what the line's units hold (through the unit cache), in line offsets. */
  protected prepare(rec: LineRecord, needMentions: boolean): void {
    if (rec.dates && (rec.mentions || !needMentions)) return;
    rec.results ??= rec.units.map(u => this.detect(u.text, needMentions));
    if (!rec.dates) {
      const dates: DateCandidate[] = [];
      rec.units.forEach((u, i) => {
        for (const d of (rec.results![i].dates ??= findDates(u.text))) dates.push({ start: d.start + u.start, end: d.end + u.start, expr: d.expr });
      });
      dates.sort(byStart);
      rec.dates = dates;
      rec.dateSpans = dates.map(d => snapToGraphemes(rec.text, d));
    }
    if (needMentions && !rec.mentions) {
      const found: (MentionCandidate & { confidence?: number })[] = [];
      rec.units.forEach((u, i) => {
        for (const m of (rec.results![i].mentions ??= findMentions(u.text))) found.push({ ...m, start: m.start + u.start, end: m.end + u.start });
      });
      found.sort(byStart);
      // A date wins over an entity candidate on the same words ("Tuesday", "May").
      rec.mentions = dedupe(
        withoutOverlapsWith(found, rec.dateSpans!)
          .filter(m => m.start >= 0 && m.end <= rec.text.length && m.start < m.end && ENTITY_TYPE_SET.has(m.type))
          .map(m => working(m.start, m.end, m.type, normalise(rec.text.slice(m.start, m.end)), false, m.confidence)),
      );
    }
  }

  /** The line's `i`th date resolved against the reference date, memoised on the line. */
  protected resolved(rec: LineRecord, i: number, ref: string | null): ResolvedDate {
    if (rec.values === undefined || rec.valuesFor !== ref) {
      rec.values = new Array<ResolvedDate>(rec.dates!.length);
      rec.valuesFor = ref;
    }
    return (rec.values[i] ??= resolveDate(rec.dates![i].expr, ref));
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

/** The kept inputs after lines [first, last] were replaced by `count` new ones (which have none yet). */
function shiftedInputs(inputs: (LineInputs | undefined)[], first: number, last: number, count: number): (LineInputs | undefined)[] {
  if (count === last - first + 1) {
    for (let i = first; i <= last; i++) inputs[i] = undefined;
    return inputs;
  }
  const out = inputs.slice(0, first);
  out.length = first + count;
  for (let i = last + 1; i < inputs.length; i++) out.push(inputs[i]);
  return out;
}
