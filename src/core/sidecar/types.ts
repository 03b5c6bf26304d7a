// The sidecar file (`<article>.annotations.json`): the product's memory of an article's annotations.
// Keep media/sidecar.schema.json, README and this file in step.
import type { QuoteSelector } from '../anchor';
import type { Annotation, AnnotationType, Entity, ReferenceDateSource } from '../types';

/** The format version this build writes. Versions 1 and 2 are read and migrated (./migrate.ts); newer ones are refused. */
export const SIDECAR_VERSION = 3;

export interface SidecarDocument {
  /** The article's file name (base name, no folder). */
  file: string;
  /** SHA-256 of the article text (UTF-8), lowercase hex. */
  sha256: string;
  /** Length of the article text in UTF-16 code units. */
  length: number;
  /** YYYY-MM-DD or null: the reference date in force. */
  referenceDate: string | null;
  /** Who set the reference date; null when there is none. */
  referenceDateSource: ReferenceDateSource | null;
}

/**
 * An annotation as stored: the analysis' Annotation plus its quote selector (text, prefix, suffix), so it can be
 * re-anchored after edits. A stored date's `precision` is format version 2 (derived from the value when a version 1
 * file is read).
 */
export interface SidecarAnnotation extends Annotation, QuoteSelector {}

/** An auto annotation the user removed: re-analysis must not bring it back. */
export interface Rejection extends QuoteSelector {
  type: AnnotationType;
  start: number;
  end: number;
}

/** A stored annotation whose text could not be found again after the article changed. Never dropped silently. */
export interface Orphan extends SidecarAnnotation {
  /** When it was orphaned (ISO timestamp). */
  orphanedAt: string;
}

export interface Sidecar {
  $schema?: string;
  version: typeof SIDECAR_VERSION;
  /** What wrote it: "news-annotator <version>". */
  generator: string;
  document: SidecarDocument;
  entities: Entity[];
  annotations: SidecarAnnotation[];
  rejections: Rejection[];
  orphans: Orphan[];
}

/** Why a sidecar could not be used or written. */
export type SidecarErrorKind =
  /** The file is not valid JSON. */
  | 'invalid-json'
  /** Valid JSON that does not match media/sidecar.schema.json (or its cross-field rules). */
  | 'invalid-schema'
  /** Written by a newer News Annotator: left alone. */
  | 'future-version'
  /** It changed on disk since it was read (another editor, git, a racing save): not overwritten. */
  | 'conflict'
  /** Reading, writing or backing up failed (permissions, disk full, a folder in the way). */
  | 'io';

/** A problem with one sidecar file, worded so it can be shown to the user as is (`message`). */
export class SidecarError extends Error {
  constructor(
    readonly kind: SidecarErrorKind,
    /** The sidecar file concerned. */
    readonly file: string,
    /** What is wrong, e.g. `annotations[3].end: must be >= start`. */
    readonly reason: string,
    /** Where the unusable file was copied before anything else happened, if it was. */
    readonly backup?: string,
  ) {
    super(`${file}: ${reason}${backup ? ` (kept as is; a copy is in ${backup})` : ''}`);
    this.name = 'SidecarError';
  }
}
