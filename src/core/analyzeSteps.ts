// The analysis as a sequence of bounded steps: the lines detected (through the caches of analyzeLines.ts), then the
// document-level steps over the cached results (reference date, date resolution, entity grouping, lexicon) and the
// annotations and entities built from them. Analyzer (analyze.ts) runs it whole or a step at a time.
import { resolveDatePhrase, type ResolvedDate } from './dates';
import { computeLineInfo, findLexiconMatches, groupWorkingSteps, NO_MATCHES, type LineSource, type SlicedLines, type Working } from './entities';
import { Slots, working } from './entities/mention-set';
import { snapToGraphemes } from './graphemes';
import { MarkdownMasker } from './markdown/mask';
import { overlapSweep } from './spans';
import { spacedName } from './spacedName';
import { AnalyzerLines, type LineRecord } from './analyzeLines';
import type { TextEdit } from './analyzeEdit';
import { inputsOf, keptGrouping } from './analyzeGrouping';
import { resultKey, updateKept, worksOf } from './analyzeKept';
import { handedOut } from './analyzeHandedOut';
import { updateKeptRegrouped } from './analyzeKeptRegroup';
import { addAlias, annotationId, byStart, chooseReferenceDate, dateAnnotation, mayExtend, merge, textOf } from './analyzeParts';
import {
  ANNOTATION_TYPES,
  ENTITY_TYPES,
  type AnalysisResult,
  type AnalyzeOptions,
  type Annotation,
  type AnnotationType,
  type Entity,
  type Span,
} from './types';

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
  /**
   * The change from this document's previous analysis, when the caller knows its range (the editor's change events):
   * the edited lines are then found without comparing the whole article with its previous text. Ignored (the texts
   * are compared) when it is not the change from that text, and on Markdown.
   */
  edit?: TextEdit;
}

const ENTITY_KINDS: readonly AnnotationType[] = ENTITY_TYPES;

/**
 * Bounds of one step of `analyzeSteps` (each a few milliseconds on a 1.5 MB article): lines walked (a line to detect
 * counts a quarter of its length, so about 8,000 characters are detected per step), and mentions or dates turned
 * into annotations.
 */
const STEP_LINES = 2000;
const STEP_MENTIONS = 5000;

/** Each date found as its line, its index there and the line's start (no copy of the date in document offsets). */
interface DateLists {
  lines: LineRecord[];
  index: number[];
  lineStart: number[];
  /** The start of the next line to detect. */
  at: number;
}

/** The stepped analysis over the Analyzer's caches; Analyzer (analyze.ts) adds the runs' tickets and the public entry points. */
export abstract class AnalyzerSteps extends AnalyzerLines {
  /** Markdown articles are analysed with their markup blanked; the masker caches each block's parse. */
  readonly markdown = new MarkdownMasker();
  /** Entity groupings computed (not kept from before an edit) since creation: like `detectedUnits`, for tests and the bench. */
  groupings = 0;
  /** Groupings updated for the names of one edited line (entities/regroup.ts) rather than computed: for tests and the bench. */
  regroupings = 0;
  /** Results built from the previous one (analyzeKept.ts) rather than made from every line's records: for tests and the bench. */
  keptResults = 0;
  /** Of those, the ones built after a line's regrouping (analyzeKeptRegroup.ts): for tests and the bench. */
  regroupedResults = 0;

  protected *steps(article: string, options: AnalyzerOptions): Generator<void, AnalysisResult, void> {
    // front matter is markup, but its `date:` is the article's date: read from the article as written
    const referenceDate = chooseReferenceDate(article, options.referenceDate);
    // everything is detected in `text`; an annotation's text is the article's own (a name may run across markup)
    const text = this.source(article, options.format);
    const wanted = new Set<AnnotationType>(options.types ?? ANNOTATION_TYPES);
    const needMentions = ENTITY_KINDS.some(t => wanted.has(t));
    const keep = options.keep !== false;
    // a range is no use on Markdown: an edit may change the masking far from it (a code fence opened)
    const markdown = options.format === 'markdown';
    const state = keep && this.maxCacheEntries > 0 ? this.linesOf(text, options.document ?? '', markdown ? undefined : options.edit) : undefined;
    const lines = state ? state.lines : keep ? text.split('\n').map(l => this.record(l)) : this.linesOnce(text);
    const key = resultKey(wanted, referenceDate);
    // the previous result may be built on (analyzeKept.ts): only the edited lines need detecting before the grouping
    const kept = state?.result?.key === key && !markdown ? state.result : undefined;

    // each date as its line, its index there and the line's start (no copy of the date in document offsets)
    const dates: DateLists = { lines: [], index: [], lineStart: [], at: 0 };
    // the lines detected a slice at a time, a yield between slices (a loop here, not a nested generator: the one-shot
    // analysis ran ~25% slower through one)
    if (kept && state!.changed) for (let i = state!.changed.first; i < state!.changed.first + state!.changed.count; i++) this.prepare(lines[i], needMentions);
    else if (!kept) for (let i = this.detectSlice(lines, 0, needMentions, dates); i < lines.length; i = this.detectSlice(lines, i, needMentions, dates)) yield;
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
    const before = state?.grouping;
    let grouped = state && needMentions && lexicon === NO_MATCHES ? keptGrouping(state, source) : undefined;
    const regrouped = grouped !== undefined && grouped !== before;
    if (regrouped) this.regroupings++;
    if (kept && grouped !== undefined && (grouped === kept.grouping || (regrouped && kept.grouping === before))) {
      // the grouping is as it was, or changed only what the edited line touched: only the edited lines' annotations
      // (and the lines the regrouping matched again) are made again
      const changed = state!.changed;
      const resolve = (rec: LineRecord, i: number) => this.resolved(rec, i, referenceDate?.value ?? null);
      const edited = changed && { text, article, mentions: grouped.mentions, lines, changed, wanted, resolve };
      if (regrouped ? edited && updateKeptRegrouped(kept, edited, grouped) : !edited || updateKept(kept, edited)) {
        state!.grouping = grouped;
        state!.edit = undefined;
        state!.changed = undefined;
        this.keptResults++;
        if (regrouped) this.regroupedResults++;
        return yield* handedOut(kept, referenceDate, STEP_MENTIONS);
      }
    }
    if (state) {
      // before any yield: the kept grouping moved on to this text, or none while a grouping is under way (it changes
      // the kept mentions and slots); and no result to build on until this one is made
      state.grouping = grouped;
      state.edit = undefined;
      state.changed = undefined;
      state.result = undefined;
    }
    if (kept) for (let i = this.detectSlice(lines, 0, needMentions, dates); i < lines.length; i = this.detectSlice(lines, i, needMentions, dates)) yield;
    if (!grouped) {
      const work: Working[] = [];
      if (needMentions) {
        let lineStart = 0;
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
    const aliased = new Set<Annotation>();

    const mentionAnnotations: Annotation[] = [];
    const mentionWorks: Working[] = [];
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
      const mentionText = textOf(article, start, end, m.surface);
      mentionAnnotations.push({ id: '', type: m.type, start, end, text: mentionText, source: 'auto', entity: m.entity });
      mentionWorks.push(m);
      // a mention found under another spelling of its name ("Isis" by "ISIS") is one of the entity's surface forms,
      // as the sidecar lists them (tidyEntities): the aliases hold what the article writes
      if (mentionText !== m.surface) {
        addAlias((entityById ??= new Map(entities.map(e => [e.id, e]))), m.entity, spacedName(mentionText));
        aliased.add(mentionAnnotations[mentionAnnotations.length - 1]);
      }
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
      const { lines: dateLines, index: dateIndex, lineStart: dateLineStart } = dates;
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
    // kept to build the next result on (an edit that keeps the grouping, or regroups one line's names, changes only a
    // few lines' annotations)
    const works = state && state.grouping === grouped && !markdown ? worksOf(annotations, mentionAnnotations, mentionWorks) : undefined;
    if (works) {
      state!.result = { key, grouping: grouped, annotations, works, entities, wanted, aliased, shiftFrom: 0, shift: 0, renumbered: false, renumberedFrom: 0 };
      return yield* handedOut(state!.result, referenceDate, STEP_MENTIONS);
    }
    for (let i = 0; i < annotations.length; i++) annotations[i].id = annotationId(i);
    return { annotations, entities, referenceDate };
  }

  /**
   * Detects lines from `from` on until about STEP_LINES of work is done (a line not detected yet costs about its
   * length, one already detected little), its dates listed in `dates`; the index of the next line.
   */
  private detectSlice(lines: readonly LineRecord[], from: number, needMentions: boolean, dates: DateLists): number {
    let budget = STEP_LINES;
    let i = from;
    for (; i < lines.length; i++) {
      const rec = lines[i];
      budget -= rec.dates && (rec.mentions || !needMentions) ? 1 : 1 + rec.text.length / 4;
      if (budget <= 0 && i > from) break;
      this.prepare(rec, needMentions);
      for (let j = 0; j < rec.dates!.length; j++) {
        dates.lines.push(rec);
        dates.index.push(j);
        dates.lineStart.push(dates.at);
      }
      dates.at += rec.text.length + 1;
    }
    return i;
  }

  /** The text the detectors read: the article, with its markup blanked when it is Markdown (same length and offsets). */
  source(article: string, format: AnalyzeOptions['format']): string {
    return format === 'markdown' ? this.markdown.mask(article) : article;
  }
}
