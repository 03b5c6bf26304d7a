// Token features for the entity tagger. Training (scripts/data/build.ts) and tagging share this code,
// so a feature means the same thing in both.
import type { Bloom } from './bloom';
import type { Gazetteer } from './gazetteer';
import type { Token } from './tokenize';

// Character classes for characters past ASCII, made once (a regex literal in a function body is a new object each time).
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const MARK = /\p{M}/u;

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
    else if (UPPER.test(ch)) c = 'X';
    else if (LETTER.test(ch)) c = 'x';
    else if (DIGIT.test(ch)) c = 'd';
    else if (MARK.test(ch)) continue;
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
        if (UPPER.test(ch)) {
          upper++;
          letters++;
        } else if (LOWER.test(ch)) letters++;
      }
    }
  }
  return letters >= 6 && upper / letters > 0.7;
}

// Today's typography against the 1996 training text: curly quotes and dashes as ASCII, "Mr" and "Mr." (British
// and American style) as one word.
const TYPOGRAPHY: Record<string, string> = { '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‘': "'", '’': "'", '–': '-', '—': '-' };
const TYPOGRAPHIC = /[“”„«»‘’–—]/g;

/** The token as the 1996 training text would write it: no abbreviation dot, ASCII quotes and dashes. */
export function normalise(text: string): string {
  const t = text.length > 2 && text.endsWith('.') ? text.slice(0, -1) : text;
  return hasTypographic(t) ? t.replace(TYPOGRAPHIC, c => TYPOGRAPHY[c] ?? c) : t;
}

/** TYPOGRAPHIC's characters are « » and U+2013..U+201E: a scan of char codes spares most tokens a replace(). */
function hasTypographic(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xab || c === 0xbb || (c >= 0x2013 && c <= 0x201e)) return true;
  }
  return false;
}

// Given names of many cultures: "Elon", "Jair", "Giorgia" are first names even though 1996 Reuters never wrote them.
// In a line of capitals "ELON" is as much a given name as "Elon" is in running text.
export const isGiven = (givenNames: Bloom, token: string, lower: string, upperUnit: boolean) =>
  lower.length >= 3 && startsUpper(token) && (upperUnit ? ALL_UPPER : UPPER_LOWER).test(token) && givenNames.has(lower);

const UPPER_FIRST = /^\p{Lu}/u;
const UPPER_LOWER = /^\p{Lu}\p{Ll}/u;
const ALL_UPPER = /^\p{Lu}+$/u;

/** UPPER_FIRST.test(text), without a regex for a token that starts with an ASCII character (most do). */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(text);
}

// Feature names: the part of a feature's string before its values. The features are listed once (emitFeatures)
// and given to a sink: training keeps the strings (staticFeatures), tagging hashes them as it goes without building
// them (tagger.ts), so both see the same features in the same order.
export const FEATURE_NAMES = [
  'b',
  'w=',
  's=',
  'p3=',
  'x3=',
  'x2=',
  'pw=',
  'nw=',
  'ppw=',
  'nnw=',
  'ps=',
  'ns=',
  'ps|s|ns=',
  'st|s=',
  'uc',
  'uc|s=',
  'uc|w=',
  'acr',
  'cw|uc',
  'gn',
  'gn|ns=',
  'pgn|s=',
  'g=',
  'g|s=',
  'pg=',
  'ng=',
] as const;
export const F = Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, k])) as Record<(typeof FEATURE_NAMES)[number], number>;
const ACRONYM_LENGTHS = ['0', '1', '2', '3', '4', '5'];

/** The `acr` feature's value for a token (`text`, lower-cased `w`) in capitals: its length up to 5; undefined for any other token. */
export function acronymValue(text: string, w: string): string | undefined {
  return w.length > 1 && startsUpper(text) && ALL_UPPER.test(text) ? ACRONYM_LENGTHS[Math.min(w.length, 5)] : undefined;
}

/** Receives features: FEATURE_NAMES[name], then the values joined by '|' (`ps|s|ns=Xx|x|Xx`). */
export interface FeatureSink {
  feature(name: number, a?: string, b?: string, c?: string): void;
  /** feature(name, word.slice(from, to)): the tagger hashes the code units in place, without making the string. */
  affix(name: number, word: string, from: number, to: number): void;
}

/** What the features of a unit's tokens read: computed once per unit. */
export interface FeatureContext {
  tokens: readonly Token[];
  lower: readonly string[];
  shapes: readonly string[];
  gaz: readonly (readonly string[])[];
  upperUnit: boolean;
  given: readonly boolean[];
  commonWords?: ReadonlySet<string>;
}

/**
 * The context of the features of every token that do not depend on the tags chosen before it. The name lists come
 * in as arguments, so training uses the lists it has just built and tagging the bundled ones (data.ts).
 * `commonWords` are the words eng.train writes in lower case in running text: in a line of capitals, where the
 * shape says nothing, they are the case-robust evidence that a word is a headline word rather than a name.
 */
export function featureContext(tokens: readonly Token[], gazetteer: Gazetteer, givenNames: Bloom, commonWords?: ReadonlySet<string>): FeatureContext {
  const n = tokens.length;
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const norm = normalise(tokens[i].text);
    lower[i] = norm.toLowerCase();
    shapes[i] = shape(norm);
  }
  const gaz = gazetteer.annotate(tokens, lower);
  const upperUnit = isUpperUnit(tokens);
  const given = new Array<boolean>(n);
  for (let i = 0; i < n; i++) given[i] = isGiven(givenNames, tokens[i].text, lower[i], upperUnit);
  return { tokens, lower, shapes, gaz, upperUnit, given, commonWords };
}

const at = (arr: readonly string[], i: number) => (i < 0 ? '<s>' : i >= arr.length ? '</s>' : arr[i]);
/** Gives `sink` the tag-independent features of token i, in their fixed order. */
export function emitFeatures(c: FeatureContext, i: number, sink: FeatureSink): void {
  const { tokens, lower, shapes, gaz } = c;
  const w = lower[i];
  const s = shapes[i];
  const ps = at(shapes, i - 1);
  const ns = at(shapes, i + 1);
  sink.feature(F.b);
  sink.feature(F['w='], w);
  sink.feature(F['s='], s);
  // w.slice(0, 3), w.slice(-3), w.slice(-2)
  sink.affix(F['p3='], w, 0, Math.min(3, w.length));
  sink.affix(F['x3='], w, Math.max(0, w.length - 3), w.length);
  sink.affix(F['x2='], w, Math.max(0, w.length - 2), w.length);
  sink.feature(F['pw='], at(lower, i - 1));
  sink.feature(F['nw='], at(lower, i + 1));
  sink.feature(F['ppw='], at(lower, i - 2));
  sink.feature(F['nnw='], at(lower, i + 2));
  sink.feature(F['ps='], ps);
  sink.feature(F['ns='], ns);
  sink.feature(F['ps|s|ns='], ps, s, ns);
  if (tokens[i].sentenceStart) sink.feature(F['st|s='], s);
  if (c.upperUnit) {
    sink.feature(F.uc);
    sink.feature(F['uc|s='], s);
    sink.feature(F['uc|w='], w);
  }
  const acr = acronymValue(tokens[i].text, w);
  if (acr !== undefined) sink.feature(F.acr, acr);
  // in a line of capitals, a word eng.train writes in lower case in running text: a headline word, seldom a name
  if (c.upperUnit && c.commonWords?.has(w)) sink.feature(F['cw|uc']);
  if (c.given[i]) {
    sink.feature(F.gn);
    sink.feature(F['gn|ns='], ns);
  }
  if (i > 0 && c.given[i - 1]) sink.feature(F['pgn|s='], s);
  // indexed loops: a for-of here made an iterator and a result object per token (the profile's largest allocation)
  const own = gaz[i];
  for (let k = 0; k < own.length; k++) {
    sink.feature(F['g='], own[k]);
    sink.feature(F['g|s='], own[k], s);
  }
  if (i > 0) for (let k = 0, prev = gaz[i - 1]; k < prev.length; k++) sink.feature(F['pg='], prev[k]);
  if (i + 1 < tokens.length) for (let k = 0, next = gaz[i + 1]; k < next.length; k++) sink.feature(F['ng='], next[k]);
}

/** The features as strings, for training (scripts/data/train.ts) and tests. */
export function staticFeatures(tokens: readonly Token[], gazetteer: Gazetteer, givenNames: Bloom, commonWords?: ReadonlySet<string>): string[][] {
  const c = featureContext(tokens, gazetteer, givenNames, commonWords);
  const out: string[][] = [];
  let f: string[] = [];
  const sink: FeatureSink = {
    feature(name, a, b, cc) {
      let s = FEATURE_NAMES[name] as string;
      if (a !== undefined) s += a;
      if (b !== undefined) s += '|' + b;
      if (cc !== undefined) s += '|' + cc;
      f.push(s);
    },
    affix(name, word, from, to) {
      this.feature(name, word.slice(from, to));
    },
  };
  for (let i = 0; i < tokens.length; i++) {
    f = [];
    emitFeatures(c, i, sink);
    out.push(f);
  }
  return out;
}

/** The features that pair a token with the previous tag (first order, so Viterbi decoding stays exact). */
export function tagFeatures(prev: string, staticF: readonly string[]): string[] {
  return transitionFeatures(prev, staticF[2]);
}

/** tagFeatures from the token's shape feature (`s=Xx`, the third static feature). */
export function transitionFeatures(prev: string, shapeFeature: string): string[] {
  return [`t=${prev}`, `t|s=${prev}|${shapeFeature}`];
}
