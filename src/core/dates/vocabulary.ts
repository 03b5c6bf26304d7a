// Calendar and number words, kept once: the date rules, the month, weekday and number look-ups (lexicon.ts), the
// entity tokenizer (which keeps the dot of "Nov.") and name propagation (which never spreads "May" or "Sunday" as
// a name) all read them from here.

/** Month names, January first, lower case. */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Abbreviations news writes with a dot ("Nov.", "Sept."); "may" has none. Order matters in a regex: "sept" before "sep". */
export const MONTH_ABBREVIATIONS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'];

/** Weekday names, Monday first (ISO weekday = index + 1), lower case. */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Number words by value: zero to nineteen, and the tens (index = tens digit). */
export const SMALL_NUMBERS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
export const TENS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
