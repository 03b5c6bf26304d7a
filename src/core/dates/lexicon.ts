// Word lists shared by detection and reference-date detection.
import type { PartOfDay, Season } from './expression';
import { MONTHS, SMALL_NUMBERS as SMALL, TENS, WEEKDAYS } from './vocabulary';

const UNITS = SMALL.slice(1, 10).join('|');
const TENS_AND_UNIT = new RegExp(`^(${TENS.slice(2).join('|')})(?:[- ](${UNITS}))?$`);

/** Month (1-12) of a full name or abbreviation ("Sept.", "Nov"), or 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  for (let i = 0; i < MONTHS.length; i++) if (MONTHS[i] === w || (w.length === 3 && MONTHS[i].startsWith(w))) return i + 1;
  return 0;
}

/** ISO weekday (1 = Monday) of a name, or 0. */
export function weekdayNumber(word: string): number {
  return WEEKDAYS.indexOf(word.toLowerCase()) + 1;
}

/** Value of "a", "two", "twenty-four", "12"; null when the phrase is not a number. */
export function numberValue(phrase: string): number | null {
  const w = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  const small = SMALL.indexOf(w);
  if (small >= 0) return small;
  const m = TENS_AND_UNIT.exec(w);
  if (m) return TENS.indexOf(m[1]) * 10 + (m[2] ? SMALL.indexOf(m[2]) : 0);
  return null;
}

/** Regex source for a spelled-out number up to ninety-nine (or "a"/"an"/digits). */
export const NUMBER_WORDS = `(?:\\d{1,3}|an?|${SMALL.slice(1).join('|')}|(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS}))?)`;

/** Ordinal words for days and quarters. */
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
];

export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)?$/.exec(w);
  if (m) return Number(m[1]);
  const i = ORDINALS.indexOf(w);
  return i >= 0 ? i + 1 : null;
}

export function partOfDay(word: string | undefined): PartOfDay | undefined {
  switch (word?.toLowerCase().replace(/[\s-]+/g, ' ')) {
    case 'morning':
      return 'MO';
    case 'afternoon':
    case 'mid afternoon':
    case 'midafternoon':
      return 'AF';
    case 'evening':
      return 'EV';
    case 'night':
    case 'tonight':
    case 'overnight':
      return 'NI';
    default:
      return undefined;
  }
}

export function seasonCode(word: string): Season {
  const w = word.toLowerCase();
  if (w === 'spring') return 'SP';
  if (w === 'summer') return 'SU';
  if (w === 'winter') return 'WI';
  return 'FA';
}

/** "nineteen ninety-six" -> 1996, "two thousand" -> 2000; null otherwise. */
export function spelledYear(phrase: string): number | null {
  const w = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = /^(nineteen|eighteen|twenty) (.+)$/.exec(w);
  if (m && !/thousand/.test(w)) {
    const hi = SMALL.indexOf(m[1]);
    const lo = numberValue(m[2]);
    if (hi > 0 && lo !== null && lo >= 10 && lo < 100) return hi * 100 + lo;
    return null;
  }
  const t = /^two thousand(?: (?:and )?(.+))?$/.exec(w);
  if (t) {
    const lo = t[1] ? numberValue(t[1]) : 0;
    return lo !== null && lo < 100 ? 2000 + lo : null;
  }
  return null;
}
