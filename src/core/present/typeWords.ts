// The words the editor uses for each annotation type and date precision: one table each, so every view (hover,
// tree, status bar, quick picks) says the same thing. Icons are the host's business and stay in the glue.
import type { AnnotationType, DatePrecision } from '../types';

export interface TypeWords {
  /** Singular, capitalised: "Person". */
  label: string;
  /** Plural, capitalised: "People". */
  plural: string;
  /** Plural for tight places such as the status bar: "Orgs". */
  short: string;
}

export const TYPE_WORDS: Readonly<Record<AnnotationType, TypeWords>> = {
  person: { label: 'Person', plural: 'People', short: 'People' },
  place: { label: 'Place', plural: 'Places', short: 'Places' },
  organization: { label: 'Organization', plural: 'Organizations', short: 'Orgs' },
  date: { label: 'Date', plural: 'Dates', short: 'Dates' },
};

/** `TYPE_WORDS[t].label`, as a record for callers that index by type. */
export const TYPE_LABEL: Readonly<Record<AnnotationType, string>> = pick('label');
/** `TYPE_WORDS[t].plural`, as a record for callers that index by type. */
export const TYPE_PLURAL: Readonly<Record<AnnotationType, string>> = pick('plural');

function pick(word: keyof TypeWords): Record<AnnotationType, string> {
  const out = {} as Record<AnnotationType, string>;
  for (const [type, words] of Object.entries(TYPE_WORDS) as [AnnotationType, TypeWords][]) out[type] = words[word];
  return out;
}

/** How the hover names the granularity of a resolved date. */
export const PRECISION_WORDS: Readonly<Record<DatePrecision, string>> = {
  time: 'time',
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  season: 'season',
  year: 'year',
  decade: 'decade',
  century: 'century',
  reference: 'reference (present, past or future)',
};
