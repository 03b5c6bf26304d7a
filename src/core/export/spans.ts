// The annotations of one article as exporters need them: checked against the text, sorted, with code point
// offsets, line/column and the entity's canonical name resolved.
import { ANNOTATION_TYPES, type AnnotationType } from '../types';
import type { SidecarAnnotation } from '../sidecar/types';
import { CodePointIndex } from './codepoints';
import type { ExportInput } from './types';

export interface ExportSpan {
  annotation: SidecarAnnotation;
  type: AnnotationType;
  /** UTF-16 offsets, as in the sidecar. */
  start: number;
  end: number;
  /** Unicode code point offsets, end-exclusive. */
  cpStart: number;
  cpEnd: number;
  /** 1-based line of `start` (lines end at CRLF, LF or CR, as editors count them). */
  line: number;
  /** 1-based column of `start`, in code points. */
  column: number;
  /** The canonical name of the entity the mention belongs to. */
  entityName?: string;
}

export interface PreparedArticle {
  input: ExportInput;
  spans: ExportSpan[];
  codePoints: CodePointIndex;
  warnings: string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** UTF-16 offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Checks every annotation against the article text and leaves out (with a warning) the ones that no longer match:
 * an export must never carry offsets that point at the wrong text.
 */
export function prepareArticle(input: ExportInput): PreparedArticle {
  const { text, sidecar, fileName } = input;
  const codePoints = new CodePointIndex(text);
  const starts = lineStarts(text);
  const names = new Map(sidecar.entities.map(e => [e.id, e.name]));
  const warnings: string[] = [];
  const spans: ExportSpan[] = [];
  for (const a of sidecar.annotations) {
    const problem = problemWith(a, text, codePoints);
    if (problem) {
      warnings.push(
        `${fileName}: annotation ${a.id} "${a.text}" ${problem}; left out of the export. Run "news-annotator annotate" (or re-annotate in the editor) to re-anchor it.`,
      );
      continue;
    }
    const line = lineOf(starts, a.start);
    spans.push({
      annotation: a,
      type: a.type,
      start: a.start,
      end: a.end,
      cpStart: codePoints.toCodePoint(a.start),
      cpEnd: codePoints.toCodePoint(a.end),
      line: line + 1,
      column: codePoints.toCodePoint(a.start) - codePoints.toCodePoint(starts[line]) + 1,
      entityName: a.entity !== undefined ? names.get(a.entity) : undefined,
    });
  }
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  return { input, spans, codePoints, warnings };
}

function problemWith(a: SidecarAnnotation, text: string, cp: CodePointIndex): string | null {
  if (!(ANNOTATION_TYPES as readonly string[]).includes(a.type)) return `has an unknown type "${String(a.type)}"`;
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > text.length || a.start >= a.end) {
    return `has offsets ${a.start}-${a.end} outside the article (length ${text.length})`;
  }
  if (text.slice(a.start, a.end) !== a.text) return `no longer matches the article text at ${a.start}-${a.end}`;
  if (!cp.isBoundary(a.start) || !cp.isBoundary(a.end)) return 'cuts a character (a surrogate pair) in two';
  return null;
}
