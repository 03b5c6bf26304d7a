// One type per surface string throughout an article, and short forms typed like the full names they shorten.
import type { EntityType } from '../types';
import { Slots, type Slot, type Working } from './mention-set';

// How sure the detector was, bounded: a tie-breaker between types with as many mentions each.
const voteWeight = (m: Working) => (m.confidence === undefined ? 1 : Math.max(0.05, Math.min(m.confidence, 10)));

/**
 * Margin (the tagger's score of the mention's type over the best other type, per token; see detect.ts) from which a
 * mention's own context is clear enough to keep its type against the article's majority: the venue in "HOUSTON AT
 * SEATTLE" on a page where SEATTLE is otherwise a team, the dateline "NEW YORK" above a results table. Margins run
 * from below 0 to about 40; a place read at 5 to 10 in "Toronto's Vladimir Guerrero Jr." on a page of Toronto the
 * team is no clear context, hence 15 (eng.testa: 0.924 -> 0.930; test/fixtures/entities-articles.json: 0.857 -> 0.891).
 */
export const CLEAR_CONTEXT = 15;

/**
 * The same surface string gets one type throughout the article: the lexicon's, else the majority's, except where
 * a mention's own context clearly says otherwise (a two-stage consistency in the spirit of Krishnan & Manning 2006:
 * the article's majority decides the mentions the tagger was unsure of).
 */
export function unifyTypes(work: Working[], slots = new Slots()): void {
  for (const m of work) tally(slots.of(m), m);
  for (const m of work) {
    const v = slots.of(m);
    if (v.decided === undefined) v.decided = decision(v);
    m.type = unifiedType(m, v.decided);
  }
}

/** Counts `m`'s vote for the type it was detected with in its surface's record. */
export function tally(v: Slot, m: Working): void {
  v.count++;
  v.members.push(m);
  const type = m.detected;
  if (m.fixed) v.fixed = type;
  // types in the order first seen: a tie goes to the earliest
  let k = v.types.indexOf(type);
  if (k < 0) {
    k = v.types.length;
    v.types.push(type);
    v.scores.push(0);
  }
  // one vote per mention; the confidence only breaks ties
  v.scores[k] += 1 + 0.001 * voteWeight(m);
}

/** The type the surface's votes decide: the lexicon's, else the highest score (the earliest on a tie). */
export function decision(v: Slot): EntityType {
  if (v.fixed) return v.fixed;
  let best = 0;
  for (let k = 1; k < v.types.length; k++) if (v.scores[k] > v.scores[best]) best = k;
  return v.types[best];
}

/** The mention's type once its surface's type is `decided`: that one, unless its own context clearly says otherwise. */
export const unifiedType = (m: Working, decided: EntityType): EntityType =>
  m.fixed || m.type === decided || (m.confidence ?? 0) < CLEAR_CONTEXT ? decided : m.type;

/** unifiedType of the mention as it was detected (whatever the later steps made of its type). */
export const unifiedDetected = (m: Working, decided: EntityType): EntityType =>
  m.fixed || m.detected === decided || (m.confidence ?? 0) < CLEAR_CONTEXT ? decided : m.detected;

/**
 * The words of the article's full names (two words or more) that short forms are checked against, each with the number
 * of full names that have it: a regrouping after an edit adds and takes away the edited line's names without counting
 * the others again.
 */
export class FullNameWords {
  /** Last words of persons' names. */
  readonly surnames = new Map<string, number>();
  /** Any word of a person's name. */
  readonly personWords = new Map<string, number>();
  /** Last and first words of organizations' names. */
  readonly orgEnds = new Map<string, number>();
  readonly orgStarts = new Map<string, number>();

  /** Counts (by +1) or uncounts (by -1) a full name of `type`, its words normalised; returns the words whose presence changed. */
  count(type: EntityType, words: readonly string[], by: 1 | -1, changed?: Set<string>): void {
    if (type === 'person') {
      bump(this.surnames, words[words.length - 1], by, changed);
      for (const w of words) bump(this.personWords, w, by, changed);
    } else if (type === 'organization') {
      bump(this.orgEnds, words[words.length - 1], by, changed);
      bump(this.orgStarts, words[0], by, changed);
    }
  }

  /** Whether no short form can change type (no person's surname, no organization's last word). */
  get none(): boolean {
    return this.surnames.size === 0 && this.orgEnds.size === 0;
  }

  /** The type a one-word surface whose mentions start with `type` takes as a short form, or null. */
  shortType(words: readonly string[], type: EntityType): EntityType | null {
    if (words.length > 1) return null;
    const w = words[0];
    if (type !== 'person' && this.surnames.has(w)) return 'person';
    if (type === 'person' && (this.orgEnds.has(w) || this.orgStarts.has(w)) && !this.personWords.has(w)) return 'organization';
    return null;
  }
}

function bump(counts: Map<string, number>, w: string, by: 1 | -1, changed: Set<string> | undefined): void {
  const n = (counts.get(w) ?? 0) + by;
  if (n > 0) counts.set(w, n);
  else counts.delete(w);
  if (changed && (n === 0 || (n === 1 && by === 1))) changed.add(w);
}

/**
 * Short forms take the type of the full name they shorten: a one-word place or organization that is the last word
 * of a person's full name is that person ("Assad"); a one-word "person" that is the first or last word of an
 * organization's name, and no word of a person's, is that organization ("Sabah" after "Daily Sabah", "Pirelli"
 * after "Pirelli SpA"). Runs after unifyTypes: a surface string has one type, so each string is looked at once.
 * `names` receives the full names' words.
 */
export function shortFormsFollowFullNames(work: Working[], slots = new Slots(), names = new FullNameWords()): void {
  for (const m of work) {
    if (m.type !== 'person' && m.type !== 'organization') continue;
    const s = slots.of(m);
    if (s.counted) continue;
    s.counted = true;
    const words = s.words.normSpaced;
    if (words.length < 2) continue;
    s.countedAs = m.type;
    names.count(m.type, words, 1);
  }
  if (names.none) return;
  for (const m of work) {
    if (m.fixed) continue;
    const s = slots.of(m);
    if (s.shortType === undefined) {
      s.firstType = m.type;
      s.shortType = names.shortType(s.words.normSpaced, m.type);
    }
    if (s.shortType) m.type = s.shortType;
  }
}
