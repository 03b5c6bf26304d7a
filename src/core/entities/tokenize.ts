// A small, linear tokenizer shaped like CoNLL-2003's tokenization (the statistics the tagger uses come from it):
// words keep internal hyphens, apostrophes and dots ("al-Assad", "O'Neill", "U.S."); a possessive 's is its own
// token; every other non-space code point is a token of its own (so a surrogate pair is never split).

export interface Token {
  start: number;
  end: number;
  text: string;
  /** First token of a sentence (start of the unit, or after . ! ? possibly followed by quotes/brackets). */
  sentenceStart: boolean;
}

// Abbreviations that keep their final dot (CoNLL writes "Mr.", "Inc.", "Corp." as one token).
const DOTTED = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rep', 'sen', 'gov', 'rev',
  'st', 'mt', 'ft', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'no', 'vs', 'etc', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m',
]);

const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’](?![sS](?![\p{L}\p{N}]))|[-.&]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/uy;
const POSSESSIVE = /['’][sS](?![\p{L}\p{N}])/uy;
const SPACE = /\s+/y;
const ANY = /[\s\S]/uy;
const SENTENCE_END = /^[.!?]$/;
const CLOSERS = /^["'”’)\]]$/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let atSentenceStart = true;
  const n = text.length;
  while (i < n) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) { i = SPACE.lastIndex; continue; }
    let end: number;
    POSSESSIVE.lastIndex = i;
    if (POSSESSIVE.test(text)) {
      end = POSSESSIVE.lastIndex;
    } else {
      WORD.lastIndex = i;
      if (WORD.test(text)) {
        end = WORD.lastIndex;
        if (text[end] === '.') {
          const w = text.slice(i, end).toLowerCase();
          if (DOTTED.has(w) || w.includes('.') || /^\p{Lu}$/u.test(text.slice(i, end))) end++;
        }
      } else {
        ANY.lastIndex = i;
        ANY.test(text);
        end = ANY.lastIndex;
      }
    }
    const tokText = text.slice(i, end);
    out.push({ start: i, end, text: tokText, sentenceStart: atSentenceStart });
    if (SENTENCE_END.test(tokText)) atSentenceStart = true;
    else if (!(atSentenceStart && CLOSERS.test(tokText) && out.length > 1)) atSentenceStart = false;
    i = end;
  }
  return out;
}
