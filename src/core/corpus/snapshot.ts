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
import { ANNOTATION_TYPES, DATE_PRECISIONS, ENTITY_TYPES, type Annotation, type AnnotationSource, type Entity, type EntityType, type Span } from '../types';
import type { CorpusArticle } from './types';

/** Bumped whenever the JSON form changes: a snapshot of another version is "no snapshot". */
export const SNAPSHOT_VERSION = 1;
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
 * One article's record read back: validated in shape; its annotations and entities are made into objects only when
 * it is used (corpusArticleFromSnapshot), since most of a large snapshot is numbers.
 */
export interface SnapshotRecord {
  path: string;
  sha256: string;
  stamp: SidecarStamp;
  seen: number;
  /** @internal The encoded annotations, entities and rejections (snapshotJson.ts) and the strings they point into. */
  readonly encoded: EncodedArticle;
}

/** @internal */
export interface EncodedArticle {
  strings: readonly string[];
  referenceDate: number;
  annotations: readonly number[];
  entities: readonly number[];
  rejections: readonly number[];
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

/** @internal One annotation's numbers: start, end, text, id, type, source, entity, value, precision, note, flags. */
export const ANNOTATION_STRIDE = 11;
/** @internal Absent (optional field), and null (a date's unresolved value). */
export const ABSENT = -1;
export const NULL = -2;
/** @internal flags */
export const REVIEWED = 1;
export const VALUE_FIXED = 2;

/**
 * The article the record stands for, with `text` (whose SHA-256 is the record's: the caller checked it). Undefined
 * when the record does not fit the text (a span past its end: a snapshot corrupt in a way its shape did not show).
 */
export function corpusArticleFromSnapshot(record: SnapshotRecord, text: string): CorpusArticle | undefined {
  const { strings, annotations: a, entities: e, rejections: r, referenceDate } = record.encoded;
  const entities: Entity[] = [];
  for (let i = 0; i < e.length;) {
    const n = e[i + 5];
    // the aliases' list made at its size (most have one alias: a list made empty then pushed to gets room for 17)
    const aliases = new Array<string>(n);
    for (let k = 0; k < n; k++) aliases[k] = strings[e[i + 6 + k]];
    const out: Entity = { id: strings[e[i]], type: CODES.types[e[i + 1]] as EntityType, name: strings[e[i + 2]], aliases };
    if (e[i + 3] !== ABSENT) out.externalId = strings[e[i + 3]];
    if (e[i + 4] !== ABSENT) out.note = strings[e[i + 4]];
    entities.push(out);
    i += 6 + n;
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < a.length; i += ANNOTATION_STRIDE) {
    const start = a[i];
    const end = a[i + 1];
    // the text interned (one string for every mention of a name in the corpus, none allocated here); the hash being
    // the same, the writer checked it is the text's slice: only its length is checked again, which costs nothing
    const quote = strings[a[i + 2]];
    if (end > text.length || quote.length !== end - start) return undefined;
    const out: Annotation = { id: strings[a[i + 3]], type: CODES.types[a[i + 4]], start, end, text: quote, source: CODES.sources[a[i + 5]] };
    if (a[i + 6] !== ABSENT) out.entity = entities[a[i + 6]].id;
    if (a[i + 7] !== ABSENT) out.value = a[i + 7] === NULL ? null : strings[a[i + 7]];
    if (a[i + 8] !== ABSENT) out.precision = CODES.precisions[a[i + 8]];
    if (a[i + 9] !== ABSENT) out.note = strings[a[i + 9]];
    if (a[i + 10] & REVIEWED) out.reviewed = true;
    if (a[i + 10] & VALUE_FIXED) out.valueFixed = true;
    annotations.push(out);
  }
  const rejections: Span[] = [];
  for (let i = 0; i < r.length; i += 2) {
    if (r[i + 1] > text.length) return undefined;
    rejections.push({ start: r[i], end: r[i + 1] });
  }
  return {
    path: record.path,
    text,
    sha256: record.sha256,
    referenceDate: referenceDate === NULL ? null : strings[referenceDate],
    annotations,
    entities,
    rejections,
  };
}

/** @internal Whether a code is an entity type's. */
export const isEntityTypeCode = (code: number): boolean => (ENTITY_TYPES as readonly string[]).includes(CODES.types[code]);
