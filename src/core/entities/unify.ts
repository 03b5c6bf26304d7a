// One type per surface string throughout an article, and short forms typed like the full names they shorten.
import { Slots, type Working } from './mention-set';

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
  for (const m of work) {
    const v = slots.of(m);
    if (m.fixed) v.fixed = m.type;
    // types in the order first seen: a tie goes to the earliest
    let k = v.types.indexOf(m.type);
    if (k < 0) {
      k = v.types.length;
      v.types.push(m.type);
      v.scores.push(0);
    }
    // one vote per mention; the confidence only breaks ties
    v.scores[k] += 1 + 0.001 * voteWeight(m);
  }
  for (const m of work) {
    const v = slots.of(m);
    if (v.decided === undefined) {
      if (v.fixed) v.decided = v.fixed;
      else {
        let best = 0;
        for (let k = 1; k < v.types.length; k++) if (v.scores[k] > v.scores[best]) best = k;
        v.decided = v.types[best];
      }
    }
    if (m.fixed || m.type === v.decided || (m.confidence ?? 0) < CLEAR_CONTEXT) m.type = v.decided;
  }
}

/**
 * Short forms take the type of the full name they shorten: a one-word place or organization that is the last word
 * of a person's full name is that person ("Assad"); a one-word "person" that is the first or last word of an
 * organization's name, and no word of a person's, is that organization ("Sabah" after "Daily Sabah", "Pirelli"
 * after "Pirelli SpA"). Runs after unifyTypes: a surface string has one type, so each string is looked at once.
 */
export function shortFormsFollowFullNames(work: Working[], slots = new Slots()): void {
  const surnames = new Set<string>();
  const personWords = new Set<string>();
  const orgEnds = new Set<string>();
  const orgStarts = new Set<string>();
  for (const m of work) {
    if (m.type !== 'person' && m.type !== 'organization') continue;
    const s = slots.of(m);
    if (s.counted) continue;
    s.counted = true;
    const words = s.words.normSpaced;
    if (words.length < 2) continue;
    if (m.type === 'person') {
      surnames.add(words[words.length - 1]);
      for (const w of words) personWords.add(w);
    } else {
      orgEnds.add(words[words.length - 1]);
      orgStarts.add(words[0]);
    }
  }
  if (surnames.size === 0 && orgEnds.size === 0) return;
  for (const m of work) {
    if (m.fixed) continue;
    const s = slots.of(m);
    if (s.shortType === undefined) {
      const words = s.words.normSpaced;
      const w = words[0];
      if (words.length > 1) s.shortType = null;
      else if (m.type !== 'person' && surnames.has(w)) s.shortType = 'person';
      else if (m.type === 'person' && (orgEnds.has(w) || orgStarts.has(w)) && !personWords.has(w)) s.shortType = 'organization';
      else s.shortType = null;
    }
    if (s.shortType) m.type = s.shortType;
  }
}
