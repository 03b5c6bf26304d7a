// Token features for the entity tagger. Training (scripts/data/build.ts) and tagging share this code,
// so a feature means the same thing in both.
import type { Bloom } from './bloom';
import type { Gazetteer } from './gazetteer';
import type { Token } from './tokenize';

/** A compact word shape: "Putin" -> "Xx", "U.S." -> "X.X.", "al-Assad" -> "x-Xx", "1996" -> "d". */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = ch;
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else if (/\p{M}/u.test(ch)) continue;
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length > 8) break;
  }
  return out;
}

/** True when most letters of the unit are capitals (headlines, sports tables): case says little there. */
export function isUpperUnit(tokens: readonly Token[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const t of tokens) {
    const sh = t.text;
    for (let i = 0; i < sh.length; i++) {
      const code = sh.charCodeAt(i);
      if (code >= 65 && code <= 90) {
        upper++;
        letters++;
      } else if (code >= 97 && code <= 122) letters++;
      else if (code >= 128) {
        const ch = sh[i];
        if (/\p{Lu}/u.test(ch)) {
          upper++;
          letters++;
        } else if (/\p{Ll}/u.test(ch)) letters++;
      }
    }
  }
  return letters >= 6 && upper / letters > 0.7;
}

// Today's typography against the 1996 training text: curly quotes and dashes as ASCII, "Mr" and "Mr." (British
// and American style) as one word.
const TYPOGRAPHY: Record<string, string> = { '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '–': '-', '—': '-' };
const TYPOGRAPHIC = /[“”„«»‘’–—]/g;

function normalise(text: string): string {
  const t = text.length > 2 && text.endsWith('.') ? text.slice(0, -1) : text;
  return t.replace(TYPOGRAPHIC, c => TYPOGRAPHY[c] ?? c);
}

// Given names of many cultures: "Elon", "Jair", "Giorgia" are first names even though 1996 Reuters never wrote them.
// In a line of capitals "ELON" is as much a given name as "Elon" is in running text.
const isGiven = (givenNames: Bloom, token: string, lower: string, upperUnit: boolean) =>
  lower.length >= 3 && (upperUnit ? /^\p{Lu}+$/u : /^\p{Lu}\p{Ll}/u).test(token) && givenNames.has(lower);

/**
 * The features of every token that do not depend on the tags chosen before it. The name lists come in as
 * arguments, so training uses the lists it has just built and tagging the bundled ones (data.ts). `commonWords`
 * are the words eng.train writes in lower case in running text: in a line of capitals, where the shape says
 * nothing, they are the case-robust evidence that a word is a headline word rather than a name.
 */
export function staticFeatures(tokens: readonly Token[], gazetteer: Gazetteer, givenNames: Bloom, commonWords?: ReadonlySet<string>): string[][] {
  const lower = tokens.map(t => normalise(t.text).toLowerCase());
  const shapes = tokens.map(t => shape(normalise(t.text)));
  const gaz = gazetteer.annotate(tokens, lower);
  const upperUnit = isUpperUnit(tokens);
  const given = tokens.map((t, i) => isGiven(givenNames, t.text, lower[i], upperUnit));
  const at = (arr: readonly string[], i: number) => (i < 0 ? '<s>' : i >= arr.length ? '</s>' : arr[i]);
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = lower[i];
    const s = shapes[i];
    const f = [
      'b',
      `w=${w}`,
      `s=${s}`,
      `p3=${w.slice(0, 3)}`,
      `x3=${w.slice(-3)}`,
      `x2=${w.slice(-2)}`,
      `pw=${at(lower, i - 1)}`,
      `nw=${at(lower, i + 1)}`,
      `ppw=${at(lower, i - 2)}`,
      `nnw=${at(lower, i + 2)}`,
      `ps=${at(shapes, i - 1)}`,
      `ns=${at(shapes, i + 1)}`,
      `ps|s|ns=${at(shapes, i - 1)}|${s}|${at(shapes, i + 1)}`,
    ];
    if (tokens[i].sentenceStart) f.push(`st|s=${s}`);
    if (upperUnit) f.push('uc', `uc|s=${s}`, `uc|w=${w}`);
    if (/^\p{Lu}/u.test(tokens[i].text) && w.length > 1 && /^\p{Lu}+$/u.test(tokens[i].text)) f.push(`acr${Math.min(w.length, 5)}`);
    // in a line of capitals, a word eng.train writes in lower case in running text: a headline word, seldom a name
    if (upperUnit && commonWords?.has(w)) f.push('cw|uc');
    if (given[i]) f.push('gn', `gn|ns=${at(shapes, i + 1)}`);
    if (i > 0 && given[i - 1]) f.push(`pgn|s=${s}`);
    for (const g of gaz[i]) f.push(`g=${g}`, `g|s=${g}|${s}`);
    for (const g of i > 0 ? gaz[i - 1] : []) f.push(`pg=${g}`);
    for (const g of i + 1 < tokens.length ? gaz[i + 1] : []) f.push(`ng=${g}`);
    out.push(f);
  }
  return out;
}

/** The features that pair a token with the previous tag (first order, so Viterbi decoding stays exact). */
export function tagFeatures(prev: string, staticF: readonly string[]): string[] {
  return [`t=${prev}`, `t|s=${prev}|${staticF[2]}`];
}
