// The working set of mentions shared by the document-level steps: one surface form per mention, kept sorted
// by position and free of overlaps.
import { ENTITY_TYPES, type MentionCandidate } from '../types';
import { isTitle } from './refine';
import type { Token } from './tokenize';

export interface Working extends MentionCandidate {
  surface: string;
  /** Set by the user lexicon: never changed by the model-side steps. */
  fixed: boolean;
  /** How sure the detector was of the type (a margin of tagger scores); absent: an ordinary vote. */
  confidence?: number;
}

export const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);

/** Surface key and display form: any run of spaces (no-break space included) as one space. */
export const normalise = (s: string) => s.replace(/\s+/g, ' ');

const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abu|abd)-/;
/** A name's word for comparisons: "al-Assad" and "Assad" are the same surname. */
export const normWord = (w: string) => w.toLowerCase().replace(ARABIC_ARTICLE, '');

export const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
/** A capitalised word that is part of another name (titles such as "Mr" or "President" are not). */
export const isNameWord = (t: Token) => isCapitalised(t) && !isTitle(t);

export function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** Sorted, without overlaps (the earlier, then longer, mention wins). */
export function dedupe(list: Working[]): Working[] {
  list.sort(byPosition);
  const out: Working[] = [];
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.fixed && !last.fixed) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The items of `list` that overlap none of `blockers` (both sorted by start; linear sweep). */
export function withoutOverlaps<T extends { start: number; end: number }>(list: readonly T[], blockers: readonly { start: number; end: number }[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const m of list) {
    while (j < blockers.length && blockers[j].end <= m.start) j++;
    // blockers do not overlap each other, so only the first one ending after m.start can reach into m
    if (j < blockers.length && blockers[j].start < m.end) continue;
    out.push(m);
  }
  return out;
}
