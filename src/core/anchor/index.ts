// Re-attaches stored spans to an article that changed since they were stored (edited in the editor, git pull,
// another tool). Order of attempts, cheapest and surest first:
//   1. same offsets (or shifted like the previous span in the batch) when the quote and its context still match there;
//   2. the exact quote where its context agrees best, nearest the old position on ties;
//   3. a fuzzy match: the stored prefix/suffix found again around text similar to the quote.
// What none of these place is reported as not found (the caller keeps it as an orphan). A quote whose context no
// longer agrees is not attached to a random other occurrence of the same words: a visible orphan is better than a
// silently wrong annotation.
// Line ends are compared with CR removed, so converting a file between CRLF and LF moves spans but orphans nothing.
import { snapToGraphemes } from '../graphemes';
import { isHighSurrogate, isLowSurrogate } from '../segment';
import { fuzzyCandidates, occurrences, type Candidate, type FuzzyCost } from './fuzzy';
import type { Span } from '../types';

/** Code units of context stored on each side of a span (the sidecar's prefix/suffix hold at most this many). */
export const CONTEXT_LENGTH = 32;

/**
 * A span's words and what surrounds them, as a W3C TextQuoteSelector has them: stored with every annotation and
 * rejection in the sidecar, so they can be placed again after the article changed.
 */
export interface QuoteSelector {
  /** The annotated text itself (the selector's `exact`). */
  text: string;
  /** Up to CONTEXT_LENGTH code units of text just before it. */
  prefix: string;
  /** Up to CONTEXT_LENGTH code units of text just after it. */
  suffix: string;
}

export interface AnchorTarget extends Span, QuoteSelector {}

export type AnchorMethod = 'same' | 'exact' | 'fuzzy';

export interface AnchorResult extends Span {
  method: AnchorMethod;
}

/** The prefix/suffix to store with a span, never cutting a surrogate pair. */
export function quoteContext(text: string, span: Span): Pick<QuoteSelector, 'prefix' | 'suffix'> {
  let ps = Math.max(0, span.start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, span.end + CONTEXT_LENGTH);
  if (se < text.length && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return { prefix: text.slice(ps, span.start), suffix: text.slice(span.end, se) };
}

/** The text with CRs removed, and where each of its code units sits in the original. */
interface View {
  text: string;
  /** original offset of normalized offset i; identity when null (no CR in the text). */
  map: Int32Array | null;
}

let lastView: { source: string; view: View } | undefined;

function viewOf(text: string): View {
  if (lastView?.source === text) return lastView.view;
  let view: View;
  if (!text.includes('\r')) view = { text, map: null };
  else {
    const map = new Int32Array(text.length + 1);
    let out = '';
    let n = 0;
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 13) {
        out += text.slice(runStart, i);
        runStart = i + 1;
        continue;
      }
      map[n++] = i;
    }
    out += text.slice(runStart);
    map[n] = text.length;
    view = { text: out, map: map.subarray(0, n + 1) };
  }
  lastView = { source: text, view };
  return view;
}

const toOriginal = (v: View, start: number, end: number): Span => {
  if (!v.map) return { start, end };
  return { start: v.map[start], end: end > start ? v.map[end - 1] + 1 : v.map[start] };
};

/** The normalized offset of an original one (first normalized unit at or after it). */
function toNormalized(v: View, offset: number): number {
  if (!v.map) return offset;
  let lo = 0,
    hi = v.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const stripCR = (s: string) => (s.includes('\r') ? s.replace(/\r/g, '') : s);

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many code units of the stored context still surround [start, end) in the normalized text. */
function contextScore(t: string, start: number, end: number, prefix: string, suffix: string): number {
  return commonSuffix(t.slice(Math.max(0, start - prefix.length), start), prefix) + commonPrefix(t.slice(end, end + suffix.length), suffix);
}

/** Context that must agree for an exact quote found elsewhere to count as the same mention. */
function requiredContext(quote: string, prefix: string, suffix: string): number {
  return Math.min(prefix.length + suffix.length, quote.length >= 20 ? 4 : 12);
}

function best(candidates: Candidate[], near: number): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (!top || c.score > top.score || (c.score === top.score && Math.abs(c.start - near) < Math.abs(top.start - near))) top = c;
  }
  return top;
}

/** Searched first around the expected place: a hit there with all its context is taken without scanning the text. */
const NEAR_WINDOW = 4096;

function exactCandidates(t: string, quote: string, prefix: string, suffix: string, near: number): Candidate[] {
  const need = requiredContext(quote, prefix, suffix);
  const score = (starts: number[]) =>
    starts
      .map(start => ({ start, end: start + quote.length, score: contextScore(t, start, start + quote.length, prefix, suffix) }))
      .filter(c => c.score >= need);
  if (t.length > 2 * NEAR_WINDOW) {
    const lo = Math.max(0, near - NEAR_WINDOW);
    const local = score(occurrences(t.slice(lo, near + NEAR_WINDOW + quote.length), quote).map(i => i + lo));
    const full = local.filter(c => c.score === prefix.length + suffix.length);
    if (full.length > 0) return full;
  }
  return score(occurrences(t, quote));
}

/** Whether a span begins and ends between characters (no half surrogate pair, no combining mark cut off). */
function onBoundaries(text: string, span: Span): boolean {
  const s = snapToGraphemes(text, span);
  return s.start === span.start && s.end === span.end;
}

function sameAt(text: string, target: AnchorTarget, start: number): boolean {
  const end = start + (target.end - target.start);
  if (start < 0 || end > text.length || text.slice(start, end) !== target.text) return false;
  // the same characters can sit inside another character's combining sequence: not the same words then
  if (!onBoundaries(text, { start, end })) return false;
  // compare the context in the CR-free view of the neighbourhood only: cheap, and robust to line-end changes
  const before = stripCR(text.slice(Math.max(0, start - 2 * CONTEXT_LENGTH), start));
  const after = stripCR(text.slice(end, end + 2 * CONTEXT_LENGTH));
  const prefix = stripCR(target.prefix);
  const suffix = stripCR(target.suffix);
  return commonSuffix(before, prefix) === prefix.length && commonPrefix(after, suffix) === suffix.length;
}

/**
 * Where `target` (a span stored against an older version of the text, with its quote and context) is in `text` now,
 * or null when it cannot be placed. `expectedStart` is a better guess than target.start, e.g. shifted like the
 * previous span (see anchorAll).
 */
export function anchor(text: string, target: AnchorTarget, expectedStart?: number, cost?: FuzzyCost): AnchorResult | null {
  // an empty quote (only in a hand-edited sidecar) marks nothing and would "match" anywhere
  if (target.text.length === 0) return null;
  if (sameAt(text, target, target.start)) return { start: target.start, end: target.end, method: 'same' };
  if (expectedStart !== undefined && expectedStart !== target.start && sameAt(text, target, expectedStart)) {
    return { start: expectedStart, end: expectedStart + target.end - target.start, method: 'same' };
  }
  const v = viewOf(text);
  const quote = stripCR(target.text);
  const prefix = stripCR(target.prefix);
  const suffix = stripCR(target.suffix);
  if (quote.length === 0) return null;
  const near = toNormalized(v, expectedStart ?? target.start);
  const exact = best(
    exactCandidates(v.text, quote, prefix, suffix, near).filter(c => onBoundaries(text, toOriginal(v, c.start, c.end))),
    near,
  );
  if (exact) return { ...toOriginal(v, exact.start, exact.end), method: 'exact' };
  const t = v.text;
  const contextAt = (start: number, end: number) => contextScore(t, start, end, prefix, suffix);
  const fuzzy = best(fuzzyCandidates({ text: t, quote, prefix, suffix, near, contextScore: contextAt }, cost), near);
  if (fuzzy) return { ...snapToGraphemes(text, toOriginal(v, fuzzy.start, fuzzy.end)), method: 'fuzzy' };
  return null;
}

/**
 * Anchors many targets at once. Targets are visited in their old order and each is first tried where the previous
 * one moved to, so an insertion or deletion earlier in the article costs one comparison per span, not a search.
 * Returns one result (or null) per target, in the order given. `cost`, when given, counts the fuzzy step's work.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[], cost?: FuzzyCost): (AnchorResult | null)[] {
  const order = targets.map((_, i) => i).sort((a, b) => targets[a].start - targets[b].start || a - b);
  const out: (AnchorResult | null)[] = new Array(targets.length).fill(null);
  let shift = 0;
  for (const i of order) {
    const r = anchor(text, targets[i], targets[i].start + shift, cost);
    out[i] = r;
    if (r) shift = r.start - targets[i].start;
  }
  return out;
}
