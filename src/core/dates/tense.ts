// A cheap tense hint for the clause around a date: the nearest tense marker wins, looking left first (the verb a
// date modifies usually precedes it in news: "said on Tuesday", "will meet on Tuesday"), then right
// ("Tuesday's vote will ..."). News is written in the past, so callers treat 'none' as past for weekdays.
import type { Tense } from './expression';

/** Markers that point forward whatever else the clause says. */
const FUTURE = new Set(['will', "'ll", '\u2019ll', 'shall', "won't", 'won\u2019t', 'wo', 'next', 'upcoming', 'tomorrow', 'going', 'soon']);
/** Markers that point forward unless the clause is in the past perfect ("had been scheduled to expire Friday"). */
const WEAK_FUTURE = new Set([
  'would',
  'might',
  'scheduled',
  'expected',
  'expects',
  'expect',
  'plans',
  'planned',
  'plan',
  'due',
  'coming',
  'forthcoming',
  'intends',
  'aims',
  'hopes',
  // the present of a scheduled event points forward in news ("the summit opens on Friday"), as the past would not
  'starts',
  'begins',
  'opens',
  'resumes',
  'expires',
  'arrives',
  'travels',
  'visits',
  'meets',
  'slated',
  'poised',
]);
/** After the date only an auxiliary points forward: "Tuesday's vote will ..." but not "On Friday, the government planned". */
const FUTURE_AFTER = new Set(['will', "'ll", '\u2019ll', 'shall', "won't", 'won\u2019t', 'going']);
const PAST = new Set([
  'said',
  'says',
  'told',
  'announced',
  'reported',
  'was',
  'were',
  'had',
  'did',
  'ago',
  'last',
  'earlier',
  'yesterday',
  'since',
  'confirmed',
  'added',
  'stated',
  'killed',
  'died',
  'began',
  'came',
  'went',
  'took',
  'made',
  'gave',
  'met',
  'left',
  'rose',
  'fell',
  'won',
  'lost',
  'sent',
  'held',
  'saw',
  'got',
  'became',
  'found',
  'shot',
  'hit',
  'closed',
  'ended',
]);

/** A character of a word as the markers are written: /[A-Za-z\u2019']/. */
const isWordCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x2019 || c === 39;
const LEFT_WINDOW = 10;
const RIGHT_WINDOW = 6;

/** The tense a lower-cased word marks. */
function classify(w: string): Tense {
  if (FUTURE.has(w) || WEAK_FUTURE.has(w)) return 'future';
  if (PAST.has(w)) return 'past';
  if (w.length > 4 && w.endsWith('ed')) return 'past';
  return 'none';
}

// The regexes of the functions below, made once: a regex literal in a function body is a new RegExp object each time
// it is evaluated, and sentenceBounds tests up to 200 characters per date.
const SENTENCE_END = /[.!?;]/;
const SPACE = /\s/;
/** "Mr." or "Gen." before a full stop that is no sentence end. */
const ABBREVIATION_BEFORE = /\b[A-Z][a-z]{0,3}\.$/;
const ABBREVIATION_AT = /\b[A-Z][a-z]{0,3}$/;
const AS_EARLY_AS = /\bas\s+(?:early|soon)\s+as\s*$/i;
const HAD = /\bhad\b/i;
const HAD_AFTER = /^\W*(?:\w+\W+){0,4}had\b/i;
const UNTIL = /\b(?:until|till)\s*$/i;

/** Bounds of the sentence holding [start, end), within a bounded window so the cost per date stays constant. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const floor = Math.max(0, start - 120);
  const ceil = Math.min(text.length, end + 80);
  let s = start;
  while (s > floor && !(SENTENCE_END.test(text[s - 1]) && SPACE.test(text[s] ?? ' ') && !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, s - 6), s)))) s--;
  let e = end;
  while (e < ceil && !(SENTENCE_END.test(text[e]) && SPACE.test(text[e + 1] ?? ' ') && !ABBREVIATION_AT.test(text.slice(Math.max(0, e - 5), e)))) e++;
  return [s, e];
}

export function tenseAround(text: string, start: number, end: number): Tense {
  const [s, e] = sentenceBounds(text, start, end);
  const leftText = text.slice(s, start);
  // "as early as Tuesday", "as soon as Friday"; a deadline "until 9 a.m. Tuesday"
  if (AS_EARLY_AS.test(leftText)) return 'future';
  const rightText = text.slice(end, e);
  const pastPerfect = HAD.test(leftText) || HAD_AFTER.test(rightText);
  if (UNTIL.test(leftText) && !pastPerfect) return 'future';
  // the words (maximal runs of word characters) nearest the date, read in place: the nearest LEFT_WINDOW before it,
  // right to left, then the first RIGHT_WINDOW after it (matching every word of both sides into arrays, and
  // lower-casing some twice, was most of what date detection allocated)
  for (let to = start, n = 0; n < LEFT_WINDOW; n++) {
    while (to > s && !isWordCode(text.charCodeAt(to - 1))) to--;
    if (to === s) break;
    let from = to - 1;
    while (from > s && isWordCode(text.charCodeAt(from - 1))) from--;
    const w = text.slice(from, to).toLowerCase();
    const t = classify(w);
    if (t === 'future' && pastPerfect && WEAK_FUTURE.has(w)) return 'past';
    if (t !== 'none') return t;
    to = from;
  }
  for (let from = end, n = 0; n < RIGHT_WINDOW; n++) {
    while (from < e && !isWordCode(text.charCodeAt(from))) from++;
    if (from === e) break;
    let to = from + 1;
    while (to < e && isWordCode(text.charCodeAt(to))) to++;
    const w = text.slice(from, to).toLowerCase();
    const after = FUTURE_AFTER.has(w);
    const t = after ? 'future' : classify(w);
    if (t === 'future' && !after) {
      from = to;
      continue;
    }
    if (t !== 'none') return t;
    from = to;
  }
  return 'none';
}
