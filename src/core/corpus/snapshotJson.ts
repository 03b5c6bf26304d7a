// The corpus snapshot's form (private: the editor's cache in its own storage, no schema, never in the workspace): a
// line of JSON,
//   { "format": "news-annotator-corpus-snapshot", "version": 2, "writtenAt": ms, "context": the host's,
//     "codes": {types, sources, precisions},
//     "strings": [every id, name, alias, note, date value and reference date once],
//     "articles": [[path, sha256, sidecar size, sidecar mtime, seen]], "check": the numbers' and strings' checksum }
// then the numbers (snapshotNumbers.ts), for each article in order: its reference date (a string's index + 1, 0 for
// none), how many entities, annotations and rejections it has and how many numbers follow, then the entities and
// the annotations (snapshot.ts: a kind number says which optional fields follow; the text as a string, so a name is
// stored and read once for the corpus; the entity as its position in the article's entities), the rejections
// (start, length).
// The numbers out of the JSON and the strings interned make it a fraction of the sidecars' size and quick to read:
// the annotations' quote selectors are left out (the article text holds the context). Parsing is strict: anything
// that does not fit (another version, another code table, a checksum that differs, a string index out of range)
// makes the whole snapshot "no snapshot", never a wrong index.
import type { Span } from '../types';
import type { CorpusArticle } from './types';
import {
  ARTICLE_HEAD,
  CODES,
  FLAG_SHIFT,
  HAS_ENTITY_NOTE as HAS_ENTITY_NOTE_BIT,
  HAS_EXTERNAL_ID as HAS_EXTERNAL_ID_BIT,
  HAS_NOTE as HAS_NOTE_BIT,
  HAS_PRECISION as HAS_PRECISION_BIT,
  HAS_VALUE as HAS_VALUE_BIT,
  isEntityTypeCode,
  KINDS as KIND_COUNT,
  NO_ENTITY as NO_ENTITY_BIT,
  REVIEWED as REVIEWED_FLAG,
  SNAPSHOT_VERSION,
  SOURCE_SHIFT,
  TYPE_MASK as TYPE_BITS,
  VALUE_FIXED as VALUE_FIXED_FLAG,
  type CorpusSnapshot,
  type SnapshotEntry,
  type SnapshotRecord,
} from './snapshot';
import { NumberDecoder, NumberWriter, numbersChecksum, stringsChecksum } from './snapshotNumbers';

const FORMAT = 'news-annotator-corpus-snapshot';
// copied into this module once: the checks read them for every number, and an imported binding can be a getter call
// (a CommonJS build's), which the loops would pay millions of times
const REVIEWED = REVIEWED_FLAG;
const VALUE_FIXED = VALUE_FIXED_FLAG;
const NO_ENTITY = NO_ENTITY_BIT;
const HAS_VALUE = HAS_VALUE_BIT;
const HAS_PRECISION = HAS_PRECISION_BIT;
const HAS_NOTE = HAS_NOTE_BIT;
const HAS_EXTERNAL_ID = HAS_EXTERNAL_ID_BIT;
const HAS_ENTITY_NOTE = HAS_ENTITY_NOTE_BIT;
const TYPE_MASK = TYPE_BITS;
const KINDS = KIND_COUNT;
const ENTITY_KINDS = HAS_ENTITY_NOTE * 2;
const TYPES = CODES.types.length;
const SOURCES = CODES.sources.length;
const PRECISIONS = CODES.precisions.length;
const entityTypeCodes = CODES.types.map((_, code) => isEntityTypeCode(code));
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The snapshot of `entries` (articles indexed from their sidecar files), written at `writtenAt` (host clock), with
 * the host's `context` (what else the records depend on: where the sidecars are, say; compared by the host). An
 * article whose annotations' text is not the slice of its text they point at is left out: the record could not
 * give it back as it is.
 */
export function serializeCorpusSnapshot(entries: Iterable<SnapshotEntry>, writtenAt: number, context = ''): string {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const numbers = new NumberWriter();
  const out: unknown[] = [];
  for (const { article, stamp, seen } of entries) {
    const mark = numbers.length;
    if (!fitsItsText(article) || !numbersOf(article, numbers, intern)) {
      numbers.length = mark;
      continue;
    }
    out.push([article.path, article.sha256, stamp.size, stamp.mtime, seen]);
  }
  const text = numbers.toString();
  const check = stringsChecksum(strings, numbersChecksum(text));
  // the numbers after the JSON, not in it: JSON.parse scans a long string's characters more slowly than they are read
  return `${JSON.stringify({ format: FORMAT, version: SNAPSHOT_VERSION, writtenAt, context, codes: CODES, strings, articles: out, check })}\n${text}`;
}

/** The numbers of an article's body, made again for each (serializeCorpusSnapshot writes its head first). */
const body: number[] = [];

/** Writes the article's numbers; false when it has an annotation of an entity it does not list (left out). */
function numbersOf(article: CorpusArticle, numbers: NumberWriter, intern: (s: string) => number): boolean {
  const at = new Map(article.entities.map((e, i) => [e.id, i] as const));
  body.length = 0;
  for (const x of article.entities) {
    const kind = CODES.types.indexOf(x.type) | (x.externalId === undefined ? 0 : HAS_EXTERNAL_ID) | (x.note === undefined ? 0 : HAS_ENTITY_NOTE);
    body.push(intern(x.id), intern(x.name), kind, x.aliases.length);
    if (x.externalId !== undefined) body.push(intern(x.externalId));
    if (x.note !== undefined) body.push(intern(x.note));
    for (const alias of x.aliases) body.push(intern(alias));
  }
  for (const x of article.annotations) {
    const entity = x.entity === undefined ? -1 : at.get(x.entity);
    // the sidecar's validation forbids an annotation of an entity it does not list
    if (entity === undefined) return false;
    let kind = CODES.types.indexOf(x.type) | (CODES.sources.indexOf(x.source) << SOURCE_SHIFT);
    kind |= ((x.reviewed ? REVIEWED : 0) | (x.valueFixed ? VALUE_FIXED : 0)) << FLAG_SHIFT;
    kind |= (entity === -1 ? NO_ENTITY : 0) | (x.value === undefined ? 0 : HAS_VALUE) | (x.precision === undefined ? 0 : HAS_PRECISION);
    kind |= x.note === undefined ? 0 : HAS_NOTE;
    body.push(x.start, x.end - x.start, intern(x.text), intern(x.id), kind);
    if (entity !== -1) body.push(entity);
    if (x.value !== undefined) body.push(x.value === null ? 0 : intern(x.value) + 1);
    if (x.precision !== undefined) body.push(CODES.precisions.indexOf(x.precision));
    if (x.note !== undefined) body.push(intern(x.note));
  }
  for (const x of article.rejections ?? []) body.push(x.start, x.end - x.start);
  numbers.push(article.referenceDate === null ? 0 : intern(article.referenceDate) + 1);
  numbers.push(article.entities.length);
  numbers.push(article.annotations.length);
  numbers.push(article.rejections?.length ?? 0);
  numbers.push(body.length);
  for (const n of body) numbers.push(n);
  return true;
}

/** Whether the article's spans are spans of its text (integers, forwards: the numbers written are a start and a length). */
function fitsItsText(article: CorpusArticle): boolean {
  const { text } = article;
  const span = (x: Span) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.start <= x.end && x.end <= text.length;
  for (const a of article.annotations) if (!span(a) || text.slice(a.start, a.end) !== a.text) return false;
  for (const r of article.rejections ?? []) if (!span(r)) return false;
  return true;
}

/** The snapshot in `json`, or undefined when it is not one this build wrote (corrupt, truncated, another version). */
export function parseCorpusSnapshot(json: string): CorpusSnapshot | undefined {
  // JSON.stringify writes no line break: the first one ends the JSON part
  const end = json.indexOf('\n');
  if (end === -1) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json.slice(0, end));
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.format !== FORMAT || data.version !== SNAPSHOT_VERSION || !sameCodes(data.codes)) return undefined;
  const { writtenAt, context, strings, articles, check } = data;
  if (!isTime(writtenAt) || typeof context !== 'string' || !Array.isArray(strings) || !Array.isArray(articles) || !Number.isInteger(check)) return undefined;
  for (const s of strings) if (typeof s !== 'string') return undefined;
  const numbers = new NumberDecoder(json, end + 1);
  const records = new Map<string, SnapshotRecord>();
  for (const x of articles) {
    const record = recordOf(x, strings as string[], writtenAt, numbers);
    if (!record || records.has(record.path)) return undefined;
    records.set(record.path, record);
  }
  // every number read, and none changed (nor a string)
  if (numbers.at !== json.length || stringsChecksum(strings as string[], numbers.checksum) !== check) return undefined;
  return { writtenAt, context, records };
}

/** The record of `x`, an article's fields, whose numbers `numbers` decodes next (all of them, checked). */
function recordOf(x: unknown, strings: readonly string[], writtenAt: number, numbers: NumberDecoder): SnapshotRecord | undefined {
  if (!Array.isArray(x) || x.length !== 5) return undefined;
  const [path, sha256, size, mtime, seen] = x as unknown[];
  if (typeof path !== 'string' || path === '' || typeof sha256 !== 'string' || !HEX64.test(sha256)) return undefined;
  if (!isCount(size) || !isTime(mtime) || !isTime(seen) || seen > writtenAt) return undefined;
  const head = numbers.read(ARTICLE_HEAD);
  if (!head) return undefined;
  // (by index: destructuring a typed array runs its iterator)
  const date = head[0];
  const entities = head[1];
  const annotations = head[2];
  const rejections = head[3];
  const count = head[4];
  if (date !== 0 && !(date <= strings.length && ISO_DAY.test(strings[date - 1]))) return undefined;
  const at = numbers.at;
  const values = numbers.read(count);
  if (!values) return undefined;
  const entityTypes: number[] = [];
  const annotationsFrom = entitiesValid(values, entities, count, strings.length, entityTypes);
  const rejectionsFrom = annotationsValid(values, annotationsFrom, annotations, count, strings.length, entityTypes);
  if (annotationsFrom === -1 || rejectionsFrom === -1 || rejectionsFrom + rejections * 2 !== count) return undefined;
  return {
    path,
    sha256,
    stamp: { size, mtime },
    seen,
    encoded: { strings, referenceDate: date, text: numbers.text, at, count, entities, annotations, rejections },
  };
}

// The checks below run over every number of the snapshot, so they are written for speed: one pass, by index. A number
// decoded is an integer in 0..2^29 (a little more): "an index below n" is `v < n`. A rejection (start, length) is any
// two numbers (one past the text is turned down when it is used).

/**
 * Where the `count` entities from the start of `e` end (-1 when they do not parse or do not fit in its first `length`
 * numbers); their type codes in `types` (annotations point at entities by position).
 */
function entitiesValid(e: Int32Array, count: number, length: number, strings: number, types: number[]): number {
  let i = 0;
  for (let k = 0; k < count; k++) {
    if (i + 4 > length) return -1;
    const kind = e[i + 2];
    const n = e[i + 3];
    if (e[i] >= strings || e[i + 1] >= strings || kind >= ENTITY_KINDS || !entityTypeCodes[kind & TYPE_MASK]) return -1;
    i += 4;
    if (kind & HAS_EXTERNAL_ID && !(i < length && e[i++] < strings)) return -1;
    if (kind & HAS_ENTITY_NOTE && !(i < length && e[i++] < strings)) return -1;
    if (i + n > length) return -1;
    for (const end = i + n; i < end; i++) if (e[i] >= strings) return -1;
    types.push(kind & TYPE_MASK);
  }
  return i;
}

/** Where the `count` annotations from `from` end (-1 when they do not parse or do not fit in the first `length` numbers). */
function annotationsValid(a: Int32Array, from: number, count: number, length: number, strings: number, entityTypes: readonly number[]): number {
  if (from === -1) return -1;
  let i = from;
  for (let k = 0; k < count; k++) {
    if (i + 5 > length) return -1;
    const kind = a[i + 4];
    const type = kind & TYPE_MASK;
    if (a[i + 2] >= strings || a[i + 3] >= strings || kind >= KINDS || type >= TYPES || (kind >> SOURCE_SHIFT) % 2 >= SOURCES) return -1;
    i += 5;
    if (!(kind & NO_ENTITY) && !(i < length && a[i] < entityTypes.length && entityTypes[a[i++]] === type)) return -1;
    if (kind & HAS_VALUE && !(i < length && a[i++] <= strings)) return -1;
    if (kind & HAS_PRECISION && !(i < length && a[i++] < PRECISIONS)) return -1;
    if (kind & HAS_NOTE && !(i < length && a[i++] < strings)) return -1;
  }
  return i;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The code tables the snapshot was written with are this build's (a reordering would misread every record). */
function sameCodes(v: unknown): boolean {
  if (!isObject(v)) return false;
  const same = (x: unknown, y: readonly string[]) => Array.isArray(x) && x.length === y.length && x.every((s, i) => s === y[i]);
  return same(v.types, CODES.types) && same(v.sources, CODES.sources) && same(v.precisions, CODES.precisions) && Object.keys(v).length === 3;
}
