// Known-name lists matched over tokens: each token learns which lists (countries, first names, ...) a
// capitalised name covering it belongs to. The tagger uses these as features; it does not trust them blindly.
import type { Token } from './tokenize';
import { tokenize } from './tokenize';

/**
 * Lists by category: 'loc', 'org', 'misc', 'first', 'last', 'person' from compromise's lexicon and curated.ts;
 * 'tPER', 'tLOC', 'tORG', 'tMISC' for names seen in eng.train (scripts/data/build.ts). A category may be absent.
 */
export type GazetteerLists = Readonly<Record<string, readonly string[] | undefined>>;

/** The categories of names that are places, organizations or other things: never a person's name. */
export const NOT_PERSON_CATEGORIES: readonly string[] = ['loc', 'org', 'misc', 'tLOC', 'tORG', 'tMISC'];

interface Entry {
  rest: readonly string[];
  /** `B-category` and `I-category`, built once. */
  first: string;
  later: string;
}

const NO_WORDS: readonly string[] = Object.freeze([]);

/** The memberships of a token no name covers: shared, never written to. */
const NONE: readonly string[] = Object.freeze([]);

const UPPER_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
/** Letters only, single spaces between words. */
export const SIMPLE_NAME = /^\p{L}+(?: \p{L}+)*$/u;

export class Gazetteer {
  private byFirst = new Map<string, Entry[]>();

  constructor(lists: GazetteerLists) {
    for (const [category, names] of Object.entries(lists)) {
      const first = `B-${category}`;
      const later = `I-${category}`;
      for (const name of names ?? []) {
        // most names are words of letters between single spaces, which tokenize() splits at the spaces (a test checks
        // every list): split so, without running the tokenizer over 10k names at start-up (lower-casing letters
        // makes no space, so the whole name is lower-cased at once)
        const words = SIMPLE_NAME.test(name) ? name.toLowerCase().split(' ') : tokenize(name).map(t => t.text.toLowerCase());
        if (words.length === 0) continue;
        const entry = { rest: words.length > 1 ? words.slice(1) : NO_WORDS, first, later };
        const list = this.byFirst.get(words[0]);
        if (list) list.push(entry);
        else this.byFirst.set(words[0], [entry]);
      }
    }
  }

  /**
   * For each token, the list memberships of the names covering it, as `B-cat` / `I-cat` (first / later word). Written
   * into `out` when given (its first tokens.length entries; the tagger reuses one array from unit to unit).
   */
  annotate(
    tokens: readonly Token[],
    lower: readonly string[],
    out: (readonly string[])[] = new Array<readonly string[]>(tokens.length),
  ): (readonly string[])[] {
    if (out.length < tokens.length) out.length = tokens.length;
    out.fill(NONE, 0, tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      if (!startsUpperOrDigit(tokens[i].text)) continue;
      const entries = this.byFirst.get(lower[i]);
      if (!entries) continue;
      for (const e of entries) {
        let ok = i + e.rest.length < tokens.length || e.rest.length === 0;
        for (let k = 0; ok && k < e.rest.length; k++) ok = lower[i + 1 + k] === e.rest[k];
        if (!ok) continue;
        addMembership(out, i, e.first);
        for (let k = 0; k < e.rest.length; k++) addMembership(out, i + 1 + k, e.later);
      }
    }
    return out;
  }
}

function addMembership(out: (readonly string[])[], i: number, m: string): void {
  if (out[i] === NONE) out[i] = [m];
  else (out[i] as string[]).push(m);
}

/** UPPER_OR_DIGIT, without a regex for ASCII (most tokens). */
function startsUpperOrDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return UPPER_OR_DIGIT.test(text);
}
