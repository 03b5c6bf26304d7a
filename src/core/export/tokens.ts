// Tokens and sentences for the CoNLL export. Every kept annotation's start and end are token boundaries, so the
// IOB2 tags reproduce the spans exactly; tokens never contain white space, so a reader can re-align them to the text.
import type { Span } from '../types';
import { LINE_BREAKING } from './lineBreaks';

export interface Token extends Span {
  text: string;
}

// In order of preference at each position: acronyms keep their dots (U.S.), numbers keep their inner separators
// (1,000.5, 24/11/2015, 2015-11-24), CJK characters stand alone (taggers for those scripts work per character),
// words keep inner hyphens and apostrophes (al-Assad, O'Brien), flags and emoji keep their parts, and anything
// else is one code point with its combining marks.
const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`\p{N}+(?:[.,:/\-]\p{N}+)*`,
    String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][\p{M}]*`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\p{Regional_Indicator}{2}`,
    String.raw`\p{Extended_Pictographic}(?:\p{M}|\p{Emoji_Modifier}|\ufe0f|[\u{E0020}-\u{E007F}])*(?:\u200d\p{Extended_Pictographic}(?:\p{M}|\p{Emoji_Modifier}|\ufe0f)*)*`,
    // not a separator Python's str.split()/splitlines() cut at (FS, GS, RS, US, NEL): those are white space here too
    String.raw`[^\s\u001c-\u001f\u0085](?:\p{M}|\u200d|\ufe0f)*`,
  ].join('|'),
  'gu',
);

const POSSESSIVE = /^(.+?)(['’][sS])$/u;

function baseTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const p = POSSESSIVE.exec(m[0]);
    if (p && /\p{L}/u.test(p[1])) {
      // Putin's -> Putin 's, as CoNLL-2003 tokenizes
      out.push({ start: m.index, end: m.index + p[1].length, text: p[1] });
      out.push({ start: m.index + p[1].length, end: m.index + m[0].length, text: p[2] });
    } else {
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out;
}

/** Tokens of `text`, cut further wherever a span starts or ends inside one. */
export function tokenize(text: string, spans: readonly Span[]): Token[] {
  const cuts = new Set<number>();
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const out: Token[] = [];
  let c = 0;
  for (const t of baseTokens(text)) {
    while (c < sortedCuts.length && sortedCuts[c] <= t.start) c++;
    let from = t.start;
    for (let k = c; k < sortedCuts.length && sortedCuts[k] < t.end; k++) {
      out.push({ start: from, end: sortedCuts[k], text: text.slice(from, sortedCuts[k]) });
      from = sortedCuts[k];
    }
    out.push({ start: from, end: t.end, text: text.slice(from, t.end) });
  }
  return out;
}

const SENTENCE_END = /^(?:[.!?。！？]+|…)$/u;
const CLOSER = /^["'”’)\]»」』]$/u;

/**
 * Groups tokens into sentences: a line break always ends one; so does a sentence-final mark (with the closing
 * quotes or brackets after it), unless it lies inside a span ("Yahoo!") or a lowercase word follows.
 */
export function sentences(text: string, tokens: readonly Token[], spans: readonly Span[]): Token[][] {
  const covered = new Uint8Array(text.length + 1);
  for (const s of spans) covered.fill(1, s.start + 1, s.end);
  const inside = (offset: number) => covered[offset] === 1;
  const out: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length) out.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (current.length && LINE_BREAKING.test(text.slice(current[current.length - 1].end, t.start)) && !inside(t.start)) flush();
    current.push(t);
    // "Inc. said": a lowercase word next means the mark was an abbreviation's, not the sentence's end
    const next = tokens[i + 1];
    if (SENTENCE_END.test(t.text) && !inside(t.end) && !(next && /^\p{Ll}/u.test(next.text))) {
      while (i + 1 < tokens.length && CLOSER.test(tokens[i + 1].text) && tokens[i + 1].start === tokens[i].end) current.push(tokens[++i]);
      flush();
    }
  }
  flush();
  return out;
}
