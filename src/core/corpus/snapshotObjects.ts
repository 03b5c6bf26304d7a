// The objects an article taken from the corpus snapshot is made of (snapshotTake.ts).
import type { Annotation, AnnotationSource, AnnotationType, DatePrecision, Entity, EntityType, Span } from '../types';

// The objects are made by constructors, not object literals (as the analyzer's copies, analyzeKept.ts): V8 pretenures a
// literal's allocation site once most of what it allocated survives a young-generation collection, which the ~100,000
// objects a large snapshot gives, all kept by the index, do; each is then allocated in the old generation (slower, and
// freed only by a full collection). The prototype is Object.prototype and the fields are in the order a literal had them
// (the optional ones added after, in the Annotation type's order): plain data, as from a sidecar.
type Make<T, A extends unknown[]> = new (...args: A) => T;
type Base = [id: string, type: AnnotationType, start: number, end: number, text: string, source: AnnotationSource];
export const PlainAnnotation = function (
  this: Annotation,
  id: string,
  type: AnnotationType,
  start: number,
  end: number,
  text: string,
  source: AnnotationSource,
) {
  this.id = id;
  this.type = type;
  this.start = start;
  this.end = end;
  this.text = text;
  this.source = source;
} as unknown as Make<Annotation, Base>;
export const Mention = function (
  this: Annotation,
  id: string,
  type: AnnotationType,
  start: number,
  end: number,
  text: string,
  source: AnnotationSource,
  entity: string,
) {
  this.id = id;
  this.type = type;
  this.start = start;
  this.end = end;
  this.text = text;
  this.source = source;
  this.entity = entity;
} as unknown as Make<Annotation, [...Base, entity: string]>;
export const DateMention = function (
  this: Annotation,
  id: string,
  type: AnnotationType,
  start: number,
  end: number,
  text: string,
  source: AnnotationSource,
  value: string | null,
) {
  this.id = id;
  this.type = type;
  this.start = start;
  this.end = end;
  this.text = text;
  this.source = source;
  this.value = value;
} as unknown as Make<Annotation, [...Base, value: string | null]>;
export const PreciseDate = function (
  this: Annotation,
  id: string,
  type: AnnotationType,
  start: number,
  end: number,
  text: string,
  source: AnnotationSource,
  value: string | null,
  precision: DatePrecision,
) {
  this.id = id;
  this.type = type;
  this.start = start;
  this.end = end;
  this.text = text;
  this.source = source;
  this.value = value;
  this.precision = precision;
} as unknown as Make<Annotation, [...Base, value: string | null, precision: DatePrecision]>;
export const EntityOf = function (this: Entity, id: string, type: EntityType, name: string, aliases: string[]) {
  this.id = id;
  this.type = type;
  this.name = name;
  this.aliases = aliases;
} as unknown as Make<Entity, [id: string, type: EntityType, name: string, aliases: string[]]>;
export const SpanOf = function (this: Span, start: number, end: number) {
  this.start = start;
  this.end = end;
} as unknown as Make<Span, [start: number, end: number]>;
for (const c of [PlainAnnotation, Mention, DateMention, PreciseDate, EntityOf, SpanOf]) c.prototype = Object.prototype;
