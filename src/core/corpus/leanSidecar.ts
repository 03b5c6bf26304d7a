// Indexing a corpus reads thousands of sidecars, and JSON.parse of them all was most of the time it took: it builds
// every string of the file (each annotation's context, every rejection and orphan) that the index never keeps. Our
// sidecars are written by serializeSidecar in one fixed layout, so this reader matches that exact layout
// (./sidecarLayout.ts) and builds only what a CorpusArticle holds, with the validator's rules across fields
// (../sidecar/quickCheck.ts). The annotations' text is compared with the article text and taken from it.
//
// It is a shortcut, never a second opinion: it returns undefined (not lean-readable) for anything it does not fully
// recognise (another layout or key order, an older version, a field it does not know, a text that is not the
// article's) or that is not valid, and the caller then takes the full path (parseSidecar and
// corpusArticleFromSidecar), which migrates old versions and words the errors. What it returns is deep-equal to what
// the full path gives. test/unit/core/corpus/leanSidecar.test.ts checks both agree, at random too.
import { isIsoDay } from '../dates/calendar';
import { parseSidecar } from '../sidecar/validate';
import {
  DATE_PRECISIONS,
  type Annotation,
  type AnnotationSource,
  type AnnotationType,
  type DatePrecision,
  type Entity,
  type EntityType,
  type Span,
} from '../types';
import { corpusArticleFromSidecar } from './article';
import { ANNOTATION, ENTITY, HEAD, ORPHAN, REJECTION } from './sidecarLayout';
import type { CorpusArticle } from './types';

/** Thrown at the first thing the lean reader does not take; caught in leanCorpusArticle. */
const NOT_LEAN = new Error('not lean-readable');

/**
 * A string of its own. A slice of a long string keeps the whole of it alive (V8 makes slices of 13 or more code
 * units views into their parent): a name sliced from a sidecar's text would keep that whole text in memory for as
 * long as the index holds the name. Concatenating and slicing again makes V8 flatten a new string first (the known
 * workaround, V8 issue 2869); shorter slices are copies already.
 */
const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** A string's content as matched (escapes still written), decoded; JSON.parse makes a new string. */
const decoded = (raw: string): string => (raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : detached(raw));

/**
 * The type or source matched (one of the layout's words), as the shared literal: a matched group is a new string
 * every time, and thousands of copies of "person" are memory for nothing.
 */
function typeOf(raw: string): AnnotationType {
  switch (raw.charCodeAt(0)) {
    case 112: // p
      return raw.length === 6 ? 'person' : 'place';
    case 111: // o
      return 'organization';
    default:
      return 'date';
  }
}
const sourceOf = (raw: string): AnnotationSource => (raw.charCodeAt(0) === 97 ? 'auto' : 'manual');
const PRECISION = new Map<string, DatePrecision>(DATE_PRECISIONS.map(p => [p, p]));

/** Reads `sidecar` from `pos`: literals and list items, each matched where the last one ended. */
class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  expect(literal: string): void {
    if (!this.src.startsWith(literal, this.pos)) throw NOT_LEAN;
    this.pos += literal.length;
  }

  accept(literal: string): boolean {
    if (!this.src.startsWith(literal, this.pos)) return false;
    this.pos += literal.length;
    return true;
  }

  match(re: RegExp): RegExpExecArray {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (m === null) throw NOT_LEAN;
    this.pos = re.lastIndex;
    return m;
  }

  /** A top-level list (`[]`, or items one per line), then `after`. */
  list<T>(item: () => T, after: string): T[] {
    const out: T[] = [];
    if (!this.accept('[]')) {
      this.expect('[');
      do out.push(item());
      while (this.accept(','));
      this.expect('\n  ]');
    }
    this.expect(after);
    return out;
  }
}

/**
 * The article as its sidecar describes it, read straight from the sidecar's text (`sidecar`) when that text is
 * exactly as serializeSidecar writes it and valid; undefined otherwise (then take the full path). The caller still
 * compares `sha256` with the article text's, as for the full path.
 */
export function leanCorpusArticle(path: string, text: string, sidecar: string): CorpusArticle | undefined {
  try {
    return read(new Reader(sidecar), path, text);
  } catch (e) {
    if (e === NOT_LEAN) return undefined;
    throw e;
  }
}

/**
 * The article from its sidecar's text: read lean when it can be, else through parseSidecar and
 * corpusArticleFromSidecar, which throw parseSidecar's SidecarError (naming `file`) for a sidecar that is not valid.
 */
export function corpusArticleFromSidecarText(path: string, text: string, sidecar: string, file: string): CorpusArticle {
  return leanCorpusArticle(path, text, sidecar) ?? corpusArticleFromSidecar(path, text, parseSidecar(sidecar, file));
}

function read(r: Reader, path: string, text: string): CorpusArticle {
  const head = r.match(HEAD);
  const length = Number(head[2]);
  const referenceDate = head[3] === 'null' ? null : head[3].slice(1, -1);
  if (referenceDate !== null && !isIsoDay(referenceDate)) throw NOT_LEAN;
  const entities = r.list(() => entity(r.match(ENTITY)), ',\n  "annotations": ');
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    if (byId.has(e.id)) throw NOT_LEAN;
    byId.set(e.id, e);
  }
  const ids = new Set<string>();
  const annotations = r.list(() => annotation(r.match(ANNOTATION), text, length, byId, ids), ',\n  "rejections": ');
  const rejections = r.list(() => rejection(r.match(REJECTION), length), ',\n  "orphans": ');
  r.list(() => orphan(r.match(ORPHAN), byId, ids), '\n}');
  // the final newline serializeSidecar writes; nothing else may follow
  r.accept('\n');
  if (r.pos !== r.src.length) throw NOT_LEAN;
  return { path, text, sha256: detached(head[1]), referenceDate, annotations, entities, rejections };
}

const ALIASES_OPEN = '[\n        "'.length;
const ALIASES_CLOSE = '"\n      ]'.length;
const ALIASES_BETWEEN = '",\n        "';

function entity(m: RegExpExecArray): Entity {
  // `[\n        "a",\n        "b"\n      ]`: the strings between the quotes (matched as strings, so no raw `"` within)
  const aliases = m[4] === '[]' ? [] : m[4].slice(ALIASES_OPEN, -ALIASES_CLOSE).split(ALIASES_BETWEEN).map(decoded);
  const e: Entity = { id: decoded(m[1]), type: typeOf(m[2]) as EntityType, name: decoded(m[3]), aliases };
  if (m[5] !== undefined) e.externalId = decoded(m[5]);
  if (m[6] !== undefined) e.note = decoded(m[6]);
  return e;
}

/**
 * The fields an annotation and an orphan share (matched by ANNOTATION or ORPHAN), with the validator's rules across
 * them: `end` not before `start` nor past the text (`length`, -1 for an orphan), ids unique across both lists, a
 * date's own fields only on dates, an entity that exists and has the annotation's type.
 */
function common(m: RegExpExecArray, length: number, byId: ReadonlyMap<string, Entity>, ids: Set<string>): Annotation {
  const id = decoded(m[1]);
  const type = typeOf(m[2]);
  const start = Number(m[3]);
  const end = Number(m[4]);
  if (end < start || (length >= 0 && end > length) || ids.has(id)) throw NOT_LEAN;
  ids.add(id);
  const a: Annotation = { id, type, start, end, text: '', source: sourceOf(m[6]) };
  if (m[7] !== undefined) {
    const e = byId.get(decoded(m[7]));
    if (type === 'date' || e === undefined || e.type !== type) throw NOT_LEAN;
    a.entity = e.id;
  }
  if (m[8] !== undefined) a.value = m[8] === 'null' ? null : decoded(m[8].slice(1, -1));
  if (m[9] !== undefined) {
    if (type !== 'date' || typeof a.value !== 'string') throw NOT_LEAN;
    a.precision = PRECISION.get(m[9]);
  }
  if (m[10] !== undefined) a.note = decoded(m[10]);
  if (m[11] !== undefined) a.reviewed = true;
  if (m[12] !== undefined) {
    if (type !== 'date') throw NOT_LEAN;
    a.valueFixed = true;
  }
  return a;
}

/** An annotation: its `text` must be the article's at its span (it is then taken from the article). */
function annotation(m: RegExpExecArray, text: string, length: number, byId: ReadonlyMap<string, Entity>, ids: Set<string>): Annotation {
  const a = common(m, length, byId, ids);
  const raw = m[5];
  const same = raw.includes('\\') ? decoded(raw) === text.slice(a.start, a.end) : raw.length === a.end - a.start && text.startsWith(raw, a.start);
  if (!same) throw NOT_LEAN;
  a.text = text.slice(a.start, a.end);
  return a;
}

/** A rejection: only its span is kept. */
function rejection(m: RegExpExecArray, length: number): Span {
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start || end > length) throw NOT_LEAN;
  return { start, end };
}

/** An orphan: nothing of it is kept, but it must be valid (its id counts among the annotations' too). */
function orphan(m: RegExpExecArray, byId: ReadonlyMap<string, Entity>, ids: Set<string>): void {
  // orphans describe text that is no longer there: their offsets are historical, so no bound check (-1)
  common(m, -1, byId, ids);
}
