// Splits an article into bounded units of analysis. compromise and compromise-dates go superlinear on long
// inputs, so no unit exceeds MAX_UNIT_LENGTH: paragraphs (lines) first, then sentence ends, then spaces.
import type { Span } from './types';

export const MAX_UNIT_LENGTH = 4000;

export interface Unit extends Span {
  text: string;
}

/** Cuts `text` into non-empty units that never straddle a line break and never exceed `max` code units. */
export function segment(text: string, max = MAX_UNIT_LENGTH): Unit[] {
  const units: Unit[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    pushLine(units, text, lineStart, m.index, max);
    lineStart = m.index + m[0].length;
  }
  pushLine(units, text, lineStart, text.length, max);
  return units;
}

/** Adds the units of the line [start, end) that are not blank. */
function pushLine(units: Unit[], text: string, start: number, end: number, max: number): void {
  for (const s of end - start > max ? splitLong(text, start, end, max) : [{ start, end }]) {
    const piece = text.slice(s.start, s.end);
    if (piece.trim()) units.push({ start: s.start, end: s.end, text: piece });
  }
}

function splitLong(text: string, start: number, end: number, max: number): Span[] {
  const out: Span[] = [];
  while (end - start > max) {
    const cut = findCut(text, start, start + max);
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end });
  return out;
}

const isLower = (ch: string | undefined) => ch !== undefined && /\p{Ll}/u.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
/** The first letter of the word that ends just before `i` (spaces before it skipped), if any. */
function wordStartBefore(text: string, i: number, start: number): string | undefined {
  while (i > start && /\s/.test(text[i - 1])) i--;
  let j = i;
  while (j > start && isWordChar(text[j - 1])) j--;
  return j < i ? text[j] : undefined;
}

/**
 * The best place to cut in (start, limit], never inside a token and, when it can be helped, never inside a name:
 * after a sentence end; else at a space between two words that begin in lower case (names and dates begin with a
 * capital or a digit, or run through one: "Vladimir | Putin", "Bank | of England", "May 4 | 2015"); else after any
 * space; else where a word ends (at punctuation); else at a code point boundary (one token over half a unit long).
 */
function findCut(text: string, start: number, limit: number): number {
  const floor = start + Math.floor((limit - start) / 2);
  for (let i = limit; i > floor; i--) {
    if (/[.!?]/.test(text[i - 2] ?? '') && /\s/.test(text[i - 1])) return i;
  }
  for (let i = limit; i > floor; i--) {
    if (/\s/.test(text[i - 1]) && isLower(text[i]) && isLower(wordStartBefore(text, i, start))) return i;
  }
  for (let i = limit; i > floor; i--) {
    if (/\s/.test(text[i - 1])) return i;
  }
  for (let i = limit; i > floor; i--) {
    if (isWordChar(text[i - 1]) !== isWordChar(text[i])) return i;
  }
  let i = limit;
  if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  return i;
}

export const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// Blocks are compared at once (a string comparison is a memory compare, far faster than a character loop): whole
// blocks of BLOCK, then halves down to 8 code units around the first difference, then single code units.
const BLOCK = 1 << 15;

/** How many leading code units `a` and `b` share. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  for (let step = BLOCK >> 1; step >= 8; step >>= 1) {
    if (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing code units `a` and `b` share, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  const n = Math.min(a.length, b.length, max);
  const same = (i: number, len: number) => a.slice(a.length - i - len, a.length - i) === b.slice(b.length - i - len, b.length - i);
  let i = 0;
  while (i + BLOCK <= n && same(i, BLOCK)) i += BLOCK;
  for (let step = BLOCK >> 1; step >= 8; step >>= 1) if (i + step <= n && same(i, step)) i += step;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
