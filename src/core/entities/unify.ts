// One type per surface string throughout an article, and short forms typed like the full names they shorten.
import type { EntityType } from '../types';
import { surfaceWords, type Working } from './mention-set';

// How sure the detector was, bounded: a tie-breaker between types with as many mentions each.
const voteWeight = (m: Working) => (m.confidence === undefined ? 1 : Math.max(0.05, Math.min(m.confidence, 10)));

interface Vote {
  /** Types in the order they were first seen (ties go to the earliest), with their scores. */
  types: EntityType[];
  scores: number[];
  fixed?: EntityType;
  decided?: EntityType;
}

/** The same surface string gets one type throughout the article: the lexicon's, else the majority's. */
export function unifyTypes(work: Working[]): void {
  const votes = new Map<string, Vote>();
  for (const m of work) {
    let v = votes.get(m.surface);
    if (!v) { v = { types: [m.type], scores: [0] }; votes.set(m.surface, v); }
    if (m.fixed) v.fixed = m.type;
    let k = v.types.indexOf(m.type);
    if (k < 0) { k = v.types.length; v.types.push(m.type); v.scores.push(0); }
    // one vote per mention; the confidence only breaks ties
    v.scores[k] += 1 + 0.001 * voteWeight(m);
  }
  for (const m of work) {
    const v = votes.get(m.surface)!;
    if (v.decided === undefined) {
      if (v.fixed) v.decided = v.fixed;
      else {
        let best = 0;
        for (let k = 1; k < v.types.length; k++) if (v.scores[k] > v.scores[best]) best = k;
        v.decided = v.types[best];
      }
    }
    m.type = v.decided;
  }
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
  // each (type, surface) once: the sets only depend on which full names occur
  const done = new Set<string>();
  for (const m of work) {
    if (m.type !== 'person' && m.type !== 'organization') continue;
    if (!m.surface.includes(' ')) continue;
    if (done.has(m.surface)) continue;
    done.add(m.surface);
    const words = surfaceWords(m.surface).normSpaced;
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
    if (m.fixed || m.surface.includes(' ')) continue;
    const w = surfaceWords(m.surface).normSpaced[0];
    if (m.type !== 'person' && surnames.has(w)) m.type = 'person';
    else if (m.type === 'person' && (orgEnds.has(w) || orgStarts.has(w)) && !personWords.has(w)) m.type = 'organization';
  }
}
