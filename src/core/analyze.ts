// The analysis pipeline: per-unit detection (cached by the unit's text), then document-level steps
// (reference date, date resolution, entity grouping, lexicon) over the cached results.
//
// Re-analysing an edited article is incremental: the Analyzer keeps each article's previous text split into lines
// (one record per distinct line, holding what was found in it), finds the edited region by common prefix and
// suffix, and re-splits and re-detects only the lines it touches. The document-level steps then run over the
// records' results with little work per mention, so the result is always exactly what a fresh analysis gives.
import { detectReferenceDate, findDates, isIsoDay, resolveDate, resolveDatePhrase, type DateCandidate, type ResolvedDate } from './dates';
import {
  computeLineInfo,
  dedupe,
  ENTITY_TYPE_SET,
  findLexiconMatches,
  findMentions,
  groupWorkingSteps,
  NO_MATCHES,
  normalise,
  type LineInfo,
  type LineSource,
  type SlicedLines,
  type Working,
} from './entities';
import { Slots, working } from './entities/mention-set';
import { editKeepsGrouping, patternWordsOf, shiftMentions } from './entities/reuse';
import { snapToGraphemes } from './graphemes';
import { MarkdownMasker } from './markdown/mask';
import { mergeSorted } from './sorted';
import { overlapSweep, withoutOverlapsWith } from './spans';
import { commonPrefixLength, commonSuffixLength, segment } from './segment';
import { spacedName } from './spacedName';
import {
  ANNOTATION_TYPES,
  ENTITY_TYPES,
  type AnalysisResult,
  type AnalyzeOptions,
  type Annotation,
  type AnnotationType,
  type Entity,
  type MentionCandidate,
  type ReferenceDate,
  type Span,
} from './types';

/** What was detected in one unit; each kind is computed on first need (a date-only analysis never runs the entity detector). */
interface UnitResult {
  mentions?: MentionCandidate[];
  dates?: DateCandidate[];
}

/** One '\n'-separated line and what was found in it (offsets relative to the line); shared by every article that has it. */
interface LineRecord {
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
interface DocumentState {
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
}

interface LineInputs {
  rec: LineRecord;
  work: Working[];
}

interface KeptGrouping {
  mentions: Working[];
  entities: Entity[];
  slots: Slots;
  patternWords?: Set<string>;
}

export interface AnalyzerOptions extends AnalyzeOptions {
  /**
   * Which article this is (the editor passes the document's URI): the Analyzer keeps the last analysis of each of a
   * few articles and re-analyses only the region an edit touched. Calls without it share one slot.
   */
  document?: string;
  /**
   * false: a one-shot analysis (the CLI's): the article's lines, their tokens and memos are not kept for a
   * re-analysis after an edit, so the memory they take (several times the article's size) is freed as soon as the
   * result is returned. Paragraphs already cached are still reused. Default true.
   */
  keep?: boolean;
}

const ENTITY_KINDS: readonly AnnotationType[] = ENTITY_TYPES;

/**
 * Bounds of one step of `analyzeSteps` (each a few milliseconds on a 1.5 MB article): lines walked (a line to detect
 * counts a quarter of its length, so about 8,000 characters are detected per step), and mentions or dates turned
 * into annotations.
 */
const STEP_LINES = 2000;
const STEP_MENTIONS = 5000;

/** An analysis run a step at a time (Analyzer.analyzeSteps). */
export interface AnalysisSteps {
  /** Runs the next step: the result once the last step ran, else undefined. Throws when the run was superseded. */
  step(): AnalysisResult | undefined;
  /** Another analysis of the same document started since: this run must be dropped (its steps would throw). */
  readonly superseded: boolean;
}

/** Articles whose last analysis is kept (one Analyzer serves every open editor). */
const MAX_DOCUMENTS = 8;
/** ... and at most this many characters of them in all (beyond the current one). */
const MAX_DOCUMENT_CHARS = 16_000_000;

/** Holds the per-unit cache, so re-analysing an edited article only re-detects the units that changed. */
export class Analyzer {
  private cache = new Map<string, UnitResult>();
  private lineCache = new Map<string, LineRecord>();
  private documents = new Map<string, DocumentState>();
  /** The latest run of each document (a run in steps checks it is still the latest before each step). */
  private running = new Map<string, { superseded: boolean }>();
  /** Markdown articles are analysed with their markup blanked; the masker caches each block's parse. */
  readonly markdown = new MarkdownMasker();
  /** Units detected (not served from the cache) since creation: lets tests and the bench see the incremental work. */
  detectedUnits = 0;
  /** Entity groupings computed (not kept from before an edit) since creation: likewise. */
  groupings = 0;

  /** Units kept now: at least the units of the latest text, else a huge article would evict its own units as it goes. */
  private limit: number;
  private lineLimit: number;

  /** @param maxCacheEntries units kept (more while the latest article has more); 0 disables the cache. */
  constructor(private readonly maxCacheEntries = 20000) {
    this.limit = maxCacheEntries;
    this.lineLimit = maxCacheEntries;
  }

  analyze(article: string, options: AnalyzerOptions = {}): AnalysisResult {
    // it moves the document's kept state on: a run in steps of the same document is superseded
    const document = options.document ?? '';
    const ticket = this.ticket(document);
    const run = this.steps(article, options);
    for (;;) {
      const next = run.next();
      if (next.done) {
        this.finished(document, ticket);
        return next.value;
      }
    }
  }

  /**
   * `analyze` as a sequence of bounded steps (the lines re-detected a slice at a time, the grouping, the annotations a
   * slice at a time): the editor runs a few per task and yields in between, so no task blocks the extension host for
   * the whole of a big article's re-analysis. The result is exactly `analyze`'s (analyze runs the same steps). A run is
   * superseded once another analysis of the same document starts (that one moved the kept state on): its `step`
   * then throws, and it is dropped.
   */
  analyzeSteps(article: string, options: AnalyzerOptions = {}): AnalysisSteps {
    const run = this.steps(article, options);
    const document = options.document ?? '';
    // taken now: the run's first step (which reads and moves the kept state) runs at the first call of `step`
    const ticket = this.ticket(document);
    return {
      get superseded() {
        return ticket.superseded;
      },
      step: () => {
        if (ticket.superseded) throw new Error('This analysis was superseded by a newer analysis of the same article.');
        const next = run.next();
        if (!next.done) return undefined;
        this.finished(document, ticket);
        return next.value;
      },
    };
  }

  /** A new run of `document`: every earlier run of it is superseded. */
  private ticket(document: string): { superseded: boolean } {
    const previous = this.running.get(document);
    if (previous) previous.superseded = true;
    const ticket = { superseded: false };
    this.running.set(document, ticket);
    return ticket;
  }

  private finished(document: string, ticket: { superseded: boolean }): void {
    if (this.running.get(document) === ticket) this.running.delete(document);
  }

  private *steps(article: string, options: AnalyzerOptions): Generator<void, AnalysisResult, void> {
    // front matter is markup, but its `date:` is the article's date: read from the article as written
    const referenceDate = chooseReferenceDate(article, options.referenceDate);
    // everything is detected in `text`; an annotation's text is the article's own (a name may run across markup)
    const text = this.source(article, options.format);
    const wanted = new Set<AnnotationType>(options.types ?? ANNOTATION_TYPES);
    const needMentions = ENTITY_KINDS.some(t => wanted.has(t));
    const keep = options.keep !== false;
    const state = keep && this.maxCacheEntries > 0 ? this.linesOf(text, options.document ?? '') : undefined;
    const lines = state ? state.lines : keep ? text.split('\n').map(l => this.record(l)) : this.linesOnce(text);

    // each date as its line, its index there and the line's start (no copy of the date in document offsets)
    const dateLines: LineRecord[] = [];
    const dateIndex: number[] = [];
    const dateLineStart: number[] = [];
    let lineStart = 0;
    let budget = STEP_LINES;
    for (const rec of lines) {
      // a line not detected yet costs about its length; one already detected, little
      budget -= rec.dates && (rec.mentions || !needMentions) ? 1 : 1 + rec.text.length / 4;
      if (budget <= 0) {
        budget = STEP_LINES;
        yield;
      }
      this.prepare(rec, needMentions);
      for (let i = 0; i < rec.dates!.length; i++) {
        dateLines.push(rec);
        dateIndex.push(i);
        dateLineStart.push(lineStart);
      }
      lineStart += rec.text.length + 1;
    }
    const source: LineSource = fn => {
      let s = 0;
      for (const rec of lines) {
        // a one-shot analysis tokenizes each line as it goes: kept, the tokens and propagate's memo would hold some
        // 25 bytes per character of the article until the end (a pure function of the line: the same result)
        fn(s, rec.info ?? (keep ? (rec.info = computeLineInfo(rec.text)) : computeLineInfo(rec.text)));
        s += rec.text.length + 1;
      }
    };
    // the same, a slice at a time (the grouping's propagate yields between slices)
    const starts: number[] = [];
    const sliced: SlicedLines = {
      count: lines.length,
      slice: (from, to, fn) => {
        if (starts.length === 0) {
          let s = 0;
          for (const rec of lines) {
            starts.push(s);
            s += rec.text.length + 1;
          }
        }
        for (let i = from; i < to && i < lines.length; i++) {
          const rec = lines[i];
          fn(starts[i], rec.info ?? (keep ? (rec.info = computeLineInfo(rec.text)) : computeLineInfo(rec.text)));
        }
      },
    };
    yield;
    const lexicon = findLexiconMatches(text, source, options.lexicon ?? {}, true);
    let grouped = state && needMentions && lexicon === NO_MATCHES ? keptGrouping(state) : undefined;
    if (!grouped) {
      // a grouping under way changes the kept mentions and slots: from here on, the state keeps no grouping until it ends
      if (state) {
        state.grouping = undefined;
        state.edit = undefined;
      }
      const work: Working[] = [];
      if (needMentions) {
        lineStart = 0;
        let n = 0;
        for (let i = 0; i < lines.length; i++) {
          const rec = lines[i];
          if ((n += 1 + rec.mentions!.length) >= STEP_MENTIONS) {
            n = 0;
            yield;
          }
          if (state) inputsOf(state, i, rec, lineStart, work);
          else for (const m of rec.mentions!) work.push(working(m.start + lineStart, m.end + lineStart, m.type, m.surface, false, m.confidence));
          lineStart += rec.text.length + 1;
        }
      }
      yield;
      let slots: Slots | undefined;
      if (state) {
        // records of surfaces no longer in the article are dropped now and then, with the mentions pointing at them
        if (state.slots && state.slots.size > 2 * work.length + 1000) {
          state.slots = undefined;
          state.inputs = [];
          for (const m of work) m.slot = undefined;
        }
        slots = state.slots ??= new Slots();
      }
      grouped = yield* groupWorkingSteps(text, work, source, lexicon, sliced, slots);
      this.groupings++;
    }
    if (state) {
      state.grouping = needMentions && lexicon === NO_MATCHES ? grouped : undefined;
      state.edit = undefined;
    }
    // copies: the kept grouping's entities are handed out again after the next edit
    // (the grouping's entities have these four fields: a literal copies them several times faster than a spread)
    const entities: Entity[] = [];
    for (const e of grouped.entities) if (wanted.has(e.type)) entities.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases.slice() });
    // made on first need: few mentions are written otherwise than their surface
    let entityById: Map<string, Entity> | undefined;

    const mentionAnnotations: Annotation[] = [];
    // every name blocks the dates it overlaps, wanted or not (so asking for fewer types changes nothing else)
    const allNamed = ENTITY_KINDS.every(t => wanted.has(t));
    const named: Span[] = allNamed ? mentionAnnotations : [];
    let sorted = true;
    let lastStart = -1;
    let lastEnd = -1;
    yield;
    let count = 0;
    for (const m of grouped.mentions) {
      if (++count === STEP_MENTIONS) {
        count = 0;
        yield;
      }
      let start = m.start;
      let end = m.end;
      if (mayExtend(text, start, end)) ({ start, end } = snapToGraphemes(text, m));
      if (start < lastStart || (start === lastStart && end < lastEnd)) sorted = false;
      lastStart = start;
      lastEnd = end;
      if (!allNamed) named.push({ start, end });
      if (!wanted.has(m.type)) continue;
      const mentionText = article.slice(start, end);
      mentionAnnotations.push({ id: '', type: m.type, start, end, text: mentionText, source: 'auto', entity: m.entity });
      // a mention found under another spelling of its name ("Isis" by "ISIS") is one of the entity's surface forms,
      // as the sidecar lists them (tidyEntities): the aliases hold what the article writes
      if (mentionText !== m.surface) addAlias((entityById ??= new Map(entities.map(e => [e.id, e]))), m.entity, spacedName(mentionText));
    }
    if (!sorted) named.sort(byStart);
    // The user's date names win over the automatic dates they overlap, as the other lexicon names do.
    const lexiconDates = lexicon.dates.map(s => snapToGraphemes(text, s));
    const lexiconAnnotations: Annotation[] = [];
    const dateAnnotations: Annotation[] = [];
    let datesSorted = true;
    if (wanted.has('date')) {
      const phraseValues = new Map<string, ResolvedDate>();
      for (const s of lexiconDates) {
        const t = article.slice(s.start, s.end);
        let resolved = phraseValues.get(t);
        if (resolved === undefined) phraseValues.set(t, (resolved = resolveDatePhrase(t, referenceDate?.value ?? null)));
        lexiconAnnotations.push(dateAnnotation(s.start, s.end, t, resolved));
      }
      // Only lexicon names can still overlap a date here (detector candidates on dates were dropped): the
      // user's lexicon wins over the automatic date ("May" as a person), so annotations never overlap.
      const ref = referenceDate?.value ?? null;
      const overNamed = overlapSweep(named);
      const overLexicon = overlapSweep(lexiconDates);
      lastStart = -1;
      lastEnd = -1;
      yield;
      for (let i = 0; i < dateLines.length; i++) {
        if (i % STEP_MENTIONS === STEP_MENTIONS - 1) yield;
        const d = dateLines[i].dates![dateIndex[i]];
        let start = d.start + dateLineStart[i];
        let end = d.end + dateLineStart[i];
        if (mayExtend(text, start, end)) ({ start, end } = snapToGraphemes(text, { start, end }));
        if (overNamed(start, end) || overLexicon(start, end)) continue;
        if (start < lastStart || (start === lastStart && end < lastEnd)) datesSorted = false;
        lastStart = start;
        lastEnd = end;
        dateAnnotations.push(dateAnnotation(start, end, article.slice(start, end), this.resolved(dateLines[i], dateIndex[i], ref)));
      }
    }
    yield;
    let annotations: Annotation[];
    if (sorted && datesSorted && lexiconAnnotations.length === 0) annotations = merge(mentionAnnotations, dateAnnotations);
    else annotations = [...mentionAnnotations, ...lexiconAnnotations, ...dateAnnotations].sort(byStart);
    for (let i = 0; i < annotations.length; i++) annotations[i].id = annotationId(i);
    return { annotations, entities, referenceDate };
  }

  /** The text the detectors read: the article, with its markup blanked when it is Markdown (same length and offsets). */
  source(article: string, format: AnalyzeOptions['format']): string {
    return format === 'markdown' ? this.markdown.mask(article) : article;
  }

  /** The article's lines: what changed since its last analysis split again, the rest reused. */
  private linesOf(text: string, document: string): DocumentState {
    const previous = this.documents.get(document);
    let state: DocumentState;
    if (previous && previous.text === text) state = previous;
    else if (previous) state = this.edited(previous, text);
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
  private linesOnce(text: string): LineRecord[] {
    const fresh = new Map<string, LineRecord>();
    return text.split('\n').map(line => {
      let rec = this.lineCache.get(line) ?? fresh.get(line);
      if (!rec) fresh.set(line, (rec = this.record(line, false)));
      return rec;
    });
  }

  /** `previous` with the lines the edit touched split again from `text`. */
  private edited(previous: DocumentState, text: string): DocumentState {
    const old = previous.text;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
    const changedEnd = old.length - suffix;
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
    };
  }

  /** The line's record, from the line cache or new (and cached, unless `keep` is false). */
  private record(line: string, keep = true): LineRecord {
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
  private prepare(rec: LineRecord, needMentions: boolean): void {
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
  private resolved(rec: LineRecord, i: number, ref: string | null): ResolvedDate {
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

/**
 * The document's grouping from before its last edit, when that edit cannot have changed it (entities/reuse.ts),
 * its mentions moved to their new offsets; undefined when it must be computed again.
 */
function keptGrouping(state: DocumentState): KeptGrouping | undefined {
  const { grouping, edit } = state;
  if (!grouping || !edit) return grouping;
  const after = state.lines[edit.line];
  const { before, lineStart } = edit;
  if (!before.mentions || !after.mentions) return undefined;
  const keeps = editKeepsGrouping({
    before: { text: before.text, info: (before.info ??= computeLineInfo(before.text)), mentions: before.mentions },
    after: { text: after.text, info: (after.info ??= computeLineInfo(after.text)), mentions: after.mentions },
    at: edit.at - lineStart,
    end: edit.end - lineStart,
    previous: edit.line > 0 ? state.lines[edit.line - 1].text : '',
    patternWords: () => (grouping.patternWords ??= patternWordsOf(grouping.entities)),
    contested: surface => (grouping.slots.get(surface)?.types.length ?? 2) > 1,
  });
  return keeps && shiftMentions(grouping.mentions, edit.at, edit.end, after.text.length - before.text.length) ? grouping : undefined;
}

/**
 * Pushes line `i`'s mentions onto `work` in document offsets: the objects the previous grouping was given for this
 * line, reset to the line's candidates, when the line is the same; else new ones, kept for the next grouping.
 */
function inputsOf(state: DocumentState, i: number, rec: LineRecord, lineStart: number, work: Working[]): void {
  const ms = rec.mentions!;
  let kept = state.inputs[i];
  if (!kept || kept.rec !== rec) {
    kept = { rec, work: ms.map(m => working(m.start + lineStart, m.end + lineStart, m.type, m.surface, false, m.confidence)) };
    state.inputs[i] = kept;
    for (const m of kept.work) work.push(m);
    return;
  }
  for (let k = 0; k < ms.length; k++) {
    const o = kept.work[k];
    const m = ms[k];
    // the grouping changed the type and set the entity (surface, fixed and confidence are the line's: unchanged)
    o.start = m.start + lineStart;
    o.end = m.end + lineStart;
    o.type = m.type;
    o.entity = undefined;
    work.push(o);
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

const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** Whether `snapToGraphemes` could move the span: only characters from U+0300 up extend a cluster or pair. */
const mayExtend = (text: string, start: number, end: number) => text.charCodeAt(start) >= 0x300 || (end < text.length && text.charCodeAt(end) >= 0x300);

/** Two lists sorted by (start, end) merged stably (`a` first on ties). */
function merge<T extends Span>(a: T[], b: T[]): T[] {
  return b.length === 0 ? a : mergeSorted(a, b, byStart);
}

const ids: string[] = [];
const annotationId = (i: number) => (ids[i] ??= `a${i + 1}`);

/** An auto date annotation; the precision comes with the value and is absent when the date is unresolved. */
function dateAnnotation(start: number, end: number, text: string, { value, precision }: ResolvedDate): Annotation {
  const a: Annotation = { id: '', type: 'date', start, end, text, source: 'auto', value };
  if (value !== null && precision !== null) a.precision = precision;
  return a;
}

function chooseReferenceDate(text: string, given: string | null | undefined): ReferenceDate | null {
  if (given) {
    // refused as Set Reference Date and the CLI refuse it: a day that does not exist (2015-02-30) is no date
    if (!isIsoDay(given)) throw new Error(`Reference date "${given}" is not a real day written YYYY-MM-DD (e.g. 2015-11-24).`);
    return { value: given, source: 'user' };
  }
  const detected = detectReferenceDate(text);
  return detected ? { value: detected, source: 'detected' } : null;
}

const shared = new Analyzer();

/**
 * Analyses an article once (the CLI): a process-wide cache of paragraphs serves every call, but nothing of the
 * article is kept for an incremental re-analysis (the editor keeps an Analyzer of its own for that).
 */
export function analyze(text: string, options: AnalyzerOptions = {}): AnalysisResult {
  return shared.analyze(text, { keep: false, ...options });
}

/** Adds `alias` to the aliases of entity `id` (kept sorted) when it is not there yet. */
function addAlias(entityById: ReadonlyMap<string, Entity>, id: string | undefined, alias: string): void {
  const e = id === undefined ? undefined : entityById.get(id);
  if (!e || e.aliases.includes(alias)) return;
  e.aliases.push(alias);
  e.aliases.sort();
}
