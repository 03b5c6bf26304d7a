// Reading the dates that publication stamps, datelines and front matter carry: full dates (any form news sites print,
// ISO timestamps included) and the month-and-day of a dateline written without a year ("WASHINGTON, March 3 (Reuters)").
// Pure look-ups on one short string; the choice between sources is reference.ts's job.
import { isValidDay } from './calendar';
import { findDates } from './detect';

/** A full date found in a string, YYYY-MM-DD, with where it was found. */
export interface StampDate {
  iso: string;
  start: number;
  end: number;
}

/** A month and day without a year, as Reuters datelines write them. */
export interface MonthDay {
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => (isValidDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null);

// "2025-03-03", "2025-03-03T10:42:00Z", "2025-03-03 10:42": the time part is allowed after the day (the date rules
// stop at a letter right after a number, so they do not read the "T" form).
const ISO_STAMP = /(?<![\d-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=$|[T\s,;|)\]"'<]|\.\s)/g;
// "03/03/2025", "3.3.2025", "03-03-2025": day and month order is read from the numbers themselves (see numericDate).
const NUMERIC_STAMP = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-]?\d)/g;

/**
 * The day of a numeric date, or null. A number above 12 tells which one is the day; when both could be the month
 * ("03/04/2025") the date is ambiguous between the US and the European order and is left alone rather than
 * guessed, except with dots, which only the day-first order writes ("03.04.2025").
 */
function numericDate(a: number, sep: string, b: number, y: number): string | null {
  if (a === b || sep === '.') return isoOf(y, b, a) ?? (a === b ? null : isoOf(y, a, b));
  if (a > 12) return isoOf(y, b, a);
  if (b > 12) return isoOf(y, a, b);
  return null;
}

/** Every full date (year, month and day) in `s`, in order of position. */
export function fullDatesIn(s: string): StampDate[] {
  const out: StampDate[] = [];
  for (const m of s.matchAll(ISO_STAMP)) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  // a numeric date read here, even one left alone as ambiguous, is not read again by the month-first date rule
  const taken: { start: number; end: number }[] = [...out];
  for (const m of s.matchAll(NUMERIC_STAMP)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const iso = numericDate(Number(m[1]), m[2], Number(m[3]), Number(m[4]));
    if (iso && !taken.some(o => o.start < span.end && span.start < o.end)) out.push({ iso, ...span });
    taken.push(span);
  }
  for (const d of findDates(s)) {
    const e = d.expr;
    if (e.kind !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) continue;
    const iso = isoOf(e.year, e.month, e.day);
    if (iso && !taken.some(o => o.start < d.end && d.start < o.end)) out.push({ iso, start: d.start, end: d.end });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The first month-and-day written without a year in `s` ("March 3", "3 March"), or null. */
export function monthDayIn(s: string): MonthDay | null {
  for (const d of findDates(s)) {
    const e = d.expr;
    if (
      e.kind === 'calendar' &&
      e.year === undefined &&
      e.yearOffset === undefined &&
      e.month !== undefined &&
      e.day !== undefined &&
      e.shift === undefined &&
      !e.nthWeekday
    )
      return { month: e.month, day: e.day };
  }
  return null;
}

/**
 * The year that puts `md` nearest to a full date the article gives elsewhere (a dateline of Dec. 31 with a stamp of
 * Jan. 2, 2026 is Dec. 31, 2025), as YYYY-MM-DD; null when that day does not exist in that year (Feb. 29).
 */
export function nearestYear(md: MonthDay, anchor: string): string | null {
  const y = Number(anchor.slice(0, 4));
  const at = Date.UTC(2000, Number(anchor.slice(5, 7)) - 1, Number(anchor.slice(8, 10)));
  let best = y;
  let bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    // compare within one leap year so that only the month and day count; the year difference is added back
    const dist = Math.abs(Date.UTC(2000, md.month - 1, md.day) - at + (cand - y) * 365.25 * 86_400_000);
    if (dist < bestDist) {
      best = cand;
      bestDist = dist;
    }
  }
  return isoOf(best, md.month, md.day);
}
