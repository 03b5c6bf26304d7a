// The result handed out from the kept one (analyzeKept.ts), whether just made or built on the previous: copies of the
// kept annotations and entities, made a slice at a time, the edit's pending moves and renumbered entities applied to
// the kept annotations as they are copied (so no pass of its own walks the whole article's annotations before).
import type { KeptResult } from './analyzeKept';
import { annotationIds } from './analyzeParts';
import { ENTITY_TYPES, type AnalysisResult, type Annotation, type Entity, type ReferenceDate } from './types';

// The copies handed out are made by constructors, not object literals: V8 pretenures a literal's allocation site once
// most of what it allocated survives a young-generation collection, which thousands of copies all alive until the
// result is returned do; each copy is then allocated in the old generation (several times slower, and freed only by a
// full collection). A constructed object has no allocation site. The constructors' prototype is Object.prototype, so the
// copies are plain objects with the fields in the order analyzeSteps gives them, as the literals were.
type AnnotationCopy = new (id: string, a: Annotation) => Annotation;
const MentionCopy = function (this: Annotation, id: string, a: Annotation) {
  this.id = id;
  this.type = a.type;
  this.start = a.start;
  this.end = a.end;
  this.text = a.text;
  this.source = 'auto';
  this.entity = a.entity;
} as unknown as AnnotationCopy;
/** A date's copy (a date's precision only when it has one: two shapes, as dateAnnotation makes them). */
const DateCopy = function (this: Annotation, id: string, a: Annotation) {
  this.id = id;
  this.type = 'date';
  this.start = a.start;
  this.end = a.end;
  this.text = a.text;
  this.source = 'auto';
  this.value = a.value;
} as unknown as AnnotationCopy;
const PreciseDateCopy = function (this: Annotation, id: string, a: Annotation) {
  this.id = id;
  this.type = 'date';
  this.start = a.start;
  this.end = a.end;
  this.text = a.text;
  this.source = 'auto';
  this.value = a.value;
  this.precision = a.precision;
} as unknown as AnnotationCopy;
const EntityCopy = function (this: Entity, e: Entity) {
  this.id = e.id;
  this.type = e.type;
  this.name = e.name;
  this.aliases = e.aliases.slice();
} as unknown as new (e: Entity) => Entity;
for (const c of [MentionCopy, DateCopy, PreciseDateCopy, EntityCopy]) c.prototype = Object.prototype;

/**
 * The result handed out: copies of the kept annotations (numbered by place) and entities, `step` annotations at a time
 * (the editor's stepped analysis yields between slices: a big article's copies are tens of ms, more with a collection).
 * A run superseded at a yield is dropped, so a newer analysis changing `kept` meanwhile is never seen half-copied.
 */
export function* handedOut(kept: KeptResult, referenceDate: ReferenceDate | null, step: number): Generator<void, AnalysisResult, void> {
  const n = kept.annotations.length;
  // the annotations from `shiftFrom` on are moved to their places as they are copied (kept.shiftFrom follows at each
  // yield: a run dropped there leaves the rest to settle)
  const shiftFrom = kept.shift === 0 ? n : kept.shiftFrom;
  // made at its length and filled in order: pushing grows it a dozen times, copying it each time (twice the copying)
  const annotations: Annotation[] = sized(n);
  // a slice copied between yields by a plain function (a generator's loop is optimised less well)
  for (let i = 0, next = step - 1; ; next += step) {
    const to = Math.min(next, n);
    copiesInto(annotations, kept, i, Math.min(to, Math.max(i, shiftFrom)), 0);
    copiesInto(annotations, kept, Math.max(i, shiftFrom), to, kept.shift);
    i = to;
    if (i >= n) break;
    if (i > shiftFrom) kept.shiftFrom = i;
    yield;
  }
  kept.shift = 0;
  kept.renumbered = false;
  // (a lookup per entity only when some entity type was not asked for)
  const wanted = kept.wanted;
  const all = kept.entities;
  let entities: Entity[];
  if (ENTITY_TYPES.every(t => wanted.has(t))) {
    entities = sized(all.length);
    for (let i = 0; i < all.length; i++) entities[i] = new EntityCopy(all[i]);
  } else {
    entities = [];
    for (const e of all) if (wanted.has(e.type)) entities.push(new EntityCopy(e));
  }
  return { annotations, entities, referenceDate };
}

/**
 * An array for `n` items to be written in order from index 0: made at its length (its elements stay fast up to tens
 * of millions in V8; past a million it is grown as it is written instead).
 */
const sized = <T>(n: number): T[] => (n <= 1_000_000 ? new Array<T>(n) : []);

/**
 * The copies of kept annotations [i0, i1) written at their indices in `into` (filled in order), each moved by `shift` first, and after a regrouping given
 * its mention's entity first (the mentions are not read otherwise: objects of their own, as many cache misses again).
 */
function copiesInto(into: Annotation[], kept: KeptResult, i0: number, i1: number, shift: number): void {
  const { annotations: from, works } = kept;
  const renumberedFrom = kept.renumbered ? kept.renumberedFrom : i1;
  const ids = annotationIds(i1);
  for (let i = i0; i < i1; i++) {
    const a = from[i];
    if (shift !== 0) {
      a.start += shift;
      a.end += shift;
    }
    if (i >= renumberedFrom) {
      const w = works[i];
      if (w) a.entity = w.entity;
    }
    into[i] = a.type !== 'date' ? new MentionCopy(ids[i], a) : a.precision !== undefined ? new PreciseDateCopy(ids[i], a) : new DateCopy(ids[i], a);
  }
}
