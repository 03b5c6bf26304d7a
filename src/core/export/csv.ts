// CSV (RFC 4180: CRLF rows, fields with quotes, commas or line breaks quoted, quotes doubled), one row per annotation.
// Offsets and columns are in code points, like the other exports. Spreadsheets run a cell that starts with = + - @
// (some also their full-width forms ＝ ＋ － ＠, some after leading white space or a line break, and some a cell
// starting with a tab or CR) as a formula: such cells get a leading apostrophe, and so do cells that already start
// with one, so a reader gets the original back by removing exactly one leading apostrophe.
import { humanDate } from '../present/dateText';
import { prepareArticle } from './spans';
import type { ExportInput, ExportResult } from './types';

/** `human` is a date's value in English words ("week of 26 Oct 2015"), for the people reading the spreadsheet. */
export const CSV_COLUMNS = ['file', 'type', 'text', 'start', 'end', 'line', 'column', 'entity', 'value', 'human', 'source', 'note'] as const;

const RISKY_START = /^(?:[\t\r\n']|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** Makes a text cell inert in spreadsheets. */
export function neutralise(cell: string): string {
  return RISKY_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV cell: neutralised, and quoted when it holds a quote, comma or line break (or was neutralised). */
export function csvField(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) || safe !== cell ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportCsv(inputs: readonly ExportInput[]): ExportResult {
  const warnings: string[] = [];
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const input of inputs) {
    const prepared = prepareArticle(input);
    warnings.push(...prepared.warnings);
    const referenceDate = input.sidecar.document.referenceDate;
    for (const s of prepared.spans) {
      const a = s.annotation;
      const value = typeof a.value === 'string' ? a.value : '';
      const cells: (string | number)[] = [
        input.fileName,
        s.type,
        a.text,
        s.cpStart,
        s.cpEnd,
        s.line,
        s.column,
        s.entityName ?? '',
        value,
        value && humanDate(value, { referenceDate }),
        a.source,
        a.note ?? '',
      ];
      rows.push(cells.map(csvField).join(','));
    }
  }
  return { content: rows.map(r => r + '\r\n').join(''), companions: [], warnings };
}
