// The result after a line's regrouping (typing in a name, entities/regroup.ts), built on the previous one as
// analyzeKept.ts does when the grouping is kept: only the lines the regrouping matched again can have other mentions
// (the edited line, and the lines holding a name pattern that changed), so only their annotations are made again.
// Every other annotation was made from a mention the regrouping kept (the same object, moved by the edit's length);
// its entity is taken from that mention again, since a new or lost name renumbers the entities after it. The
// randomized tests compare the result with a fresh analysis's.
import type { Working } from './entities';
import { annotationFrom, linesAnnotations, mentionFrom, settle, type EditedLines, type KeptResult } from './analyzeKept';
import type { KeptGrouping } from './analyzeLines';
import type { Annotation } from './types';

/**
 * `kept` updated in place for the edit that made `grouped` by regrouping the edited line: true, or false (nothing
 * changed) when it cannot be: a previous annotation written otherwise than its surface (its alias is on an entity the
 * regrouping may have renumbered), a character that joins a cluster at a matched line's ends, or a matched line's
 * mention written otherwise than its surface.
 */
export function updateKeptRegrouped(kept: KeptResult, edit: EditedLines, grouped: KeptGrouping): boolean {
  const { text, lines, changed } = edit;
  const rematched = grouped.rematched;
  if (!rematched || changed.marks || changed.count !== 1 || kept.aliased.size > 0) return false;
  settle(kept);
  const edited = changed.first;
  const { oldEnd, delta } = changed;
  // each matched line's annotations made again first: nothing is changed until all of them could be
  const made: { line: number; i0: number; i1: number; annotations: Annotation[]; works: (Working | undefined)[] }[] = [];
  const old = kept.annotations;
  let seen = false;
  let lo = 0;
  for (const { line, start } of rematched) {
    const end = start + lines[line].text.length;
    if (text.charCodeAt(start) >= 0x300 || text.charCodeAt(end + 1) >= 0x300) return false;
    seen ||= line === edited;
    const oldStart = line > edited ? start - delta : start;
    const oldLineEnd = line === edited ? oldEnd : oldStart + lines[line].text.length;
    const i0 = annotationFrom(old, oldStart, lo);
    const i1 = annotationFrom(old, oldLineEnd + 1, i0);
    lo = i1;
    // another line than the edited one is as it was: what it held is taken again where it can be, and the lines after
    // the edited one are put the edit's length before their places (see below)
    const unchanged = line === edited ? undefined : { annotations: old, from: i0, to: i1, back: line > edited ? delta : 0 };
    const region = linesAnnotations(edit, mentionFrom(grouped.mentions, start), mentionFrom(grouped.mentions, end + 1), line, 1, start, unchanged);
    if (!region) return false;
    made.push({ line, i0, i1, ...region });
  }
  if (!seen) return false;
  // the matched lines' annotations put in place of theirs, the last line first (the earlier ones' indexes still hold);
  // the annotations after the edited line move by the edit's length as they are handed out (handedOut), so those made
  // for the lines after it were put a length before their places, and the rest need no pass over them: their entities
  // are read from their mentions as they are handed out
  let shiftFrom = 0;
  for (let r = made.length - 1; r >= 0; r--) {
    const { i0, i1, annotations, works, line } = made[r];
    old.splice(i0, i1 - i0, ...annotations);
    kept.works.splice(i0, i1 - i0, ...works);
    // the index after the edited line's annotations, moved by the lines' before it
    if (line === edited) shiftFrom = i0 + annotations.length;
    else if (line < edited) shiftFrom += annotations.length - (i1 - i0);
  }
  kept.shiftFrom = shiftFrom;
  kept.shift = delta;
  // the annotations from the line of the first mention whose entity may be another (an annotation starts in its
  // mention's line) take their mentions' entities as they are handed out; the others keep theirs (not read again)
  const from = grouped.entitiesFrom ?? 0;
  kept.renumbered = from !== Infinity;
  kept.renumberedFrom = kept.renumbered ? annotationAtOrAfter(old, from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1, shiftFrom, delta) : 0;
  // the grouping's entities, read only while it is kept (the result hands out copies of those of the types asked for)
  kept.entities = grouped.entities;
  kept.grouping = grouped;
  return true;
}

/** Index of the first annotation starting at or after `x` (in the text after the edit: those from `shiftFrom` on are `delta` before their places). */
function annotationAtOrAfter(annotations: readonly Annotation[], x: number, shiftFrom: number, delta: number): number {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].start + (mid >= shiftFrom ? delta : 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
