// W3C Web Annotation Data Model (JSON-LD): one Annotation per mention, gathered in an AnnotationCollection whose
// first (and only) AnnotationPage holds them all.
// Positions are in code points: "The selection of the text MUST be in terms of unicode code points" (§4.2.4).
import { codePointsAfter, codePointsBefore } from './codepoints';
import { jsonText } from './lineBreaks';
import { prepareArticle, type ExportSpan } from './spans';
import type { ExportInput, ExportResult } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * How much text the exported TextQuoteSelector keeps on each side, in code points: enough to re-anchor a repeated
 * name. Not the sidecar's CONTEXT_LENGTH (core/anchor): that one counts UTF-16 code units and is this product's own
 * storage, while this one is what other tools read in the W3C format, counted as the model requires; changing one
 * must not silently change the other.
 */
const W3C_CONTEXT_CODE_POINTS = 32;

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'identifying' | 'describing' | 'commenting';
  value: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  body: TextualBody[];
  target: {
    source: string;
    selector: [{ type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }, { type: 'TextPositionSelector'; start: number; end: number }];
  };
}

/** A relative IRI for a file name: resolves to the article when the export is written beside it. */
function fileIri(fileName: string): string {
  return encodeURIComponent(fileName);
}

function toAnnotation(input: ExportInput, source: string, s: ExportSpan): WebAnnotation {
  const a = s.annotation;
  const body: TextualBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: s.type }];
  if (s.entityName !== undefined) body.push({ type: 'TextualBody', purpose: 'identifying', value: s.entityName });
  if (s.type === 'date' && typeof a.value === 'string') body.push({ type: 'TextualBody', purpose: 'describing', value: a.value });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  const prefix = codePointsBefore(input.text, s.start, W3C_CONTEXT_CODE_POINTS);
  const suffix = codePointsAfter(input.text, s.end, W3C_CONTEXT_CODE_POINTS);
  return {
    // The annotation lives in the sidecar: its IRI is the sidecar's, with the annotation id as fragment.
    id: `${source}.annotations.json#${encodeURIComponent(a.id)}`,
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: a.text, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: 'TextPositionSelector', start: s.cpStart, end: s.cpEnd },
      ],
    },
  };
}

export function exportW3c(inputs: readonly ExportInput[]): ExportResult {
  const items: WebAnnotation[] = [];
  const warnings: string[] = [];
  const generators = new Set<string>();
  for (const input of inputs) {
    const prepared = prepareArticle(input);
    warnings.push(...prepared.warnings);
    generators.add(input.sidecar.generator);
    const source = input.uri ?? fileIri(input.fileName);
    for (const s of prepared.spans) items.push(toAnnotation(input, source, s));
  }
  const label = inputs.length === 1 ? `Annotations of ${inputs[0].fileName}` : `Annotations of ${inputs.length} articles`;
  const collection = {
    '@context': ANNO_CONTEXT,
    // Relative to the export file itself: the collection is this file.
    id: '#annotations',
    type: 'AnnotationCollection',
    label,
    total: items.length,
    ...(generators.size === 1 ? { generator: { type: 'Software', name: [...generators][0] } } : {}),
    first: { id: '#page1', type: 'AnnotationPage', partOf: '#annotations', startIndex: 0, items },
  };
  return { content: jsonText(collection, 2) + '\n', companions: [], warnings };
}
