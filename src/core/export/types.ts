// What every exporter takes and gives back. Exporters are pure: the callers (CLI, editor command) read and write files.
import type { Sidecar } from '../sidecar/types';

/** One article and its annotations, as read from `<article>` and `<article>.annotations.json`. */
export interface ExportInput {
  /** The article's base name (`000_a57557e610cf5658.txt`). */
  fileName: string;
  /** The article text the sidecar's offsets refer to. */
  text: string;
  sidecar: Sidecar;
  /**
   * IRI of the article for W3C Web Annotation targets (`file:///…`, `https://…`, or relative to where the export is
   * written). Default: the file name as a relative IRI, right when the export is written beside the article.
   */
  uri?: string;
}

export interface ExportResult {
  /** The main file (`.jsonld`, `.ann`, `.conll`, `.jsonl`, `.csv`). */
  content: string;
  /** Files that go beside the main one under the same base name (brat needs the article text as `.txt`). */
  companions: { extension: string; content: string }[];
  /** What the format could not carry (stale or overlapping annotations), worded for the user. */
  warnings: string[];
}

export type ExportFormatId = 'w3c' | 'brat' | 'conll' | 'jsonl-spacy' | 'jsonl-doccano' | 'csv';

export interface ExportFormat {
  id: ExportFormatId;
  /** Shown in the editor's quick pick. */
  label: string;
  /** One line on what reads it. */
  description: string;
  /** Of the main file, with the dot. */
  extension: string;
  /** The ending of default file names when it is more than the extension (two JSONL flavours: `.spacy.jsonl`). */
  nameSuffix?: string;
  /** False when one file holds one article only (brat): several articles then need one export each. */
  multiDocument: boolean;
  export(inputs: readonly ExportInput[]): ExportResult;
}
