// The corpus index snapshot: a private cache of the index's per-article records (what a CorpusArticle holds but its
// text), so re-opening a workspace does not parse every sidecar (as git's index or ESLint's cache spare re-reading
// files). The host keeps it outside the workspace and may lose it any time: a snapshot that is missing, corrupt or of
// another version only costs the full read. Its JSON form is snapshotJson.ts; the validity rule is here.
//
// The validity rule (README, "The corpus"): an article's record is used only when
//   1. the article text's SHA-256 equals the record's (the text is always read and hashed), and
//   2. the sidecar file's size and mtime equal the ones recorded when the record was taken, and
//   3. that mtime is older than the moment the record was taken (`seen`, host clock; never later than the snapshot's
//      own write time) by RACY_MARGIN_MS: a sidecar written in the same clock tick as it was looked at could change
//      again without its size or mtime changing ("racy git"), and file systems keep mtimes as coarse as 2 s.
// Otherwise the article is read from its sidecar (or analyzed) as without a snapshot; articles added since have no
// record, and records of articles gone are dropped when the host writes the snapshot again. Rule 3 compares the file
// system's clock with the host's: a file system clock ahead (a remote one) makes records look racy (not used: slower,
// never wrong); one behind by more than the margin weakens the rule, as it weakens git's.
import {
  ANNOTATION_TYPES,
  DATE_PRECISIONS,
  ENTITY_TYPES,
  type Annotation,
  type AnnotationSource,
  type AnnotationType,
  type DatePrecision,
  type Entity,
  type EntityType,
  type Span,
} from '../types';
import { BodyDecoder } from './snapshotNumbers';
import type { MentionCounts } from './article';
import type { CorpusArticle } from './types';

/** Bumped whenever the JSON form changes: a snapshot of another version is "no snapshot". */
export const SNAPSHOT_VERSION = 3;
/** How much older than the moment it was looked at a sidecar's mtime must be for its record to count (rule 3). */
export const RACY_MARGIN_MS = 3000;

/** What the host knows of a sidecar file without reading it. */
export interface SidecarStamp {
  size: number;
  /** Last modification time, ms since the epoch (the file system's clock). */
  mtime: number;
}

/** What the host writes into the snapshot for an article indexed from its sidecar file. */
export interface SnapshotEntry {
  article: CorpusArticle;
  /** The sidecar's stamp, taken before the sidecar was read. */
  stamp: SidecarStamp;
  /** The host's clock (ms) when the stamp was taken. */
  seen: number;
}

/**
 * One article's record read back: its fields checked and its numbers' checksum with the whole snapshot's; its
 * annotations and entities are decoded (and checked) only when it is used (corpusArticleFromSnapshot).
 */
export interface SnapshotRecord {
  path: string;
  sha256: string;
  stamp: SidecarStamp;
  seen: number;
  /** @internal Where the article's numbers are (snapshotJson.ts) and the strings they point into. */
  readonly encoded: EncodedArticle;
}

/**
 * @internal The article's body: the `length` characters of `text` from `at` (snapshotNumbers.ts), its `entities`
 * entities then `annotations` annotations (each its fixed numbers, then those its kind says it has: see NO_ENTITY and
 * HAS_EXTERNAL_ID below), then `rejections` spans (start, length).
 */
export interface EncodedArticle {
  strings: readonly string[];
  /** The reference date's string index + 1, or 0 for none. */
  referenceDate: number;
  text: string;
  at: number;
  length: number;
  entities: number;
  annotations: number;
  rejections: number;
}

export interface CorpusSnapshot {
  /** The host's clock when the snapshot was written. */
  writtenAt: number;
  /** What the host wrote with it (serializeCorpusSnapshot's `context`): a snapshot of another context is not used. */
  context: string;
  /** By article path. */
  records: Map<string, SnapshotRecord>;
}

/** Whether a record may stand for the article now (the rule above). `stamp` is undefined when the sidecar is gone. */
export function isRecordUsable(record: SnapshotRecord, sha256: string, stamp: SidecarStamp | undefined, margin = RACY_MARGIN_MS): boolean {
  return (
    record.sha256 === sha256 &&
    stamp !== undefined &&
    stamp.size === record.stamp.size &&
    stamp.mtime === record.stamp.mtime &&
    record.stamp.mtime < record.seen - margin
  );
}

// ---- the codes the JSON form uses for closed sets (written into each snapshot, so a reordering is noticed) ----

/** @internal */
export const CODES = {
  types: ANNOTATION_TYPES,
  sources: ['auto', 'manual'] as const satisfies readonly AnnotationSource[],
  precisions: DATE_PRECISIONS,
};

/**
 * @internal An annotation's numbers: start, length, text, id, kind, then those its kind says it has: the entity (its
 * position in the article's entities), the value (0: null, else a string's index + 1), the precision, the note. The
 * kind: the type code (TYPE_MASK), the bits below, the source code from SOURCE_SHIFT, the flags from FLAG_SHIFT. A
 * mention of an entity and a resolved date have a kind under 34: one character (snapshotNumbers.ts).
 */
export const NO_ENTITY = 4;
export const HAS_VALUE = 8;
export const HAS_PRECISION = 16;
export const HAS_NOTE = 32;
export const SOURCE_SHIFT = 6;
export const FLAG_SHIFT = 7;
/** @internal Above every kind: one bit of source, two of flags (a test checks the code tables fit). */
export const KINDS = 1 << (FLAG_SHIFT + 2);
/** @internal The type code's bits in a kind (annotation or entity): 4 types at most. */
export const TYPE_MASK = 3;
/** @internal An entity's numbers: id, name, kind (type code, these bits), alias count, externalId, note when it has them, its aliases. */
export const HAS_EXTERNAL_ID = 4;
export const HAS_ENTITY_NOTE = 8;
/** @internal The numbers before an article's body: reference date, entities, annotations, rejections, the body's length in characters. */
export const ARTICLE_HEAD = 5;
/** @internal flags */
export const REVIEWED = 1;
export const VALUE_FIXED = 2;

// The objects are made by constructors, not object literals (as the analyzer's copies, analyzeKept.ts): V8 pretenures a
// literal's allocation site once most of what it allocated survives a young-generation collection, which the ~100,000
// objects a large snapshot gives, all kept by the index, do; each is then allocated in the old generation (slower, and
// freed only by a full collection). The prototype is Object.prototype and the fields are in the order a literal had them
// (the optional ones added after, in the Annotation type's order): plain data, as from a sidecar.
type Make<T, A extends unknown[]> = new (...args: A) => T;
type Base = [id: string, type: AnnotationType, start: number, end: number, text: string, source: AnnotationSource];
const PlainAnnotation = function (this: Annotation, id: string, type: AnnotationType, start: number, end: number, text: string, source: AnnotationSource) {
  this.id = id;
  this.type = type;
  this.start = start;
  this.end = end;
  this.text = text;
  this.source = source;
} as unknown as Make<Annotation, Base>;
const Mention = function (
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
const DateMention = function (
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
const PreciseDate = function (
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
const EntityOf = function (this: Entity, id: string, type: EntityType, name: string, aliases: string[]) {
  this.id = id;
  this.type = type;
  this.name = name;
  this.aliases = aliases;
} as unknown as Make<Entity, [id: string, type: EntityType, name: string, aliases: string[]]>;
const SpanOf = function (this: Span, start: number, end: number) {
  this.start = start;
  this.end = end;
} as unknown as Make<Span, [start: number, end: number]>;
for (const c of [PlainAnnotation, Mention, DateMention, PreciseDate, EntityOf, SpanOf]) c.prototype = Object.prototype;
/** @internal The fewest characters an entity, an annotation and a rejection take (a number is one at least). */
export const MIN_ENTITY = 4;
export const MIN_ANNOTATION = 5;
export const MIN_REJECTION = 2;
const ENTITY_KINDS = HAS_ENTITY_NOTE * 2;
const TYPES = CODES.types.length;
const SOURCES = CODES.sources.length;
const PRECISIONS = CODES.precisions.length;
/** The type codes of entities (an annotation of a date is no entity's mention). */
const ENTITY_TYPE_CODES = CODES.types.map(t => (ENTITY_TYPES as readonly string[]).includes(t));

/** One for all articles: an article is taken synchronously, its numbers used before the next article's are decoded. */
const body = new BodyDecoder();
/**
 * The article's lists as they are made, one for all articles, then copied at their size: no list grown by pushes
 * (room for 17, then 41, ..., the smaller ones left to the collector), and packed (a list made at its size with
 * `new Array(n)` has holes until filled, and the build iterates such lists more slowly).
 */
const entityList: Entity[] = [];
const annotationList: Annotation[] = [];
/** The start of each entity's first annotation found so far, while an article is taken (one for all articles). */
let firstStart = new Int32Array(256);
/** The first `n` items of `list`, copied; the list's places emptied (it keeps no article alive). */
function taken<T>(list: T[], n: number): T[] {
  const out = list.slice(0, n);
  list.fill(undefined as T, 0, n);
  return out;
}

/**
 * The article the record stands for, with `text` (whose SHA-256 is the record's: the caller checked it). Undefined
 * when the record does not fit the text (a span past its end) or does not decode (a string index out of range, an
 * annotation of an entity the article does not list, a body of more or fewer numbers: written by no build, since the
 * checksum is right). Its entities and rejections are made now; its annotations are checked now (so a record that
 * does not decode is turned down here, never when they are read) but made only when first read: building the index
 * needs only each entity's mention count and first mention, counted in the same pass (SnapshotArticle).
 */
export function corpusArticleFromSnapshot(record: SnapshotRecord, text: string): CorpusArticle | undefined {
  const { strings, referenceDate } = record.encoded;
  const { types } = CODES;
  const count = body.decode(record.encoded.text, record.encoded.at, record.encoded.at + record.encoded.length);
  if (count === -1) return undefined;
  const d = body.numbers;
  // every number checked where it is used, in one pass: an index is below its list's length (the numbers decoded are
  // integers in 0..2^29, a little more), each read is below `count`
  const n = strings.length;
  const entities = entityList;
  let i = 0;
  for (let k = 0; k < record.encoded.entities; k++) {
    if (i + 4 > count) return undefined;
    const kind = d[i + 2];
    const aliases = d[i + 3];
    if (d[i] >= n || d[i + 1] >= n || kind >= ENTITY_KINDS || !ENTITY_TYPE_CODES[kind & TYPE_MASK]) return undefined;
    // the aliases' list made at its size (most have one alias: a list made empty then pushed to gets room for 17)
    const out = new EntityOf(strings[d[i]], types[kind & TYPE_MASK] as EntityType, strings[d[i + 1]], new Array<string>(aliases > count ? 0 : aliases));
    i += 4;
    if (kind & HAS_EXTERNAL_ID) {
      if (!(i < count && d[i] < n)) return undefined;
      out.externalId = strings[d[i++]];
    }
    if (kind & HAS_ENTITY_NOTE) {
      if (!(i < count && d[i] < n)) return undefined;
      out.note = strings[d[i++]];
    }
    if (i + aliases > count) return undefined;
    for (let j = 0; j < aliases; j++) {
      if (d[i] >= n) return undefined;
      out.aliases[j] = strings[d[i++]];
    }
    entities[k] = out;
  }
  const annotationsAt = i;
  if (firstStart.length < record.encoded.entities) firstStart = new Int32Array(record.encoded.entities * 2);
  // each entity's mention count and first annotation (by start, the earliest listed on a tie), counted as checked
  const mentions = new Int32Array(record.encoded.entities * 2).fill(-1);
  for (let k = 0; k < record.encoded.entities; k++) mentions[k * 2] = 0;
  i = annotations(record, text, d, count, i, entities, mentions, undefined);
  if (i === -1) return undefined;
  const rejections: Span[] = [];
  for (let k = 0; k < record.encoded.rejections; k++, i += 2) {
    if (i + 2 > count) return undefined;
    const end = d[i] + d[i + 1];
    if (end > text.length) return undefined;
    rejections.push(new SpanOf(d[i], end));
  }
  // every number used, and no more
  if (i !== count) return undefined;
  return new SnapshotArticle(
    record,
    text,
    referenceDate === 0 ? null : strings[referenceDate - 1],
    taken(entities, record.encoded.entities),
    rejections,
    annotationsAt,
    mentions,
  );
}

/**
 * An article taken from the snapshot: plain data but for its annotations, made from the record when first read (then
 * kept). An index of thousands of articles otherwise holds tens of thousands of annotations the build never reads,
 * which every garbage collection until they are old copies. The record's fields are private (not own enumerable
 * properties: the article spreads and compares as plain data).
 */
class SnapshotArticle implements CorpusArticle, MentionCounts {
  declare path: string;
  declare text: string;
  declare sha256: string;
  declare referenceDate: string | null;
  declare entities: readonly Entity[];
  declare rejections: readonly Span[];
  #record: SnapshotRecord | undefined;
  #annotations: readonly Annotation[] | undefined;
  readonly #annotationsAt: number;
  /** For the entity at k: its mention count at 2k, its first annotation's position at 2k + 1 (-1: none). */
  readonly #mentions: Int32Array;

  constructor(
    record: SnapshotRecord,
    text: string,
    referenceDate: string | null,
    entities: readonly Entity[],
    rejections: readonly Span[],
    annotationsAt: number,
    mentions: Int32Array,
  ) {
    this.path = record.path;
    this.text = text;
    this.sha256 = record.sha256;
    this.referenceDate = referenceDate;
    this.entities = entities;
    this.rejections = rejections;
    this.#record = record;
    this.#annotations = undefined;
    this.#annotationsAt = annotationsAt;
    this.#mentions = mentions;
  }

  get annotations(): readonly Annotation[] {
    if (this.#annotations === undefined) {
      const record = this.#record!;
      const count = body.decode(record.encoded.text, record.encoded.at, record.encoded.at + record.encoded.length);
      const list = annotationList;
      // checked when the article was taken, and the checksum forbids a change since: decodes as it did then
      if (count === -1 || annotations(record, this.text, body.numbers, count, this.#annotationsAt, this.entities, undefined, list) === -1) {
        throw new Error(`the corpus snapshot's record of ${record.path} no longer decodes`);
      }
      this.#annotations = taken(list, record.encoded.annotations);
      // the record is not needed again (nor the snapshot's numbers it keeps alive, once every article read its own)
      this.#record = undefined;
    }
    return this.#annotations;
  }

  entityMentions(k: number): number {
    return this.#mentions[k * 2];
  }

  entityFirstMention(k: number): number {
    return this.#mentions[k * 2 + 1];
  }
}
/**
 * The record's annotations from number `i` on, checked; the position after them, or -1 when they do not decode.
 * Counts each entity's mentions and first annotation into `mentions` (the article's first read), or makes the
 * annotations into `out` (its annotations first read).
 */
function annotations(
  record: SnapshotRecord,
  text: string,
  d: Int32Array,
  count: number,
  i: number,
  entities: readonly Entity[],
  mentions: Int32Array | undefined,
  out: Annotation[] | undefined,
): number {
  const { strings } = record.encoded;
  const { types, sources, precisions } = CODES;
  const n = strings.length;
  for (let k = 0; k < record.encoded.annotations; k++) {
    if (i + 5 > count) return -1;
    const start = d[i];
    const length = d[i + 1];
    const kind = d[i + 4];
    if (d[i + 2] >= n || d[i + 3] >= n || kind >= KINDS || (kind & TYPE_MASK) >= TYPES || (kind >> SOURCE_SHIFT) % 2 >= SOURCES) return -1;
    const end = start + length;
    // the text interned (one string for every mention of a name in the corpus, none allocated here); the hash being
    // the same, the writer checked it is the text's slice: only its length is checked again, which costs nothing
    const quote = strings[d[i + 2]];
    if (end > text.length || quote.length !== length) return -1;
    const type = types[kind & TYPE_MASK];
    const at = i + 5;
    i = at;
    // the shapes a sidecar's annotations have (a mention of an entity, a date with or without a precision)
    const shape = kind & (NO_ENTITY | HAS_VALUE | HAS_PRECISION);
    if (!(kind & NO_ENTITY)) {
      if (!(i < count && d[i] < record.encoded.entities && entities[d[i]].type === type)) return -1;
      if (mentions) {
        const e = d[i] * 2;
        const first = mentions[e + 1];
        mentions[e]++;
        if (first === -1 || start < firstStart[d[i]]) {
          mentions[e + 1] = k;
          firstStart[d[i]] = start;
        }
      }
      i++;
    }
    if (kind & HAS_VALUE) {
      if (!(i < count && d[i] <= n)) return -1;
      i++;
    }
    if (kind & HAS_PRECISION) {
      if (!(i < count && d[i] < PRECISIONS)) return -1;
      i++;
    }
    if (kind & HAS_NOTE) {
      if (!(i < count && d[i] < n)) return -1;
      i++;
    }
    if (out === undefined) continue;
    // checked: made whole when of a sidecar's shapes, else field by field in the Annotation type's order
    const id = strings[d[at - 2]];
    const source = sources[(kind >> SOURCE_SHIFT) & 1];
    let a: Annotation;
    let j = at;
    if (shape === 0) a = new Mention(id, type, start, end, quote, source, entities[d[j++]].id);
    else if (shape === (NO_ENTITY | HAS_VALUE)) a = new DateMention(id, type, start, end, quote, source, valueOf(d[j++], strings));
    else if (shape === (NO_ENTITY | HAS_VALUE | HAS_PRECISION)) {
      a = new PreciseDate(id, type, start, end, quote, source, valueOf(d[j], strings), precisions[d[j + 1]]);
      j += 2;
    } else {
      a = new PlainAnnotation(id, type, start, end, quote, source);
      if (!(kind & NO_ENTITY)) a.entity = entities[d[j++]].id;
      if (kind & HAS_VALUE) a.value = valueOf(d[j++], strings);
      if (kind & HAS_PRECISION) a.precision = precisions[d[j++]];
    }
    if (kind & HAS_NOTE) a.note = strings[d[j]];
    const flags = kind >> FLAG_SHIFT;
    if (flags & REVIEWED) a.reviewed = true;
    if (flags & VALUE_FIXED) a.valueFixed = true;
    out[k] = a;
  }
  return i;
}

/** A date's value: 0 for null, else a string's index + 1. */
const valueOf = (code: number, strings: readonly string[]): string | null => (code === 0 ? null : strings[code - 1]);
