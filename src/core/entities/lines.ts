// Tokens of each line of an article, memoised: the document-level steps scan them, and after an edit only the
// edited line is tokenized again.
import { isCapitalised } from './mention-set';
import { tokenize, type Token } from './tokenize';

export interface LineInfo {
  /** The line itself. */
  text: string;
  tokens: Token[];
  /** Indices of the tokens that start with a capital: the only places a name can start. */
  capitals: number[];
  /** propagate's memo: where the name patterns of a generation of them (see propagate.ts) occur in this line. */
  matches?: { generation: number; list: PatternMatch[] };
}

/** A name pattern's occurrence in a line: at token `i` (to token `last`), the `k`th pattern starting with that word. */
export interface PatternMatch {
  i: number;
  k: number;
  last: number;
  start: number;
  end: number;
  /** Part of a longer capitalised name ("U.S. Open"): not an occurrence of this name. */
  blocked: boolean;
}

/**
 * The article's lines ('\n'-separated, in order) with their tokens: calls `fn` with each line's start offset and
 * its tokens (offsets relative to the line). The analyser passes its own, kept across edits; `linesOf` splits a text.
 */
export type LineSource = (fn: (lineStart: number, info: LineInfo) => void) => void;

/** The same lines, walked a slice at a time: `slice` calls `fn` for the lines [from, to) (fewer at the end) in order. */
export interface SlicedLines {
  count: number;
  slice(from: number, to: number, fn: (lineStart: number, info: LineInfo) => void): void;
}

// Bounded; a pure memo of tokenize().
const lineCache = new Map<string, LineInfo>();
const LINE_CACHE_MAX = 50000;

/** The tokens of one line, not memoised (the analyser keeps them with its own line records). */
export function computeLineInfo(line: string): LineInfo {
  const tokens = tokenize(line);
  const capitals: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isCapitalised(tokens[i])) capitals.push(i);
  return { text: line, tokens, capitals, matches: undefined };
}

function lineInfo(line: string): LineInfo {
  let info = lineCache.get(line);
  if (!info) {
    info = computeLineInfo(line);
    if (lineCache.size >= LINE_CACHE_MAX) lineCache.clear();
    lineCache.set(line, info);
  }
  return info;
}

/** Calls `fn` with each line's start offset and its memoised tokens (offsets relative to the line). */
export function forEachLine(text: string, fn: (lineStart: number, info: LineInfo) => void): void {
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    fn(lineStart, lineInfo(text.slice(lineStart, lineEnd)));
    lineStart = lineEnd + 1;
  }
}

export const linesOf =
  (text: string): LineSource =>
  fn =>
    forEachLine(text, fn);
