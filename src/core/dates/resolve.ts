// Turns a detected expression into a TIMEX3-style value against the article's reference date. Absolute
// expressions need no reference date; relative ones stay unresolved (null) without one: never today's clock.
import type { DatePrecision } from '../types';
import { addDays, dayToMs, daysInMonth, isValidDay, parseIsoDay, weekday, DAY_MS, type Day } from './calendar';
import { findDates } from './detect';
import type { DateExpression, Season, Tense, TimeOfDay } from './expression';

export interface ResolvedDate {
  value: string | null;
  precision: DatePrecision | null;
}

const UNRESOLVED: ResolvedDate = { value: null, precision: null };
/** How much further a date against the clause's tense may be before the other direction wins. */
const AGAINST_TENSE = 2;

const pad = (n: number, w = 2) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(w, '0');
const yearStr = (y: number) => pad(y, 4);
/** TIMEX3 values have four-digit years: a date pushed before year 0 or past 9999 (a far reference date) has none. */
const OUTSIDE_CALENDAR = /^(?:-|\d{5})/;

/** The reference day: the YYYY-MM-DD at the start of `ref` when it is a real day (a time after it is ignored). */
function parseRef(ref: string | null): Day | null {
  return ref ? parseIsoDay(ref.slice(0, 10)) : null;
}

const valid = ({ y, m, d }: Day) => isValidDay(y, m, d);
const dayStr = (x: Day) => `${yearStr(x.y)}-${pad(x.m)}-${pad(x.d)}`;

function isoWeek(x: Day): { y: number; w: number } {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = dayToMs({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((dayToMs(thursday) - jan1) / DAY_MS / 7) + 1 };
}
const weekStr = (x: Day) => {
  const { y, w } = isoWeek(x);
  return `${yearStr(y)}-W${pad(w)}`;
};

function timeSuffix(t: TimeOfDay | undefined): string {
  if (!t) return '';
  if ('part' in t) return `T${t.part}`;
  return `T${pad(t.hour)}:${pad(t.minute)}`;
}

function day(x: Day, t?: TimeOfDay): ResolvedDate {
  // "midnight" (24:00) ends the day: TIMEX3 values write it as 00:00 of the next day (ISO 8601's 24:00 is not one)
  if (t && 'hour' in t && t.hour === 24) return day(addDays(x, 1), { hour: 0, minute: t.minute });
  return { value: dayStr(x) + timeSuffix(t), precision: t && !('part' in t) ? 'time' : 'day' };
}

const monthIndex = (y: number, m: number) => y * 12 + (m - 1);
const fromMonthIndex = (i: number) => ({ y: Math.floor(i / 12), m: (i % 12) + 1 });
const quarterOf = (m: number) => Math.ceil(m / 3);

/** The year for a month(-day) written without one, picked by direction from the reference date. */
function pickYear(ref: Day, month: number, dayOfMonth: number | undefined, tense: Tense, shift: -1 | 0 | 1 | undefined): number {
  if (shift === 0) return ref.y;
  const cmp = (y: number) => {
    const a = monthIndex(y, month) - monthIndex(ref.y, ref.m);
    return a !== 0 || dayOfMonth === undefined ? a : dayOfMonth - ref.d;
  };
  if (shift === -1) return cmp(ref.y) < 0 ? ref.y : ref.y - 1;
  if (shift === 1) return cmp(ref.y) > 0 ? ref.y : ref.y + 1;
  // Otherwise the nearest occurrence, with the tense as a bias rather than a rule: "payable Dec. 15" in a
  // past-tense sentence written on Nov. 2 is still the coming Dec. 15, "in January" said in October is not.
  const at = (y: number) => dayToMs({ y, m: month, d: Math.min(dayOfMonth ?? 15, daysInMonth(y, month)) }) - dayToMs(ref);
  const cost = (y: number) => {
    const dist = at(y);
    const against = (tense === 'past' && dist > 0) || (tense === 'future' && dist < 0);
    return Math.abs(dist) * (against ? AGAINST_TENSE : 1);
  };
  let best = ref.y;
  for (const y of [ref.y - 1, ref.y + 1]) if (cost(y) < cost(best)) best = y;
  return best;
}

function nthWeekdayOf(y: number, m: number, n: number, wd: number): number {
  const first = weekday({ y, m, d: 1 });
  return 1 + ((wd - first + 7) % 7) + (n - 1) * 7;
}

function calendar(e: Extract<DateExpression, { kind: 'calendar' }>, ref: Day | null): ResolvedDate {
  let y = e.year;
  if (y === undefined && e.yearOffset !== undefined) {
    if (!ref) return UNRESOLVED;
    y = ref.y + e.yearOffset;
  }
  if (e.month === undefined) return y === undefined ? UNRESOLVED : { value: yearStr(y), precision: 'year' };
  if (y === undefined) {
    if (!ref) return UNRESOLVED;
    const probeDay = e.nthWeekday ? nthWeekdayOf(ref.y, e.month, e.nthWeekday[0], e.nthWeekday[1]) : e.day;
    y = pickYear(ref, e.month, probeDay, e.tense, e.shift);
  }
  const d = e.nthWeekday ? nthWeekdayOf(y, e.month, e.nthWeekday[0], e.nthWeekday[1]) : e.day;
  if (d === undefined) return { value: `${yearStr(y)}-${pad(e.month)}`, precision: 'month' };
  const x = { y, m: e.month, d };
  return valid(x) ? day(x, e.time) : UNRESOLVED;
}

function weekdayDate(e: Extract<DateExpression, { kind: 'weekday' }>, ref: Day): Day {
  const refWd = weekday(ref);
  const back = (refWd - e.weekday + 7) % 7;
  const fwd = (e.weekday - refWd + 7) % 7;
  if (e.shift === -1) return addDays(ref, -(back || 7));
  if (e.shift === 1) return addDays(ref, fwd || 7);
  // News is written in the past: a bare weekday is the latest one on or before the reference date,
  // unless the sentence points forward ("will meet on Tuesday").
  return e.tense === 'future' ? addDays(ref, fwd) : addDays(ref, -back);
}

function quarter(e: Extract<DateExpression, { kind: 'quarter' }>, ref: Day | null): ResolvedDate {
  if (e.quarter !== null && e.year !== undefined) return { value: `${yearStr(e.year)}-Q${e.quarter}`, precision: 'quarter' };
  if (!ref) return UNRESOLVED;
  const refQ = quarterOf(ref.m);
  let y: number;
  let q: number;
  if (e.quarter === null) {
    const idx = ref.y * 4 + (refQ - 1) + (e.relative ?? -1);
    y = Math.floor(idx / 4);
    q = (idx % 4) + 1;
    if (e.year !== undefined) y = e.year;
  } else {
    q = e.quarter;
    if (e.yearOffset !== undefined) y = ref.y;
    else if (q <= refQ) y = ref.y;
    else if (e.tense === 'future') y = ref.y;
    else if (e.tense === 'past') y = ref.y - 1;
    else y = q - refQ >= 2 ? ref.y - 1 : ref.y;
  }
  y += e.yearOffset ?? 0;
  return { value: `${yearStr(y)}-Q${q}`, precision: 'quarter' };
}

const SEASON_END: Record<Season, number> = { SP: 5, SU: 8, FA: 11, WI: 2 };

function season(e: Extract<DateExpression, { kind: 'season' }>, ref: Day | null): ResolvedDate {
  let y = e.year ?? (ref && e.yearOffset !== undefined ? ref.y + e.yearOffset : undefined);
  if (y === undefined) {
    if (!ref) return UNRESOLVED;
    // Winter belongs to the year it starts in (TIMEX3 "1998-WI" is the winter of 1998-99).
    const endIdx = (yy: number) => monthIndex(e.season === 'WI' ? yy + 1 : yy, SEASON_END[e.season]);
    const startIdx = (yy: number) => endIdx(yy) - 2;
    const now = monthIndex(ref.y, ref.m);
    const thisOne = e.season === 'WI' && ref.m <= 2 ? ref.y - 1 : ref.y;
    const dir = e.shift ?? (e.tense === 'future' ? 1 : e.tense === 'past' ? -1 : 0);
    if (dir < 0) y = endIdx(thisOne) < now ? thisOne : thisOne - 1;
    else if (dir > 0) y = startIdx(thisOne) > now ? thisOne : thisOne + 1;
    else y = thisOne;
  }
  return { value: `${yearStr(y)}-${e.season}`, precision: 'season' };
}

function relative(e: Extract<DateExpression, { kind: 'relative' }>, ref: Day): ResolvedDate {
  switch (e.unit) {
    case 'day':
      return day(addDays(ref, e.offset), e.time);
    case 'week':
      return { value: weekStr(addDays(ref, 7 * e.offset)), precision: 'week' };
    case 'weekend': {
      const wd = weekday(ref);
      let base = addDays(ref, 7 * e.offset);
      // "the weekend" on a weekday: the one just past, or the coming one when the sentence points forward
      if (e.offset === 0 && wd < 6 && e.tense !== 'future') base = addDays(ref, -7);
      return { value: `${weekStr(base)}-WE`, precision: 'week' };
    }
    case 'month': {
      const { y, m } = fromMonthIndex(monthIndex(ref.y, ref.m) + e.offset);
      return { value: `${yearStr(y)}-${pad(m)}`, precision: 'month' };
    }
    case 'quarter': {
      const idx = ref.y * 4 + quarterOf(ref.m) - 1 + e.offset;
      return { value: `${yearStr(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`, precision: 'quarter' };
    }
    case 'year':
      if (e.quarterContext && e.offset === -1) {
        const idx = (ref.y - 1) * 4 + quarterOf(ref.m) - 2;
        return { value: `${yearStr(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`, precision: 'quarter' };
      }
      return { value: yearStr(ref.y + e.offset), precision: 'year' };
    case 'decade':
      return { value: `${pad(Math.floor(ref.y / 10) + e.offset, 3)}`, precision: 'decade' };
    case 'century':
      return { value: `${pad(Math.floor(ref.y / 100) + e.offset)}`, precision: 'century' };
  }
}

/** Resolves a date expression against the reference date (YYYY-MM-DD), or returns null where it needs one. */
export function resolveDate(expr: DateExpression, referenceDate: string | null): ResolvedDate {
  const r = resolveUnchecked(expr, referenceDate);
  if (r.value === null) return r;
  const tooLong = (r.precision === 'decade' && r.value.length > 3) || (r.precision === 'century' && r.value.length > 2);
  return OUTSIDE_CALENDAR.test(r.value) || tooLong ? UNRESOLVED : r;
}

/**
 * A phrase that is one date expression as a whole (a lexicon date, a date marked by hand) resolved against the reference date; unresolved when the resolver does not read all of it as one date.
 */
export function resolveDatePhrase(phrase: string, referenceDate: string | null): ResolvedDate {
  const whole = findDates(phrase).find(d => d.start === 0 && d.end === phrase.length);
  return whole ? resolveDate(whole.expr, referenceDate) : UNRESOLVED;
}

function resolveUnchecked(expr: DateExpression, referenceDate: string | null): ResolvedDate {
  const ref = parseRef(referenceDate);
  try {
    switch (expr.kind) {
      case 'ref':
        return { value: expr.ref, precision: 'reference' };
      case 'calendar':
        return calendar(expr, ref);
      case 'decade':
        return { value: pad(expr.decade, 3), precision: 'decade' };
      case 'century':
        return { value: pad(expr.century), precision: 'century' };
      case 'half':
        if (expr.year !== undefined) return { value: `${yearStr(expr.year)}-H${expr.half}`, precision: 'quarter' };
        return ref ? { value: `${yearStr(ref.y + (expr.yearOffset ?? 0))}-H${expr.half}`, precision: 'quarter' } : UNRESOLVED;
      case 'quarter':
        return quarter(expr, ref);
      case 'season':
        return season(expr, ref);
      case 'weekday':
        return ref ? day(weekdayDate(expr, ref), expr.time) : UNRESOLVED;
      case 'relative':
        return ref ? relative(expr, ref) : UNRESOLVED;
      case 'time':
        return ref ? day(ref, expr.time) : UNRESOLVED;
      case 'anaphoric':
        return UNRESOLVED;
    }
  } catch {
    return UNRESOLVED;
  }
}

/**
 * Text marked as a date by hand, resolved as well as it can be: as one expression when it is one, else by the
 * longest date expression inside it that resolves ("Wednesday" in "Wednesday late afternoon"); unresolved when it
 * holds none. Manual dates re-resolve with it on every analysis, so they move with the reference date.
 */
export function resolveDateText(text: string, referenceDate: string | null): ResolvedDate {
  const found = findDates(text);
  const whole = found.find(d => d.start === 0 && d.end === text.length);
  if (whole) return resolveDate(whole.expr, referenceDate);
  const longestFirst = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const d of longestFirst) {
    const r = resolveDate(d.expr, referenceDate);
    if (r.value !== null) return r;
  }
  return UNRESOLVED;
}
