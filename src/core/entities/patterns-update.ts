// The name patterns after a regrouping (regroup.ts) from those before it, with work in proportion to the surfaces the
// edit touched rather than to the article's names. patternsOf reads the first mentions in order, each claiming its
// surface, its acronym as a word and its last word unless an earlier one claimed that string: a first mention's
// patterns depend only on its own surface and type and on which of its strings were claimed before it. The touched
// surfaces are read again; a string whose earliest claim moves (theirs came, went or moved) changes what is claimed
// before the first mentions between its old and new earliest claim, and those that may claim it are read again too,
// until no earliest claim moves for another. Every other first mention claims what it claimed and gives the patterns
// it gave, so only the lists of the first words the re-read surfaces have patterns under are made again, ordered as
// patternsOf orders them. The randomized regrouping tests compare the result with a fresh analysis's.
import type { Slot } from './mention-set';
import {
  byPatternOrder,
  CLAIMED_LAST,
  CLAIMED_SURFACE,
  CLAIMED_TITLED,
  readFirst,
  readingOf,
  type Claimed,
  type Claims,
  type FirstMention,
  type Pattern,
  type Patterns,
  type PropagateKept,
} from './propagate';

/** Past this many surfaces whose patterns may change, reading all the first mentions again costs about as much. */
const MAX_AFFECTED = 64;

/** The first words whose lists were made again in the kept patterns, with their lists before (the others are as they were). */
export interface PatternsUpdate {
  previous: Map<string, Pattern[] | undefined>;
}

/** The strings a surface's first mention may claim (whatever its type). */
function claimable(slot: Slot): string[] {
  const { titled, last } = readingOf(slot);
  const out = [slot.surface];
  if (titled !== null) out.push(titled);
  if (last !== null) out.push(last);
  return out;
}

/** The first words of the lists the surface's patterns can be in (its first token, its acronym as a word, its last word). */
function listWords(slot: Slot): string[] {
  const { titled, last } = readingOf(slot);
  const out: string[] = [];
  if (slot.words.tokens.length > 0) out.push(slot.words.tokens[0]);
  if (titled !== null) out.push(titled);
  if (last !== null) out.push(last);
  return out;
}

/** The index, each list in order of first mention, with the claimant the first mentions' claim bits name. */
function claimsOf(firsts: readonly FirstMention[]): Claims {
  const claims: Claims = new Map();
  for (const f of firsts) for (const s of claimable(f.slot)) add(claims, s, f);
  for (const f of firsts) for (const s of claimable(f.slot)) if (claimedBy(f, s, f.claimed)) claims.get(s)!.claimant = f;
  return claims;
}

/** `f` put among the first mentions that may claim `s`, at its place in order of first mention. */
function add(claims: Claims, s: string, f: FirstMention): void {
  const entry = claims.get(s);
  if (!entry) claims.set(s, { firsts: [f], claimant: undefined });
  else entry.firsts.splice(firstAfter(entry.firsts, f.m.start), 0, f);
}

/** The index of the first of `list` (in order of first mention) starting after `x`. */
function firstAfter(list: readonly FirstMention[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].m.start <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `f` claimed `s` when its patterns were read with claim bits `bits` (false when `s` is none of the strings it
 * may claim). Compared with each string in turn: no list of them made per question, asked a few hundred times per edit.
 */
function claimedBy(f: FirstMention, s: string, bits: number): boolean {
  if (s === f.slot.surface) return (bits & CLAIMED_SURFACE) !== 0;
  const { titled, last } = readingOf(f.slot);
  if (s === titled) return (bits & CLAIMED_TITLED) !== 0;
  return s === last && (bits & CLAIMED_LAST) !== 0;
}

/**
 * `kept.patterns` changed in place into the patterns of the new first mentions (the kept ones with the `touched`
 * surfaces' old ones, `removed`, taken out and their new ones, `added`, put in, in order), or undefined, nothing
 * changed, when too many surfaces may change (the caller reads them all: patternsOf). The claims index is brought to
 * the new first mentions too (the kept grouping is given up for the new one). The caller must make the patterns
 * current (usePatterns with the first words whose lists changed) before any other patterns are.
 */
export function patternsAfter(
  kept: PropagateKept,
  touched: readonly Slot[],
  removed: readonly FirstMention[],
  added: readonly FirstMention[],
): PatternsUpdate | undefined {
  const claims = (kept.claims ??= claimsOf(kept.firsts));
  const affected = new Set<Slot>(touched);
  /** The re-read surfaces' first mentions before the edit, with what they claimed then. */
  const before: { f: FirstMention; bits: number }[] = removed.map(f => ({ f, bits: f.claimed }));
  /** The re-read surfaces' first mentions now. */
  const now: FirstMention[] = [...added];
  const strings = new Set<string>();
  for (const slot of touched) for (const s of claimable(slot)) strings.add(s);
  /**
   * The earliest claim of `s` by a first mention not read again (it claims what it claimed before): its claimant's,
   * unless that is read again (no other claims it). Not a walk over the first mentions that may claim it: dozens
   * share an organization's last word ("Council"), each a few objects away.
   */
  const settled = (s: string): number => {
    const c = claims.get(s)?.claimant;
    return c !== undefined && !affected.has(c.slot) ? c.m.start : Infinity;
  };
  let read: Pattern[] = [];
  for (;;) {
    // the affected first mentions read again in order, each seeing the claims before it: the settled ones', theirs
    now.sort((a, b) => a.m.start - b.m.start);
    const earliest = new Map<string, number>();
    for (const s of strings) earliest.set(s, settled(s));
    const own = new Set<string>();
    let at = 0;
    const claimed: Claimed = { has: s => own.has(s) || (earliest.get(s) ?? settled(s)) < at, add: s => own.add(s) };
    read = [];
    for (const f of now) {
      at = f.m.start;
      readFirst(f, claimed, p => read.push(p));
    }
    // a string whose earliest claim moved: the first mentions between the old and the new one see it otherwise
    // (the earliest claims of each string by the re-read ones, before and now: a first mention that joins them below
    // claimed before at or after its string's settled claim, so it would change neither for the strings after)
    const wasAt = new Map<string, number>();
    const isAt = new Map<string, number>();
    for (const { f, bits } of before) earliestClaims(f, bits, wasAt);
    for (const f of now) earliestClaims(f, f.claimed, isAt);
    let grew = false;
    for (const s of strings) {
      const fixed = earliest.get(s)!;
      const was = Math.min(fixed, wasAt.get(s) ?? Infinity);
      const is = Math.min(fixed, isAt.get(s) ?? Infinity);
      if (was === is) continue;
      const lo = Math.min(was, is);
      const hi = Math.max(was, is);
      // (all of them: the touched ones' first mentions before the edit are still in the list, perhaps out of order
      // when the edit shortened their line)
      for (const f of claims.get(s)?.firsts ?? []) {
        if (affected.has(f.slot) || f.m.start <= lo || f.m.start > hi) continue;
        affected.add(f.slot);
        before.push({ f, bits: f.claimed });
        now.push(f);
        grew = true;
        if (affected.size > MAX_AFFECTED) return undefined;
      }
    }
    if (!grew) break;
    for (const slot of affected) for (const s of claimable(slot)) strings.add(s);
  }
  // the lists they had patterns in, or have now: the others' patterns kept (in their order), theirs put in
  const rebuilt = new Set<string>();
  for (const slot of affected) for (const w of listWords(slot)) rebuilt.add(w);
  // (in place: copying the map of every first word cost more than the rest of the update)
  const patterns: Patterns = kept.patterns;
  const previous = new Map<string, Pattern[] | undefined>();
  for (const w of rebuilt) {
    const was = patterns.get(w);
    previous.set(w, was);
    const list: Pattern[] = [];
    for (const p of was ?? []) if (!affected.has(p.from!.slot)) list.push(p);
    // the others' are in order already (the edit moved first mentions alike): the re-read ones put in at their places,
    // after those they tie with, as a stable sort would (a first word's list can hold hundreds: no sort of it per edit)
    for (const p of read) if (p.words[0] === w) list.splice(placeOf(list, p), 0, p);
    if (list.length === 0) patterns.delete(w);
    else patterns.set(w, list);
  }
  // the index brought to the new first mentions: the touched surfaces' old ones out (found by identity: no first
  // mention of the list read), their new ones in; then the claimants of what the re-read ones claim or claimed
  for (const f of removed) {
    for (const s of claimable(f.slot)) {
      const entry = claims.get(s);
      const at = entry ? entry.firsts.indexOf(f) : -1;
      if (at < 0) continue;
      entry!.firsts.splice(at, 1);
      if (entry!.firsts.length === 0) claims.delete(s);
      else if (entry!.claimant === f) entry!.claimant = undefined;
    }
  }
  for (const f of added) for (const s of claimable(f.slot)) add(claims, s, f);
  for (const f of now) {
    for (const s of claimable(f.slot)) {
      const entry = claims.get(s)!;
      if (claimedBy(f, s, f.claimed)) entry.claimant = f;
      else if (entry.claimant === f) entry.claimant = undefined;
    }
  }
  return { previous };
}

/** Lowers each string's earliest claim in `at` to `f`'s, for the strings `f` claims with claim bits `bits`. */
function earliestClaims(f: FirstMention, bits: number, at: Map<string, number>): void {
  const x = f.m.start;
  const lower = (s: string) => {
    if (x < (at.get(s) ?? Infinity)) at.set(s, x);
  };
  if ((bits & CLAIMED_SURFACE) !== 0) lower(f.slot.surface);
  const { titled, last } = readingOf(f.slot);
  if ((bits & CLAIMED_TITLED) !== 0 && titled !== null) lower(titled);
  if ((bits & CLAIMED_LAST) !== 0 && last !== null) lower(last);
}

/** The index in `list` (in byPatternOrder) after every pattern that comes before `p` or ties with it. */
function placeOf(list: readonly Pattern[], p: Pattern): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPatternOrder(list[mid], p) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
