// The corpus snapshot's JSON form (private: the editor's cache in its own storage, no schema, never in the workspace):
//   { "format": "news-annotator-corpus-snapshot", "version": 1, "writtenAt": ms, "codes": {types, sources, precisions},
//     "strings": [every id, name, alias, note, date value and reference date once],
//     "articles": [[path, sha256, sidecar size, sidecar mtime, seen, referenceDate, annotations, entities, rejections]] }
// Numbers in flat arrays and strings interned make it a fraction of the sidecars' size and quick to parse: the
// annotations' text is left out (the article text holds it) and so are their quote selectors. Parsing is strict:
// anything that does not fit (another version, another code table, a string index out of range, a span backwards)
// makes the whole snapshot "no snapshot", never a wrong index.
import type { CorpusArticle } from './types';
import {
  ABSENT,
  ANNOTATION_STRIDE,
  CODES,
  isEntityTypeCode,
  NULL,
  REVIEWED,
  SNAPSHOT_VERSION,
  VALUE_FIXED,
  type CorpusSnapshot,
  type SnapshotEntry,
  type SnapshotRecord,
} from './snapshot';

const FORMAT = 'news-annotator-corpus-snapshot';
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The snapshot of `entries` (articles indexed from their sidecar files), written at `writtenAt` (host clock). An
 * article whose annotations' text is not the slice of its text they point at is left out: the record could not
 * give it back as it is.
 */
export function serializeCorpusSnapshot(entries: Iterable<SnapshotEntry>, writtenAt: number): string {
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
  const articles: unknown[] = [];
  for (const { article, stamp, seen } of entries) {
    if (!fitsItsText(article)) continue;
    const a: number[] = [];
    for (const x of article.annotations) {
      a.push(x.start, x.end, intern(x.id), CODES.types.indexOf(x.type), CODES.sources.indexOf(x.source), optional(x.entity));
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
    articles.push([article.path, article.sha256, stamp.size, stamp.mtime, seen, date, a, e, r]);
  }
  return JSON.stringify({ format: FORMAT, version: SNAPSHOT_VERSION, writtenAt, codes: CODES, strings, articles });
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
  const { writtenAt, strings, articles } = data;
  if (!isTime(writtenAt) || !Array.isArray(strings) || !Array.isArray(articles)) return undefined;
  for (const s of strings) if (typeof s !== 'string') return undefined;
  const records = new Map<string, SnapshotRecord>();
  for (const x of articles) {
    const record = recordOf(x, strings as string[], writtenAt);
    if (!record || records.has(record.path)) return undefined;
    records.set(record.path, record);
  }
  return { writtenAt, records };
}

function recordOf(x: unknown, strings: readonly string[], writtenAt: number): SnapshotRecord | undefined {
  if (!Array.isArray(x) || x.length !== 9) return undefined;
  const [path, sha256, size, mtime, seen, date, a, e, r] = x as unknown[];
  if (typeof path !== 'string' || path === '' || typeof sha256 !== 'string' || !HEX64.test(sha256)) return undefined;
  if (!isCount(size) || !isTime(mtime) || !isTime(seen) || seen > writtenAt) return undefined;
  if (date !== NULL && !(isIndex(date, strings) && ISO_DAY.test(strings[date]))) return undefined;
  if (!isIntArray(a) || !isIntArray(e) || !isIntArray(r)) return undefined;
  const entityTypes = entitiesValid(e, strings);
  if (!entityTypes || !annotationsValid(a, strings, entityTypes) || !spansValid(r)) return undefined;
  return { path, sha256, stamp: { size, mtime }, seen, encoded: { strings, referenceDate: date, annotations: a, entities: e, rejections: r } };
}

/** The entities' ids and type codes, or undefined when the list does not parse. */
function entitiesValid(e: readonly number[], strings: readonly string[]): Map<number, number> | undefined {
  const types = new Map<number, number>();
  for (let i = 0; i < e.length;) {
    if (i + 6 > e.length) return undefined;
    const id = e[i],
      type = e[i + 1],
      name = e[i + 2],
      externalId = e[i + 3],
      note = e[i + 4],
      n = e[i + 5];
    if (!isIndex(id, strings) || types.has(id) || !isEntityTypeCode(type) || !isIndex(name, strings)) return undefined;
    if (!isOptionalIndex(externalId, strings) || !isOptionalIndex(note, strings) || n < 0 || i + 6 + n > e.length) return undefined;
    for (let k = i + 6; k < i + 6 + n; k++) if (!isIndex(e[k], strings)) return undefined;
    types.set(id, type);
    i += 6 + n;
  }
  return types;
}

function annotationsValid(a: readonly number[], strings: readonly string[], entityTypes: Map<number, number>): boolean {
  if (a.length % ANNOTATION_STRIDE !== 0) return false;
  for (let i = 0; i < a.length; i += ANNOTATION_STRIDE) {
    // by index, not destructured from a slice: this loop runs over every annotation of the corpus
    const start = a[i],
      end = a[i + 1],
      id = a[i + 2],
      type = a[i + 3],
      source = a[i + 4];
    const entity = a[i + 5],
      value = a[i + 6],
      precision = a[i + 7],
      note = a[i + 8],
      flags = a[i + 9];
    if (start < 0 || end < start || !isIndex(id, strings) || !(type >= 0 && type < CODES.types.length)) return false;
    if (!(source >= 0 && source < CODES.sources.length) || !isOptionalIndex(note, strings) || flags < 0 || flags > (REVIEWED | VALUE_FIXED)) return false;
    if (entity !== ABSENT && entityTypes.get(entity) !== type) return false;
    if (value !== ABSENT && value !== NULL && !isIndex(value, strings)) return false;
    if (precision !== ABSENT && !(precision >= 0 && precision < CODES.precisions.length)) return false;
  }
  return true;
}

const spansValid = (r: readonly number[]): boolean => {
  if (r.length % 2 !== 0) return false;
  for (let i = 0; i < r.length; i += 2) if (r[i] < 0 || r[i + 1] < r[i]) return false;
  return true;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIndex = (v: unknown, strings: readonly string[]): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < strings.length;
const isOptionalIndex = (v: number, strings: readonly string[]) => v === ABSENT || isIndex(v, strings);

function isIntArray(v: unknown): v is number[] {
  if (!Array.isArray(v)) return false;
  for (const n of v) if (!Number.isInteger(n)) return false;
  return true;
}

/** The code tables the snapshot was written with are this build's (a reordering would misread every record). */
function sameCodes(v: unknown): boolean {
  if (!isObject(v)) return false;
  const same = (x: unknown, y: readonly string[]) => Array.isArray(x) && x.length === y.length && x.every((s, i) => s === y[i]);
  return same(v.types, CODES.types) && same(v.sources, CODES.sources) && same(v.precisions, CODES.precisions) && Object.keys(v).length === 3;
}
