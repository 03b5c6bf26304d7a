// Keeps spans from cutting a grapheme cluster: never end before a combining mark, zero-width joiner or
// variation selector, and never split a surrogate pair.
import { isHighSurrogate, isLowSurrogate } from './segment';
import type { Span } from './types';

// Checked one code point at a time, so a character class is enough.
const EXTENDING = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])$/u;

function codePointAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) return text.slice(i, i + 2);
  return text[i] ?? '';
}

/** Where the code point ending at `i` starts. */
function previousCodePoint(text: string, i: number): number {
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** Widens `span` to whole grapheme clusters (as far as combining marks and surrogates go). */
export function snapToGraphemes(text: string, span: Span): Span {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  // step back a whole code point at a time, so a mark after an astral character never leaves start inside its pair
  while (start > 0 && EXTENDING.test(codePointAt(text, start))) start = previousCodePoint(text, start);
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  while (end < text.length && EXTENDING.test(codePointAt(text, end))) end += codePointAt(text, end).length;
  return { start, end };
}
