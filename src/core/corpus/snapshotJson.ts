// The corpus snapshot's form (private: the editor's cache in its own storage, no schema, never in the workspace): a
// line of JSON,
//   { "format": "news-annotator-corpus-snapshot", "version": 2, "writtenAt": ms, "context": the host's,
//     "codes": {types, sources, precisions},
//     "strings": [every id, name, alias, note, date value and reference date once],
//     "articles": [[path, sha256, sidecar size, sidecar mtime, seen]], "check": the numbers' and strings' checksum }
// then the numbers (snapshotNumbers.ts), for each article in order: its reference date (a string's index + 1, 0 for
// none), how many entities, annotations and rejections it has and how many numbers follow, then the entities (6 numbers each and their aliases,
// snapshot.ts: ENTITY_HEAD), the annotations (11 numbers each, ANNOTATION_STRIDE; the text as a string, so a name is
// stored and read once for the corpus; the entity as its position in the article's entities + 1), the rejections
// (start, length).
// The numbers out of the JSON and the strings interned make it a fraction of the sidecars' size and quick to read:
// the annotations' quote selectors are left out (the article text holds the context). Parsing is strict: anything
// that does not fit (another version, another code table, a checksum that differs, a string index out of range)
// makes the whole snapshot "no snapshot", never a wrong index.
import type { Span } from '../types';
import type { CorpusArticle } from './types';
import {
  ANNOTATION_STRIDE,
  ARTICLE_HEAD,
  CODES,
  ENTITY_HEAD,
  isEntityTypeCode,
  REVIEWED as REVIEWED_FLAG,
  SNAPSHOT_VERSION,
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
const STRIDE = ANNOTATION_STRIDE;
const HEAD = ENTITY_HEAD;
const TYPES = CODES.types.length;
const SOURCES = CODES.sources.length;
const PRECISIONS = CODES.precisions.length;
const FLAGS = (REVIEWED | VALUE_FIXED) + 1;
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

/** Writes the article's numbers; false when it has an annotation of an entity it does not list (left out). */
function numbersOf(article: CorpusArticle, numbers: NumberWriter, intern: (s: string) => number): boolean {
  /** An optional string: 0 when absent, its index + 1. */
  const optional = (s: string | undefined) => (s === undefined ? 0 : intern(s) + 1);
  const at = new Map(article.entities.map((e, i) => [e.id, i + 1] as const));
  numbers.push(article.referenceDate === null ? 0 : intern(article.referenceDate) + 1);
  numbers.push(article.entities.length);
  numbers.push(article.annotations.length);
  numbers.push(article.rejections?.length ?? 0);
  let count = article.annotations.length * STRIDE + (article.rejections?.length ?? 0) * 2;
  for (const x of article.entities) count += HEAD + x.aliases.length;
  numbers.push(count);
  for (const x of article.entities) {
    for (const n of [intern(x.id), CODES.types.indexOf(x.type), intern(x.name), optional(x.externalId), optional(x.note), x.aliases.length]) numbers.push(n);
    for (const alias of x.aliases) numbers.push(intern(alias));
  }
  for (const x of article.annotations) {
    const entity = x.entity === undefined ? 0 : at.get(x.entity);
    // the sidecar's validation forbids an annotation of an entity it does not list
    if (entity === undefined) return false;
    numbers.push(x.start);
    numbers.push(x.end - x.start);
    numbers.push(intern(x.text));
    numbers.push(intern(x.id));
    numbers.push(CODES.types.indexOf(x.type));
    numbers.push(CODES.sources.indexOf(x.source));
    numbers.push(entity);
    numbers.push(x.value === undefined ? 0 : x.value === null ? 1 : intern(x.value) + 2);
    numbers.push(x.precision === undefined ? 0 : CODES.precisions.indexOf(x.precision) + 1);
    numbers.push(optional(x.note));
    numbers.push((x.reviewed ? REVIEWED : 0) | (x.valueFixed ? VALUE_FIXED : 0));
  }
  for (const x of article.rejections ?? []) {
    numbers.push(x.start);
    numbers.push(x.end - x.start);
  }
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
  const body = numbers.read(count);
  if (!body) return undefined;
  const entityList = entitiesValid(body, entities, count, strings.length);
  if (!entityList) return undefined;
  const annotationsEnd = entityList.end + annotations * STRIDE;
  if (annotationsEnd + rejections * 2 !== count || !annotationsValid(body, entityList.end, annotationsEnd, strings.length, entityList.types)) return undefined;
  return {
    path,
    sha256,
    stamp: { size, mtime },
    seen,
    encoded: { strings, referenceDate: date, text: numbers.text, at, count, entities, annotations, rejections },
  };
}

// The checks below run over every number of the snapshot, so they are written for speed: one pass, by index. A number
// decoded is an integer in 0..2^29 (a little more): "an index below n" is `v < n`, "an optional one" (its index + 1,
// or 0) `v <= n`. A rejection (start, length) is any two numbers (one past the text is turned down when it is used).

/**
 * The `count` entities' type codes (annotations point at entities by position) and where they end, or undefined when
 * they do not parse or do not fit in the `length` numbers decoded.
 */
function entitiesValid(e: Int32Array, count: number, length: number, strings: number): { types: number[]; end: number } | undefined {
  const types: number[] = [];
  let i = 0;
  for (let k = 0; k < count; k++) {
    if (i + HEAD > length) return undefined;
    const type = e[i + 1];
    const n = e[i + 5];
    if (i + HEAD + n > length || e[i] >= strings || !entityTypeCodes[type] || e[i + 2] >= strings || e[i + 3] > strings || e[i + 4] > strings) return undefined;
    for (let j = i + HEAD; j < i + HEAD + n; j++) if (e[j] >= strings) return undefined;
    types.push(type);
    i += HEAD + n;
  }
  return { types, end: i };
}

function annotationsValid(a: Int32Array, from: number, to: number, strings: number, entityTypes: readonly number[]): boolean {
  for (let i = from; i < to; i += STRIDE) {
    const type = a[i + 4];
    const entity = a[i + 6];
    if (a[i + 2] >= strings || a[i + 3] >= strings || type >= TYPES || a[i + 5] >= SOURCES) return false;
    if (entity !== 0 && !(entity <= entityTypes.length && entityTypes[entity - 1] === type)) return false;
    if (a[i + 7] > strings + 1 || a[i + 8] > PRECISIONS || a[i + 9] > strings || a[i + 10] >= FLAGS) return false;
  }
  return true;
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
