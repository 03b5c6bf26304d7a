// JSONL for NLP training tools, one article a line, offsets in code points (Python string indices):
// - spaCy / Prodigy: {"text", "spans": [{"start", "end", "label"}], "meta": {"file"}}; in spaCy,
//   `doc.char_span(start, end, label)` turns each span into an entity.
// - doccano (sequence labeling import): {"text", "label": [[start, end, "PERSON"]], "file"}; doccano keeps the
//   extra "file" key as metadata.
import { JSONL_LABELS } from './labels';
import { jsonText } from './lineBreaks';
import { prepareArticle } from './spans';
import type { ExportInput, ExportResult } from './types';

/** One record a line, whatever line reader (Python's str.splitlines() too) reads it. */
const jsonLine = (value: unknown) => jsonText(value) + '\n';

export function exportJsonlSpacy(inputs: readonly ExportInput[]): ExportResult {
  const warnings: string[] = [];
  let content = '';
  for (const input of inputs) {
    const prepared = prepareArticle(input);
    warnings.push(...prepared.warnings);
    const spans = prepared.spans.map(s => ({ start: s.cpStart, end: s.cpEnd, label: JSONL_LABELS[s.type] }));
    content += jsonLine({ text: input.text, spans, meta: { file: input.fileName } });
  }
  return { content, companions: [], warnings };
}

export function exportJsonlDoccano(inputs: readonly ExportInput[]): ExportResult {
  const warnings: string[] = [];
  let content = '';
  for (const input of inputs) {
    const prepared = prepareArticle(input);
    warnings.push(...prepared.warnings);
    const label = prepared.spans.map(s => [s.cpStart, s.cpEnd, JSONL_LABELS[s.type]]);
    content += jsonLine({ text: input.text, label, file: input.fileName });
  }
  return { content, companions: [], warnings };
}
