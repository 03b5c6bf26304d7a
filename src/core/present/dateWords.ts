// The words around dates that Intl does not have ("week of", "summer", "the 1990s", "before ..."), per language.
// Intl formats the days and months; a language without a table here is written wholly in English rather than
// mixing two languages in one phrase.

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

export interface DateWords {
  /** The locale handed to Intl.DateTimeFormat. */
  intlLocale: string;
  weekOf(day: string): string;
  weekendOf(day: string): string;
  quarter(q: number, year: string): string;
  half(h: number, year: string): string;
  /** `year` is the one the season starts in (winter 2015 runs into 2016). */
  season(season: Season, year: number): string;
  /** `firstYear` is 1990 for the 1990s. */
  decade(firstYear: number): string;
  /** `ordinal` is 20 for the 20th century. */
  century(ordinal: number): string;
  partOfDay: Record<PartOfDay, string>;
  present: string;
  past: string;
  future: string;
  before(day: string): string;
  after(day: string): string;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "2015–16" for a winter that spans two years. */
const winterYears = (y: number, sep: string) => `${y}${sep}${String((y + 1) % 100).padStart(2, '0')}`;

export const DATE_WORDS: Readonly<Record<string, DateWords>> = {
  en: {
    intlLocale: 'en-GB',
    weekOf: d => `week of ${d}`,
    weekendOf: d => `weekend of ${d}`,
    quarter: (q, y) => `Q${q} ${y}`,
    half: (h, y) => `${h === 1 ? 'first' : 'second'} half of ${y}`,
    season: (s, y) => (s === 'WI' ? `winter ${winterYears(y, '–')}` : `${{ SP: 'spring', SU: 'summer', FA: 'autumn' }[s]} ${y}`),
    decade: y => `the ${y}s`,
    century: n => `the ${englishOrdinal(n)} century`,
    partOfDay: { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' },
    present: 'the present',
    past: 'the past',
    future: 'the future',
    before: d => `before ${d}`,
    after: d => `after ${d}`,
  },
  fr: {
    intlLocale: 'fr',
    weekOf: d => `semaine du ${d}`,
    weekendOf: d => `week-end du ${d}`,
    quarter: (q, y) => `T${q} ${y}`,
    half: (h, y) => `${h === 1 ? 'premier' : 'second'} semestre ${y}`,
    season: (s, y) => (s === 'WI' ? `hiver ${winterYears(y, '-')}` : `${{ SP: 'printemps', SU: 'été', FA: 'automne' }[s]} ${y}`),
    decade: y => `les années ${y}`,
    century: n => `le ${roman(n)}e siècle`,
    partOfDay: { MO: 'matin', AF: 'après-midi', EV: 'soir', NI: 'nuit' },
    present: 'le présent',
    past: 'le passé',
    future: "l'avenir",
    before: d => `avant le ${d}`,
    after: d => `après le ${d}`,
  },
  de: {
    intlLocale: 'de',
    weekOf: d => `Woche vom ${d}`,
    weekendOf: d => `Wochenende vom ${d}`,
    quarter: (q, y) => `Q${q} ${y}`,
    half: (h, y) => `${h}. Halbjahr ${y}`,
    season: (s, y) => (s === 'WI' ? `Winter ${winterYears(y, '/')}` : `${{ SP: 'Frühling', SU: 'Sommer', FA: 'Herbst' }[s]} ${y}`),
    decade: y => `die ${y}er`,
    century: n => `das ${n}. Jahrhundert`,
    partOfDay: { MO: 'Vormittag', AF: 'Nachmittag', EV: 'Abend', NI: 'Nacht' },
    present: 'die Gegenwart',
    past: 'die Vergangenheit',
    future: 'die Zukunft',
    before: d => `vor dem ${d}`,
    after: d => `nach dem ${d}`,
  },
  es: {
    intlLocale: 'es',
    weekOf: d => `semana del ${d}`,
    weekendOf: d => `fin de semana del ${d}`,
    quarter: (q, y) => `T${q} ${y}`,
    half: (h, y) => `${h === 1 ? 'primer' : 'segundo'} semestre de ${y}`,
    season: (s, y) => (s === 'WI' ? `invierno ${winterYears(y, '-')}` : `${{ SP: 'primavera', SU: 'verano', FA: 'otoño' }[s]} de ${y}`),
    decade: y => `la década de ${y}`,
    century: n => `el siglo ${roman(n)}`,
    partOfDay: { MO: 'mañana', AF: 'tarde', EV: 'noche', NI: 'madrugada' },
    present: 'el presente',
    past: 'el pasado',
    future: 'el futuro',
    before: d => `antes del ${d}`,
    after: d => `después del ${d}`,
  },
};

/** The table for a BCP 47 tag's language (`fr-CA` -> fr), English when we have none or Intl cannot format it. */
export function wordsFor(locale: string | undefined): DateWords {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  const words = DATE_WORDS[language];
  if (!words) return DATE_WORDS.en;
  return Intl.DateTimeFormat.supportedLocalesOf([words.intlLocale]).length ? words : DATE_WORDS.en;
}
