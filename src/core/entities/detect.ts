// Paragraph-level mention detection: tokenize, tag, turn BIO tags into clean CoNLL-like spans.
import { ORGANIZATIONS, PLACES } from '../data/curated';
import type { EntityType, MentionCandidate } from '../types';
import { commonWords, gazetteer, givenNames, taggerModel } from './data';
import { isUpperUnit } from './features';
import { refineSpans, type TokenSpan } from './refine';
import { Tagger } from './tagger';
import { tokenize, type Token } from './tokenize';
import { CLEAR_CONTEXT } from './unify';
import { TITLES } from './vocabulary';

const LABEL_TYPES: Record<string, EntityType | undefined> = { PER: 'person', LOC: 'place', ORG: 'organization' };
const EDGE_PUNCT = /^[^\p{L}\p{N}]+$/u;

let tagger: Tagger | null = null;
function getTagger(): Tagger {
  tagger ??= new Tagger(taggerModel, gazetteer(), givenNames(), commonWords());
  return tagger;
}

let curated: Map<string, { words: string[]; type: EntityType }[]> | null = null;
/** The first code units of the curated names: a token starting otherwise is no curated name (most tokens). */
const curatedStarts = new Set<number>();
/** Curated names by first word, matched case-sensitively on whole tokens. */
function getCurated() {
  if (curated) return curated;
  curated = new Map();
  const add = (names: readonly string[], type: EntityType) => {
    for (const n of names) {
      const words = tokenize(n).map(t => t.text);
      if (words.length > 0) curatedStarts.add(words[0].charCodeAt(0));
      const list = curated!.get(words[0]) ?? [];
      list.push({ words, type });
      curated!.set(words[0], list);
    }
  };
  add(ORGANIZATIONS, 'organization');
  add(PLACES, 'place');
  return curated;
}

/** A mention with how sure the tagger was of its type; grouping weighs type votes with it. */
export interface ScoredMention extends MentionCandidate {
  confidence?: number;
}

const TAG_INDEX = new Map(taggerModel.tags.map((t, i) => [t, i]));
// Per tag ("B-PER"), its label's type and the tag that continues it ("I-PER"): made once, not per token.
const TAG_TYPES = new Map(taggerModel.tags.map(t => [t, LABEL_TYPES[t.slice(2)]]));
const INSIDE_TAG = new Map(taggerModel.tags.map(t => [t, `I-${t.slice(2)}`]));
const TYPE_LABELS: Record<EntityType, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };

// The tag indices confidence() reads: per type, its B- and I- tag, and the B- and I- tags of the other labels.
const tagIndex = (tag: string) => TAG_INDEX.get(tag) ?? 0;
const MARGIN_TAGS = Object.fromEntries(
  (Object.keys(TYPE_LABELS) as EntityType[]).map(type => {
    const others = ['PER', 'LOC', 'ORG', 'MISC'].filter(label => label !== TYPE_LABELS[type]);
    return [
      type,
      {
        first: tagIndex('B-' + TYPE_LABELS[type]),
        later: tagIndex('I-' + TYPE_LABELS[type]),
        firstOthers: others.map(l => tagIndex('B-' + l)),
        laterOthers: others.map(l => tagIndex('I-' + l)),
      },
    ];
  }),
) as Record<EntityType, { first: number; later: number; firstOthers: number[]; laterOthers: number[] }>;

/** Mean margin, over the span's tokens, of its type's tag over the best other type's tag (own features only). */
function confidence(emissions: Float64Array, from: number, to: number, type: EntityType): number {
  const T = taggerModel.tags.length;
  const tags = MARGIN_TAGS[type];
  let sum = 0;
  for (let i = from; i < to; i++) {
    if ((i + 1) * T > emissions.length) return 1;
    const e = i * T;
    const own = emissions[e + (i === from ? tags.first : tags.later)];
    let other = -Infinity;
    const others = i === from ? tags.firstOthers : tags.laterOthers;
    for (let j = 0; j < others.length; j++) other = Math.max(other, emissions[e + others[j]]);
    sum += own - other;
  }
  return to > from ? sum / (to - from) : 0;
}

// Page furniture copied along with an article: "1. Skip to content", "Share on Facebook", "Accept all cookies".
// Such a line names no one even where it holds a name-like word ("Skip", "Facebook").
const NAVIGATION =
  /^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?:skip (?:to|navigation)|jump to|go to (?:content|main)|back to top|sign (?:in|up)|log ?(?:in|out)|subscribe\b|share (?:on|this|via)|follow us|accept (?:all )?cookies|cookie (?:settings|policy)|manage cookies|most (?:read|popular|viewed)|advertise with us|privacy policy|terms of (?:use|service)|toggle navigation|open menu|close menu|main menu|search\s*$|menu\s*$|home\s*[|>›»/])/i;

// The regexes of the functions below, made once (a regex literal in a function body is a new object each time).
const SENTENCE_END = /[.!?]["”’]?\s*$/;
const BREADCRUMB = /^\s*Home(?:\s+\p{Lu}[\p{L}&-]*){2,7}\s*$/u;
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const POSSESSIVE = /^['’][sS]?$/;
const FINAL_DOT = /\.$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A short line that starts like navigation and does not read like a sentence. */
export function isNavigation(text: string): boolean {
  if (text.length > 160 || SENTENCE_END.test(text)) return false;
  // a breadcrumb trail: "Home News World Europe Ukraine"
  return NAVIGATION.test(text) || BREADCRUMB.test(text);
}

/** Finds person/place/organization mentions in one paragraph (offsets relative to `text`). */
export function findMentions(text: string): ScoredMention[] {
  if (!text || text.length === 0) return [];
  if (isNavigation(text)) return [];
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const { tags, emissions } = getTagger().tagWithScratchScores(tokens);
  let spans: TokenSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tag = tags[i];
    if (tag === 'O') continue;
    const inside = INSIDE_TAG.get(tag);
    let j = i + 1;
    while (j < tokens.length && tags[j] === inside) j++;
    spans.push({ from: i, to: j, type: TAG_TYPES.get(tag) ?? null });
    i = j - 1;
  }
  spans = refineSpans(tokens, spans, toks => getTagger().tag(toks));
  spans = applyCurated(tokens, spans);
  const resultLine = scoreLine(tokens);
  if (resultLine) spans = resultLine;
  const out: ScoredMention[] = [];
  for (const s of spans) {
    if (!s.type) continue;
    const clean = cleanSpan(tokens, s.from, s.to, s.type === 'person');
    if (!clean) continue;
    const sure = confidence(emissions, clean.from, clean.to, s.type);
    // a result line's two teams are as clear a context as any: the article's majority does not retype them
    out.push({ start: tokens[clean.from].start, end: tokens[clean.to - 1].end, type: s.type, confidence: resultLine ? Math.max(sure, CLEAR_CONTEXT) : sure });
  }
  return out;
}

const NUMBER = /^\d+$/;
const WORD = /^\p{L}[\p{L}.'’-]*$/u;

/**
 * A result line, "San Diego 3 NEW YORK 2" or "Sale 31 Wasps 33": the two names are teams (organizations),
 * whatever the city or common word they are spelt like.
 */
function scoreLine(tokens: readonly Token[]): TokenSpan[] | null {
  const n = tokens.length;
  if (n < 4 || n > 12 || !NUMBER.test(tokens[n - 1].text)) return null;
  const mid = tokens.findIndex(t => NUMBER.test(t.text));
  if (mid < 1 || mid >= n - 2 || mid - 0 > 4 || n - 1 - (mid + 1) > 4) return null;
  const names = [
    [0, mid],
    [mid + 1, n - 1],
  ];
  for (const [from, to] of names) {
    // every word capitalised: "He was 25 and she 30" is a sentence
    for (let i = from; i < to; i++) if (!WORD.test(tokens[i].text) || !UPPER_FIRST.test(tokens[i].text)) return null;
  }
  return names.map(([from, to]) => ({ from, to, type: 'organization' as const }));
}

/** Curated names win over the tagger where the tagger's span is not a longer name containing them. */
function applyCurated(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  const dict = getCurated();
  const forced: TokenSpan[] = [];
  // in a line of capitals "WHO" and "AP" are words, not names
  const upper = isUpperUnit(tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (!curatedStarts.has(tokens[i].text.charCodeAt(0))) continue;
    if (upper && !LOWER.test(tokens[i].text)) continue;
    const cands = dict.get(tokens[i].text);
    if (!cands) continue;
    let best: { words: string[]; type: EntityType } | null = null;
    for (const c of cands) {
      if (i + c.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; ok && k < c.words.length; k++) ok = tokens[i + k].text === c.words[k];
      if (ok && (!best || c.words.length > best.words.length)) best = c;
    }
    if (!best) continue;
    forced.push({ from: i, to: i + best.words.length, type: best.type });
    i += best.words.length - 1;
  }
  if (forced.length === 0) return spans;
  const kept = spans.filter(s => !forced.some(f => overlaps(s, f) && !(s.from <= f.from && f.to <= s.to && s.to - s.from > f.to - f.from && s.type)));
  const add = forced.filter(f => !kept.some(s => overlaps(s, f)));
  return [...kept, ...add].sort((a, b) => a.from - b.from);
}

const overlaps = (a: TokenSpan, b: TokenSpan) => a.from < b.to && b.from < a.to;

const isEdgeJunk = (t: Token) => EDGE_PUNCT.test(t.text) || POSSESSIVE.test(t.text);
const isTitleWord = (t: Token) => TITLES.has(t.text.toLowerCase().replace(FINAL_DOT, ''));

/** Drops titles (before a person), possessives and punctuation at the edges of a span; null when nothing name-like is left. */
function cleanSpan(tokens: readonly Token[], from: number, to: number, person: boolean): { from: number; to: number } | null {
  while (from < to && (isEdgeJunk(tokens[from]) || (person && isTitleWord(tokens[from])))) from++;
  while (to > from && isEdgeJunk(tokens[to - 1])) to--;
  if (from >= to) return null;
  if (!LETTER_OR_DIGIT.test(tokens[from].text)) return null;
  return { from, to };
}
