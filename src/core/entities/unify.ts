// One type per surface string throughout an article, and short forms typed like the full names they shorten.
import type { EntityType } from '../types';
import { normWord, type Working } from './mention-set';

// How sure the detector was, bounded: a tie-breaker between types with as many mentions each.
const voteWeight = (m: Working) => (m.confidence === undefined ? 1 : Math.max(0.05, Math.min(m.confidence, 10)));

/** The same surface string gets one type throughout the article: the lexicon's, else the majority's. */
export function unifyTypes(work: Working[]): void {
  const votes = new Map<string, { counts: Map<EntityType, number>; first: EntityType; fixed?: EntityType }>();
  for (const m of work) {
    let v = votes.get(m.surface);
    if (!v) { v = { counts: new Map(), first: m.type }; votes.set(m.surface, v); }
    if (m.fixed) v.fixed = m.type;
    // one vote per mention; the confidence only breaks ties
    v.counts.set(m.type, (v.counts.get(m.type) ?? 0) + 1 + 0.001 * voteWeight(m));
  }
  const decided = new Map<string, EntityType>();
  for (const [surface, v] of votes) {
    if (v.fixed) { decided.set(surface, v.fixed); continue; }
    let best = v.first;
    for (const [t, c] of v.counts) if (c > (v.counts.get(best) ?? 0)) best = t;
    decided.set(surface, best);
  }
  for (const m of work) m.type = decided.get(m.surface) ?? m.type;
}

/**
 * Short forms take the type of the full name they shorten: a one-word place or organization that is the last word
 * of a person's full name is that person ("Assad"); a one-word "person" that is the first or last word of an
 * organization's name, and no word of a person's, is that organization ("Sabah" after "Daily Sabah", "Pirelli"
 * after "Pirelli SpA").
 */
export function shortFormsFollowFullNames(work: Working[]): void {
  const surnames = new Set<string>();
  const personWords = new Set<string>();
  const orgEnds = new Set<string>();
  const orgStarts = new Set<string>();
  for (const m of work) {
    const words = m.surface.split(' ');
    if (words.length < 2) continue;
    if (m.type === 'person') {
      surnames.add(normWord(words[words.length - 1]));
      for (const w of words) personWords.add(normWord(w));
    }
    if (m.type === 'organization') {
      orgEnds.add(normWord(words[words.length - 1]));
      orgStarts.add(normWord(words[0]));
    }
  }
  if (surnames.size === 0 && orgEnds.size === 0) return;
  for (const m of work) {
    if (m.fixed || m.surface.includes(' ')) continue;
    const w = normWord(m.surface);
    if (m.type !== 'person' && surnames.has(w)) m.type = 'person';
    else if (m.type === 'person' && (orgEnds.has(w) || orgStarts.has(w)) && !personWords.has(w)) m.type = 'organization';
  }
}
