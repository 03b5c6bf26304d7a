// "Appears with": the entities mentioned in the same articles and the same sentences as a given one. Only the
// given entity's articles are looked at.
import { sentenceStarts } from '../present/query';
import type { Corpus } from './corpus';
import { compareText } from './members';
import { nameKey } from './names';
import type { CoOccurrence, CorpusArticle } from './types';

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
    const starts = startsOf(article);
    // the corpus entity of each of this article's entities
    const corpusIdOf = new Map<string, string>();
    for (const e of article.entities) {
      const c = corpus.entityOf(path, e.id);
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
    const mine = sentencesOf.get(entityId) ?? new Set<number>();
    for (const [id, sentences] of sentencesOf) {
      if (id === entityId) continue;
      let shared = 0;
      for (const s of sentences) if (mine.has(s)) shared++;
      const c = counts.get(id) ?? { articles: 0, sentences: 0 };
      c.articles++;
      c.sentences += shared;
      counts.set(id, c);
    }
  }
  const out: CoOccurrence[] = [];
  for (const [id, c] of counts) {
    const other = corpus.entity(id);
    if (other) out.push({ entity: other, articles: c.articles, sentences: c.sentences });
  }
  out.sort(
    (a, b) =>
      b.articles - a.articles ||
      b.sentences - a.sentences ||
      compareText(nameKey(a.entity.name), nameKey(b.entity.name)) ||
      compareText(a.entity.id, b.entity.id),
  );
  return out.slice(0, limit);
}
