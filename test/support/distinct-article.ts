// A news-like article of distinct text, generated deterministically (a seeded PRNG over sentence templates and
// name parts): no line repeats, so the analyzer's per-line and per-unit caches cannot absorb the work of an edit
// (a repeated text measures the cache, not the analysis). Shared by `npm run bench` and the incremental tests.

/** mulberry32: a small seeded PRNG, the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Boris',
  'Carlos',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hassan',
  'Ingrid',
  'Jorge',
  'Kenji',
  'Leila',
  'Marta',
  'Nikolai',
  'Olga',
  'Pedro',
  'Quentin',
  'Rosa',
  'Sergei',
  'Tomas',
  'Ursula',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zara',
  'Ahmed',
  'Bettina',
  'Claude',
  'Dalia',
  'Emil',
];
const LAST = [
  'Abramov',
  'Bergstrom',
  'Castillo',
  'Delacroix',
  'Eriksen',
  'Fontaine',
  'Gallagher',
  'Hoffmann',
  'Ivanova',
  'Jovanovic',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quiroga',
  'Rossi',
  'Schneider',
  'Tanaka',
  'Umarov',
  'Varga',
  'Wojcik',
  'Yilmaz',
  'Zielinski',
  'Almeida',
  'Brennan',
  'Chaudhry',
  'Dimitrov',
  'Esposito',
  'Ferreira',
  'Grunwald',
  'Haddad',
  'Ishikawa',
  'Jankowski',
  'Kaplan',
];
const PLACES = [
  'Paris',
  'Berlin',
  'Moscow',
  'Madrid',
  'Lisbon',
  'Warsaw',
  'Ankara',
  'Cairo',
  'Nairobi',
  'Lagos',
  'Tokyo',
  'Seoul',
  'Manila',
  'Jakarta',
  'Lima',
  'Bogota',
  'Santiago',
  'Toronto',
  'Chicago',
  'Boston',
  'Denver',
  'Sydney',
  'Perth',
  'Oslo',
  'Helsinki',
  'Vienna',
  'Prague',
  'Budapest',
  'Athens',
  'Beirut',
  'Amman',
  'Baghdad',
  'Karachi',
  'Dhaka',
  'Hanoi',
  'Kiev',
];
const ORG_HEAD = ['National', 'Federal', 'United', 'Global', 'Northern', 'Eastern', 'Central', 'Pacific', 'Atlantic', 'Continental', 'Royal', 'Western'];
const ORG_BODY = ['Steel', 'Shipping', 'Energy', 'Airlines', 'Grain', 'Textile', 'Mining', 'Telecom', 'Chemical', 'Motor', 'Insurance', 'Pharma'];
const ORG_TAIL = ['Corp', 'Group', 'Bank', 'Union', 'Council', 'Agency', 'Holdings', 'Institute'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const VERBS = ['said', 'told reporters', 'announced', 'warned', 'confirmed', 'denied', 'argued', 'insisted', 'added', 'noted'];
const NOUNS = ['talks', 'prices', 'exports', 'the budget', 'the vote', 'the strike', 'output', 'the merger', 'the inquiry', 'tariffs', 'the deal', 'wages'];
const ADJ = ['sharply', 'slightly', 'steadily', 'unexpectedly', 'again', 'briefly', 'modestly', 'quickly'];

type Pick = <T>(list: readonly T[]) => T;

const TEMPLATES: ((p: Pick, n: () => number) => string)[] = [
  (p, n) =>
    `${p(FIRST)} ${p(LAST)}, a spokesman for the ${p(ORG_HEAD)} ${p(ORG_BODY)} ${p(ORG_TAIL)}, ${p(VERBS)} on ${p(WEEKDAYS)} that ${p(NOUNS)} rose ${p(ADJ)} by ${n()} percent.`,
  (p, n) => `In ${p(PLACES)}, ${p(LAST)} ${p(VERBS)} the ${p(ORG_BODY).toLowerCase()} sector had lost ${n()} jobs since ${p(MONTHS)} ${1990 + (n() % 30)}.`,
  (p, n) =>
    `The ${p(ORG_HEAD)} ${p(ORG_BODY)} ${p(ORG_TAIL)} expects ${p(NOUNS)} to fall ${p(ADJ)} to ${n()}.${n() % 10} million by ${p(MONTHS)} ${1 + (n() % 28)}.`,
  (p, n) => `${p(LAST)} met ${p(FIRST)} ${p(LAST)} in ${p(PLACES)} for ${n()} minutes before flying on to ${p(PLACES)}, officials ${p(VERBS)}.`,
  (p, n) =>
    `Shares in ${p(ORG_BODY)} ${p(ORG_TAIL)} closed ${n()} cents ${n() % 2 ? 'higher' : 'lower'} at ${n()}.${n() % 100} after ${p(FIRST)} ${p(LAST)} ${p(VERBS)} ${p(NOUNS)} would wait.`,
  (p, n) => `Police in ${p(PLACES)} ${p(VERBS)} ${n()} people were held after protests over ${p(NOUNS)} on ${p(WEEKDAYS)}, ${p(MONTHS)} ${1 + (n() % 28)}.`,
  (p, n) => `"We will not accept ${p(NOUNS)} of this kind," ${p(LAST)} ${p(VERBS)}, adding that ${p(PLACES)} and ${p(PLACES)} had agreed ${n()} times.`,
  (p, n) =>
    `Analysts at ${p(ORG_HEAD)} ${p(ORG_TAIL)} put ${p(NOUNS)} ${p(ADJ)} above ${n()} in the ${['first', 'second', 'third', 'fourth'][n() % 4]} quarter.`,
];

/** A deterministic article of about `chars` characters (cut at that length), paragraphs of 2-6 distinct sentences. */
export function distinctArticle(chars: number, seed = 14): string {
  const rand = prng(seed);
  const pick: Pick = list => list[Math.floor(rand() * list.length)];
  const n = () => 1 + Math.floor(rand() * 9999);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const count = 2 + Math.floor(rand() * 5);
    const sentences: string[] = [];
    for (let s = 0; s < count; s++) sentences.push(pick(TEMPLATES)(pick, n));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join('\n').slice(0, chars);
}
