// The searches a line's regrouping (regroup.ts) makes in what the grouping before the edit kept: a surface's
// mentions, the first mentions, the mentions of a line (all sorted by position), the first words whose name patterns
// changed and the lines that hold them. Each in proportion to what the edit touched, not to the article.
import type { LineInfo } from './lines';
import type { Working } from './mention-set';
import type { FirstMention, Pattern, Patterns } from './propagate';
import type { Touched } from './regroup-types';

/** The same votes: as many mentions, with the same types, confidences and lexicon marks, in the same order. */
export function sameVotes(a: readonly Working[], b: readonly Working[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].type !== b[k].type || a[k].confidence !== b[k].confidence || a[k].fixed !== b[k].fixed) return false;
  return true;
}

/** Index of the first of the surface's mentions (sorted) starting at or after `x`. */
export function memberFrom(members: readonly Working[], x: number): number {
  let lo = 0;
  let hi = members.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (members[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first of `firsts` (by position) starting at or after `x`. */
export function firstFrom(firsts: readonly FirstMention[], x: number): number {
  let lo = 0;
  let hi = firsts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firsts[mid].m.start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mention of mentions[lo, hi) (sorted) starting at or after `x`. */
export function mentionFrom(mentions: readonly Working[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first words whose patterns differ (in words, type, surface or lexicon mark, or their order); when the patterns
 * were changed in place, among the first words whose lists were made again (`previous`: their lists before).
 */
export function changedFirstWords(before: Patterns, after: Patterns, previous?: ReadonlyMap<string, Pattern[] | undefined>): Set<string> {
  const changed = new Set<string>();
  if (previous) {
    for (const [w, was] of previous) {
      const list = after.get(w);
      if (list ? !samePatterns(was, list) : was !== undefined) changed.add(w);
    }
    return changed;
  }
  for (const [w, list] of after) if (!samePatterns(before.get(w), list)) changed.add(w);
  for (const w of before.keys()) if (!after.has(w)) changed.add(w);
  return changed;
}

function samePatterns(a: readonly Pattern[] | undefined, b: readonly Pattern[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x.type !== y.type || x.surface !== y.surface || x.fixed !== y.fixed || x.words.length !== y.words.length) return false;
    for (let i = 0; i < x.words.length; i++) if (x.words[i] !== y.words[i]) return false;
  }
  return true;
}

/** Whether one of the line's capitalised tokens is one of `words` (a pattern can start only there). */
export function holdsAny(info: LineInfo, words: ReadonlySet<string>): boolean {
  if (words.size === 0) return false;
  let maybe = false;
  // a word the line does not hold is none of its tokens (searching the text is faster than looking each token up)
  for (const w of words) if (info.text.includes(w)) maybe = true;
  if (!maybe) return false;
  for (const i of info.capitals) if (words.has(info.tokens[i].text)) return true;
  return false;
}

/**
 * The kept first mentions without the touched surfaces' (a new list), and those. Each is found at its place by the
 * position of its surface's first mention before the edit (the first mentions are in order), not by a walk over all
 * of them (each a few objects away); a surface has one there when it is visited (propagate.ts marks the surfaces of
 * the first mentions; regroup.ts keeps the mark true for a touched one left with mentions). Should one not be where
 * it is looked for, the whole list is walked.
 */
export function firstsWithout(kept: readonly FirstMention[], touched: ReadonlyMap<string, Touched>): { firsts: FirstMention[]; removed: FirstMention[] } {
  const at: number[] = [];
  for (const t of touched.values()) {
    if (!t.slot.visited) continue;
    let k = t.first === undefined ? kept.length : firstFrom(kept, t.first.start);
    while (k < kept.length && kept[k].slot !== t.slot && kept[k].m.start === t.first!.start) k++;
    if (k === kept.length || kept[k].slot !== t.slot) return walked(kept, touched);
    at.push(k);
  }
  at.sort((a, b) => b - a);
  const firsts = kept.slice();
  const removed: FirstMention[] = [];
  for (const k of at) removed.push(...firsts.splice(k, 1));
  return { firsts, removed: removed.reverse() };
}

function walked(kept: readonly FirstMention[], touched: ReadonlyMap<string, Touched>): { firsts: FirstMention[]; removed: FirstMention[] } {
  const firsts: FirstMention[] = [];
  const removed: FirstMention[] = [];
  for (const f of kept) (touched.get(f.slot.surface)?.slot === f.slot ? removed : firsts).push(f);
  return { firsts, removed };
}
