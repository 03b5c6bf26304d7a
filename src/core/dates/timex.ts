// Checks a date value typed by hand (Set Date Value): the TIMEX3 value shapes the resolver writes, and the
// precision each one has, so a value set by hand is stored exactly like a resolved one.
import type { DatePrecision } from '../types';
import { isValidDay } from './calendar';

const YEAR = '(\\d{4})';
const SHAPES: [RegExp, DatePrecision][] = [
  [/^(PRESENT|PAST|FUTURE)_REF$/, 'reference'],
  [new RegExp(`^${YEAR}$`), 'year'],
  [new RegExp(`^${YEAR}-(\\d{2})$`), 'month'],
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`), 'day'],
  // a part of the day keeps the day's precision, as the resolver writes it ("2015-11-18TNI")
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T(?:MO|AF|EV|NI|DT)$`), 'day'],
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})$`), 'time'],
  [/^T(\d{2}):(\d{2})$/, 'time'],
  [new RegExp(`^${YEAR}-W(\\d{2})(?:-WE)?$`), 'week'],
  [new RegExp(`^${YEAR}-Q[1-4]$`), 'quarter'],
  [new RegExp(`^${YEAR}-H[12]$`), 'quarter'],
  [new RegExp(`^${YEAR}-(?:SP|SU|FA|WI)$`), 'season'],
  // TIMEX3 writes a decade as its first three digits ("199": the 1990s) and a century as its first two ("19")
  [/^\d{3}$/, 'decade'],
  [/^\d{2}$/, 'century'],
];

/** Whether the numbers in a matched value are in range (a real day, month 01-12, week 01-53, a time of day). */
function inRange(value: string, precision: DatePrecision, m: RegExpMatchArray): boolean {
  if (value.startsWith('T')) return Number(m[1]) <= 23 && Number(m[2]) <= 59;
  if (precision === 'week') return Number(m[2]) >= 1 && Number(m[2]) <= 53;
  if (m[2] === undefined || !/^\d{4}-\d{2}/.test(value)) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] !== undefined && !isValidDay(Number(m[1]), month, Number(m[3]))) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  return true;
}

/** The precision of a TIMEX3 date value, or null when the value is not one this product reads. */
export function timexPrecision(value: string): DatePrecision | null {
  for (const [shape, precision] of SHAPES) {
    const m = value.match(shape);
    if (m) return inRange(value, precision, m) ? precision : null;
  }
  return null;
}

/** Why `value` is not a date value, worded for the input box; undefined when it is one. */
export function timexProblem(value: string): string | undefined {
  if (timexPrecision(value) !== null) return undefined;
  return `"${value}" is not a TIMEX3 date value: write e.g. 2015-11-25, 2015-11, 2015, 2015-W48, 2015-Q4, 2015-SU, 2015-11-25T14:30, T14:30, 199 (the 1990s), 19 (the 1900s) or PRESENT_REF.`;
}
