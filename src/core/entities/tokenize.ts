// A small, linear tokenizer shaped like CoNLL-2003's tokenization (the statistics the tagger uses come from it):
// words keep internal hyphens, apostrophes and dots ("al-Assad", "O'Neill", "U.S."); a possessive 's is its own
// token; every other non-space code point is a token of its own (so a surrogate pair is never split).

import { MONTH_ABBREVIATIONS } from '../dates/vocabulary';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** First token of a sentence (start of the unit, or after . ! ? possibly followed by quotes/brackets). */
  sentenceStart: boolean;
}

// Abbreviations that keep their final dot (CoNLL writes "Mr.", "Inc.", "Corp.", "Nov." as one token).
const DOTTED = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'rep',
  'sen',
  'gov',
  'rev',
  'st',
  'mt',
  'ft',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'bros',
  'no',
  'vs',
  'etc',
  ...MONTH_ABBREVIATIONS,
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

/** A single capital letter ("J." is an initial, kept with its dot). */
const ONE_CAPITAL = /^\p{Lu}$/u;
const POSSESSIVE = /['’][sS](?![\p{L}\p{N}])/uy;
const ANY = /[\s\S]/uy;
// Quotes and brackets between sentences leave the next word sentence-initial (QUOTE_BRACKET_CHARS below).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{N}/u;
const MARK = /\p{M}/u;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(c);
}

/** End of the word starting at i (i must be a word character), or i when there is none. */
function scanWord(text: string, i: number): number {
  let j = i;
  let segStart = i;
  const n = text.length;
  while (j < n) {
    while (j < n && isWordChar(text[j])) j++;
    const c = text[j];
    const next = text[j + 1];
    if (!isWordChar(next)) break;
    if (c === '-' || c === '&') {
      j++;
      segStart = j;
      continue;
    }
    if ((c === "'" || c === '’') && !((next === 's' || next === 'S') && !isWordChar(text[j + 2]))) {
      j++;
      segStart = j;
      continue;
    }
    // a dot joins initials and numbers ("U.S", "1.5"), not two words run together ("Mediterranean.Things")
    if (c === '.' && (j - segStart <= 2 || (DIGIT.test(text[j - 1]) && DIGIT.test(next)))) {
      j++;
      segStart = j;
      continue;
    }
    if (c === ',' && DIGIT.test(text[j - 1]) && DIGIT.test(next)) {
      j++;
      segStart = j;
      continue;
    }
    break;
  }
  return j;
}

/**
 * What /\s/ matches (ECMAScript WhiteSpace and LineTerminator), by code unit: the tokenizer tests every gap with it,
 * and a sticky regex call (plus a slice and a second regex for the line break) per gap showed in its profile.
 */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** The one-character tokens after which a sentence starts (. ! ?), and the quotes and brackets that leave it so. */
const SENTENCE_END_CHARS = '.!?';
const QUOTE_BRACKET_CHARS = '"\'“”‘’«»()[]';

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let atSentenceStart = true;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      // a line break ends a headline or list item even without punctuation
      let j = i;
      for (; j < n && isSpace(text.charCodeAt(j)); j++) if (isLineBreak(text.charCodeAt(j))) atSentenceStart = true;
      i = j;
      continue;
    }
    let end: number;
    POSSESSIVE.lastIndex = i;
    if ((c === 39 || c === 0x2019) && POSSESSIVE.test(text)) {
      end = POSSESSIVE.lastIndex;
    } else {
      // a combining mark with no letter before it belongs to what precedes (a space, a line break): never the
      // first character of a word, or a name's span would start inside someone else's grapheme cluster
      const w = isWordChar(text[i]) && (c < 128 || !MARK.test(text[i])) ? scanWord(text, i) : i;
      if (w > i) {
        end = w;
        if (text[end] === '.') {
          const word = text.slice(i, end).toLowerCase();
          if (DOTTED.has(word) || word.includes('.') || ONE_CAPITAL.test(text.slice(i, end))) end++;
        }
      } else {
        ANY.lastIndex = i;
        ANY.test(text);
        end = ANY.lastIndex;
      }
    }
    const tokText = text.slice(i, end);
    out.push({ start: i, end, text: tokText, sentenceStart: atSentenceStart });
    if (end - i === 1) {
      if (SENTENCE_END_CHARS.includes(tokText)) atSentenceStart = true;
      else if (!QUOTE_BRACKET_CHARS.includes(tokText)) atSentenceStart = false;
    } else atSentenceStart = false;
    i = end;
  }
  return out;
}
