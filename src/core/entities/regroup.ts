// The grouping after an edit inside one line, from the grouping before it, with work in proportion to what the edit
// touched rather than to the article: typing in a name changes the line's candidates (a surface appears, another goes),
// and with them a few surfaces' votes, the full-name words short forms are checked against, the name patterns and
// the lines where those patterns occur. Those are updated; everything else is kept. The result is exactly the full
// grouping's (group.ts): whenever the edit could change something the update does not follow (a type decided anew for
// a surface that also occurs in other lines, a short form elsewhere changing type, an acronym or a known abbreviation
// involved), it gives up and the analyser groups the whole article again. Randomized tests compare both.
import { isAbbreviationName } from './abbreviations';
import type { GroupedWorking, GroupingKept } from './group';
import type { LineInfo, LineSource } from './lines';
import { mergeDedupe, working, type Slot, type Working } from './mention-set';
import { patternsAfter } from './patterns-update';
import { regroupEntities, type Replaced } from './regroup-entities';
import { changedFirstWords, firstFrom, firstsWithout, holdsAny, memberFrom, mentionFrom, sameVotes } from './regroup-search';
import { retype, type Touched } from './regroup-types';
import { sameMatches } from './pattern-matches';
import { lineVisitor, patternsOf, usePatterns, type FirstMention } from './propagate';

/** One line edited into one line, with what the analyser found in it before and after (offsets relative to the line). */
export interface LineEdit {
  /** The grouping of the article before the edit (in its offsets); its mentions are moved and reused. */
  grouped: GroupedWorking;
  /** The line's index and start (the same before and after the edit). */
  line: number;
  lineStart: number;
  before: { text: string; mentions: readonly Working[] };
  after: { text: string; mentions: readonly Working[] };
  /** The characters just before the line (a bracket there may hold an acronym read into this line). */
  preceding: string;
  /** The article's lines after the edit, in order, with their starts. */
  lines: LineSource;
  /**
   * When given, calls `fn` with each line (its index, start and tokens) holding one of `words` as a capitalised token,
   * and with line `also`, in order (from an index of the lines' words: no walk over every line to find them).
   */
  holding?: (words: ReadonlySet<string>, also: number, fn: (line: number, start: number, info: LineInfo) => void) => void;
}

/** linkAcronyms reads up to this many characters after a bracket: a bracket this close before the line reads into it. */
export const ACRONYM_REACH = 14;
/**
 * The lines other than the edited one matched again since load, those of them whose names found again came out as
 * before (kept as they were, no run of the regrouping), and of those the ones told by comparing their matches at the
 * changed words alone (not visited): for tests and the bench.
 */
export const rematchCounts = { matched: 0, unchanged: 0, compared: 0 };
/** Past this many first words whose patterns changed, finding the lines that hold them is no longer worth it. */
const MAX_CHANGED_FIRST_WORDS = 64;
const BRACKET = /[()]/;

/** A line's regrouping: the grouping, the edited line's inputs, and the lines whose mentions may have changed. */
export interface Regrouped {
  grouped: GroupedWorking;
  inputs: Working[];
  /**
   * The lines whose mentions were made again (the edited one, and those matched again where the names found again
   * changed), in order, with their starts after the edit: the mentions of the others are the same objects as before
   * (moved by the edit's length), though their entities may be others.
   */
  rematched: { line: number; start: number }[];
  /** Where the first mention outside the matched lines whose entity may be another than before starts (none: Infinity). */
  entitiesFrom: number;
}

/**
 * The grouping after the edit, or undefined when this update cannot be sure to give the full grouping's result (the
 * caller then groups the whole article; the grouping before the edit may have been changed and must be dropped).
 * `inputs` are the edited line's candidates as working mentions (document offsets), kept for the next grouping.
 */
export function regroupLine(edit: LineEdit): Regrouped | undefined {
  const { grouped, lineStart, before, after } = edit;
  const { slots, kept } = grouped;
  // acronyms: defined in brackets after a name, up to a dozen characters on (across a line break too)
  if (BRACKET.test(before.text) || BRACKET.test(after.text) || edit.preceding.includes('(') || kept.names.none) return undefined;
  const touched = new Map<string, Touched>();
  const touch = (m: Working): Touched | undefined => {
    let t = touched.get(m.surface);
    if (!t) {
      if (kept.linked.has(m.surface) || isAbbreviationName(m.surface)) return undefined;
      touched.set(m.surface, (t = { slot: slots.ofSurface(m.surface), before: [], after: [], local: false, same: false, first: undefined }));
    }
    return t;
  };
  for (const m of before.mentions) {
    const t = touch(m);
    if (!t) return undefined;
    t.before.push(m);
  }
  for (const m of after.mentions) {
    const t = touch(m);
    if (!t) return undefined;
    t.after.push(m);
  }
  // the surface's mentions kept for this line must be the line's mentions from before the edit
  const oldEnd = lineStart + before.text.length;
  for (const t of touched.values()) {
    const s = t.slot;
    const outside = s.count - t.before.length;
    if (outside < 0 || memberFrom(s.members, oldEnd + 1) - memberFrom(s.members, lineStart) !== t.before.length) return undefined;
    t.local = outside === 0;
    t.same = !t.local && sameVotes(t.before, t.after);
  }

  // From here on the kept grouping is changed: a give-up below leaves it to be dropped (the caller groups again).
  const old = grouped.mentions;
  const fromL = mentionFrom(old, lineStart, 0, old.length);
  const toL = mentionFrom(old, oldEnd + 1, fromL, old.length);
  const inputs: Working[] = [];
  for (const m of after.mentions) {
    const w = working(m.start + lineStart, m.end + lineStart, m.type, m.surface, false, m.confidence);
    w.slot = touched.get(m.surface)!.slot;
    inputs.push(w);
  }
  // each surface's mentions with this line's replaced; then every mention after the line moved to the new offsets
  for (const t of touched.values()) {
    // (its first mention before the edit: where its first mention is among the kept ones, if it has one there)
    t.first = t.slot.count > 0 ? t.slot.members[0] : undefined;
    const mine: Working[] = [];
    for (const w of inputs) if (w.slot === t.slot) mine.push(w);
    t.slot.members.splice(memberFrom(t.slot.members, lineStart), t.before.length, ...mine);
  }
  const delta = after.text.length - before.text.length;
  if (delta !== 0) {
    for (let k = toL; k < old.length; k++) {
      old[k].start += delta;
      old[k].end += delta;
    }
  }

  if (!retype(touched, inputs, kept)) return undefined;

  // propagate: the touched surfaces' first mentions take their places among the first mentions, and the lines
  // holding a first word whose patterns changed are matched again
  // (the touched ones taken out of the kept first mentions by place, not by a walk over them: see firstsWithout)
  const touchedSlots: Slot[] = [];
  for (const t of touched.values()) touchedSlots.push(t.slot);
  const { firsts, removed } = firstsWithout(kept.firsts, touched);
  const added: FirstMention[] = [];
  for (const t of touched.values()) {
    // (a surface has a first mention among the kept ones when it is visited: see firstsWithout)
    t.slot.visited = t.slot.count > 0 || undefined;
    if (t.slot.count === 0) continue;
    const f = { slot: t.slot, m: t.slot.members[0], claimed: 0 };
    added.push(f);
    firsts.splice(firstFrom(firsts, f.m.start), 0, f);
  }
  // the patterns of the surfaces the edit may have changed read again (all of them when too many may have)
  const update = patternsAfter(kept, touchedSlots, removed, added);
  const patterns = update ? kept.patterns : patternsOf(firsts);
  const changed = changedFirstWords(kept.patterns, patterns, update?.previous);
  // patterns changed in place are made current at once, whatever follows (the memo of lines' matches is of their
  // content before: see advance)
  if (update) usePatterns(patterns, changed);
  if (changed.size > MAX_CHANGED_FIRST_WORDS) return undefined;
  if (!update && patterns.size > 0) usePatterns(patterns);
  // each line matched again: its range in the old mentions (the edited line's, from before the edit), its new mentions
  const replaced: Replaced[] = [];
  const rematched: { line: number; start: number }[] = [];
  let give = false;
  // a line other than the edited one whose matches at the changed words name the patterns they named (as the edit's
  // own words mostly give) finds the same names again: kept as it was, not matched again nor visited (the patterns
  // changed in place are compared by identity with their lists before; no propagated mention of the article is a
  // linked name, else such a line is visited for the check below)
  const listBefore = update ? (w: string) => update.previous.get(w) : undefined;
  const noLinked = listBefore && !(kept.propagatedLinked ??= old.some(m => m.propagated && linkedName(kept, m.surface)));
  const visit = (line: number, start: number, info: LineInfo) => {
    if (give) return;
    if (noLinked && line !== edit.line && sameMatches(info, patterns, listBefore)) {
      rematchCounts.matched++;
      rematchCounts.unchanged++;
      rematchCounts.compared++;
      return;
    }
    const end = start + info.text.length + 1;
    const from = line === edit.line ? fromL : line < edit.line ? mentionFrom(old, start, 0, fromL) : mentionFrom(old, start, toL, old.length);
    const to = line === edit.line ? toL : line < edit.line ? mentionFrom(old, end, from, fromL) : mentionFrom(old, end, from, old.length);
    // another line's detector mentions are as they were: only the names found again in it may be others
    let work: Working[] = inputs;
    let foundBefore: Working[] | undefined;
    if (line !== edit.line) {
      work = [];
      foundBefore = [];
      for (let k = from; k < to; k++) (old[k].propagated ? foundBefore : work).push(old[k]);
    }
    const found: Working[] = [];
    if (patterns.size > 0) lineVisitor(work, [], patterns, found)(start, info);
    // a known abbreviation or an acronym found or lost again would change the links between names
    for (let k = from; k < to; k++) if (old[k].propagated && linkedName(kept, old[k].surface)) give = true;
    for (const m of found) if (linkedName(kept, m.surface)) give = true;
    // the same names found again there (as the edit's own words mostly give): the line keeps its mentions, objects and
    // entities, and is no run of the regrouping (nor of the result built on the previous one)
    if (foundBefore) {
      rematchCounts.matched++;
      if (sameFound(foundBefore, found)) {
        rematchCounts.unchanged++;
        return;
      }
    }
    replaced.push({ from, to, list: found.length ? mergeDedupe(work, found) : work });
    rematched.push({ line, start });
  };
  if (edit.holding) edit.holding(changed, edit.line, visit);
  else {
    let i = 0;
    edit.lines((start, info) => {
      const line = i++;
      if (line === edit.line || holdsAny(info, changed)) visit(line, start, info);
    });
  }
  if (give) return undefined;

  // the mentions: the old ones with the matched lines' replaced (copied whole, then the runs written over, from the last)
  const mentions = old.slice();
  for (let r = replaced.length - 1; r >= 0; r--) {
    const { from, to, list } = replaced[r];
    if (list.length === to - from) for (let j = 0; j < list.length; j++) mentions[from + j] = list[j];
    else mentions.splice(from, to - from, ...list);
  }
  const nextKept: GroupingKept = {
    firsts,
    patterns,
    claims: update ? kept.claims : undefined,
    names: kept.names,
    expansions: kept.expansions,
    linked: kept.linked,
    shorts: kept.shorts,
    // (the lines matched again found no linked name: the propagated ones are those before, or fewer)
    propagatedLinked: kept.propagatedLinked,
  };
  const moved = { from: 0 };
  const entities = regroupEntities(old, replaced, mentions, kept.expansions, slots, moved);
  const entitiesFrom = moved.from < mentions.length ? mentions[moved.from].start : Infinity;
  return { grouped: { mentions, entities, slots, kept: nextKept }, inputs, rematched, entitiesFrom };
}

/** Mentions found again with the same spans, types, surfaces and lexicon marks, in the same order. */
function sameFound(a: readonly Working[], b: readonly Working[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.start !== y.start || x.end !== y.end || x.type !== y.type || x.surface !== y.surface || x.fixed !== y.fixed) return false;
  }
  return true;
}

const linkedName = (kept: GroupingKept, surface: string) => kept.linked.has(surface) || isAbbreviationName(surface);
