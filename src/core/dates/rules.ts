// The date rules: each is a regular expression for one family of TIMEX3 DATE/TIME expressions whose extent follows
// TimeML (determiners and modifiers in: "the third quarter", "earlier this year", "a year ago"; prepositions out:
// "on Tuesday" -> "Tuesday"), and a builder that checks the context and says what the match means.
import type { DateExpression, Tense, TimeOfDay } from './expression';
import { monthNumber, numberValue, NUMBER_WORDS, ordinalValue, partOfDay, seasonCode, spelledYear, weekdayNumber } from './lexicon';
import { MONTH_ABBREVIATIONS, MONTHS, SMALL_NUMBERS, TENS, WEEKDAYS } from './vocabulary';

// (every rule's regex is case-insensitive: see rx)
const WD = `(?:${WEEKDAYS.join('|')})`;
const MFULL = `(?:${MONTHS.join('|')})`;
const MON = `(?:${MFULL}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?)`;
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?!\\d|:\\d|%)';
const YEAR_DIGITS = '(?:1[5-9]\\d\\d|20\\d\\d)(?![\\d%]|,\\d|\\.\\d)';
const SPELLED_YEAR = `(?:(?:nineteen|eighteen)\\s+(?:${SMALL_NUMBERS.slice(10).join('|')}|(?:${TENS.slice(2).join('|')})(?:[- ](?:${SMALL_NUMBERS.slice(1, 10).join('|')}))?))`;
const YEAR = `(?:${YEAR_DIGITS}|${SPELLED_YEAR})`;
const PART = '(?:morning|afternoon|evening|night)';
const EDGE_MOD = '(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of|the\\s+(?:rest|remainder)\\s+of)';
const ZONE = '[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|IST|JST|local\\s+time';
const MODW = '(?:early|earlier|late|later|mid)';
const ORD_Q = '(?:first|second|third|fourth|last|1st|2nd|3rd|4th)';

export interface Rule {
  /**
   * Words of which every match of `re` contains one (in lower case, matched as case-insensitively as `re`;
   * ANY_DIGIT: any digit 0-9): a paragraph with none of them is not scanned with `re` at all (guards.ts). Most
   * paragraphs hold no date, and 37 full scans of each were a tenth of the analysis.
   */
  guard: readonly string[];
  re: RegExp;
  /** Builds the expression, or null to reject the match (the rule then retries one character further on). */
  make: (m: RegExpExecArray, ctx: Context) => DateExpression | null;
}

export interface Context {
  text: string;
  start: number;
  end: number;
  tense: () => Tense;
  /** Whether the paragraph reports periodic results (computed once per paragraph). */
  quarterly: () => boolean;
}

/** In a guard: any ASCII digit (what \d matches in the rules). */
export const ANY_DIGIT = '0-9';
/** Every month name and abbreviation holds its first three letters. */
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const rx = (src: string) => new RegExp(`(?<![\\w'\u2019-])${src}(?![\\w-])`, 'gi');

const isCap = (s: string | undefined) => !!s && s[0] >= 'A' && s[0] <= 'Z';

function yearOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  if (/^\d{4}$/.test(s)) return Number(s);
  return spelledYear(s) ?? undefined;
}

function prevWord(text: string, start: number): string {
  const m = /([A-Za-z]+)[^A-Za-z\d]*$/.exec(text.slice(Math.max(0, start - 30), start));
  return m ? m[1].toLowerCase() : '';
}

function nextWord(text: string, end: number): string {
  const m = /^\s+([A-Za-z]+)/.exec(text.slice(end, end + 30));
  return m ? m[1] : '';
}

function timeFrom(part: string | undefined): TimeOfDay | undefined {
  const p = partOfDay(part);
  return p ? { part: p } : undefined;
}

function clock(h: string, mi: string | undefined, ampm: string | undefined): TimeOfDay | null {
  let hour = Number(h);
  const minute = mi ? Number(mi) : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(ampm);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  return hour <= 24 && minute < 60 ? { hour, minute } : null;
}

/** A day-level anchor written after a time ("5 p.m. Wednesday", "noon Nov. 9"). */
function anchorExpr(anchor: string | undefined, ctx: Context, time: TimeOfDay): DateExpression | null {
  if (!anchor) return { kind: 'time', time };
  const a = anchor.toLowerCase();
  if (a === 'today' || a === 'tonight') return { kind: 'relative', unit: 'day', offset: 0, time };
  if (a === 'yesterday') return { kind: 'relative', unit: 'day', offset: -1, time };
  if (a === 'tomorrow') return { kind: 'relative', unit: 'day', offset: 1, time };
  const wd = weekdayNumber(a);
  if (wd) return isCap(anchor) ? { kind: 'weekday', weekday: wd, shift: 0, tense: ctx.tense(), time } : null;
  const md = /^(\S+)\s+(\d+)/.exec(anchor);
  if (md && isCap(md[1])) return { kind: 'calendar', month: monthNumber(md[1]), day: Number(md[2]), tense: ctx.tense(), time };
  return null;
}

// Nouns that make a four-digit number a count or a model rather than a year ("1990 people").
const NOT_AFTER_YEAR =
  /^(?:people|persons|men|women|children|troops|soldiers|workers|employees|jobs|votes|units|shares|cars|homes|houses|feet|foot|meters|metres|miles|kilometers|kilometres|km|tons|tonnes|pounds|dollars|euros|yen|hours|minutes|seconds|acres|barrels|calories|points|rpm|mph|kg|lb|ft|m|cc|series|model)$/i;
/** A paragraph reporting periodic results: "a year ago" there means the same quarter a year ago. */
export const QUARTERLY = /\b(?:quarter|cents\s+a\s+share|a\s+share|net\s+income|net\s+loss|per-share)\b/i;
const EVENT_DAY = /\b(?:Black|Good|Bloody|Super|Ash|Easter|Palm|Cyber|Holy|Maundy|Shrove|Giving|Manic|Casual)\s$/;
// Names and numbers that take a four-digit number ("Flight 1989", "Windows 2000", "Resolution 2042").
const NOT_BEFORE_YEAR =
  /\b(?:Flight|Route|Room|Windows|Highway|Interstate|Article|Section|Resolution|Chapter|Form|Model|No\.?|Number|Bus|Train|Apollo|Boeing|Airbus|Suite|Unit|Platform|Gate|Track|Code|Rule|Order|Bill|Act|Case|Docket|Patent)\s+$/;
const SHIFT: Record<string, -1 | 0 | 1> = {
  last: -1,
  next: 1,
  this: 0,
  'this past': -1,
  'this coming': 1,
  'the previous': -1,
  'the following': 1,
  coming: 1,
  past: -1,
};
// A year range's ends: four digits not inside a longer number or an amount, and a second end not followed by more.
const NOT_IN_NUMBER = "(?<![\\w'\u2019$\u00a3\u20ac.,/-])";
const RANGE_YEAR = '(?:1[5-9]|20)\\d\\d';
const RANGE_END = '(?![\\w%/-]|[.,]\\d)';
/** The two years of "1998-1999" or "1968-69", or null when the second does not follow the first within 30 years. */
function rangeYears(first: string, second: string): [number, number] | null {
  const a = Number(first);
  let b = Number(second);
  if (second.length === 2) b += Math.floor(a / 100) * 100 + (b < a % 100 ? 100 : 0);
  return b > a && b - a <= 30 ? [a, b] : null;
}
const shiftOf = (det: string | undefined) => (det ? SHIFT[det.toLowerCase().replace(/\s+/g, ' ')] : undefined);

export const RULES: Rule[] = [
  // "Monday, May 9, 2016", "Nov. 5", "November 5, 2015", "early June 3"
  {
    guard: MONTH_WORDS,
    re: rx(`(?:(?<wd>${WD}),?\\s+)?(?<mon>${MON})\\s+(?<day>${DAY})(?:(?:,\\s*|\\s+)(?<year>${YEAR_DIGITS}))?`),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (!isCap(g.mon) || (g.wd && !isCap(g.wd))) return null;
      return { kind: 'calendar', year: yearOf(g.year), month: monthNumber(g.mon), day: parseInt(g.day, 10), tense: ctx.tense() };
    },
  },
  // "5 November 2015", "Tuesday, 24 November"
  {
    guard: MONTH_WORDS,
    re: rx(`(?:(?<wd>${WD}),?\\s+)?(?:the\\s+)?(?<day>${DAY})(?:\\s+of)?\\s+(?<mon>${MON})(?:,?\\s+(?<year>${YEAR_DIGITS}))?`),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (!isCap(g.mon) || (g.wd && !isCap(g.wd)) || (/^the/i.test(m[0]) && !g.year)) return null;
      return { kind: 'calendar', year: yearOf(g.year), month: monthNumber(g.mon), day: parseInt(g.day, 10), tense: ctx.tense() };
    },
  },
  // "November 2015", "late July of 1999", "January nineteen ninety-seven", "the end of November 1998"
  {
    guard: MONTH_WORDS,
    re: rx(`(?:(?:${MODW})[\\s-]+|${EDGE_MOD}\\s+)?(?<mon>${MON})(?:,?\\s+|\\s+of\\s+)(?<year>${YEAR})`),
    make: (m, ctx) =>
      isCap(m.groups?.mon) ? { kind: 'calendar', year: yearOf(m.groups?.year), month: monthNumber(m.groups?.mon ?? ''), tense: ctx.tense() } : null,
  },
  // "last November", "early December", "mid-November", "January this year", "the end of November", bare "April"
  {
    guard: MONTH_WORDS,
    re: rx(
      `(?:(?<det>last|next|this|this\\s+past|this\\s+coming)\\s+|(?<mod>${MODW})[\\s-]+|(?<edge>${EDGE_MOD})\\s+)?(?<mon>${MFULL})(?:\\s+(?<rel>this|last|next)\\s+year)?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (!isCap(g.mon)) return null;
      const bare = !g.det && !g.mod && !g.edge && !g.rel;
      const prev = prevWord(ctx.text, ctx.start);
      // "each July" repeats (a TIMEX3 SET), it is not one date
      if (bare && /^(?:each|every)$/.test(prev)) return null;
      const temporalPrep = /^(?:in|since|until|till|by|of|from|through|during|before|after|to|late|early|mid|last|this|next|between|and|or)$/.test(prev);
      // "May" the modal and "March" the verb are only months with a date word or preposition around them.
      if (bare && /^(?:may|march)$/i.test(g.mon) && !temporalPrep) return null;
      // "April Smith", "June Carter": a capitalized word right after a bare month makes it a given name.
      if (
        bare &&
        isCap(nextWord(ctx.text, ctx.end)) &&
        !/^(?:in|since|until|till|by|during|before|after|through|from|early|late|mid|last|this|next)$/.test(prev)
      )
        return null;
      if (bare && !temporalPrep && /^(?:august|may)$/i.test(g.mon)) return null;
      const yearOffset = g.rel ? (shiftOf(g.rel) ?? 0) : undefined;
      return { kind: 'calendar', month: monthNumber(g.mon), yearOffset, shift: shiftOf(g.det), tense: ctx.tense() };
    },
  },
  // ISO and numeric dates: "2015-11-05", "11/05/2015"
  {
    guard: [ANY_DIGIT],
    re: rx('(?<y>(?:1[5-9]|20)\\d\\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\\d|3[01])(?!\\d)'),
    make: (m, ctx) => ({ kind: 'calendar', year: Number(m.groups?.y), month: Number(m.groups?.m), day: Number(m.groups?.d), tense: ctx.tense() }),
  },
  {
    guard: [ANY_DIGIT],
    re: rx('(?<m>0?[1-9]|1[0-2])/(?<d>0?[1-9]|[12]\\d|3[01])/(?<y>(?:19|20)\\d\\d)(?![\\d/])'),
    make: (m, ctx) => ({ kind: 'calendar', year: Number(m.groups?.y), month: Number(m.groups?.m), day: Number(m.groups?.d), tense: ctx.tense() }),
  },
  // Weekdays: "Tuesday", "last Friday", "Wednesday night", "this coming Sunday"
  {
    guard: ['day'],
    re: rx(
      `(?:(?<det>last|next|this|this\\s+past|this\\s+coming|the\\s+previous|the\\s+following)\\s+|(?<mod>early|late|earlier|later)\\s+)?(?<wd>${WD})(?:\\s+(?<part>${PART}))?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (!isCap(g.wd)) return null;
      // "Black Friday", "Bloody Sunday", "Super Tuesday": names of events, not the weekday around the article's date
      if (!g.det && !g.mod && EVENT_DAY.test(ctx.text.slice(Math.max(0, ctx.start - 10), ctx.start))) return null;
      // "The Sunday Times", "the Mail on Sunday": newspapers
      if (
        !g.det &&
        !g.mod &&
        !g.part &&
        (/^\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Tribune|Star|World|Sport|People|Business)\b/.test(
          ctx.text.slice(ctx.end, ctx.end + 14),
        ) ||
          /\bMail\s+on\s+$/.test(ctx.text.slice(Math.max(0, ctx.start - 10), ctx.start)))
      )
        return null;
      // "Monday and Tuesday nights" repeat (a TIMEX3 SET)
      if (/^\s+(?:morning|afternoon|evening|night)s\b/i.test(ctx.text.slice(ctx.end, ctx.end + 12))) return null;
      // "every Tuesday" repeats (a TIMEX3 SET)
      if (!g.det && !g.mod && /^(?:each|every)$/.test(prevWord(ctx.text, ctx.start))) return null;
      return { kind: 'weekday', weekday: weekdayNumber(g.wd), shift: shiftOf(g.det) ?? 0, tense: ctx.tense(), time: timeFrom(g.part) };
    },
  },
  // Clock times: "10:30 a.m.", "5 p.m. EST Nov. 9", "4 a.m. EDT Thursday", "14:30 GMT"
  {
    guard: [ANY_DIGIT],
    re: rx(
      `(?:(?:around|about|approximately)\\s+)?(?<h>1[0-2]|0?[1-9])(?::(?<mi>[0-5]\\d))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?:\\s+(?:${ZONE}))?(?:,?\\s+(?<anchor>today|yesterday|tomorrow|tonight|${WD}|${MON}\\s+${DAY}))?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (/^(?:am|pm)$/.test(g.ap) && !g.mi) return null;
      const t = clock(g.h, g.mi, g.ap);
      return t ? anchorExpr(g.anchor, ctx, t) : null;
    },
  },
  {
    guard: [':'],
    re: rx(`(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)\\s*(?:GMT|UTC)`),
    make: m => {
      const t = clock(m.groups?.h ?? '', m.groups?.mi, undefined);
      return t ? { kind: 'time', time: t } : null;
    },
  },
  // "4 in the morning", "mid-afternoon yesterday"
  {
    guard: [ANY_DIGIT],
    re: rx(`(?<h>1[0-2]|0?[1-9])(?:\\s+o'clock)?\\s+in\\s+the\\s+(?<p>morning|afternoon|evening)`),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const t = clock(g.h, undefined, g.p.toLowerCase() === 'morning' ? 'am' : 'pm');
      return t ? anchorExpr(undefined, ctx, t) : null;
    },
  },
  {
    guard: ['mid'],
    re: rx(`mid[- ]?(?<p>morning|afternoon)(?:\\s+(?<anchor>today|yesterday|tomorrow|${WD}))?`),
    make: (m, ctx) => anchorExpr(m.groups?.anchor, ctx, { part: m.groups?.p.toLowerCase() === 'morning' ? 'MO' : 'AF' }),
  },
  {
    guard: ['noon', 'midnight', 'midday'],
    re: rx(
      `(?:(?:around|about|approximately|roughly|shortly\\s+(?:before|after))\\s+)?(?<nm>noon|midnight|midday)(?:\\s+(?<anchor>today|yesterday|tomorrow|${WD}))?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (prevWord(ctx.text, ctx.start) === 'high') return null;
      return anchorExpr(g.anchor, ctx, { hour: g.nm.toLowerCase() === 'midnight' ? 24 : 12, minute: 0 });
    },
  },
  // "today", "late yesterday", "tomorrow morning", "tonight"
  {
    guard: ['today', 'yesterday', 'tomorrow', 'tonight'],
    re: rx(`(?:(?:early|late|earlier|later)\\s+)?(?<rel>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>${PART}))?`),
    make: m => {
      const g = m.groups ?? {};
      const rel = g.rel.toLowerCase();
      const offset = rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
      return { kind: 'relative', unit: 'day', offset, time: timeFrom(rel === 'tonight' ? 'night' : g.part) };
    },
  },
  // "this morning", "last night", "later this afternoon"
  {
    guard: ['morning', 'afternoon', 'evening', 'night'],
    re: rx(`(?:(?:early|late|earlier|later)\\s+)?(?<rel>this|last)\\s+(?<part>${PART})`),
    make: m => {
      const g = m.groups ?? {};
      const last = g.rel.toLowerCase() === 'last';
      return { kind: 'relative', unit: 'day', offset: last ? -1 : 0, time: timeFrom(g.part) };
    },
  },
  {
    guard: ['yesterday', 'tomorrow'],
    re: rx('the\\s+day\\s+(?<dir>before\\s+yesterday|after\\s+tomorrow)'),
    make: m => ({ kind: 'relative', unit: 'day', offset: /^before/i.test(m.groups?.dir ?? '') ? -2 : 2 }),
  },
  // "last week", "earlier this year", "the end of next month", "this past weekend"
  {
    guard: ['week', 'month', 'year', 'quarter', 'decade', 'century'],
    re: rx(
      `(?:(?:${MODW})[\\s-]+|${EDGE_MOD}\\s+)?(?<det>last|this|next|this\\s+past|this\\s+coming|the\\s+previous|the\\s+following|the\\s+coming|the\\s+current|the\\s+same)\\s+(?<unit>week|weekend|month|year|quarter|decade|century)`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const det = g.det.toLowerCase().replace(/\s+/g, ' ');
      // "This Week" with a capital W is a title (a TV programme), not a date
      if (isCap(g.unit) && g.unit !== g.unit.toUpperCase()) return null;
      // "over the last year", "the next month or so": a stretch of time, not a date.
      if (/^(?:last|next)$/.test(det) && prevWord(ctx.text, ctx.start) === 'the' && m[0].toLowerCase().startsWith(det)) return null;
      if (/^(?:century|decade)$/i.test(g.unit) && det !== 'this' && det !== 'last' && det !== 'next') return null;
      const unit = g.unit.toLowerCase() as 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade' | 'century';
      const offset = det === 'the current' || det === 'the same' ? 0 : det === 'the coming' ? 1 : (shiftOf(det) ?? 0);
      if (unit === 'quarter') return { kind: 'quarter', quarter: null, relative: offset, tense: ctx.tense() };
      return { kind: 'relative', unit, offset, tense: ctx.tense() };
    },
  },
  // "that day", "the next morning", "earlier that day", "later that year": tied to another date of the story
  {
    guard: ['day', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year'],
    re: rx(
      `(?:(?:earlier|later)\\s+)?(?<det>that|that\\s+same|the\\s+same|the\\s+next|the\\s+following|the\\s+previous|the\\s+prior)\\s+(?<unit>day|morning|afternoon|evening|night|week|month|year)`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const det = g.det.toLowerCase().replace(/\s+/g, ' ');
      const unit = g.unit.toLowerCase();
      // "the next year or so", "the following week's vote" are stretches or other things; "that day" as an object is fine
      if (/^\s+or\s+so\b/i.test(ctx.text.slice(ctx.end, ctx.end + 8))) return null;
      const offset = det === 'the next' || det === 'the following' ? 1 : det === 'the previous' || det === 'the prior' ? -1 : 0;
      const part = partOfDay(unit);
      if (part) return { kind: 'anaphoric', unit: 'day', offset, time: { part } };
      return { kind: 'anaphoric', unit: unit as 'day' | 'week' | 'month' | 'year', offset };
    },
  },
  // "at the time", "at that time" (not "at the time of the attack"): the moment the story is about, which TimeML
  // values as PAST_REF (FUTURE_REF in a sentence about the future) when it is not anchored to a written date
  {
    guard: ['time'],
    re: rx('(?<=\\bat\\s+)(?:the|that)\\s+time'),
    make: (_m, ctx) => {
      if (/^\s+of\b/i.test(ctx.text.slice(ctx.end, ctx.end + 4))) return null;
      return { kind: 'ref', ref: ctx.tense() === 'future' ? 'FUTURE_REF' : 'PAST_REF' };
    },
  },
  // Year ranges "1998-1999", "1968-69", "2019\u201320": TimeML tags each end as its own DATE ("69" is 1969)
  {
    guard: [ANY_DIGIT],
    re: new RegExp(`${NOT_IN_NUMBER}(?<y>${RANGE_YEAR})(?=[-\u2013](?:\\d{4}|\\d\\d)${RANGE_END})`, 'g'),
    make: m =>
      rangeYears(m[0], /^\d+/.exec(m.input.slice(m.index + 5, m.index + 9))?.[0] ?? '') ? { kind: 'calendar', year: Number(m[0]), tense: 'none' } : null,
  },
  {
    guard: [ANY_DIGIT],
    re: new RegExp(`(?<=${NOT_IN_NUMBER}${RANGE_YEAR}[-\u2013])(?:\\d{4}|\\d\\d)${RANGE_END}`, 'g'),
    make: m => {
      const years = rangeYears(m.input.slice(m.index - 5, m.index - 1), m[0]);
      return years ? { kind: 'calendar', year: years[1], tense: 'none' } : null;
    },
  },
  // "the end of the year", "earlier in the month", "year-end", "the weekend"
  {
    guard: ['week', 'month', 'year', 'decade'],
    re: rx(`(?:${EDGE_MOD}\\s+the|(?:earlier|later)\\s+in\\s+the)\\s+(?<unit>week|month|year|decade)`),
    make: (m, ctx) => ({ kind: 'relative', unit: m.groups?.unit.toLowerCase() as 'week' | 'month' | 'year' | 'decade', offset: 0, tense: ctx.tense() }),
  },
  {
    guard: ['year'],
    re: rx("(?:(?:around|at|by)\\s+)?(?:the\\s+)?year(?:-|\\s|'s\\s+|\u2019s\\s+)end"),
    make: (m, ctx) => {
      // "around year end" keeps its modifier in TimeML; plain prepositions stay out.
      if (/^(?:at|by)\s/i.test(m[0])) return null;
      return { kind: 'relative', unit: 'year', offset: 0, tense: ctx.tense() };
    },
  },
  {
    guard: ['weekend'],
    re: rx('the\\s+weekend'),
    make: (_m, ctx) => ({ kind: 'relative', unit: 'weekend', offset: 0, tense: ctx.tense() }),
  },
  // "two weeks ago", "a year earlier", "nearly four years ago", "several years ago"
  {
    guard: ['ago', 'earlier', 'from', 'hence'],
    re: rx(
      `(?:(?:about|almost|nearly|roughly|some|just|only|more\\s+than|less\\s+than)\\s+)?(?<num>${NUMBER_WORDS}|a\\s+few|a\\s+couple\\s+of|several|many)\\s+(?<unit>day|week|month|year|decade)s?\\s+(?<dir>ago|earlier|from\\s+now|hence)`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const n = numberValue(g.num);
      const dir = /^(?:ago|earlier)$/i.test(g.dir) ? -1 : 1;
      if (n === null) return { kind: 'ref', ref: dir < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      const unit = g.unit.toLowerCase() as 'day' | 'week' | 'month' | 'year' | 'decade';
      return { kind: 'relative', unit, offset: dir * n, quarterContext: unit === 'year' && n === 1 && ctx.quarterly() };
    },
  },
  // "year-earlier", "year-ago" used as adjectives ("year-earlier profit")
  {
    guard: ['year-'],
    re: rx('year-(?:earlier|ago)'),
    make: (_m, ctx) => ({ kind: 'relative', unit: 'year', offset: -1, quarterContext: ctx.quarterly() }),
  },
  // References to the present, past and future.
  {
    guard: ['now', 'current', 'days', 'recent', 'future', 'term', 'coming', 'past'],
    re: rx(
      '(?:right\\s+now|now|currently|nowadays|these\\s+days|(?:more\\s+)?recently|recent\\s+(?:years|months|weeks|days)|the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|the\\s+near\\s+term|(?:the\\s+)?coming\\s+(?:days|weeks|months|years|quarters)|future\\s+quarters|the\\s+past)',
    ),
    make: (m, ctx) => {
      const w = m[0].toLowerCase().replace(/\s+/g, ' ');
      const next = ctx.text.slice(ctx.end, ctx.end + 20);
      if (w === 'the past') {
        // only "in the past": "the past three years" is a duration, "the past tense" is not time at all
        if (
          prevWord(ctx.text, ctx.start) !== 'in' ||
          /^\s+(?:\w+[\s-]+)?(?:days?|weeks?|months?|quarters?|years?|decades?|centur\w+|few|several|\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b/i.test(
            next,
          )
        )
          return null;
        return { kind: 'ref', ref: 'PAST_REF' };
      }
      if (/future$/.test(w) && /^\s+(?:of|for)\b/i.test(next)) return null;
      if (w === 'now' && /^-/.test(next)) return null;
      // "from now on", "from now until the vote", "for now": idioms for a stretch of time, not a point in it
      if (w === 'now' && ((prevWord(ctx.text, ctx.start) === 'from' && /^\s+(?:on|to|until|till)\b/i.test(next)) || prevWord(ctx.text, ctx.start) === 'for'))
        return null;
      if (/recent|past/.test(w)) return { kind: 'ref', ref: 'PAST_REF' };
      if (/future|coming|near term/.test(w)) return { kind: 'ref', ref: 'FUTURE_REF' };
      return { kind: 'ref', ref: 'PRESENT_REF' };
    },
  },
  // Quarters and halves: "the third quarter", "third-quarter", "the 1989 third quarter", "the fiscal first quarter",
  // "the second half of 1990", "this year's third quarter"
  {
    guard: ['quarter', 'half'],
    re: rx(
      `(?:(?<the>the|this\\s+year's|last\\s+year's|next\\s+year's|a)\\s+)?(?:(?<ymod>year-ago|year-earlier|comparable|same|corresponding|latest|current|previous|prior|recent|most\\s+recent|flat)\\s+)?(?:(?<py>${YEAR_DIGITS})\\s+)?(?:(?<fiscal>fiscal)[\\s-]+)?(?<ord>${ORD_Q})(?<sep>[\\s-]+)(?<unit>quarter|half)(?:\\s+of\\s+(?:(?:fiscal\\s+)?(?<year>${YEAR_DIGITS})|(?<yrel>this|last|next|the)\\s+year))?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const n = g.ord.toLowerCase() === 'last' ? (g.unit.toLowerCase() === 'half' ? 2 : 4) : (ordinalValue(g.ord) ?? 1);
      if (g.ord.toLowerCase() === 'last' && !g.year) return null;
      if (g.unit.toLowerCase() === 'half' && n > 2) return null;
      // "the first half" is a half of some year only with a year or a financial context
      if (g.unit.toLowerCase() === 'half' && !g.year && !g.py && !g.fiscal && !g.yrel) return null;
      if (g.the?.toLowerCase() === 'a' && !g.ymod) return null;
      // "the third-quarter loss": TimeML tags the adjective alone
      if (g.the?.toLowerCase() === 'the' && !g.ymod && !g.py && g.sep.includes('-')) return null;
      const poss = g.the?.toLowerCase().replace(/\s+/g, ' ');
      const yrel = g.yrel?.toLowerCase();
      const yearOffset =
        poss === "this year's"
          ? 0
          : poss === "last year's"
            ? -1
            : poss === "next year's"
              ? 1
              : /^year-/i.test(g.ymod ?? '')
                ? -1
                : yrel
                  ? yrel === 'the'
                    ? 0
                    : shiftOf(yrel)
                  : undefined;
      const year = yearOf(g.year ?? g.py);
      if (g.unit.toLowerCase() === 'half') return { kind: 'half', half: n === 1 ? 1 : 2, year, yearOffset };
      return { kind: 'quarter', quarter: n, year, yearOffset, tense: ctx.tense() };
    },
  },
  // "the quarter", "the latest quarter", "the year-ago period", "the 1989 period", "the current quarter"
  {
    guard: ['quarter', 'period'],
    re: rx(
      `(?<the>the|this|last|next|(?:this|last|next)\\s+year's)\\s+(?:(?<ymod>year-ago|year-earlier|comparable|same|corresponding|latest|current|previous|prior|recent|most\\s+recent|(?<py>${YEAR_DIGITS}))\\s+)?(?:fiscal\\s+)?(?<unit>quarter|period)`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const the = g.the.toLowerCase();
      const ymod = g.ymod?.toLowerCase();
      if (/^\s+of\b/i.test(ctx.text.slice(ctx.end, ctx.end + 5))) return null;
      if (g.unit.toLowerCase() === 'period' && !ymod) return null;
      if (g.py)
        return g.unit.toLowerCase() === 'period'
          ? { kind: 'calendar', year: Number(g.py), tense: 'none' }
          : { kind: 'quarter', quarter: null, relative: -1, year: Number(g.py), tense: ctx.tense() };
      if (ymod === 'year-ago' || ymod === 'year-earlier') return { kind: 'quarter', quarter: null, relative: -1, yearOffset: -1, tense: ctx.tense() };
      const poss = /^(this|last|next)\s+year/.exec(the)?.[1];
      if (poss) return { kind: 'quarter', quarter: null, relative: -1, yearOffset: shiftOf(poss), tense: ctx.tense() };
      if (the === 'this' || ymod === 'current') return { kind: 'quarter', quarter: null, relative: 0, tense: ctx.tense() };
      if (the === 'next') return { kind: 'quarter', quarter: null, relative: 1, tense: ctx.tense() };
      if (the === 'last' && ymod) return null;
      if (ymod === 'same' || ymod === 'comparable' || ymod === 'corresponding') return null;
      return { kind: 'quarter', quarter: null, relative: -1, tense: ctx.tense() };
    },
  },
  // "the current fiscal year", "the latest fiscal year", "the full year"
  {
    guard: ['year'],
    re: rx('the\\s+(?<mod>current|latest|previous|prior|next|full)\\s+(?:fiscal\\s+)?year'),
    make: (m, ctx) => {
      const mod = m.groups?.mod.toLowerCase();
      if (mod === 'full' && /fiscal/i.test(m[0])) return null;
      const offset = mod === 'latest' || mod === 'previous' || mod === 'prior' ? -1 : mod === 'next' ? 1 : 0;
      return { kind: 'relative', unit: 'year', offset, tense: ctx.tense() };
    },
  },
  // "the same period last year", "the corresponding quarter a year ago"
  {
    guard: ['same', 'corresponding', 'comparable'],
    re: rx('the\\s+(?:same|corresponding|comparable)\\s+(?<unit>period|quarter|month|week)\\s+(?:last\\s+year|a\\s+year\\s+(?:ago|earlier))'),
    make: (m, ctx) => {
      const unit = m.groups?.unit.toLowerCase();
      if (unit === 'quarter' || (unit === 'period' && ctx.quarterly()))
        return { kind: 'quarter', quarter: null, relative: -1, yearOffset: -1, tense: ctx.tense() };
      if (unit === 'month') return { kind: 'relative', unit: 'month', offset: -12 };
      if (unit === 'week') return { kind: 'relative', unit: 'week', offset: -52 };
      return { kind: 'relative', unit: 'year', offset: -1 };
    },
  },
  // "Q3", "Q3 2015", "H1 2016", "FY2015"
  {
    guard: ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'fy'],
    re: rx(`(?:(?<q>Q[1-4])|(?<h>H[12])|FY\\s?(?<fy>${YEAR_DIGITS}))(?:\\s+(?<year>${YEAR_DIGITS}))?`),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      if (g.fy) return g.year ? null : { kind: 'calendar', year: Number(g.fy), tense: 'none' };
      // upper case only: "q3" or "h1" in running text are something else
      if (!/^[QH][1-4]/.test(m[0])) return null;
      const year = g.year ? Number(g.year) : undefined;
      if (g.h) return year ? { kind: 'half', half: g.h[1] === '1' ? 1 : 2, year } : null;
      return { kind: 'quarter', quarter: Number(g.q[1]), year, tense: ctx.tense() };
    },
  },
  // "fiscal 1989", "fiscal year 1990"
  {
    guard: ['fiscal'],
    re: rx(`fiscal\\s+(?:year\\s+)?(?<year>${YEAR_DIGITS})`),
    make: m => ({ kind: 'calendar', year: Number(m.groups?.year), tense: 'none' }),
  },
  // Seasons: "last fall", "the summer of 1998", "this past spring", "winter 1999"
  {
    guard: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    re: rx(
      `(?:(?<mod>early|late|mid)[\\s-]+(?=(?:last|next|this)\\s))?(?:(?<det>last|next|this|this\\s+past|this\\s+coming|early|late|the|the\\s+early|the\\s+late)\\s+)?(?<season>spring|summer|fall|autumn|winter)(?:,?\\s+(?:of\\s+)?(?<year>${YEAR}))?`,
    ),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const det = g.det?.toLowerCase().replace(/\s+/g, ' ');
      const year = yearOf(g.year);
      if (!det && !year) return null;
      if (/^(?:the|early|late|the early|the late)$/.test(det ?? '') && !year && g.season.toLowerCase() === 'fall') return null;
      if (det === 'the' && !year && /^\s+(?:of|in)\b/i.test(ctx.text.slice(ctx.end, ctx.end + 5))) return null;
      return { kind: 'season', season: seasonCode(g.season), year, shift: shiftOf(det), tense: ctx.tense() };
    },
  },
  // Decades and centuries: "the 1990s", "the mid-1980s", "the '90s", "the nineties", "the 20th century"
  {
    guard: ['0s', 'ties'],
    re: rx(
      `(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?(?<dec>(?:1[5-9]|20)\\d0s|['\u2019]\\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
    ),
    make: (m, ctx) => {
      const d = (m.groups?.dec ?? '').toLowerCase();
      const words = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
      const wi = words.indexOf(d);
      if (wi >= 0) {
        // "in their forties" is an age
        if (!/^the\b/i.test(m[0]) || /^(?:their|his|her|my|your|our)$/.test(prevWord(ctx.text, ctx.start))) return null;
        return { kind: 'decade', decade: 192 + wi };
      }
      if (/^\d{4}s$/.test(d)) return { kind: 'decade', decade: Number(d.slice(0, 3)) };
      return { kind: 'decade', decade: 190 + Number(d[1]) };
    },
  },
  {
    guard: ['century'],
    re: rx(
      '(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?(?<n>\\d{1,2}(?:st|nd|rd|th)|(?:twenty-)?first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\\s+century',
    ),
    make: m => {
      const n = ordinalValue(m.groups?.n ?? '') ?? (/twenty-first/i.test(m.groups?.n ?? '') ? 21 : null);
      return n && n <= 21 ? { kind: 'century', century: n - 1 } : null;
    },
  },
  // Holidays with fixed or computed dates.
  {
    guard: ['christmas', 'year', 'thanksgiving', 'independence', 'halloween', 'valentine'],
    re: rx(
      "(?:(?<det>last|next|this)\\s+)?(?<h>Christmas(?:\\s+Day|\\s+Eve)?|New\\s+Year's\\s+(?:Day|Eve)|New\\s+Year\u2019s\\s+(?:Day|Eve)|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|Halloween|Valentine's\\s+Day)",
    ),
    make: (m, ctx) => {
      const h = (m.groups?.h ?? '').toLowerCase().replace(/\s+/g, ' ').replace('\u2019', "'");
      if (!isCap(m.groups?.h)) return null;
      const tense = ctx.tense();
      const shift = shiftOf(m.groups?.det);
      if (shift !== undefined) {
        const fixed: Record<string, [number, number]> = {
          christmas: [12, 25],
          'christmas day': [12, 25],
          'christmas eve': [12, 24],
          "new year's day": [1, 1],
          "new year's eve": [12, 31],
          'independence day': [7, 4],
          halloween: [10, 31],
          "valentine's day": [2, 14],
        };
        if (h.startsWith('thanksgiving')) return { kind: 'calendar', month: 11, nthWeekday: [4, 4], shift, tense };
        const f = fixed[h];
        return f ? { kind: 'calendar', month: f[0], day: f[1], shift, tense } : null;
      }
      if (h.startsWith('christmas')) return { kind: 'calendar', month: 12, day: h.endsWith('eve') ? 24 : 25, tense };
      if (h === "new year's day") return { kind: 'calendar', month: 1, day: 1, tense };
      if (h === "new year's eve") return { kind: 'calendar', month: 12, day: 31, tense };
      if (h.startsWith('thanksgiving')) return { kind: 'calendar', month: 11, nthWeekday: [4, 4], tense };
      if (h === 'independence day') return { kind: 'calendar', month: 7, day: 4, tense };
      if (h === 'halloween') return { kind: 'calendar', month: 10, day: 31, tense };
      return { kind: 'calendar', month: 2, day: 14, tense };
    },
  },
  // Years: "1945", "2011", "early 1999", "the end of 1998", "nineteen ninety-six", "the year two thousand"
  {
    guard: [ANY_DIGIT, 'nineteen', 'eighteen', 'thousand'],
    re: rx(`(?:(?:${MODW})[\\s-]+|${EDGE_MOD}\\s+|the\\s+year\\s+)?(?<year>${YEAR}|(?<=the\\s+year\\s+)two\\s+thousand)`),
    make: (m, ctx) => {
      const g = m.groups ?? {};
      const year = /thousand/i.test(g.year) ? 2000 : yearOf(g.year);
      if (!year) return null;
      const before = ctx.text.slice(Math.max(0, ctx.start - 2), ctx.start);
      if (/[$£€#\d.,:/]\s?$/.test(before) || /No\.\s?$/.test(ctx.text.slice(Math.max(0, ctx.start - 4), ctx.start))) return null;
      const after = ctx.text.slice(ctx.end, ctx.end + 20);
      if (/^(?:\s*(?:%|percent|per\s+cent)|-\d|\.\d|:\d)/i.test(after)) return null;
      if (NOT_AFTER_YEAR.test(nextWord(ctx.text, ctx.end))) return null;
      if (NOT_BEFORE_YEAR.test(ctx.text.slice(Math.max(0, ctx.start - 14), ctx.start))) return null;
      if (/^\d/.test(g.year) && (year < 1800 || year > 2100)) return null;
      return { kind: 'calendar', year, tense: 'none' };
    },
  },
];
