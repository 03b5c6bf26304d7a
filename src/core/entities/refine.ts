// Span clean-up after tagging, for what a model trained on 1996 Reuters gets wrong in today's news:
// titles glued to a name ("Colonel General Viktor Bondarev" read as one organization), a person's name right
// after an organization ("... for Defense Industries Ismail Demir"), and sentence-initial or headline words
// at the edge of a span ("If Russia", "Russia Interested").
import type { EntityType } from '../types';
import type { Bloom } from './bloom';
import { commonWords, gazetteerLists, givenNames, learntFirstNames } from './data';
import { NOT_PERSON_CATEGORIES } from './gazetteer';
import type { Token } from './tokenize';
import { COMPANY_SUFFIXES, EVENT_HEADS, HONORIFICS, TITLES } from './vocabulary';

export interface TokenSpan {
  from: number;
  to: number;
  type: EntityType | null;
}

/** Tags a short token sequence on its own; used to ask "is this part a person's name?". */
export type Retag = (tokens: readonly Token[]) => string[];

// The name sets below are built by the first refineSpans call, not when the module loads: a process that analyses
// nothing (`news-annotator --version`, `export` from sidecars) never builds them (issue 14: ~10 ms of start-up, the
// given-names Bloom filter above all). Only refineSpans reaches the code that reads them.
let COMMON: ReadonlySet<string>;
// first names: the gazetteer's list (not where it is a common word) and those learnt from eng.train
let FIRST: ReadonlySet<string>;
// given names of many cultures (npm run data): "Elon", "Giorgia", "Jair" that 1996 Reuters never wrote
let GIVEN: Bloom;
// names a list knows as a place, organization or other thing: never turned into a person by a given name
let KNOWN_NOT_PERSON: ReadonlySet<string>;

function buildNameSets(): void {
  COMMON = commonWords();
  FIRST = new Set([...(gazetteerLists.first ?? []), ...learntFirstNames].filter(n => !COMMON.has(n)));
  GIVEN = givenNames();
  KNOWN_NOT_PERSON = new Set(NOT_PERSON_CATEGORIES.flatMap(k => gazetteerLists[k] ?? []));
}
// words that make a capitalised sequence an organization's or a place's name whatever its first word
const THING_WORDS = new Set([
  'bank',
  'party',
  'group',
  'city',
  'united',
  'university',
  'college',
  'council',
  'club',
  'company',
  'corporation',
  'association',
  'foundation',
  'institute',
  'fund',
  'airlines',
  'airways',
  'motors',
  'holdings',
  'industries',
  'street',
  'square',
  'avenue',
  'road',
  'river',
  'lake',
  'mountains',
  'island',
  'islands',
  'county',
  'valley',
  'park',
  'stadium',
  'airport',
  'hospital',
  'school',
  'church',
  'palace',
  'house',
  'hall',
  'center',
  'centre',
  'times',
  'post',
  'news',
  'media',
  'press',
  'radio',
  'tv',
  'television',
  'ministry',
  'court',
  'army',
  'forces',
  'front',
  'league',
  'union',
  'cup',
  'open',
  'games',
  'rovers',
  'wanderers',
  'athletic',
  'sporting',
  'fc',
  'bay',
  'beach',
  'port',
  'fort',
  'town',
  'village',
  'state',
  'province',
  'republic',
  'kingdom',
  'sea',
  'ocean',
  'gulf',
  'strait',
  'coast',
  'west',
  'east',
  'north',
  'south',
  'international',
  'global',
  'capital',
  'partners',
  'brothers',
  'bros',
  'sons',
  'records',
  'pictures',
  'studios',
  'films',
  'entertainment',
  'technologies',
  'systems',
  'labs',
  'energy',
  'oil',
  'gas',
  'petroleum',
  'hotel',
  'motel',
  'inn',
  'communications',
  'motor',
  'corp',
  'inc',
  'holy',
  'roman',
  'saints',
  'jays',
  'sox',
  'stars',
  'kings',
]);
// Words that are titles in front of a name but also start names of things ("General Motors", "Chief Executive").
const WEAK_TITLES = new Set([
  'general',
  'chief',
  'major',
  'foreign',
  'deputy',
  'prime',
  'st',
  'saint',
  'interior',
  'finance',
  'defence',
  'defense',
  'justice',
  'father',
  'king',
  'queen',
  'prince',
  'princess',
  'lord',
  'lady',
]);
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'la', 'le', 'the', 'on', 'in', 'at']);

// Made once: a regex literal in a function body is a new RegExp object each time it is evaluated (per token here).
const FINAL_DOT = /\.$/;
const UPPER_FIRST = /^\p{Lu}/u;
const LETTERS = /^\p{L}+$/u;
const lowerNoDot = (t: Token) => t.text.toLowerCase().replace(FINAL_DOT, '');
const isCapitalised = (t: Token) => UPPER_FIRST.test(t.text);
export const isTitle = (t: Token) => TITLES.has(lowerNoDot(t));
const isCommon = (t: Token) => COMMON.has(t.text.toLowerCase()) && !FIRST.has(t.text.toLowerCase());
const allPerson = (tags: string[]) => tags.length > 0 && tags[0] === 'B-PER' && tags.every((t, i) => (i === 0 ? t === 'B-PER' : t === 'I-PER'));

export function refineSpans(tokens: readonly Token[], spans: TokenSpan[], retag: Retag): TokenSpan[] {
  if (FIRST === undefined) buildNameSets();
  const out: TokenSpan[] = [];
  const headline = isTitleCase(tokens);
  for (const whole of spans) {
    for (const s of splitAtPunctuation(tokens, companySuffix(tokens, personAfterHonorific(tokens, whole))))
      for (const part of splitPerson(tokens, s, retag)) {
        const t = trimCommon(tokens, part, headline);
        if (t && !isEventName(tokens, t)) out.push(headline ? t : givenNamePerson(tokens, t));
      }
  }
  return honorificNames(tokens, joinParticles(tokens, out));
}

/** "Mr Shoigu" left untagged: one to three capitalised words after an honorific are a person's name. */
function honorificNames(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let added: TokenSpan[] | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    // the capital first: it spares most tokens lowerNoDot's two new strings
    if (!isCapitalised(tokens[i]) || !HONORIFICS.has(lowerNoDot(tokens[i]))) continue;
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && NAME_WORD.test(tokens[k].text) && !isCommon(tokens[k])) k++;
    if (k === i + 1) continue;
    const s = { from: i + 1, to: k, type: 'person' as const };
    if (spans.some(o => o.from < s.to && s.from < o.to)) continue;
    (added ??= []).push(s);
  }
  return added ? [...spans, ...added].sort((a, b) => a.from - b.from) : spans;
}

// Lower-case words inside a person's name: "Mohammed bin Salman", "Luiz Inacio Lula da Silva", "Ursula von der Leyen".
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'abu', 'al', 'el', 'van', 'von', 'der', 'den', 'da', 'dos', 'das', 'de', 'del', 'di', 'la', 'le']);
// An Arabic article glued to a surname: "Abdel Fattah al-Sisi", "Bashar al-Assad".
const ARTICLE_SURNAME = /^(?:al|el|ul|ad|as|ash|at|an|ar|az|bin|ibn|abu|bou)-\p{Lu}\p{L}*$/u;

/** Token k is in the unit and not in the next span. */
const isFree = (tokens: readonly Token[], next: TokenSpan | undefined, k: number) => k < tokens.length && (!next || k < next.from);

/** Carries a person's name over particles the tagger left outside: "Abdel Fattah" + "al-Sisi". */
function joinParticles(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let s = spans[i];
    if (s.type === 'person') {
      for (;;) {
        const next = spans[i + 1];
        if (isFree(tokens, next, s.to) && ARTICLE_SURNAME.test(tokens[s.to].text)) {
          s = { ...s, to: s.to + 1 };
          continue;
        }
        let k = s.to;
        while (k < tokens.length && k - s.to < 2 && PARTICLES.has(tokens[k].text) && (!next || k < next.from)) k++;
        // "Bashar al- Assad": the particle's hyphen written apart from the surname (a line break, a typo)
        if (
          k > 0 &&
          k < tokens.length &&
          tokens[k].text === '-' &&
          PARTICLES.has(tokens[k - 1].text) &&
          tokens[k - 1].end === tokens[k].start &&
          (!next || k < next.from)
        )
          k++;
        if (k === s.to || k >= tokens.length || !NAME_WORD.test(tokens[k].text) || isCommon(tokens[k])) break;
        if (next && next.from === k && next.type === 'person') {
          s = { ...s, to: next.to };
          i++;
          continue;
        }
        if (isFree(tokens, next, k)) {
          s = { ...s, to: k + 1 };
          continue;
        }
        break;
      }
    }
    out.push(s);
  }
  return out;
}

// Brackets, quotes and clause punctuation never sit inside a name: "Treaty Organisation (Nato" is two names.
const BREAKING = /^[()[\]{}"“”«»,;:!?]$/;

function splitAtPunctuation(tokens: readonly Token[], s: TokenSpan): TokenSpan[] {
  const out: TokenSpan[] = [];
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i === s.to || BREAKING.test(tokens[i].text)) {
      if (i > from) out.push({ from, to: i, type: s.type });
      from = i + 1;
    }
  }
  return out;
}

const isCompanySuffix = (t: Token) => COMPANY_SUFFIXES.has(lowerNoDot(t)) && isCapitalised(t);

/** "Pirelli SpA", "Jones Medical Industries Inc": a name ending in a legal form is a company, suffix included. */
function companySuffix(tokens: readonly Token[], s: TokenSpan): TokenSpan {
  if (s.type === null) return s;
  if (s.to < tokens.length && isCompanySuffix(tokens[s.to]) && tokens[s.to].start - tokens[s.to - 1].end <= 1) {
    return { from: s.from, to: s.to + 1, type: 'organization' };
  }
  if (s.to - s.from >= 2 && isCompanySuffix(tokens[s.to - 1])) return { ...s, type: 'organization' };
  return s;
}

/** "Mr Shoigu" read as an organization: what follows an honorific is a person. */
function personAfterHonorific(tokens: readonly Token[], s: TokenSpan): TokenSpan {
  if (s.type === 'person' || s.type === null) return s;
  if (HONORIFICS.has(lowerNoDot(tokens[s.from])) && s.to - s.from >= 2) return { from: s.from + 1, to: s.to, type: 'person' };
  if (s.from > 0 && HONORIFICS.has(lowerNoDot(tokens[s.from - 1])) && s.to - s.from <= 3) return { ...s, type: 'person' };
  return s;
}

/** Splits a non-person span that ends in a person's name: after a title, or a first name after an organization. */
function splitPerson(tokens: readonly Token[], s: TokenSpan, retag: Retag): TokenSpan[] {
  if (s.type === 'person' || s.type === null || s.to - s.from < 2) return [s];
  // the last title inside the span, followed by one to three capitalised words
  for (let k = s.to - 2; k >= s.from; k--) {
    if (!isTitle(tokens[k])) continue;
    const name = tokens.slice(k + 1, s.to);
    if (name.length > 3 || !name.every(isCapitalised) || name.some(isCommon)) break;
    const strong = !WEAK_TITLES.has(lowerNoDot(tokens[k])) || k === s.from || (k > s.from && isTitle(tokens[k - 1])) || FIRST.has(name[0].text.toLowerCase());
    if (!strong || !allPerson(retag(name))) break;
    const before = { from: s.from, to: k, type: s.type };
    const keepBefore = k - s.from >= 2 && !tokens.slice(s.from, k).some(isTitle);
    return [...(keepBefore ? [before] : []), { from: k + 1, to: s.to, type: 'person' }];
  }
  // "... Cooperation Alexandr Fomin": a first name and one or two more capitalised words end the span
  if (s.to - s.from >= 3) {
    for (const len of [2, 3]) {
      const k = s.to - len;
      // one word before is no organization's name but the start of one: "San Antonio Spurs", "Santa Maria"
      if (k - s.from < 2) continue;
      const name = tokens.slice(k, s.to);
      if (!FIRST.has(name[0].text.toLowerCase()) || !name.every(isCapitalised) || name.some(isCommon)) continue;
      if (CONNECTORS.has(tokens[k - 1].text.toLowerCase()) || !/\p{Ll}/u.test(name[0].text)) continue;
      if (!allPerson(retag(name))) continue;
      return [
        { from: s.from, to: k, type: s.type },
        { from: k, to: s.to, type: 'person' },
      ];
    }
  }
  return [s];
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}\p{Ll}*)?$/u;

const isEventHead = (t: Token) => isCapitalised(t) && EVENT_HEADS.has(t.text.toLowerCase());

/**
 * "Paris Agreement", "Marshall Plan", "Paris" in "Paris Olympics": a name of two words or more that ends in an
 * event or treaty word, or one followed by such a word, is part of a name that is neither person, place nor
 * organization (CoNLL's MISC), so no mention.
 */
function isEventName(tokens: readonly Token[], s: TokenSpan): boolean {
  if (s.to - s.from >= 2 && isEventHead(tokens[s.to - 1])) return true;
  return s.to < tokens.length && isEventHead(tokens[s.to]) && tokens[s.to].start - tokens[s.to - 1].end === 1;
}

/**
 * "Elon Musk said", "Giorgia Meloni formed": two to four plain capitalised words opening with a given name, read as
 * an organization or a place by a model that has never seen them, are a person's name, unless a list knows the
 * name or one of its words names a thing ("Jordan Valley", "Alexander Bank").
 */
function givenNamePerson(tokens: readonly Token[], s: TokenSpan): TokenSpan {
  if (s.type !== 'organization' && s.type !== 'place') return s;
  const n = s.to - s.from;
  if (n < 2 || n > 4) return s;
  const span = tokens.slice(s.from, s.to);
  const first = span[0].text.toLowerCase();
  if (first.length < 3 || !(GIVEN.has(first) || FIRST.has(first)) || KNOWN_NOT_PERSON.has(first)) return s;
  if (!span.every(t => NAME_WORD.test(t.text))) return s;
  if (span.some(t => THING_WORDS.has(t.text.toLowerCase()) || COMMON.has(t.text.toLowerCase()))) return s;
  if (KNOWN_NOT_PERSON.has(span.map(t => t.text.toLowerCase()).join(' '))) return s;
  // (a short last word may be a list's acronym read in lower case: "Kim Jong Un" is no "UN")
  if (span[n - 1].text.length >= 4 && KNOWN_NOT_PERSON.has(span[n - 1].text.toLowerCase())) return s;
  return { ...s, type: 'person' };
}

/**
 * Drops common words (and connectors) at the start of a span when they open a sentence, and at both ends in a
 * title-case headline; null when nothing is left. Elsewhere a capitalised common word is part of the name
 * ("Air Force").
 */
function trimCommon(tokens: readonly Token[], s: TokenSpan, headline: boolean): TokenSpan | null {
  let { from, to } = s;
  while (from < to && (headline || tokens[from].sentenceStart) && isEdgeWord(tokens[from]) && !keptArticle(tokens, s, from, to)) from++;
  while (headline && to > from && isEdgeWord(tokens[to - 1])) to--;
  // a single common word ("Company", "Kids") is a capitalised word, not a name
  if (to - from === 1 && isCommon(tokens[from])) return null;
  // a name has at least one capitalised word or number in it
  for (let i = from; i < to; i++) if (/^[\p{Lu}\p{Lt}\p{N}]/u.test(tokens[i].text)) return { from, to, type: s.type };
  return null;
}

/** A word trimCommon drops at a span's edge: a common word or a connector. */
const isEdgeWord = (t: Token) => isCommon(t) || CONNECTORS.has(t.text.toLowerCase());

/**
 * "The Hague", "The Oval": a capitalised article the tagger put inside a place's name stays; an organization's
 * name goes without it ("The Commerce Department" -> "Commerce Department": 127 to 13 in eng.train).
 */
const keptArticle = (tokens: readonly Token[], s: TokenSpan, i: number, to: number) =>
  s.type !== 'organization' && tokens[i].text === 'The' && i + 1 < to && isCapitalised(tokens[i + 1]) && !isCommon(tokens[i + 1]);

/** Most longer words capitalised, but not all letters capitals: "Russia Interested in Placing Missile System". */
/** text === text.toUpperCase(), without the upper-cased copy for ASCII text (a lower-case ASCII letter answers). */
function isAllUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return text === text.toUpperCase();
  }
  return true;
}

function isTitleCase(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  let upper = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || !LETTERS.test(t.text)) continue;
    words++;
    if (isCapitalised(t)) capitalised++;
    if (isAllUpper(t.text)) upper++;
  }
  return words >= 3 && capitalised >= 0.8 * words && upper < 0.5 * words;
}
