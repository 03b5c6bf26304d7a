// Names found once are found everywhere in the article: later (or earlier) occurrences the model missed,
// a person's surname alone, an organization's distinctive last word alone.
import { MONTHS, WEEKDAYS } from '../dates/vocabulary';
import type { EntityType } from '../types';
import { commonWords, gazetteerLists } from './data';
import type { LineInfo, LineSource, SlicedLines } from './lines';
import { advance, lineMatches } from './pattern-matches';
import { mergeDedupe, Slots, working, type Slot, type SurfacePattern, type Working } from './mention-set';
import { isTitle } from './refine';
import type { Token } from './tokenize';

export { matchesIn, wordTree } from './pattern-matches';
import { COMPANY_SUFFIXES } from './vocabulary';

// Names of months and days are dates far more often than names of things.
const NEVER_PROPAGATE = new Set([...MONTHS, ...WEEKDAYS].map(w => w[0].toUpperCase() + w.slice(1)));
const COMMON_WORDS = commonWords();
const ACRONYM = /^\p{Lu}{4,}$/u;

let placeWords: Set<string> | null = null;
// words that end many organizations' names, so never name one on their own
const ORG_SUFFIXES = new Set([...COMPANY_SUFFIXES, 'group', 'holdings', 'international']);

/** A one-word name of a known place ("France"): never taken for a surname or an organization's short form. */
function isPlaceWord(word: string): boolean {
  if (!placeWords) {
    placeWords = new Set([...(gazetteerLists.loc ?? []), ...(gazetteerLists.tLOC ?? [])].filter(n => !n.includes(' ')));
  }
  return placeWords.has(word.toLowerCase());
}

/** A word that names this organization rather than a kind of thing or a place. */
function isDistinctiveWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return w.length >= 3 && !COMMON_WORDS.has(w) && !isPlaceWord(w) && !ORG_SUFFIXES.has(w) && !isTitle({ text: w } as Token);
}

const byLength = (a: { words: readonly string[] }, b: { words: readonly string[] }) => b.words.length - a.words.length;

/** What the surface adds to the name patterns (a pure function of the surface: kept with its words). */
function patternOf(surface: string, words: readonly string[]): SurfacePattern {
  const capitalised = words.length > 0 && /^\p{Lu}/u.test(words[0]);
  // an acronym written as a word elsewhere ("Isis" after "ISIS", "Nato" after "NATO") is the same name: four
  // letters at least and not a word of its own ("AIDS"/"Aids"), so "WHO" never makes every "Who" a name
  const titled =
    capitalised && words.length === 1 && ACRONYM.test(surface) && !COMMON_WORDS.has(surface.toLowerCase()) ? surface[0] + surface.slice(1).toLowerCase() : null;
  // a person's surname alone ("Lavrov" after "Sergey Lavrov"), an organization's distinctive last word alone
  // ("Sabah" after "Daily Sabah"; not "England" after "Bank of England", nor "Inc" or "Commission")
  const lastWord = words[words.length - 1];
  const last = capitalised && words.length >= 2 && /^\p{Lu}\p{Ll}/u.test(lastWord) ? lastWord : null;
  return { capitalised, titled, last, lastDistinctive: last !== null && isDistinctiveWord(last) };
}

/** A name pattern: the words of a surface (or its last word, or an acronym written as a word) found again where they occur. */
export interface Pattern {
  words: string[];
  type: EntityType;
  surface: string;
  fixed: boolean;
  /** The first mention it was read from last (patterns-update.ts orders a list by it). */
  from: FirstMention | undefined;
}

/** A surface's own patterns for one type and lexicon mark (its words, its acronym as a word, its last word). */
interface OwnPatterns {
  type: EntityType;
  fixed: boolean;
  full: Pattern;
  titled: Pattern | null;
  last: Pattern | null;
}

/** The patterns by first word, longest first among those sharing it, then in the order found. */
export type Patterns = Map<string, Pattern[]>;

/** A surface's first mention in the working set (the patterns are read from them in order). */
export interface FirstMention {
  slot: Slot;
  m: Working;
  /** The strings it claimed when its patterns were read last (CLAIMED_SURFACE | CLAIMED_TITLED | CLAIMED_LAST). */
  claimed: number;
}

export const CLAIMED_SURFACE = 1;
export const CLAIMED_TITLED = 2;
export const CLAIMED_LAST = 4;

/** The strings claimed so far, as readFirst asks about them (a Set, or the claims before a place: patterns-update.ts). */
export interface Claimed {
  has(s: string): boolean;
  add(s: string): void;
}

/** What propagate leaves for a regrouping after an edit (regroup.ts): the first mentions and the patterns read from them. */
export interface PropagateKept {
  firsts: FirstMention[];
  patterns: Patterns;
  /** The first mentions by the strings they may claim (patterns-update.ts): made by the first regrouping that needs it. */
  claims?: Claims;
}

/**
 * Each string a first mention may claim (its surface, its acronym as a word, its last word) -> those first mentions
 * (in order of first mention) and the one that claims it (at most one does: the first to read it).
 */
export type Claims = Map<string, { firsts: FirstMention[]; claimant: FirstMention | undefined }>;

/** The name patterns of surfaces whose first mentions are `firsts`, in order. */
export function patternsOf(firsts: readonly FirstMention[]): Patterns {
  const patterns: Patterns = new Map();
  const seen = new Set<string>();
  // the lists where a pattern came after a shorter one (only those need sorting below)
  const unsorted: Pattern[][] = [];
  const unsortedLists = new Set<Pattern[]>();
  const addPattern = (p: Pattern) => {
    const list = patterns.get(p.words[0]);
    if (!list) patterns.set(p.words[0], [p]);
    else {
      if (p.words.length > list[list.length - 1].words.length && !unsortedLists.has(list)) {
        unsortedLists.add(list);
        unsorted.push(list);
      }
      list.push(p);
    }
  };
  for (const f of firsts) readFirst(f, seen, addPattern);
  // longest first among those sharing a first word, in the order found otherwise (sorted once: a sort per pattern
  // added was quadratic when thousands of names share a first word); a list found in that order already stays as it is
  for (const list of unsorted) list.sort(byLength);
  return patterns;
}

/** How the patterns of a first word are ordered: longest first, then by first mention (the order patternsOf finds them in). */
export const byPatternOrder = (a: Pattern, b: Pattern) => b.words.length - a.words.length || a.from!.m.start - b.from!.m.start;

/** The surface's reading as a pattern (a pure function of the surface, kept with its words). */
export const readingOf = (slot: Slot): SurfacePattern => (slot.words.pattern ??= patternOf(slot.surface, slot.words.tokens));

/**
 * The patterns the first mention `f` adds, given the strings claimed before it (`seen`, updated): its surface's
 * words, its acronym as a word, its last word, each unless an earlier first mention claimed that string.
 */
export function readFirst(f: FirstMention, seen: Claimed, add: (p: Pattern) => void): void {
  const { slot, m } = f;
  f.claimed = 0;
  if (seen.has(m.surface) || NEVER_PROPAGATE.has(m.surface) || m.surface.length < 2) return;
  seen.add(m.surface);
  f.claimed = CLAIMED_SURFACE;
  const words = slot.words.tokens;
  const reading = readingOf(slot);
  if (!reading.capitalised) return;
  // the same objects as long as the surface's first mention has this type (a regrouping compares them by identity)
  let own = slot.patterns as OwnPatterns | undefined;
  if (!own || own.type !== m.type || own.fixed !== m.fixed) {
    const { titled, last } = reading;
    own = {
      type: m.type,
      fixed: m.fixed,
      full: { words, type: m.type, surface: m.surface, fixed: m.fixed, from: undefined },
      titled: titled === null ? null : { words: [titled], type: m.type, surface: m.surface, fixed: m.fixed, from: undefined },
      last: last === null ? null : { words: [last], type: m.type, surface: last, fixed: false, from: undefined },
    };
    slot.patterns = own;
  }
  own.full.from = f;
  add(own.full);
  const { titled, last } = reading;
  if (titled !== null && !seen.has(titled)) {
    seen.add(titled);
    f.claimed |= CLAIMED_TITLED;
    own.titled!.from = f;
    add(own.titled!);
  }
  if (last === null || seen.has(last)) return;
  if (m.type === 'person' || (m.type === 'organization' && reading.lastDistinctive)) {
    seen.add(last);
    f.claimed |= CLAIMED_LAST;
    own.last!.from = f;
    add(own.last!);
  }
}

/**
 * Makes `patterns` the current ones for `lineVisitor` (the memo of each line's matches moves to their generation);
 * propagate does it itself. `changed`: the patterns were the current ones and were changed in place, under these first words.
 */
export function usePatterns(patterns: Patterns, changed?: ReadonlySet<string>): void {
  advance(patterns, changed);
}

/**
 * A visitor of lines in order that pushes onto `added` the new mentions found in each: where a pattern matches and
 * no mention of `work` (sorted, without overlaps) nor a `reserved` span is. `patterns` must be current (usePatterns).
 */
export function lineVisitor(
  work: readonly Working[],
  reserved: readonly { start: number; end: number }[],
  patterns: Patterns,
  added: Working[],
): (lineStart: number, info: LineInfo) => void {
  let j = 0; // first mention that ends after the current position (work is sorted and without overlaps)
  let r = 0; // the same in `reserved`
  return (lineStart, info) => {
    const list = lineMatches(info, patterns);
    const { tokens } = info;
    let skipUntil = -1;
    for (let n = 0; n < list.length;) {
      const i = list[n].i;
      // the candidates at one token, longest pattern first: the first that is free is taken, a blocked one ends the search
      let done = i < skipUntil;
      for (; n < list.length && list[n].i === i; n++) {
        if (done) continue;
        const c = list[n];
        const start = lineStart + c.start;
        const end = lineStart + c.end;
        while (j < work.length && work[j].end <= start) j++;
        if (j < work.length && work[j].start < end) continue;
        while (r < reserved.length && reserved[r].end <= start) r++;
        if (r < reserved.length && reserved[r].start < end) continue;
        done = true;
        if (c.blocked) continue;
        const p = patterns.get(tokens[i].text)![c.k];
        added.push(working(start, end, p.type, p.surface, p.fixed, undefined, true));
        skipUntil = c.last + 1;
      }
    }
  };
}

/**
 * Later (or earlier) occurrences of a name the model found elsewhere in the article become mentions too; never
 * over `reserved` spans (the user lexicon's dates; sorted, without overlaps).
 */
export function propagate(lines: LineSource, work: Working[], reserved: readonly { start: number; end: number }[] = [], slots = new Slots()): Working[] {
  const run = propagateSteps(lines, work, reserved, slots);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/** Lines matched per step of propagateSteps when the lines come in slices (a few milliseconds). */
const STEP_LINES = 1000;

/**
 * propagate a step at a time: when `lines` also comes in slices (the analyser's), a yield after every STEP_LINES
 * lines. The same result as propagate. `kept`, when given, receives the first mentions and the patterns.
 */
export function* propagateSteps(
  lines: LineSource | SlicedLines,
  work: Working[],
  reserved: readonly { start: number; end: number }[] = [],
  slots = new Slots(),
  kept?: PropagateKept,
): Generator<void, Working[], void> {
  // each surface string is looked at once, at its first mention
  const firsts: FirstMention[] = [];
  for (const m of work) {
    const slot = slots.of(m);
    if (slot.visited) continue;
    slot.visited = true;
    firsts.push({ slot, m, claimed: 0 });
  }
  const patterns = patternsOf(firsts);
  if (kept) {
    kept.firsts = firsts;
    kept.patterns = patterns;
  }
  if (patterns.size === 0) return work;
  // Where the patterns match a line depends only on the line and the patterns: kept with the line's tokens, so
  // after an edit only the overlap tests below run again over the unchanged lines.
  advance(patterns);
  const added: Working[] = [];
  const visit = lineVisitor(work, reserved, patterns, added);
  if (typeof lines === 'function') lines(visit);
  else {
    for (let from = 0; from < lines.count; from += STEP_LINES) {
      if (from > 0) yield;
      lines.slice(from, from + STEP_LINES, visit);
    }
  }
  return added.length ? mergeDedupe(work, added) : work;
}
