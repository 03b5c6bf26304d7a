// The corpus snapshot's JSON form (private: the editor's cache in its own storage, no schema, never in the workspace):
//   { "format": "news-annotator-corpus-snapshot", "version": 1, "writtenAt": ms, "context": the host's,
//     "codes": {types, sources, precisions},
//     "strings": [every id, name, alias, note, date value and reference date once],
//     "articles": [[path, sha256, sidecar size, sidecar mtime, seen, referenceDate, annotations, entities, rejections]] }
// where annotations are 11 numbers each (snapshot.ts: ANNOTATION_STRIDE; the text as a string, so a name is stored and
// read once for the corpus; the entity as its position in the article's entities), entities 6 numbers and their
// aliases, rejections start and end.
// Numbers in flat arrays and strings interned make it a fraction of the sidecars' size and quick to parse: the
// annotations' quote selectors are left out (the article text holds the context). Parsing is strict:
// anything that does not fit (another version, another code table, a string index out of range, a span backwards)
// makes the whole snapshot "no snapshot", never a wrong index.
import type { CorpusArticle } from './types';
import {
  ABSENT as ABSENT_CODE,
  ANNOTATION_STRIDE,
  CODES,
  isEntityTypeCode,
  NULL as NULL_CODE,
  REVIEWED as REVIEWED_FLAG,
  SNAPSHOT_VERSION,
  VALUE_FIXED as VALUE_FIXED_FLAG,
  type CorpusSnapshot,
  type SnapshotEntry,
  type SnapshotRecord,
} from './snapshot';

const FORMAT = 'news-annotator-corpus-snapshot';
// copied into this module once: the checks read them for every number, and an imported binding can be a getter call
// (a CommonJS build's), which the loops would pay millions of times
const ABSENT = ABSENT_CODE;
const NULL = NULL_CODE;
const REVIEWED = REVIEWED_FLAG;
const VALUE_FIXED = VALUE_FIXED_FLAG;
const STRIDE = ANNOTATION_STRIDE;
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
  const optional = (s: string | undefined) => (s === undefined ? ABSENT : intern(s));
  const out: unknown[] = [];
  articles: for (const { article, stamp, seen } of entries) {
    if (!fitsItsText(article)) continue;
    const at = new Map(article.entities.map((e, i) => [e.id, i] as const));
    const a: number[] = [];
    for (const x of article.annotations) {
      const entity = x.entity === undefined ? ABSENT : at.get(x.entity);
      // the sidecar's validation forbids an annotation of an entity it does not list: such an article is left out
      if (entity === undefined) continue articles;
      a.push(x.start, x.end, intern(x.text), intern(x.id), CODES.types.indexOf(x.type), CODES.sources.indexOf(x.source), entity);
      a.push(x.value === undefined ? ABSENT : x.value === null ? NULL : intern(x.value));
      a.push(x.precision === undefined ? ABSENT : CODES.precisions.indexOf(x.precision), optional(x.note));
      a.push((x.reviewed ? REVIEWED : 0) | (x.valueFixed ? VALUE_FIXED : 0));
    }
    const e: number[] = [];
    for (const x of article.entities) {
      e.push(intern(x.id), CODES.types.indexOf(x.type), intern(x.name), optional(x.externalId), optional(x.note), x.aliases.length);
      for (const alias of x.aliases) e.push(intern(alias));
    }
    const r: number[] = [];
    for (const x of article.rejections ?? []) r.push(x.start, x.end);
    const date = article.referenceDate === null ? NULL : intern(article.referenceDate);
    out.push([article.path, article.sha256, stamp.size, stamp.mtime, seen, date, a, e, r]);
  }
  return JSON.stringify({ format: FORMAT, version: SNAPSHOT_VERSION, writtenAt, context, codes: CODES, strings, articles: out });
}

function fitsItsText(article: CorpusArticle): boolean {
  for (const a of article.annotations) if (a.end > article.text.length || article.text.slice(a.start, a.end) !== a.text) return false;
  for (const r of article.rejections ?? []) if (r.end > article.text.length) return false;
  return true;
}

/** The snapshot in `json`, or undefined when it is not one this build wrote (corrupt, truncated, another version). */
export function parseCorpusSnapshot(json: string): CorpusSnapshot | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.format !== FORMAT || data.version !== SNAPSHOT_VERSION || !sameCodes(data.codes)) return undefined;
  const { writtenAt, context, strings, articles } = data;
  if (!isTime(writtenAt) || typeof context !== 'string' || !Array.isArray(strings) || !Array.isArray(articles)) return undefined;
  for (const s of strings) if (typeof s !== 'string') return undefined;
  const records = new Map<string, SnapshotRecord>();
  for (const x of articles) {
    const record = recordOf(x, strings as string[], writtenAt);
    if (!record || records.has(record.path)) return undefined;
    records.set(record.path, record);
  }
  return { writtenAt, context, records };
}

function recordOf(x: unknown, strings: readonly string[], writtenAt: number): SnapshotRecord | undefined {
  if (!Array.isArray(x) || x.length !== 9) return undefined;
  const [path, sha256, size, mtime, seen, date, a, e, r] = x as unknown[];
  if (typeof path !== 'string' || path === '' || typeof sha256 !== 'string' || !HEX64.test(sha256)) return undefined;
  if (!isCount(size) || !isTime(mtime) || !isTime(seen) || seen > writtenAt) return undefined;
  if (date !== NULL && !(isIndex(date, strings.length) && ISO_DAY.test(strings[date]))) return undefined;
  if (!Array.isArray(a) || !Array.isArray(e) || !Array.isArray(r)) return undefined;
  const entityTypes = entitiesValid(e, strings.length);
  if (!entityTypes || !annotationsValid(a, strings.length, entityTypes) || !spansValid(r)) return undefined;
  return { path, sha256, stamp: { size, mtime }, seen, encoded: { strings, referenceDate: date, annotations: a, entities: e, rejections: r } };
}

// The checks below run over every number of the snapshot, so they are written for speed: one pass, by index, and
// `(v | 0) === v` for "an integer" (every number there is a small one; anything else, a string or null, fails it).

/** The entities' type codes in order (annotations point at entities by position), or undefined when the list does not parse. */
function entitiesValid(e: readonly number[], strings: number): number[] | undefined {
  const types: number[] = [];
  for (let i = 0; i < e.length;) {
    if (i + 6 > e.length) return undefined;
    const type = e[i + 1];
    const n = e[i + 5];
    if (!isIndex(e[i], strings) || !entityTypeCodes[type] || !isIndex(e[i + 2], strings)) return undefined;
    if (!isOptionalIndex(e[i + 3], strings) || !isOptionalIndex(e[i + 4], strings) || !isIndex(n, e.length - i - 5)) return undefined;
    for (let k = i + 6; k < i + 6 + n; k++) if (!isIndex(e[k], strings)) return undefined;
    types.push(type);
    i += 6 + n;
  }
  return types;
}

function annotationsValid(a: readonly number[], strings: number, entityTypes: readonly number[]): boolean {
  if (a.length % STRIDE !== 0) return false;
  for (let i = 0; i < a.length; i += STRIDE) {
    const start = a[i];
    const type = a[i + 4];
    const entity = a[i + 6];
    const value = a[i + 7];
    if (!isIndex(start, MAX_OFFSET) || !isIndex(a[i + 1] - start, MAX_OFFSET) || (a[i + 1] | 0) !== a[i + 1]) return false;
    if (!isIndex(a[i + 2], strings) || !isIndex(a[i + 3], strings) || !isIndex(type, TYPES) || !isIndex(a[i + 5], SOURCES)) return false;
    if (entity !== ABSENT && !(isIndex(entity, entityTypes.length) && entityTypes[entity] === type)) return false;
    if (value !== ABSENT && value !== NULL && !isIndex(value, strings)) return false;
    if (a[i + 8] !== ABSENT && !isIndex(a[i + 8], PRECISIONS)) return false;
    if (!isOptionalIndex(a[i + 9], strings) || !isIndex(a[i + 10], FLAGS)) return false;
  }
  return true;
}

const spansValid = (r: readonly number[]): boolean => {
  if (r.length % 2 !== 0) return false;
  for (let i = 0; i < r.length; i += 2) if (!isIndex(r[i], MAX_OFFSET) || !isIndex(r[i + 1] - r[i], MAX_OFFSET) || (r[i + 1] | 0) !== r[i + 1]) return false;
  return true;
};

/** Offsets are UTF-16 code units of one article: far below this. */
const MAX_OFFSET = 2 ** 30;
/** An integer in 0..n-1. */
const isIndex = (v: unknown, n: number): v is number => (v as number) >= 0 && (v as number) < n && ((v as number) | 0) === v;
const isOptionalIndex = (v: number, n: number) => v === ABSENT || isIndex(v, n);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The code tables the snapshot was written with are this build's (a reordering would misread every record). */
function sameCodes(v: unknown): boolean {
  if (!isObject(v)) return false;
  const same = (x: unknown, y: readonly string[]) => Array.isArray(x) && x.length === y.length && x.every((s, i) => s === y[i]);
  return same(v.types, CODES.types) && same(v.sources, CODES.sources) && same(v.precisions, CODES.precisions) && Object.keys(v).length === 3;
}
