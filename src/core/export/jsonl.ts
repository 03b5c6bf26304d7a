// JSONL for NLP training tools, one article a line, offsets in code points (Python string indices):
// - spaCy / Prodigy: {"text", "spans": [{"start", "end", "label"}], "meta": {"file"}}; in spaCy,
//   `doc.char_span(start, end, label)` turns each span into an entity.
// - doccano (sequence labeling import): {"text", "label": [[start, end, "PERSON"]], "file"}; doccano keeps the
//   extra "file" key as metadata.
import { JSONL_LABELS } from './labels';
import { prepareArticle } from './spans';
import type { ExportInput, ExportResult } from './types';

/** JSON.stringify leaves U+2028/U+2029 raw, and line readers such as Python's str.splitlines() break on them. */
const jsonLine = (value: unknown) => JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n';

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
