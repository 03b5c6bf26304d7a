// The calendar: which days exist, and day arithmetic. ISO 8601's proleptic Gregorian calendar, years 0000-9999 (the
// four-digit years a TIMEX3 value or a YYYY-MM-DD date can write). The one place that says whether a day is real:
// the resolver, dateline detection, analyze()'s reference date, the sidecar and the CLI all ask here.
//
// Date.UTC and new Date(y, ...) read years 0-99 as 1900-1999; these helpers never do (setUTCFullYear takes the
// year as given), so year 0050 is year 50, not 1950.

export interface Day {
  y: number;
  m: number;
  d: number;
}

export const DAY_MS = 86_400_000;

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** Whether year `y`, month `m` (1-12), day `d` is a day of the calendar (years 0000-9999). */
export function isValidDay(y: number, m: number, d: number): boolean {
  if (![y, m, d].every(Number.isInteger)) return false;
  if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day written `YYYY-MM-DD`, or null when the text is not one or names a day that does not exist (2015-02-30). */
export function parseIsoDay(text: string): Day | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export const isIsoDay = (text: string): boolean => parseIsoDay(text) !== null;

/** Milliseconds since 1970-01-01 at 00:00 UTC of a day; month and day may overflow (day 0 is the previous month's last). */
export function dayToMs({ y, m, d }: Day): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** The day (UTC) a time in milliseconds falls on. */
function msToDay(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day `n` days after (before, when negative) `x`. */
export const addDays = (x: Day, n: number): Day => msToDay(dayToMs(x) + n * DAY_MS);

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export const weekday = (x: Day): number => ((new Date(dayToMs(x)).getUTCDay() + 6) % 7) + 1;
