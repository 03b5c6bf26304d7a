// "Appears with": the entities mentioned in the same articles and the same sentences as a given one (only the given
// entity's articles are looked at), and every such pair of the corpus at once (the CLI's co-occurrence table).
import { sentenceStarts } from '../present/query';
import type { Corpus } from './corpus';
import { compareText } from './members';
import { nameKey } from './names';
import type { CoOccurrence, CoOccurrencePair, CorpusArticle, CorpusEntity } from './types';

// per article object: replaced articles are new objects, so a stale entry is never read (and is collected)
const startsMemo = new WeakMap<CorpusArticle, number[]>();
const startsOf = (a: CorpusArticle) => {
  let s = startsMemo.get(a);
  if (!s) startsMemo.set(a, (s = sentenceStarts(a.text)));
  return s;
};

/** The index of the sentence holding `offset` (the last start <= offset). */
function sentenceAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// per corpus, for its version (any change bumps it: the corpus entities an article's entities belong to may change),
// per article: "Appears with" asked again (another entity expanded, the view drawn again) does not work them out anew
const sentencesMemo = new WeakMap<Corpus, { version: number; byArticle: WeakMap<CorpusArticle, Map<string, Set<number>>> }>();

/** The sentences (indexes) each corpus entity is mentioned in, in one article (the result is shared: never modify it). */
function sentencesByEntity(corpus: Corpus, article: CorpusArticle): Map<string, Set<number>> {
  let memo = sentencesMemo.get(corpus);
  if (memo?.version !== corpus.version) sentencesMemo.set(corpus, (memo = { version: corpus.version, byArticle: new WeakMap() }));
  let found = memo.byArticle.get(article);
  if (!found) memo.byArticle.set(article, (found = workOutSentences(corpus, article)));
  return found;
}

function workOutSentences(corpus: Corpus, article: CorpusArticle): Map<string, Set<number>> {
  const starts = startsOf(article);
  // the corpus entity of each of this article's entities
  const corpusIdOf = new Map<string, string>();
  for (const e of article.entities) {
    const c = corpus.entityOf(article.path, e.id);
    if (c) corpusIdOf.set(e.id, c.id);
  }
  const sentencesOf = new Map<string, Set<number>>();
  for (const a of article.annotations) {
    const id = a.entity === undefined ? undefined : corpusIdOf.get(a.entity);
    if (id === undefined) continue;
    let set = sentencesOf.get(id);
    if (!set) sentencesOf.set(id, (set = new Set()));
    set.add(sentenceAt(starts, a.start));
  }
  return sentencesOf;
}

function sharedCount(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared;
}

/** Which of two co-occurrences comes first: most shared articles, then most shared sentences. */
const bySharing = (a: { articles: number; sentences: number }, b: { articles: number; sentences: number }) =>
  b.articles - a.articles || b.sentences - a.sentences;

/**
 * The entities sharing most articles with `entityId` (then most sentences, then name), with both counts; sentences
 * as the core's sentenceBounds cuts them. At most `limit`; empty for an unknown id.
 */
export function appearsWith(corpus: Corpus, entityId: string, limit = 20): CoOccurrence[] {
  const entity = corpus.entity(entityId);
  if (!entity) return [];
  const counts = new Map<string, { articles: number; sentences: number }>();
  for (const { path } of entity.articles) {
    const article = corpus.article(path);
    if (!article) continue;
    const sentencesOf = sentencesByEntity(corpus, article);
    const mine = sentencesOf.get(entityId) ?? new Set<number>();
    for (const [id, sentences] of sentencesOf) {
      if (id === entityId) continue;
      const c = counts.get(id) ?? { articles: 0, sentences: 0 };
      c.articles++;
      c.sentences += sharedCount(sentences, mine);
      counts.set(id, c);
    }
  }
  // each name's key worked out once, not at every comparison: the entity in most articles shares them with thousands
  const keyed: { found: CoOccurrence; key: string }[] = [];
  for (const [id, c] of counts) {
    const other = corpus.entity(id);
    if (other) keyed.push({ found: { entity: other, articles: c.articles, sentences: c.sentences }, key: nameKey(other.name) });
  }
  keyed.sort((a, b) => bySharing(a.found, b.found) || compareText(a.key, b.key) || compareText(a.found.entity.id, b.found.entity.id));
  return keyed.slice(0, limit).map(k => k.found);
}

/**
 * Every pair of the corpus, counted: pair k is named[lo[k]] and named[hi[k]] (lo < hi: their places in name order),
 * sharing articles[k] articles and sentences[k] sentences; `order` lists the pairs most shared first (bySharing, then
 * by places). The entities are numbered in name order once (each name's key worked out once): a corpus of 2,000
 * articles has half a million pairs, and sorting them by names compared as keys took seconds. The counts are kept in
 * lists of numbers, one place per pair, not an object per pair: those half million objects, all alive until the end,
 * made most of the time the collector took.
 */
interface PairCounts {
  named: CorpusEntity[];
  lo: Int32Array;
  hi: Int32Array;
  articles: Int32Array;
  sentences: Int32Array;
  order: number[];
}

/** A list of numbers with room for at least `size`, keeping the first `used` of `list`. */
function grown(list: Int32Array, size: number, used: number): Int32Array {
  if (size <= list.length) return list;
  const bigger = new Int32Array(Math.max(size, list.length * 2));
  bigger.set(list.subarray(0, used));
  return bigger;
}

function countPairs(corpus: Corpus): PairCounts {
  const named = [...corpus.entities()];
  const keys = new Map<CorpusEntity, string>(named.map(e => [e, nameKey(e.name)]));
  named.sort((a, b) => compareText(keys.get(a)!, keys.get(b)!) || compareText(a.id, b.id));
  const placeOf = new Map<string, number>(named.map((e, i) => [e.id, i]));
  const n = named.length;
  // each article's entities (their places) and the sentences each is in; and where each entity is: the article, and
  // its position in the article's lists
  const placesIn: number[][] = [];
  const setsIn: Set<number>[][] = [];
  const where: number[][] = Array.from({ length: n }, () => []);
  for (const article of corpus.articles()) {
    const places: number[] = [];
    const sets: Set<number>[] = [];
    for (const [id, s] of sentencesByEntity(corpus, article)) {
      const at = placeOf.get(id);
      if (at === undefined) continue;
      where[at].push(placesIn.length, places.length);
      places.push(at);
      sets.push(s);
    }
    placesIn.push(places);
    setsIn.push(sets);
  }
  // each entity's pairs with the entities after it, counted in lists indexed by the other's place (no map of pairs:
  // half a million keys hashed and looked up once per article they share)
  const sharedArticles = new Int32Array(n);
  const sharedSentences = new Int32Array(n);
  const touched: number[] = [];
  let lo: Int32Array = new Int32Array(1024);
  let hi: Int32Array = new Int32Array(1024);
  let articles: Int32Array = new Int32Array(1024);
  let sentences: Int32Array = new Int32Array(1024);
  let count = 0;
  for (let a = 0; a < n; a++) {
    const at = where[a];
    for (let w = 0; w < at.length; w += 2) {
      const places = placesIn[at[w]];
      const sets = setsIn[at[w]];
      const mine = sets[at[w + 1]];
      for (let j = 0; j < places.length; j++) {
        const b = places[j];
        if (b <= a) continue;
        if (sharedArticles[b] === 0) touched.push(b);
        sharedArticles[b]++;
        sharedSentences[b] += sharedCount(mine, sets[j]);
      }
    }
    if (count + touched.length > lo.length) {
      const size = count + touched.length;
      lo = grown(lo, size, count);
      hi = grown(hi, size, count);
      articles = grown(articles, size, count);
      sentences = grown(sentences, size, count);
    }
    for (const b of touched) {
      lo[count] = a;
      hi[count] = b;
      articles[count] = sharedArticles[b];
      sentences[count] = sharedSentences[b];
      count++;
      sharedArticles[b] = 0;
      sharedSentences[b] = 0;
    }
    touched.length = 0;
  }
  const order = Array.from({ length: count }, (_, k) => k);
  order.sort((p, q) => articles[q] - articles[p] || sentences[q] - sentences[p] || lo[p] - lo[q] || hi[p] - hi[q]);
  return { named, lo, hi, articles, sentences, order };
}

/**
 * Every pair of corpus entities mentioned in at least one common article, each pair once (the entity first by name,
 * then the other), with the articles and sentences they share: most articles first, then most sentences, then names.
 * The counts are those `appearsWith` gives for either of the two.
 */
export function cooccurrencePairs(corpus: Corpus): CoOccurrencePair[] {
  return cooccurrenceTable(corpus).pairs;
}

/** Every pair of the corpus (cooccurrencePairs) and what `appearsWith` gives for each entity, from one count. */
export interface CoOccurrenceTable {
  readonly pairs: CoOccurrencePair[];
  /** `appearsWith(corpus, entityId, limit)`, for any entity of the corpus, read from the pairs. */
  appearsWith(entityId: string, limit?: number): CoOccurrence[];
}

/**
 * The pairs and each entity's "Appears with" in one pass over the corpus: a report of every entity's co-occurrences
 * (the CLI's JSON) otherwise reads each article again for each of its entities.
 */
export function cooccurrenceTable(corpus: Corpus): CoOccurrenceTable {
  const { named, lo, hi, articles, sentences, order } = countPairs(corpus);
  const pairs = order.map(k => ({ entity: named[lo[k]], with: named[hi[k]], articles: articles[k], sentences: sentences[k] }));
  // each entity's pairs, most shared first (the pairs' order, kept when split by entity)
  let byEntity: Map<CorpusEntity, number[]> | undefined;
  const pairsOf = (entity: CorpusEntity): readonly number[] => {
    if (!byEntity) {
      byEntity = new Map();
      const add = (e: CorpusEntity, k: number) => {
        const list = byEntity!.get(e);
        if (list) list.push(k);
        else byEntity!.set(e, [k]);
      };
      for (const k of order) {
        add(named[lo[k]], k);
        add(named[hi[k]], k);
      }
    }
    return byEntity.get(entity) ?? [];
  };
  return {
    pairs,
    appearsWith: (entityId, limit = 20) => {
      const entity = corpus.entity(entityId);
      if (!entity) return [];
      return pairsOf(entity)
        .slice(0, limit)
        .map(k => ({ entity: named[lo[k]] === entity ? named[hi[k]] : named[lo[k]], articles: articles[k], sentences: sentences[k] }));
    },
  };
}
