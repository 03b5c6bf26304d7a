// The timeline as CSV, one row per placed date in date order: what the CLI's `timeline --format csv` prints and
// the Timeline view's Export CSV writes. Cells are made safe for spreadsheets exactly as the annotation export's are.
import { csvField } from '../export/csv';
import type { EntityType } from '../types';
import type { Timeline, TimelineEvent } from './timeline';

export const TIMELINE_CSV_COLUMNS = [
  'value',
  'human',
  'precision',
  'from',
  'to',
  'article',
  'line',
  'text',
  'sentence',
  'people',
  'places',
  'organizations',
] as const;

/** An instant as ISO 8601 (UTC), to the day when it falls on midnight. */
export function isoInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, iso.indexOf('T')) : iso.replace(/:00\.000Z$/, 'Z');
}

const names = (e: TimelineEvent, type: EntityType) =>
  e.entities
    .filter(x => x.type === type)
    .map(x => x.name)
    .join('; ');

/** RFC 4180 text (CRLF rows, a header), `from`/`to` the span the value covers (end-exclusive). */
export function timelineCsv(timeline: Timeline): string {
  const rows = [TIMELINE_CSV_COLUMNS.join(',')];
  for (const e of timeline.events) {
    const cells: (string | number)[] = [
      e.value,
      e.human,
      e.precision,
      isoInstant(e.from),
      isoInstant(e.to),
      e.article,
      e.line,
      e.text,
      e.sentence,
      names(e, 'person'),
      names(e, 'place'),
      names(e, 'organization'),
    ];
    rows.push(cells.map(csvField).join(','));
  }
  return rows.map(r => r + '\r\n').join('');
}
