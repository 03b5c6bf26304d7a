// One line of `news-annotator stream`: the JSON record read, checked, and annotated exactly as `annotate` annotates
// an article that has no sidecar yet (the same annotateArticle run, with nothing stored and nothing written).
import {
  analyze,
  annotateArticle,
  ANNOTATION_TYPES,
  canonicalSidecar,
  isIsoDay,
  type AnnotationType,
  type Entity,
  type Lexicon,
  type SidecarAnnotation,
  type SidecarStorage,
} from '../core';
import { GENERATOR } from './version';

/** An input line: `{"id", "text", "referenceDate"?, "lexicon"?}`. */
export interface StreamInput {
  id: string | number;
  text: string;
  referenceDate?: string;
  lexicon?: Lexicon;
}

/** An output line: the sidecar's model without its file fields (name, hash, length, versions). */
export interface StreamResult {
  id: string | number;
  annotations: SidecarAnnotation[];
  entities: Entity[];
  referenceDate: string | null;
}

/** The output line for an input line that could not be used; `id` is null when it could not be read. */
export interface StreamError {
  id: string | number | null;
  error: string;
}

export type ParsedLine = { ok: true; input: StreamInput } | { ok: false; failure: StreamError };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one input line; `lineNumber` (1-based) is named in errors so the user can find the line. */
export function parseStreamLine(line: string, lineNumber: number): ParsedLine {
  const fail = (id: StreamInput['id'] | null, reason: string): ParsedLine => ({ ok: false, failure: { id, error: `line ${lineNumber}: ${reason}` } });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return fail(null, `not JSON (${(e as Error).message})`);
  }
  if (!isObject(value)) return fail(null, 'not a JSON object: expected {"id", "text", "referenceDate"?, "lexicon"?}');
  const { id, text, referenceDate, lexicon } = value;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return fail(null, '"id" is missing or not a string or number');
  if (typeof text !== 'string') return fail(id, '"text" is missing or not a string');
  if (referenceDate !== undefined && referenceDate !== null && (typeof referenceDate !== 'string' || !isIsoDay(referenceDate))) {
    return fail(id, `"referenceDate" ${JSON.stringify(referenceDate)} is not a date written YYYY-MM-DD (e.g. 2015-11-24)`);
  }
  if (lexicon !== undefined && lexicon !== null) {
    if (!isObject(lexicon)) return fail(id, '"lexicon" is not an object of name -> type');
    for (const [name, type] of Object.entries(lexicon)) {
      if (!ANNOTATION_TYPES.includes(type as AnnotationType))
        return fail(id, `"lexicon" gives "${name}" the type ${JSON.stringify(type)} (types: ${ANNOTATION_TYPES.join(', ')})`);
    }
  }
  const input: StreamInput = { id, text };
  if (typeof referenceDate === 'string') input.referenceDate = referenceDate;
  if (isObject(lexicon)) input.lexicon = lexicon as Lexicon;
  return { ok: true, input };
}

/** Nothing is stored for a stream record: every record is analysed as a new article. */
const NO_STORAGE: SidecarStorage = {
  readText: async () => undefined,
  writeTextAtomic: async () => {
    throw new Error('stream records are never written');
  },
  copy: async () => {
    throw new Error('stream records are never written');
  },
  exists: async () => false,
  mtime: async () => undefined,
};

export async function annotateRecord(input: StreamInput): Promise<StreamResult> {
  const options = { ...(input.referenceDate ? { referenceDate: input.referenceDate } : {}), ...(input.lexicon ? { lexicon: input.lexicon } : {}) };
  const { sidecar } = await annotateArticle({
    storage: NO_STORAGE,
    sidecarPath: 'stream',
    file: 'stream',
    text: input.text,
    analyze,
    options,
    generator: GENERATOR,
    write: false,
  });
  // canonical order, as `annotate` writes the sidecar
  const canonical = canonicalSidecar(sidecar);
  return { id: input.id, annotations: canonical.annotations, entities: canonical.entities, referenceDate: canonical.document.referenceDate };
}
