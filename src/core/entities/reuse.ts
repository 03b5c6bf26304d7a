// When an edit leaves the document-level grouping as it was: the grouping (types per surface, acronyms, names
// found again elsewhere, entities) is a function of every line's candidates, of the tokens a name pattern can match
// and of the text right after a name (an acronym in brackets). An edit inside one line that changes none of these
// (typing in an ordinary word, lowercase or capitalised, away from a name's brackets) cannot change the result: the analyser then
// keeps the previous grouping, shifting the offsets after the edit, instead of redoing it over the whole article.
// Anything else (a name typed, a line split, a lexicon) takes the full grouping; the tests compare both on random edits.
import type { LineInfo } from './lines';
import { surfaceWords, type Working } from './mention-set';
import { isTitle } from './refine';

/** One line before and after an edit, with what the analyser found in each (offsets relative to the line). */
export interface EditedLine {
  before: { text: string; info: LineInfo; mentions: readonly Working[] };
  after: { text: string; info: LineInfo; mentions: readonly Working[] };
  /** The edited region in `before`, [at, end) (line offsets); `after` has the text from `end` on at `end + delta`. */
  at: number;
  end: number;
  /** The previous line's text ('' for the first line): a bracket at its end may hold an acronym of this line's words. */
  previous: string;
  /** Every word of every name pattern of the grouping (the tokens of its surfaces); asked for only when a word changed. */
  patternWords: () => ReadonlySet<string>;
  /** Whether the surface got votes for more than one type (then how sure the detector was can break a tie). */
  contested: (surface: string) => boolean;
}

/** A word that can start a name (the name patterns and the lexicon start at capitals). */
const CAPITALISED = /^\p{Lu}/u;
/** linkAcronyms reads up to this many characters after a name's trailing spaces: "(" + an acronym + ")". */
const ACRONYM_REACH = 13;

/** Where a span's start in `before` is in `after` (text inserted at it comes before it), or -1 if the edit changed it. */
const startAfter = (x: number, at: number, end: number, delta: number) => (x < at ? x : x >= end ? x + delta : -1);
/** Where a span's end in `before` is in `after` (text inserted at it comes after it), or -1 if the edit changed it. */
const endAfter = (x: number, at: number, end: number, delta: number) => (x <= at ? x : x > end ? x + delta : -1);

/** Whether the grouping computed before the edit is exactly the grouping after it. */
export function editKeepsGrouping({ before, after, at, end, previous, patternWords, contested }: EditedLine): boolean {
  const delta = after.text.length - before.text.length;
  // the candidates: the same names and types (and scores where they break a tie), none touching the edit (compared
  // first: typing in a name changes them, and they cost the least to compare)
  const m = before.mentions;
  const n = after.mentions;
  if (m.length !== n.length) return false;
  for (let k = 0; k < m.length; k++) {
    const x = m[k];
    const y = n[k];
    if (x.type !== y.type || x.surface !== y.surface || x.fixed !== y.fixed) return false;
    if (x.confidence !== y.confidence && contested(x.surface)) return false;
    if (x.end > at && x.start < end) return false;
    if (startAfter(x.start, at, end, delta) !== y.start || endAfter(x.end, at, end, delta) !== y.end) return false;
    // "Islamic State (IS)": the edit must not be where an acronym after the name is (or could be) read
    if (x.end <= at) {
      const open = afterSpaces(before.text, x.end);
      if (at <= open || (before.text[open] === '(' && at <= open + ACRONYM_REACH)) return false;
    }
  }
  // the tokens: the same words with the same sentence starts, save one word that neither starts nor continues a name
  const a = before.info.tokens;
  const b = after.info.tokens;
  if (a.length !== b.length) return false;
  let changed = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k].sentenceStart !== b[k].sentenceStart) return false;
    if (a[k].text === b[k].text) {
      if (startAfter(a[k].start, at, end, delta) !== b[k].start || endAfter(a[k].end, at, end, delta) !== b[k].end) return false;
      continue;
    }
    if (++changed > 1) return false;
    // a capitalised word that names nothing ("Shares" -> "Sharxes") may stay one: the name patterns skip it, and it
    // blocks a neighbouring name's occurrence exactly as before when it stays capitalised and (not) a title
    const capitalised = CAPITALISED.test(a[k].text);
    if (capitalised !== CAPITALISED.test(b[k].text) || (capitalised && isTitle(a[k]) !== isTitle(b[k]))) return false;
    const words = patternWords();
    if (words.has(a[k].text) || words.has(b[k].text)) return false;
  }
  // a bracket at the end of the previous line reads into this one (the acronym is trimmed of the line break)
  if (at <= ACRONYM_REACH && previous.slice(-ACRONYM_REACH - 1).includes('(')) return false;
  return true;
}

function afterSpaces(text: string, i: number): number {
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

/**
 * Every token of the grouping's surfaces, and each in title case: a superset of the words of its name patterns (each
 * is a surface, its last word, or an acronym written as a word, "Nato" for "NATO").
 */
export function patternWordsOf(entities: readonly { aliases: readonly string[] }[]): Set<string> {
  const words = new Set<string>();
  for (const e of entities) for (const alias of e.aliases) addPatternWords(words, alias);
  return words;
}

/** The surface's tokens, and each in title case, added to `words` (a grouping's pattern words with a surface more). */
export function addPatternWords(words: Set<string>, surface: string): void {
  for (const w of surfaceWords(surface).tokens) {
    words.add(w);
    if (w.length > 1) words.add(w[0] + w.slice(1).toLowerCase());
  }
}

/**
 * The grouping's final mentions (document offsets, sorted) moved to their place after an edit of [at, end) by
 * `delta` characters, in place; false, changing nothing, when one of them touches the edited region.
 */
export function shiftMentions(mentions: Working[], at: number, end: number, delta: number): boolean {
  // mentions are sorted and without overlaps: those before `at` stay, only the first few after it can touch the edit
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  for (let k = first; k < mentions.length && mentions[k].start < Math.max(end, at + 1); k++) {
    if (startAfter(mentions[k].start, at, end, delta) < 0 || endAfter(mentions[k].end, at, end, delta) < 0) return false;
  }
  if (delta !== 0) {
    for (let k = first; k < mentions.length; k++) {
      const m = mentions[k];
      m.start = startAfter(m.start, at, end, delta);
      m.end = endAfter(m.end, at, end, delta);
    }
  }
  return true;
}
