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
// never wrong); one behind by more than the margin weakens the rule, as it weakens git's. An article is taken from its
// record by snapshotTake.ts.
import { ANNOTATION_TYPES, DATE_PRECISIONS, type AnnotationSource } from '../types';
import type { CorpusArticle } from './types';

/** Bumped whenever the JSON form changes: a snapshot of another version is "no snapshot". */
export const SNAPSHOT_VERSION = 6;
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
 * annotations and entities are decoded (and checked) only when it is used (corpusArticleFromSnapshot, snapshotTake.ts).
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
  /** The body's checksum as written (snapshotNumbers.ts): checked when the article is taken. */
  check: number;
  entities: number;
  annotations: number;
  rejections: number;
}

export interface CorpusSnapshot {
  /** The host's clock when the snapshot was written. */
  writtenAt: number;
  /** What the host wrote with it (serializeCorpusSnapshot's `context`): a snapshot of another context is not used. */
  context: string;
  /** By article path, in the order they were written. */
  records: Map<string, SnapshotRecord>;
  /**
   * @internal The linking of the index it was written from (snapshotLinks.ts): two numbers per name that has
   * candidates (an article's place in `records`, a member's place among its members); undefined when not recorded.
   */
  links: Int32Array | undefined;
  /**
   * @internal The groups of several names that linking made, each its count of names then two numbers per name (as
   * in `links`), its names in linking order; recorded with `links` (undefined when it is not).
   */
  groups: Int32Array | undefined;
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

/** @internal The fewest characters an entity, an annotation and a rejection take (a number is one at least). */
export const MIN_ENTITY = 4;
export const MIN_ANNOTATION = 5;
export const MIN_REJECTION = 2;
