// The types of the surfaces a line's regrouping touched (regroup.ts), decided again as groupWorking decides them:
// unifyTypes counts a surface's votes over its mentions, shortFormsFollowFullNames counts the full names' words and
// gives a short form the type of the full name it shortens. Only the touched surfaces are counted again; a surface
// that other lines have too must keep its type, and so must every short form whose word the touched full names
// brought or took away (else the mentions of other lines would change type): otherwise the regrouping gives up.
import type { GroupingKept } from './group';
import type { Slot, Working } from './mention-set';
import type { EntityType } from '../types';
import { decision, tally, unifiedDetected, unifiedType } from './unify';

/** The surface's mentions in the edited line, before and after the edit. */
export interface Touched {
  slot: Slot;
  before: Working[];
  after: Working[];
  /** All its mentions are in the edited line (after the edit): its votes and first mention are the line's. */
  local: boolean;
  /** Not local, and its mentions here vote as before (its votes, type and first mention's type are as before). */
  same: boolean;
  /** Its first mention before the edit, when it had one (its first mention's place among the kept first mentions). */
  first: Working | undefined;
}

/**
 * The touched surfaces' types decided again, and the edited line's `inputs` (their mentions) given theirs; false when
 * the edit would change the type of a mention elsewhere (the kept grouping is changed then: the caller drops it).
 */
export function retype(touched: ReadonlyMap<string, Touched>, inputs: readonly Working[], kept: GroupingKept): boolean {
  // unifyTypes: a surface whose votes here changed is counted again over its mentions in order; one that other lines
  // have too must keep its type (else their mentions would change)
  for (const t of touched.values()) {
    if (t.same) continue;
    const s = t.slot;
    const decided = s.decided;
    const members = s.members;
    s.members = [];
    s.count = 0;
    s.types.length = 0;
    s.scores.length = 0;
    s.fixed = undefined;
    for (const w of members) tally(s, w);
    s.decided = s.count > 0 ? decision(s) : undefined;
    if (!t.local && s.decided !== decided) return false;
  }
  for (const w of inputs) w.type = unifiedType(w, w.slot!.decided!);
  // shortFormsFollowFullNames: the touched full names counted again under their (first) person or organization type,
  // then every short form whose word changed presence checked
  const names = kept.names;
  const changedWords = new Set<string>();
  for (const t of touched.values()) {
    if (t.same) continue;
    const s = t.slot;
    let countedAs: EntityType | undefined;
    let counted = false;
    for (const m of s.members) {
      const type = unifiedDetected(m, s.decided!);
      if (type !== 'person' && type !== 'organization') continue;
      counted = true;
      if (s.words.normSpaced.length >= 2) countedAs = type;
      break;
    }
    if (countedAs !== s.countedAs) {
      if (s.countedAs) names.count(s.countedAs, s.words.normSpaced, -1, changedWords);
      if (countedAs) names.count(countedAs, s.words.normSpaced, 1, changedWords);
    }
    s.counted = counted || undefined;
    s.countedAs = countedAs;
  }
  if (names.none) return false;
  for (const t of touched.values()) {
    if (t.same) continue;
    const s = t.slot;
    const firstType = s.count > 0 ? unifiedDetected(s.members[0], s.decided!) : undefined;
    const shortType = firstType === undefined ? undefined : names.shortType(s.words.normSpaced, firstType);
    if (!t.local && shortType !== s.shortType) return false;
    s.firstType = firstType;
    s.shortType = shortType;
  }
  // the one-word surfaces of those words, from the index (not a walk over every first mention, each a few objects away)
  if (changedWords.size > 0) {
    const shorts = (kept.shorts ??= shortsOf(kept.firsts));
    for (const w of changedWords) {
      for (const slot of shorts.get(w) ?? []) {
        if (slot.count === 0 || touched.has(slot.surface)) continue;
        if (slot.firstType === undefined || names.shortType(slot.words.normSpaced, slot.firstType) !== slot.shortType) return false;
      }
    }
  }
  // the touched one-word surfaces that have a first mention now are in the index (one that has none stays: no count)
  if (kept.shorts) {
    for (const t of touched.values()) {
      const words = t.slot.words.normSpaced;
      if (t.slot.count === 0 || words.length !== 1) continue;
      const list = kept.shorts.get(words[0]);
      if (!list) kept.shorts.set(words[0], [t.slot]);
      else if (!list.includes(t.slot)) list.push(t.slot);
    }
  }
  for (const w of inputs) if (w.slot!.shortType) w.type = w.slot!.shortType;
  return true;
}

/** The one-word surfaces of the first mentions, by their word. */
function shortsOf(firsts: readonly { slot: Slot }[]): Map<string, Slot[]> {
  const shorts = new Map<string, Slot[]>();
  for (const { slot } of firsts) {
    const words = slot.words.normSpaced;
    if (words.length !== 1) continue;
    const list = shorts.get(words[0]);
    if (list) list.push(slot);
    else shorts.set(words[0], [slot]);
  }
  return shorts;
}
