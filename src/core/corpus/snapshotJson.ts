// The corpus snapshot's form (private: the editor's cache in its own storage, no schema, never in the workspace): a
// line of JSON,
//   { "format": "news-annotator-corpus-snapshot", "version": 5, "writtenAt": ms, "context": the host's,
//     "codes": {types, sources, precisions},
//     "strings": [every id, name, alias, note, date value and reference date once],
//     "articles": [[path, sha256, sidecar size, sidecar mtime, seen, its body's checksum]],
//     "check": the checksum of the numbers but the bodies, and of the strings }
// then the numbers (snapshotNumbers.ts), for each article in order: its head (its reference date: a string's index
// + 1, 0 for none; how many entities, annotations and rejections it has; how many characters its body takes), then
// its body: the entities and the annotations (snapshot.ts: a kind number says which optional fields follow; the text
// as a string, so a name is stored and read once for the corpus; the entity as its position in the article's
// entities), the rejections (start, length). After the last article: the linking's record (snapshotLinks.ts), 0 when
// there is none, else 1 + its count of names that have candidates, then two numbers per name (an article's place, a
// member's place); then its count of groups of several names, and for each its count of names and two numbers per name.
// The numbers out of the JSON and the strings interned make it a fraction of the sidecars' size and quick to read:
// the annotations' quote selectors are left out (the article text holds the context). Reading is strict: anything
// that does not fit the JSON part or the heads (another version, another code table, a checksum that differs, a
// count the body has no room for) makes the whole snapshot "no snapshot" when it is parsed; a body is decoded and
// checked when its article is taken (its checksum differs, a string index out of range, an entity not listed: that
// record is not used). Either way, never a wrong index. (A body of the right checksum that does not decode was
// written by no build.)
import type { Span } from '../types';
import type { Corpus } from './corpus';
import { linksOf } from './snapshotLinks';
import type { CorpusArticle } from './types';
import {
  ARTICLE_HEAD,
  CODES,
  FLAG_SHIFT,
  HAS_ENTITY_NOTE,
  HAS_EXTERNAL_ID,
  HAS_NOTE,
  HAS_PRECISION,
  HAS_VALUE,
  MIN_ANNOTATION,
  MIN_ENTITY,
  MIN_REJECTION,
  NO_ENTITY,
  REVIEWED,
  SNAPSHOT_VERSION,
  SOURCE_SHIFT,
  VALUE_FIXED,
  type CorpusSnapshot,
  type SnapshotEntry,
  type SnapshotRecord,
} from './snapshot';
import { NumberDecoder, NumberWriter, numbersChecksum, stringsChecksum, widthOf } from './snapshotNumbers';

const FORMAT = 'news-annotator-corpus-snapshot';
const HEX64 = /^[0-9a-f]{64}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The snapshot of `entries` (articles indexed from their sidecar files), written at `writtenAt` (host clock), with
 * the host's `context` (what else the records depend on: where the sidecars are, say; compared by the host). An
 * article whose annotations' text is not the slice of its text they point at is left out: the record could not
 * give it back as it is. With the `corpus` the entries' articles are from, when they are all of its articles (each
 * written), its linking is recorded too (snapshotLinks.ts: indexing them again from the snapshot is then quicker).
 */
export function serializeCorpusSnapshot(entries: Iterable<SnapshotEntry>, writtenAt: number, context = '', corpus?: Corpus): string {
  const writer = new CorpusSnapshotWriter(entries, writtenAt, context, corpus);
  for (;;) {
    const text = writer.step(() => false);
    if (text !== undefined) return text;
  }
}

/**
 * serializeCorpusSnapshot a part at a time, for a host that must not be held up (some 0.1 s for 2,000 articles): each
 * step writes articles until `timeUp` says so (one at least); the linking's record and the text take a step each. The
 * entries are taken when it is made; the linking is recorded only if the corpus still holds exactly the articles
 * written when it is reached (else none: the snapshot is still right, re-indexing from it only links in full).
 */
export class CorpusSnapshotWriter {
  private readonly entries: SnapshotEntry[];
  private next = 0;
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly numbers = new NumberWriter();
  private readonly heads: unknown[][] = [];
  private readonly written: CorpusArticle[] = [];
  private leftOut = false;
  private linked = false;
  /**
   * The checksum of the numbers but the bodies (the heads, then the linking's record), as they are written: what the
   * parse works out as it reads them (checksumsOf), continued over the strings table when the text is made.
   */
  private rest = numbersChecksum('');

  constructor(
    entries: Iterable<SnapshotEntry>,
    private readonly writtenAt: number,
    private readonly context = '',
    private readonly corpus?: Corpus,
  ) {
    this.entries = [...entries];
  }

  /** Writes more of the snapshot; its text once it is all written, else undefined (call again). */
  step(timeUp: () => boolean): string | undefined {
    const intern = (s: string): number => {
      let i = this.index.get(s);
      if (i === undefined) {
        i = this.strings.length;
        this.strings.push(s);
        this.index.set(s, i);
      }
      return i;
    };
    const numbers = this.numbers;
    // a part begins while the time is not up, and one part always (each step gets somewhere)
    let worked = false;
    const up = () => worked && timeUp();
    while (this.next < this.entries.length) {
      if (up()) return undefined;
      worked = true;
      const { article, stamp, seen } = this.entries[this.next++];
      const mark = numbers.length;
      const body = fitsItsText(article) ? numbersOf(article, numbers, intern) : -1;
      if (body === -1) {
        numbers.length = mark;
        this.leftOut = true;
      } else {
        // the head's characters go into the rest's checksum, the body's into its own
        this.rest = numbers.checksum(mark, body, this.rest);
        this.heads.push([article.path, article.sha256, stamp.size, stamp.mtime, seen, numbers.checksum(body, numbers.length)]);
        this.written.push(article);
      }
    }
    if (!this.linked) {
      // (it works out which names have candidates: a step of its own, as the text's)
      if (worked) return undefined;
      worked = true;
      this.linked = true;
      const links = this.corpus === undefined || this.leftOut ? undefined : linksOf(this.corpus, this.written);
      const mark = numbers.length;
      numbers.push(links === undefined ? 0 : links.joining.length / 2 + 1);
      if (links !== undefined) {
        for (const n of links.joining) numbers.push(n);
        numbers.push(links.groups.length);
        for (const group of links.groups) {
          numbers.push(group.length / 2);
          for (const n of group) numbers.push(n);
        }
      }
      this.rest = numbers.checksum(mark, numbers.length, this.rest);
    }
    if (worked) return undefined;
    const text = numbers.toString();
    const check = stringsChecksum(this.strings, this.rest);
    const { writtenAt, context, strings } = this;
    // the numbers after the JSON, not in it: JSON.parse scans a long string's characters more slowly than they are read
    return `${JSON.stringify({ format: FORMAT, version: SNAPSHOT_VERSION, writtenAt, context, codes: CODES, strings, articles: this.heads, check })}\n${text}`;
  }
}

/** The numbers of an article's body, made again for each (serializeCorpusSnapshot writes its head first). */
const body: number[] = [];

/** Writes the article's numbers; where its body starts, or -1 when it has an annotation of an entity it does not list (left out). */
function numbersOf(article: CorpusArticle, numbers: NumberWriter, intern: (s: string) => number): number {
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
    if (entity === undefined) return -1;
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
  let length = 0;
  for (const n of body) length += widthOf(n);
  numbers.push(length);
  const from = numbers.length;
  for (const n of body) numbers.push(n);
  return from;
}

/** Whether the article's spans are spans of its text (integers, forwards: the numbers written are a start and a length). */
function fitsItsText(article: CorpusArticle): boolean {
  const { text } = article;
  const span = (x: Span) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.start <= x.end && x.end <= text.length;
  for (const a of article.annotations) if (!span(a) || text.slice(a.start, a.end) !== a.text) return false;
  for (const r of article.rejections ?? []) if (!span(r)) return false;
  return true;
}

/**
 * @internal The checksums of the numbers' `text` of `articles` articles, found by walking it as the parse does: each
 * article's body's, and the rest's (the heads and the linking's record) continued over the strings table; undefined
 * when the text does not walk (a count or a length past its end).
 */
export function checksumsOf(text: string, articles: number, strings: readonly string[]): { check: number; bodies: number[] } | undefined {
  const numbers = new NumberDecoder(text, 0);
  const bodies: number[] = [];
  for (let i = 0; i < articles; i++) {
    const head = numbers.read(ARTICLE_HEAD);
    if (!head) return undefined;
    const from = numbers.at;
    if (!numbers.pass(head[4])) return undefined;
    bodies.push(numbersChecksum(text, from, numbers.at));
  }
  if (readLinks(numbers, undefined) === false) return undefined;
  return { check: stringsChecksum(strings, numbers.checksum), bodies };
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
  // by index: this runs once per load, before it is optimised, when a for-of allocates a result object per step (the
  // strings table holds tens of thousands of strings)
  for (let i = 0; i < strings.length; i++) if (typeof strings[i] !== 'string') return undefined;
  const numbers = new NumberDecoder(json, end + 1);
  const records = new Map<string, SnapshotRecord>();
  // each record's entity count, by its place (what the linking's record is checked against)
  const entities = new Int32Array(articles.length);
  for (let i = 0; i < articles.length; i++) {
    const record = recordOf(articles[i], strings as string[], writtenAt, numbers);
    if (!record || records.has(record.path)) return undefined;
    records.set(record.path, record);
    entities[i] = record.encoded.entities;
  }
  const linking = readLinks(numbers, entities);
  if (linking === false) return undefined;
  // every number read, and none changed but in the bodies (nor a string): a body's own checksum is checked when its
  // article is taken
  if (numbers.at !== json.length || stringsChecksum(strings as string[], numbers.checksum) !== check) return undefined;
  return { writtenAt, context, records, links: linking?.links, groups: linking?.groups };
}

/**
 * The linking's record (snapshotLinks.ts) after the articles: undefined when none, false when it does not walk or
 * does not fit them (`entities`: each record's entity count, by place; undefined: only walked, as checksumsOf does).
 */
function readLinks(numbers: NumberDecoder, entities: Int32Array | undefined): { links: Int32Array; groups: Int32Array } | undefined | false {
  const head = numbers.read(1);
  if (!head) return false;
  const names = head[0] - 1;
  if (names === -1) return undefined;
  const list = numbers.read(names * 2);
  if (!list || !fits(list, names * 2, 0, entities)) return false;
  const links = list.slice(0, names * 2);
  const head2 = numbers.read(1);
  if (!head2) return false;
  // (read into a list the next read overwrites: the count kept first)
  const count = head2[0];
  // the groups kept as read: each its count of names (two at least) then its names' numbers
  const groups: number[] = [];
  for (let g = 0; g < count; g++) {
    const size = numbers.read(1);
    if (!size || size[0] < 2) return false;
    const k = size[0];
    const pairs = numbers.read(k * 2);
    if (!pairs || !fits(pairs, k * 2, 0, entities)) return false;
    groups.push(k);
    for (let i = 0; i < k * 2; i++) groups.push(pairs[i]);
  }
  return { links, groups: Int32Array.from(groups) };
}

/** Whether the `length` numbers from `from` are pairs of an article's place among the records and a member's among its entities. */
function fits(list: Int32Array, length: number, from: number, entities: Int32Array | undefined): boolean {
  if (entities === undefined) return true;
  // (an entity without mentions is no member: the place is checked against the entities, the member when used)
  for (let i = from; i < from + length; i += 2) if (!(list[i] < entities.length && list[i + 1] < entities[list[i]])) return false;
  return true;
}

/**
 * The record of `x`, an article's fields, whose head `numbers` decodes next; its body is passed over (its checksum
 * kept): corpusArticleFromSnapshot decodes and checks it when the article is taken, and most records of a large
 * snapshot are taken once, so one pass over each body is enough (a record never taken is never decoded).
 */
function recordOf(x: unknown, strings: readonly string[], writtenAt: number, numbers: NumberDecoder): SnapshotRecord | undefined {
  if (!Array.isArray(x) || x.length !== 6) return undefined;
  // (by index: destructuring runs the array's iterator, objects made for each of 2,000 records)
  const path: unknown = x[0];
  const sha256: unknown = x[1];
  const size: unknown = x[2];
  const mtime: unknown = x[3];
  const seen: unknown = x[4];
  const check: unknown = x[5];
  if (typeof path !== 'string' || path === '' || typeof sha256 !== 'string' || !HEX64.test(sha256)) return undefined;
  if (!isCount(size) || !isTime(mtime) || !isTime(seen) || seen > writtenAt || !isChecksum(check)) return undefined;
  const head = numbers.read(ARTICLE_HEAD);
  if (!head) return undefined;
  // (by index: destructuring a typed array runs its iterator)
  const date = head[0];
  const entities = head[1];
  const annotations = head[2];
  const rejections = head[3];
  const length = head[4];
  if (date !== 0 && !(date <= strings.length && ISO_DAY.test(strings[date - 1]))) return undefined;
  // the lists are made at the counts' size when taken: counts the body has no room for are turned down here
  if (entities * MIN_ENTITY + annotations * MIN_ANNOTATION + rejections * MIN_REJECTION > length) return undefined;
  const at = numbers.at;
  if (!numbers.pass(length)) return undefined;
  return {
    path,
    sha256,
    stamp: { size, mtime },
    seen,
    encoded: { strings, referenceDate: date, text: numbers.text, at, length, check, entities, annotations, rejections },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A checksum as written: a 32-bit signed integer (Math.imul's). */
const isChecksum = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31;

/** The code tables the snapshot was written with are this build's (a reordering would misread every record). */
function sameCodes(v: unknown): boolean {
  if (!isObject(v)) return false;
  const same = (x: unknown, y: readonly string[]) => Array.isArray(x) && x.length === y.length && x.every((s, i) => s === y[i]);
  return same(v.types, CODES.types) && same(v.sources, CODES.sources) && same(v.precisions, CODES.precisions) && Object.keys(v).length === 3;
}
