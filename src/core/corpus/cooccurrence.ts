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

/** The sentences (indexes) each corpus entity is mentioned in, in one article. */
function sentencesByEntity(corpus: Corpus, article: CorpusArticle): Map<string, Set<number>> {
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

const byName = (a: CorpusEntity, b: CorpusEntity) => compareText(nameKey(a.name), nameKey(b.name)) || compareText(a.id, b.id);

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
  const out: CoOccurrence[] = [];
  for (const [id, c] of counts) {
    const other = corpus.entity(id);
    if (other) out.push({ entity: other, articles: c.articles, sentences: c.sentences });
  }
  out.sort((a, b) => b.articles - a.articles || b.sentences - a.sentences || byName(a.entity, b.entity));
  return out.slice(0, limit);
}

/**
 * Every pair of corpus entities mentioned in at least one common article, each pair once (the entity first by name,
 * then the other), with the articles and sentences they share: most articles first, then most sentences, then names.
 * The counts are those `appearsWith` gives for either of the two.
 */
export function cooccurrencePairs(corpus: Corpus): CoOccurrencePair[] {
  const counts = new Map<string, { a: string; b: string; articles: number; sentences: number }>();
  for (const article of corpus.articles()) {
    const entries = [...sentencesByEntity(corpus, article)];
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [a, b] = compareText(entries[i][0], entries[j][0]) < 0 ? [entries[i], entries[j]] : [entries[j], entries[i]];
        const key = `${a[0]}\n${b[0]}`;
        const c = counts.get(key) ?? { a: a[0], b: b[0], articles: 0, sentences: 0 };
        c.articles++;
        c.sentences += sharedCount(a[1], b[1]);
        counts.set(key, c);
      }
    }
  }
  const out: CoOccurrencePair[] = [];
  for (const c of counts.values()) {
    const x = corpus.entity(c.a);
    const y = corpus.entity(c.b);
    if (!x || !y) continue;
    const [entity, other] = byName(x, y) <= 0 ? [x, y] : [y, x];
    out.push({ entity, with: other, articles: c.articles, sentences: c.sentences });
  }
  return out.sort((p, q) => q.articles - p.articles || q.sentences - p.sentences || byName(p.entity, q.entity) || byName(p.with, q.with));
}
