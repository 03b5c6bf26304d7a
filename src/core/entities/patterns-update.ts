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

function claimsOf(firsts: readonly FirstMention[]): Claims {
  const claims: Claims = new Map();
  for (const f of firsts) for (const s of claimable(f.slot)) add(claims, s, f);
  return claims;
}

function add(claims: Claims, s: string, f: FirstMention): void {
  const list = claims.get(s);
  if (list) list.push(f);
  else claims.set(s, [f]);
}

/** Whether `f` claimed `s` (one of its claimable strings) when its patterns were read with claim bits `bits`. */
function claimedBy(f: FirstMention, s: string, bits: number): boolean {
  if (s === f.slot.surface) return (bits & CLAIMED_SURFACE) !== 0;
  const { titled } = readingOf(f.slot);
  return (bits & (s === titled ? CLAIMED_TITLED : CLAIMED_LAST)) !== 0;
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
  /** The earliest claim of `s` by a first mention not read again (it claims what it claimed before). */
  const settled = (s: string): number => {
    let at = Infinity;
    for (const f of claims.get(s) ?? []) if (!affected.has(f.slot) && f.m.start < at && claimedBy(f, s, f.claimed)) at = f.m.start;
    return at;
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
    let grew = false;
    for (const s of strings) {
      const fixed = earliest.get(s)!;
      let was = fixed;
      for (const { f, bits } of before) if (f.m.start < was && claimable(f.slot).includes(s) && claimedBy(f, s, bits)) was = f.m.start;
      let is = fixed;
      for (const f of now) if (f.m.start < is && claimable(f.slot).includes(s) && claimedBy(f, s, f.claimed)) is = f.m.start;
      if (was === is) continue;
      const lo = Math.min(was, is);
      const hi = Math.max(was, is);
      for (const f of claims.get(s) ?? []) {
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
    for (const p of read) if (p.words[0] === w) list.push(p);
    if (list.length === 0) patterns.delete(w);
    else patterns.set(w, list.length > 1 ? list.sort(byPatternOrder) : list);
  }
  // the index brought to the new first mentions: the touched surfaces' old ones out, their new ones in
  const touchedSet = new Set(touched);
  for (const slot of touched) {
    for (const s of claimable(slot)) {
      const list = claims.get(s);
      if (!list) continue;
      const rest = list.filter(f => !touchedSet.has(f.slot));
      if (rest.length > 0) claims.set(s, rest);
      else claims.delete(s);
    }
  }
  for (const f of added) for (const s of claimable(f.slot)) add(claims, s, f);
  return { previous };
}
