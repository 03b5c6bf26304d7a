// Resolved date values (TIMEX3: `2015-11-24`, `2015-W44`, `199`, `PAST_REF`, ...) in words a reader knows
// ("Tue 24 Nov 2015", "week of 26 Oct 2015", "the 1990s", "before 24 Nov 2015"), and the span of time each covers.
// The value stays the machine form (sidecar, exports); these are for people. Always formatted in UTC: a value names
// a calendar day, not an instant, so the machine's time zone must never shift it by one.
import type { DatePrecision } from '../types';
import { wordsFor, type DateWords, type Season } from './dateWords';

/** The time a value covers, in milliseconds since the epoch (UTC), end-exclusive. */
export interface DateSpan {
  precision: DatePrecision;
  start: number;
  end: number;
}

export interface HumanDateOptions {
  /** A BCP 47 tag (VS Code's display language, e.g. `en`, `fr`, `de-CH`). Default `en`. */
  locale?: string;
  /** The article's reference date (YYYY-MM-DD): PAST_REF reads "before <it>", PRESENT_REF is placed on it. */
  referenceDate?: string | null;
}

type Shape =
  | { kind: 'day'; y: number; m: number; d: number; hour?: number; minute?: number; part?: PartOfDay }
  | { kind: 'week'; y: number; w: number; weekend: boolean }
  | { kind: 'month'; y: number; m: number }
  | { kind: 'quarter'; y: number; q: number }
  | { kind: 'half'; y: number; h: number }
  | { kind: 'season'; y: number; season: Season }
  | { kind: 'year'; y: number }
  | { kind: 'decade'; decade: number }
  | { kind: 'century'; century: number }
  | { kind: 'ref'; ref: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' };

type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

const DAY_MS = 86_400_000;

/** `Date.UTC` reads years 0-99 as 1900-1999; TIMEX years are literal. */
function utc(y: number, m0: number, d = 1, hour = 0, minute = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m0, d);
  t.setUTCHours(hour, minute, 0, 0);
  return t.getTime();
}

const daysIn = (y: number, m: number) => new Date(utc(y, m, 0)).getUTCDate();

function parse(value: string): Shape | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})|(MO|AF|EV|NI)))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
    return {
      kind: 'day',
      y,
      m: mo,
      d,
      hour: m[4] === undefined ? undefined : Number(m[4]),
      minute: m[5] === undefined ? undefined : Number(m[5]),
      part: m[6] as PartOfDay | undefined,
    };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const w = Number(m[2]);
    return w >= 1 && w <= isoWeeksIn(Number(m[1])) ? { kind: 'week', y: Number(m[1]), w, weekend: !!m[3] } : null;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { kind: 'month', y: Number(m[1]), m: Number(m[2]) } : null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return { kind: 'quarter', y: Number(m[1]), q: Number(m[2]) };
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return { kind: 'half', y: Number(m[1]), h: Number(m[2]) };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return { kind: 'season', y: Number(m[1]), season: m[2] as Season };
  if ((m = /^(\d{4})$/.exec(value))) return { kind: 'year', y: Number(m[1]) };
  // the resolver writes a decade as its first three digits (`199`: the 1990s) and a century as its first two
  // (`19`: the years 1900-1999, which it reads from "the 20th century")
  if ((m = /^(\d{3})$/.exec(value))) return { kind: 'decade', decade: Number(m[1]) };
  if ((m = /^(\d{2})$/.exec(value))) return { kind: 'century', century: Number(m[1]) };
  if (value === 'PRESENT_REF' || value === 'PAST_REF' || value === 'FUTURE_REF') return { kind: 'ref', ref: value };
  return null;
}

/** ISO 8601: a year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
function isoWeeksIn(y: number): number {
  const jan1 = new Date(utc(y, 0, 1)).getUTCDay();
  const leap = daysIn(y, 2) === 29;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** The Monday of ISO week `w` of `y` (week 1 holds 4 January). */
function isoWeekMonday(y: number, w: number): number {
  const jan4 = utc(y, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - weekday * DAY_MS + (w - 1) * 7 * DAY_MS;
}

/** Months a season covers, northern hemisphere as in TIMEX3: winter `1998-WI` is December 1998 to February 1999. */
const SEASON_START_MONTH: Record<Season, number> = { SP: 2, SU: 5, FA: 8, WI: 11 };

function spanOf(s: Shape, referenceDate: string | null | undefined): DateSpan | null {
  switch (s.kind) {
    case 'day': {
      if (s.hour !== undefined) {
        const start = utc(s.y, s.m - 1, s.d, s.hour, s.minute);
        return { precision: 'time', start, end: start + 60_000 };
      }
      const start = utc(s.y, s.m - 1, s.d);
      return { precision: 'day', start, end: start + DAY_MS };
    }
    case 'week': {
      const monday = isoWeekMonday(s.y, s.w);
      return s.weekend
        ? { precision: 'week', start: monday + 5 * DAY_MS, end: monday + 7 * DAY_MS }
        : { precision: 'week', start: monday, end: monday + 7 * DAY_MS };
    }
    case 'month':
      return { precision: 'month', start: utc(s.y, s.m - 1), end: utc(s.y, s.m) };
    case 'quarter':
      return { precision: 'quarter', start: utc(s.y, (s.q - 1) * 3), end: utc(s.y, s.q * 3) };
    case 'half':
      // the resolver files halves under 'quarter', the nearest granularity it has
      return { precision: 'quarter', start: utc(s.y, (s.h - 1) * 6), end: utc(s.y, s.h * 6) };
    case 'season': {
      const first = SEASON_START_MONTH[s.season];
      return { precision: 'season', start: utc(s.y, first), end: utc(s.y, first + 3) };
    }
    case 'year':
      return { precision: 'year', start: utc(s.y, 0), end: utc(s.y + 1, 0) };
    case 'decade':
      return { precision: 'decade', start: utc(s.decade * 10, 0), end: utc(s.decade * 10 + 10, 0) };
    case 'century':
      return { precision: 'century', start: utc(s.century * 100, 0), end: utc(s.century * 100 + 100, 0) };
    case 'ref': {
      // placed on the reference date: the present is that day, the vague past and future lie on either side of it
      const ref = referenceDate ? parse(referenceDate) : null;
      if (!ref || ref.kind !== 'day') return null;
      const day = utc(ref.y, ref.m - 1, ref.d);
      return { precision: 'reference', start: day, end: day + DAY_MS };
    }
  }
}

/** The span of time `value` covers, or null for a value we cannot read (or a reference value without a reference date). */
export function dateSpan(value: string, referenceDate?: string | null): DateSpan | null {
  const shape = parse(value);
  return shape ? spanOf(shape, referenceDate) : null;
}

/** The granularity of a value as the resolver sets it, read back from the value (sidecars do not store it). */
export function precisionOfValue(value: string): DatePrecision | null {
  const shape = parse(value);
  if (!shape) return null;
  return shape.kind === 'ref' ? 'reference' : (spanOf(shape, null)?.precision ?? null);
}

// ---- words ----

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

const DAY_FIELDS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const WEEKDAY_FIELDS: Intl.DateTimeFormatOptions = { weekday: 'short', ...DAY_FIELDS };

/** A day in the locale's words; English always day-month-year ("Tue 24 Nov 2015"), which no reader misreads. */
function dayText(words: DateWords, ms: number, weekday: boolean): string {
  const text = formatter(words.intlLocale, weekday ? WEEKDAY_FIELDS : DAY_FIELDS).format(ms);
  return words.intlLocale === 'en-GB' ? text.replace(/^(\p{L}+),/u, '$1') : text;
}

function clockText(words: DateWords, hour: number, minute: number): string {
  return formatter(words.intlLocale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(utc(2000, 0, 1, hour, minute));
}

/** The locale the readable forms are written in: the language's own when we have words for it, else English. */
export function dateLocale(locale?: string): string {
  return wordsFor(locale).intlLocale;
}

/**
 * `value` in words: "Tue 24 Nov 2015", "Tue 24 Nov 2015, 15:00", "week of 26 Oct 2015", "Nov 2015", "Q2 2026",
 * "summer 2015", "2015", "the 1990s", "the 20th century", "the present", "before 24 Nov 2015". A value we cannot
 * read is returned as it is.
 */
export function humanDate(value: string, options: HumanDateOptions = {}): string {
  const shape = parse(value);
  if (!shape) return value;
  const words = wordsFor(options.locale);
  switch (shape.kind) {
    case 'day': {
      const day = dayText(words, utc(shape.y, shape.m - 1, shape.d), true);
      if (shape.hour !== undefined) return `${day}, ${clockText(words, shape.hour, shape.minute ?? 0)}`;
      return shape.part ? `${day}, ${words.partOfDay[shape.part]}` : day;
    }
    case 'week': {
      const monday = isoWeekMonday(shape.y, shape.w);
      return shape.weekend ? words.weekendOf(dayText(words, monday + 5 * DAY_MS, false)) : words.weekOf(dayText(words, monday, false));
    }
    case 'month':
      return formatter(words.intlLocale, { month: 'short', year: 'numeric' }).format(utc(shape.y, shape.m - 1));
    case 'quarter':
      return words.quarter(shape.q, String(shape.y));
    case 'half':
      return words.half(shape.h, String(shape.y));
    case 'season':
      return words.season(shape.season, shape.y);
    case 'year':
      return String(shape.y);
    case 'decade':
      return words.decade(shape.decade * 10);
    case 'century':
      return words.century(shape.century + 1);
    case 'ref': {
      if (shape.ref === 'PRESENT_REF') return words.present;
      const ref = options.referenceDate ? parse(options.referenceDate) : null;
      if (!ref || ref.kind !== 'day') return shape.ref === 'PAST_REF' ? words.past : words.future;
      const day = dayText(words, utc(ref.y, ref.m - 1, ref.d), false);
      return shape.ref === 'PAST_REF' ? words.before(day) : words.after(day);
    }
  }
}
