// The result after a line's regrouping (typing in a name, entities/regroup.ts), built on the previous one as
// analyzeKept.ts does when the grouping is kept: only the lines the regrouping matched again can have other mentions
// (the edited line, and the lines holding a name pattern that changed), so only their annotations are made again.
// Every other annotation was made from a mention the regrouping kept (the same object, moved by the edit's length);
// its entity is taken from that mention again, since a new or lost name renumbers the entities after it. The
// randomized tests compare the result with a fresh analysis's.
import type { Working } from './entities';
import { annotationFrom, linesAnnotations, mentionFrom, type EditedLines, type KeptResult } from './analyzeKept';
import type { KeptGrouping } from './analyzeLines';
import type { Annotation, Entity } from './types';

/**
 * `kept` updated in place for the edit that made `grouped` by regrouping the edited line: true, or false (nothing
 * changed) when it cannot be: a previous annotation written otherwise than its surface (its alias is on an entity the
 * regrouping may have renumbered), a character that joins a cluster at a matched line's ends, or a matched line's
 * mention written otherwise than its surface.
 */
export function updateKeptRegrouped(kept: KeptResult, edit: EditedLines, grouped: KeptGrouping): boolean {
  const { text, lines, changed, wanted } = edit;
  const rematched = grouped.rematched;
  if (!rematched || changed.marks || changed.count !== 1 || kept.aliased.size > 0) return false;
  const edited = changed.first;
  const { oldEnd, delta } = changed;
  // each matched line's annotations made again first: nothing is changed until all of them could be
  const made: { i0: number; i1: number; annotations: Annotation[]; works: (Working | undefined)[] }[] = [];
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
    const region = linesAnnotations(edit, mentionFrom(grouped.mentions, start), mentionFrom(grouped.mentions, end + 1), line, 1, start);
    if (!region) return false;
    made.push({ i0, i1, ...region });
  }
  if (!seen) return false;
  // the rest kept, moved past the edited line, with their mentions' entities now
  const oldWorks = kept.works;
  const keep = (from: number, to: number, into: Annotation[], intoWorks: (Working | undefined)[]) => {
    for (let k = from; k < to; k++) {
      const a = old[k];
      const w = oldWorks[k];
      if (a.start > oldEnd) {
        a.start += delta;
        a.end += delta;
      }
      if (w) a.entity = w.entity;
      if (into !== old) {
        into.push(a);
        intoWorks.push(w);
      }
    }
  };
  if (made.every(r => r.annotations.length === r.i1 - r.i0)) {
    // as many annotations in each matched line as before (typing a letter in a name, mostly): the lists updated in place
    let k = 0;
    for (const r of made) {
      keep(k, r.i0, old, oldWorks);
      for (let j = 0; j < r.annotations.length; j++) {
        old[r.i0 + j] = r.annotations[j];
        oldWorks[r.i0 + j] = r.works[j];
      }
      k = r.i1;
    }
    keep(k, old.length, old, oldWorks);
  } else {
    const annotations: Annotation[] = [];
    const works: (Working | undefined)[] = [];
    let k = 0;
    for (const r of made) {
      keep(k, r.i0, annotations, works);
      for (let j = 0; j < r.annotations.length; j++) {
        annotations.push(r.annotations[j]);
        works.push(r.works[j]);
      }
      k = r.i1;
    }
    keep(k, old.length, annotations, works);
    kept.annotations = annotations;
    kept.works = works;
  }
  // copies of the grouping's entities (a later grouping renumbers and renames them), sharing their aliases: a grouping
  // gives each entity a new list and never changes it after, and the result hands out copies of the lists
  const entities: Entity[] = [];
  for (const e of grouped.entities) if (wanted.has(e.type)) entities.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
  kept.entities = entities;
  kept.grouping = grouped;
  return true;
}
