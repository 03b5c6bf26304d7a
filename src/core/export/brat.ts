// brat standoff (`.ann` beside a `.txt` copy of the article): https://brat.nlplab.org/standoff.html
// Offsets are code points. A span crossing a line break (or a tab) becomes a discontinuous span (`0 5;7 13`): a
// text-bound annotation's text must sit on one line and in the last tab-separated column of the .ann file, and brat
// draws fragments line by line anyway.
import { BRAT_LABELS } from './labels';
import { LINE_BREAKING, oneLine } from './lineBreaks';
import { prepareArticle, type ExportSpan } from './spans';
import type { ExportInput, ExportResult } from './types';

/** brat's collection configuration for these files: put it as `annotation.conf` in the folder with the .ann files. */
export const BRAT_ANNOTATION_CONF = [
  '[entities]',
  ...Object.values(BRAT_LABELS),
  '',
  '[relations]',
  '# Mentions of one entity (equivalence lines "*\\tAlias T1 T4").',
  'Alias\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  '',
].join('\n');

// every line-breaking character (see ./lineBreaks.ts), so no reader finds a line break inside a .ann line
const BREAK = new RegExp(`\\r\\n|${LINE_BREAKING.source}|\\t`, 'g');

/** The span's pieces between line breaks and tabs, in UTF-16 offsets; empty pieces dropped. */
function fragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const slice = text.slice(start, end);
  let from = 0;
  for (const m of slice.matchAll(BREAK)) {
    if (m.index > from) out.push([start + from, start + m.index]);
    from = m.index + m[0].length;
  }
  if (slice.length > from) out.push([start + from, end]);
  return out;
}

function noteFor(s: ExportSpan): string | null {
  const parts: string[] = [];
  if (s.type === 'date' && typeof s.annotation.value === 'string') parts.push(s.annotation.value);
  if (s.annotation.note) parts.push(oneLine(s.annotation.note));
  return parts.length ? parts.join(' — ') : null;
}

export function exportBratDocument(input: ExportInput): ExportResult {
  const prepared = prepareArticle(input);
  const { text } = input;
  const lines: string[] = [];
  const notes: string[] = [];
  const mentionsOf = new Map<string, string[]>();
  const warnings = [...prepared.warnings];
  let n = 0;
  prepared.spans.forEach(s => {
    const frags = fragments(text, s.start, s.end);
    if (frags.length === 0) {
      warnings.push(`${input.fileName}: annotation ${s.annotation.id} holds only line breaks or tabs; a brat text-bound annotation cannot, left it out.`);
      return;
    }
    const id = `T${++n}`;
    const offsets = frags.map(([a, b]) => `${prepared.codePoints.toCodePoint(a)} ${prepared.codePoints.toCodePoint(b)}`).join(';');
    // brat checks this text against the document: fragments joined by a space, as brat itself writes them.
    const shown = frags.map(([a, b]) => text.slice(a, b)).join(' ');
    lines.push(`${id}\t${BRAT_LABELS[s.type]} ${offsets}\t${shown}`);
    const note = noteFor(s);
    if (note !== null) notes.push(`#${notes.length + 1}\tAnnotatorNotes ${id}\t${note}`);
    if (s.annotation.entity !== undefined) {
      const ids = mentionsOf.get(s.annotation.entity) ?? [];
      ids.push(id);
      mentionsOf.set(s.annotation.entity, ids);
    }
  });
  for (const ids of mentionsOf.values()) if (ids.length > 1) lines.push(`*\tAlias ${ids.join(' ')}`);
  lines.push(...notes);
  return {
    content: lines.map(l => l + '\n').join(''),
    companions: [{ extension: '.txt', content: text }],
    warnings,
  };
}

export function exportBrat(inputs: readonly ExportInput[]): ExportResult {
  if (inputs.length !== 1) {
    throw new Error(`brat standoff holds one article per .ann file; got ${inputs.length} articles: export them into a folder, one .ann/.txt pair each.`);
  }
  return exportBratDocument(inputs[0]);
}
