// Which rules' guards (rules.ts) a paragraph holds, found in one scan: a regex of every guard word, longest first,
// run once over the paragraph instead of one search per word per rule (those searches cost half the scans they saved).
import { ANY_DIGIT, RULES } from './rules';

/** The distinct guards of the rules (rules share the months' and the digits' guards); GUARD_OF[r] is rule r's. */
export const GUARDS: readonly (readonly string[])[] = [...new Set(RULES.map(r => r.guard))];
export const GUARD_OF: readonly number[] = RULES.map(r => GUARDS.indexOf(r.guard));

// Longest first, so that at each position the regex takes the longest word starting there: every shorter guard
// word starting there is inside it (CONTAINED), and words starting elsewhere are found at their own positions
// (the scan goes on one character after each match).
const WORDS = [...new Set(GUARDS.flat())].filter(w => w !== ANY_DIGIT).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const WORD_INDEX = new Map(WORDS.map((w, i) => [w, i]));
const CONTAINED = WORDS.map(w => WORDS.flatMap((x, j) => (w.includes(x) ? [j] : [])));
// case-insensitive as the rules are (no `u` flag: an ASCII letter matches only ASCII letters)
const ANY_WORD = new RegExp(WORDS.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
const GUARD_WORDS = GUARDS.map(g => g.filter(w => w !== ANY_DIGIT).map(w => WORD_INDEX.get(w)!));
const GUARD_DIGIT = GUARDS.map(g => g.includes(ANY_DIGIT));

const DIGIT = /\d/;

// Which guard words the paragraph holds: one buffer cleared per paragraph (a typed array per paragraph showed in
// the profile).
const present = new Uint8Array(WORDS.length);

/** Per distinct guard (GUARDS): whether `text` holds one of its words. */
export function heldGuards(text: string): boolean[] {
  present.fill(0);
  ANY_WORD.lastIndex = 0;
  for (let m = ANY_WORD.exec(text); m; m = ANY_WORD.exec(text)) {
    for (const j of CONTAINED[WORD_INDEX.get(m[0].toLowerCase())!]) present[j] = 1;
    ANY_WORD.lastIndex = m.index + 1;
  }
  let digit: boolean | undefined;
  const held = new Array<boolean>(GUARDS.length);
  for (let g = 0; g < GUARDS.length; g++) held[g] = anyPresent(GUARD_WORDS[g]) || (GUARD_DIGIT[g] && (digit ??= DIGIT.test(text)));
  return held;
}

function anyPresent(words: readonly number[]): boolean {
  for (const j of words) if (present[j] === 1) return true;
  return false;
}
