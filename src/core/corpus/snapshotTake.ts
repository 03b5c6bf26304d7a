// Taking an article from its snapshot record (snapshot.ts): its body decoded and checked in one pass, its entities and
// rejections made, its annotations made only when first read (SnapshotArticle).
import { ENTITY_TYPES, type Annotation, type Entity, type EntityType, type Span } from '../types';
import type { MentionCounts } from './article';
import * as snapshot from './snapshot';
import type { SnapshotRecord } from './snapshot';
import { BodyDecoder } from './snapshotNumbers';
import { noteTaken } from './snapshotLinks';
import * as objects from './snapshotObjects';
import type { CorpusArticle } from './types';

// the imported constants and classes read once, into this module's own: where the modules are CommonJS (tsx, which
// runs the tests and the bench), each read of an imported binding is a getter call, and the take reads these per
// annotation (~5% of indexing a corpus from its snapshot there; a bundle, as the editor's, reads them directly)
const {
  CODES,
  FLAG_SHIFT,
  HAS_ENTITY_NOTE,
  HAS_EXTERNAL_ID,
  HAS_NOTE,
  HAS_PRECISION,
  HAS_VALUE,
  KINDS,
  NO_ENTITY,
  REVIEWED,
  SOURCE_SHIFT,
  TYPE_MASK,
  VALUE_FIXED,
} = snapshot;
const { DateMention, EntityOf, Mention, PlainAnnotation, PreciseDate, SpanOf } = objects;

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
/**
 * Where each article's mention counts are carved from: one buffer for many articles, so an article's counts are a
 * view of it, not a buffer of their own (a buffer is memory outside the heap, allocated and freed one by one).
 */
const COUNTS_CHUNK = 16384;
let counts = new Int32Array(0);
let countsAt = 0;
/** A list of `n` counts, each -1, for one article (a view of the shared buffer, or of its own when larger). */
function countsList(n: number): Int32Array {
  if (countsAt + n > counts.length) {
    counts = new Int32Array(Math.max(COUNTS_CHUNK, n));
    countsAt = 0;
  }
  const list = counts.subarray(countsAt, countsAt + n);
  countsAt += n;
  return list.fill(-1);
}

/**
 * The alias list of one alias, by the alias's place in the snapshot's strings: one list for every entity of the
 * snapshot whose only alias is that string (most entities have one alias, most names recur across articles: tens of
 * thousands of lists fewer for the index to keep and the collector to copy). Frozen, so an entity's aliases edited in
 * place (no code does) could not change other articles'. Kept while the snapshot's strings are (a WeakMap).
 */
const oneAliasLists = new WeakMap<readonly string[], (string[] | undefined)[]>();
function oneAliasListsOf(strings: readonly string[]): (string[] | undefined)[] {
  let lists = oneAliasLists.get(strings);
  if (lists === undefined) {
    // packed (filled), not holey: read once per entity of the snapshot
    lists = new Array<string[] | undefined>(strings.length).fill(undefined);
    oneAliasLists.set(strings, lists);
  }
  return lists;
}
/** The rejections of an article that has none (most): one list, frozen (an article's lists are read, never edited). */
const NO_REJECTIONS: readonly Span[] = Object.freeze([]);

/** The first `n` items of `list`, copied; the list's places emptied (it keeps no article alive). */
function taken<T>(list: T[], n: number): T[] {
  const out = list.slice(0, n);
  list.fill(undefined as T, 0, n);
  return out;
}

/**
 * The article the record stands for, with `text` (whose SHA-256 is the record's: the caller checked it). Undefined
 * when its body's checksum differs (a character changed), when the record does not fit the text (a span past its
 * end) or does not decode (a string index out of range, an
 * annotation of an entity the article does not list, a body of more or fewer numbers: written by no build, since the
 * checksum is right). Its entities and rejections are made now; its annotations are checked now (so a record that
 * does not decode is turned down here, never when they are read) but made only when first read: building the index
 * needs only each entity's mention count and first mention, counted in the same pass (SnapshotArticle).
 */
export function corpusArticleFromSnapshot(record: SnapshotRecord, text: string): CorpusArticle | undefined {
  const { strings, referenceDate } = record.encoded;
  const { types } = CODES;
  const count = body.decode(record.encoded.text, record.encoded.at, record.encoded.at + record.encoded.length);
  // a body changed since it was written (the parse checked the heads only) is not read
  if (count === -1 || body.checksum !== record.encoded.check) return undefined;
  const d = body.numbers;
  // every number checked where it is used, in one pass: an index is below its list's length (the numbers decoded are
  // integers in 0..2^29, a little more), each read is below `count`
  const n = strings.length;
  const entities = entityList;
  const oneAlias = oneAliasListsOf(strings);
  let i = 0;
  for (let k = 0; k < record.encoded.entities; k++) {
    if (i + 4 > count) return undefined;
    const kind = d[i + 2];
    const aliases = d[i + 3];
    if (d[i] >= n || d[i + 1] >= n || kind >= ENTITY_KINDS || !ENTITY_TYPE_CODES[kind & TYPE_MASK]) return undefined;
    const id = strings[d[i]];
    const name = strings[d[i + 1]];
    i += 4;
    let externalId: string | undefined;
    let note: string | undefined;
    if (kind & HAS_EXTERNAL_ID) {
      if (!(i < count && d[i] < n)) return undefined;
      externalId = strings[d[i++]];
    }
    if (kind & HAS_ENTITY_NOTE) {
      if (!(i < count && d[i] < n)) return undefined;
      note = strings[d[i++]];
    }
    if (i + aliases > count) return undefined;
    let list: string[];
    if (aliases === 1) {
      if (d[i] >= n) return undefined;
      list = oneAlias[d[i]] ??= Object.freeze([strings[d[i]]]) as string[];
      i++;
    } else {
      // the aliases' list made at its size (a list made empty then pushed to gets room for 17)
      list = new Array<string>(aliases);
      for (let j = 0; j < aliases; j++) {
        if (d[i] >= n) return undefined;
        list[j] = strings[d[i++]];
      }
    }
    const out = new EntityOf(id, types[kind & TYPE_MASK] as EntityType, name, list);
    if (externalId !== undefined) out.externalId = externalId;
    if (note !== undefined) out.note = note;
    entities[k] = out;
  }
  const annotationsAt = i;
  if (firstStart.length < record.encoded.entities) firstStart = new Int32Array(record.encoded.entities * 2);
  // each entity's mention count and first annotation (by start, the earliest listed on a tie), counted as checked
  const mentions = countsList(record.encoded.entities * 2);
  for (let k = 0; k < record.encoded.entities; k++) mentions[k * 2] = 0;
  i = annotations(record, text, d, count, i, entities, mentions, undefined);
  if (i === -1) return undefined;
  let rejections = NO_REJECTIONS;
  if (record.encoded.rejections > 0) {
    const list: Span[] = [];
    for (let k = 0; k < record.encoded.rejections; k++, i += 2) {
      if (i + 2 > count) return undefined;
      const end = d[i] + d[i + 1];
      if (end > text.length) return undefined;
      list.push(new SpanOf(d[i], end));
    }
    rejections = list;
  }
  // every number used, and no more
  if (i !== count) return undefined;
  const article = new SnapshotArticle(
    record,
    text,
    referenceDate === 0 ? null : strings[referenceDate - 1],
    taken(entities, record.encoded.entities),
    rejections,
    annotationsAt,
    mentions,
  );
  noteTaken(record, article);
  return article;
}

/**
 * An article taken from the snapshot: plain data but for its annotations, made from the record when first read (then
 * kept). An index of thousands of articles otherwise holds tens of thousands of annotations the build never reads,
 * which every garbage collection until they are old copies. The record's fields are private (not own enumerable
 * properties: the article compares as plain data). Its annotations are a getter of the class: a copy made by spreading
 * it has none (and `entityCounts` neither, so an index given such a copy counts its annotations and finds them
 * missing): a copy names `annotations` itself.
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
      // checked when the article was taken (its checksum too), and a string does not change: decodes as it did then
      if (count === -1 || annotations(record, this.text, body.numbers, count, this.#annotationsAt, this.entities, undefined, list) === -1) {
        throw new Error(`the corpus snapshot's record of ${record.path} no longer decodes`);
      }
      this.#annotations = taken(list, record.encoded.annotations);
      // the record is not needed again (nor the snapshot's numbers it keeps alive, once every article read its own)
      this.#record = undefined;
    }
    return this.#annotations;
  }

  get entityCounts(): Int32Array {
    return this.#mentions;
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
