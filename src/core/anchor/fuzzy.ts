// The fuzzy step of re-anchoring (see index.ts), with a bounded cost. A stored quote is looked for next to the places
// where its old context still occurs; around each such place every span length within a slack is a candidate.
// Scoring each candidate with its own edit distance cost O(slack * quote^2) per place, so orphans of a few hundred
// characters took tens of seconds on every reconcile. Here one pass per place gives the distance of every candidate
// length at once (the last row of a single edit-distance table), long quotes are compared by their ends in linear
// time, and the number of places examined is capped by a fixed work budget: the cost per orphan is bounded by a
// constant, whatever the article or the sidecar hold. Candidates, scores and their order are those of the plain
// per-candidate computation, for the places examined.
import type { Span } from '../types';

/** Work done (table cells and characters compared), counted so that tests can bound the cost without timing it. */
export interface FuzzyCost {
  cells: number;
}

export interface Candidate extends Span {
  score: number;
}

export interface FuzzyQuery {
  /** The CR-free text searched. */
  text: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the quote is expected; the nearest places are examined first. */
  near: number;
  /** How many code units of the stored context surround [start, end) in the text. */
  contextScore: (start: number, end: number) => number;
}

/** Context characters looked up on each side. */
const CONTEXT_KEY = 12;
/** Places examined per side at most, nearest the expected place first. */
const MAX_ANCHORS = 200;
/** Work allowed per side of one quote (table cells): with MAX_ANCHORS this caps the fuzzy cost of one orphan. */
export const FUZZY_BUDGET = 1 << 21;
/** Above this length (of either string) similarity compares the ends only: the edit distance would be too costly. */
const LONG = 300;
export const MIN_SIMILARITY = 0.5;
/** How many occurrences of a context key are collected at most. */
const MAX_OCCURRENCES = 5000;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Where `needle` occurs in `haystack` (the first MAX_OCCURRENCES). */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = haystack.indexOf(needle); i >= 0 && out.length < MAX_OCCURRENCES; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function nearest(positions: number[], near: number, max: number): number[] {
  if (positions.length <= max) return positions;
  return [...positions]
    .sort((a, b) => Math.abs(a - near) - Math.abs(b - near))
    .slice(0, max)
    .sort((a, b) => a - b);
}

/** Edit distance of `a` and `b`. */
export function levenshtein(a: string, b: string, cost: FuzzyCost): number {
  if (a === b) return 0;
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(up + 1, row[j - 1] + 1, diag + (c === b.charCodeAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  cost.cells += a.length * b.length;
  return row[b.length];
}

/**
 * Edit distances of `quote` to the text between a fixed end and every other end: with dir 1, out[k] is the distance
 * to text[from, from + k); with dir -1, to text[from - k, from). One table, quote.length cells per text character.
 */
function distancesFrom(quote: string, text: string, from: number, count: number, dir: 1 | -1, cost: FuzzyCost): Int32Array {
  const m = quote.length;
  const q = new Int32Array(m + 1);
  for (let i = 1; i <= m; i++) q[i] = dir === 1 ? quote.charCodeAt(i - 1) : quote.charCodeAt(m - i);
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  const out = new Int32Array(count + 1);
  out[0] = m;
  for (let k = 1; k <= count; k++) {
    const c = dir === 1 ? text.charCodeAt(from + k - 1) : text.charCodeAt(from - k);
    let diag = col[0];
    let above = k;
    col[0] = k;
    for (let i = 1; i <= m; i++) {
      const left = col[i];
      let v = diag + (q[i] === c ? 0 : 1);
      if (left + 1 < v) v = left + 1;
      if (above + 1 < v) v = above + 1;
      col[i] = v;
      above = v;
      diag = left;
    }
    out[k] = col[m];
  }
  cost.cells += m * count;
  return out;
}

/**
 * For each k in 0..count, how many code units `quote` shares with the text read from a fixed point: with dir 1, the
 * common prefix of quote and text[from + k, from + count); with dir -1, the common suffix of quote and
 * text[from - count, from - k). Linear time (Z-algorithm over the quote followed by the text, both read in `dir`).
 */
function sharedEnds(quote: string, text: string, from: number, count: number, dir: 1 | -1, cost: FuzzyCost): Int32Array {
  const m = quote.length;
  const n = m + 1 + count;
  const s = new Int32Array(n);
  for (let i = 0; i < m; i++) s[i] = dir === 1 ? quote.charCodeAt(i) : quote.charCodeAt(m - 1 - i);
  s[m] = -1;
  for (let k = 0; k < count; k++) s[m + 1 + k] = dir === 1 ? text.charCodeAt(from + k) : text.charCodeAt(from - 1 - k);
  const z = new Int32Array(n);
  for (let i = 1, l = 0, r = 0; i < n; i++) {
    if (i < r) z[i] = Math.min(r - i, z[i - l]);
    while (i + z[i] < n && s[z[i]] === s[i + z[i]]) z[i]++;
    if (i + z[i] > r) {
      l = i;
      r = i + z[i];
    }
  }
  cost.cells += n;
  const out = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) out[k] = Math.min(z[m + 1 + k], count - k);
  return out;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** 1 for equal strings, 0 for nothing in common. Long strings are compared by their ends only, to bound the cost. */
export function similarity(a: string, b: string, cost: FuzzyCost): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  if (longest > LONG) {
    cost.cells += a.length + b.length;
    return (commonPrefix(a, b) + commonSuffix(a, b)) / (a.length + b.length);
  }
  return 1 - levenshtein(a, b, cost) / longest;
}

/**
 * Spans similar to the quote next to where its old context still is, each scored by similarity (x100) plus the
 * context kept around it. Candidates are produced in a fixed order (places after the prefix, then places before the
 * suffix; shorter spans first), which decides ties.
 */
export function fuzzyCandidates(q: FuzzyQuery, cost: FuzzyCost = { cells: 0 }): Candidate[] {
  const { text: t, quote, prefix, suffix, near } = q;
  const m = quote.length;
  const slack = Math.max(3, Math.ceil(m / 3));
  const minLen = Math.max(1, m - slack);
  const maxLen = m + slack;
  const pairLen = m * 2 + 20;
  // the work one place costs at most: a paired candidate's distance, or one table over the window, or linear ends
  const perPlace = (m <= LONG ? m * (pairLen + 1) : 0) + 4 * (m + pairLen);
  const places = Math.max(1, Math.min(MAX_ANCHORS, Math.floor(FUZZY_BUDGET / perPlace)));
  const pk = prefix.slice(-CONTEXT_KEY);
  const sk = suffix.slice(0, CONTEXT_KEY);
  const starts =
    pk.length >= 4
      ? nearest(
          occurrences(t, pk).map(i => i + pk.length),
          near,
          places,
        )
      : [];
  const ends = sk.length >= 4 ? nearest(occurrences(t, sk), near, places) : [];
  const out: Candidate[] = [];
  const push = (start: number, end: number, sim: number) => {
    if (sim < MIN_SIMILARITY) return;
    out.push({ start, end, score: sim * 100 + q.contextScore(start, end) });
  };
  /** Similarity of the quote to [s, e) from precomputed distances or shared ends. */
  const scored = (s: number, e: number, distance: () => number, prefixLen: () => number, suffixLen: () => number) => {
    const len = e - s;
    const longest = Math.max(m, len);
    if (longest > LONG) return (prefixLen() + suffixLen()) / (m + len);
    return 1 - distance() / longest;
  };
  let j = 0;
  for (const start of starts) {
    while (j < ends.length && ends[j] < start) j++;
    if (j < ends.length && ends[j] - start <= pairLen) {
      const s = trimSpan(t, start, Math.min(ends[j], t.length));
      if (s.end > s.start) push(s.start, s.end, similarity(quote, t.slice(s.start, s.end), cost));
      continue;
    }
    // every span [start, start + len), trimmed: the trimmed start is the same for all, the end varies
    const limit = Math.min(start + maxLen, t.length);
    let s0 = start;
    while (s0 < limit && isSpace(t.charCodeAt(s0))) s0++;
    if (s0 >= limit) continue;
    const count = limit - s0;
    const dist = m <= LONG ? distancesFrom(quote, t, s0, count, 1, cost) : null;
    const headShared = commonPrefix(quote, t.slice(s0, s0 + m));
    const tails = m > LONG || count > LONG ? sharedEnds(quote, t, s0 + count, count, -1, cost) : null;
    let lastEnd = -1;
    for (let len = minLen; len <= maxLen; len++) {
      const e0 = Math.min(start + len, t.length);
      if (e0 <= s0) continue;
      let e = e0;
      while (e > s0 && isSpace(t.charCodeAt(e - 1))) e--;
      if (e === lastEnd) continue; // the same span again: same score, never preferred over the first
      lastEnd = e;
      push(
        s0,
        e,
        scored(
          s0,
          e,
          () => dist![e - s0],
          () => Math.min(headShared, e - s0),
          () => tails![s0 + count - e],
        ),
      );
    }
  }
  for (const end of ends) {
    // every span [end - len, end), trimmed: the trimmed end is the same for all, the start varies
    let e = end;
    const lowest = Math.max(0, end - maxLen);
    while (e > lowest && isSpace(t.charCodeAt(e - 1))) e--;
    if (e === lowest) continue; // nothing but spaces before end: every candidate is empty
    const count = e - lowest;
    const dist = m <= LONG ? distancesFrom(quote, t, e, count, -1, cost) : null;
    const tailShared = commonSuffix(quote, t.slice(Math.max(0, e - m), e));
    const heads = m > LONG || count > LONG ? sharedEnds(quote, t, lowest, count, 1, cost) : null;
    let lastStart = -1;
    for (let len = minLen; len <= maxLen && end - len >= 0; len++) {
      let s = end - len;
      while (s < e && isSpace(t.charCodeAt(s))) s++;
      if (s >= e || s === lastStart) continue;
      lastStart = s;
      push(
        s,
        e,
        scored(
          s,
          e,
          () => dist![e - s],
          () => heads![s - lowest],
          () => Math.min(tailShared, e - s),
        ),
      );
    }
  }
  return out;
}

function trimSpan(t: string, start: number, end: number): Span {
  while (start < end && isSpace(t.charCodeAt(start))) start++;
  while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
  return { start, end };
}
