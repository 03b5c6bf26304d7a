// Finds the article's own date (its dateline) near the top of the text. Never falls back to today's clock.
import { findDates } from './detect';
import { resolveDate } from './resolve';

/** How far into the article a dateline is looked for. */
const HEAD_LENGTH = 1500;
/** A full date further down than this, outside a line of its own, is more likely an event than the dateline. */
const INLINE_LIMIT = 600;

/** Finds the article's own date (a dateline near the top), as YYYY-MM-DD, or null. */
export function detectReferenceDate(text: string): string | null {
  const head = text.slice(0, HEAD_LENGTH);
  let inline: string | null = null;
  let offset = 0;
  for (const line of head.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const lineStart = offset;
    offset += line.length + 1;
    for (const d of findDates(line)) {
      const e = d.expr;
      if (e.kind !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) continue;
      const { value } = resolveDate(e, null);
      if (!value) continue;
      const iso = value.slice(0, 10);
      // A line that is little more than the date is a dateline ("November 5, 2015", "Updated: 2015-11-05 10:00").
      const rest = (line.slice(0, d.start) + line.slice(d.end)).replace(/[\W\d_]+/g, ' ').trim().split(' ').filter(Boolean);
      if (rest.length <= 4) return iso;
      if (inline === null && lineStart + d.start < INLINE_LIMIT) inline = iso;
    }
  }
  return inline ?? urlDate(head);
}

/** A date in an article URL: ".../2015/11/05/...". */
function urlDate(head: string): string | null {
  const m = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//.exec(head);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
