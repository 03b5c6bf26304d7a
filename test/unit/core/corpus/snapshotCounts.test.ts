// The mention counts an article taken from the snapshot keeps are views of a buffer shared by many articles: across
// the buffer's ends, and for an article with more entities than a buffer holds, each article's counts stay its own.
import { strict as assert } from 'node:assert';
import { corpusArticleFromSnapshot, parseCorpusSnapshot, serializeCorpusSnapshot, type CorpusArticle } from '../../../../src/core';
import type { MentionCounts } from '../../../../src/core/corpus/article';
import { handmade, type Mention } from './helpers';

/** An article of `entities` people, the k-th mentioned k % `most` + 1 times. */
function article(path: string, entities: number, most = 3): CorpusArticle {
  const mentions: Mention[] = [];
  const words: string[] = [];
  for (let k = 0; k < entities; k++) {
    for (let i = 0; i <= k % most; i++) {
      words.push(`P${k}x`);
      mentions.push({ text: `P${k}x`, type: 'person' });
    }
  }
  return handmade(path, words.join(' '), mentions);
}

describe('corpus snapshot mention counts', () => {
  it("keeps each article's counts its own, across the shared buffer's ends and past its size", () => {
    // 16,384 counts to a buffer, two per entity: 700 articles of 20 entities fill three buffers and start a fourth;
    // one article of 9,000 entities needs more than a buffer
    const articles = Array.from({ length: 700 }, (_, i) => article(`a${String(i).padStart(3, '0')}.txt`, 20));
    articles.splice(350, 0, article('a349z.txt', 9000, 1));
    const stamp = { size: 1, mtime: 1_700_000_000_000 };
    const snapshot = parseCorpusSnapshot(
      serializeCorpusSnapshot(
        articles.map(a => ({ article: a, stamp, seen: 1_700_000_100_000 })),
        1_700_000_200_000,
      ),
    )!;
    const taken = articles.map(a => corpusArticleFromSnapshot(snapshot.records.get(a.path)!, a.text)! as CorpusArticle & MentionCounts);
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i];
      const t = taken[i];
      for (let k = 0; k < a.entities.length; k++) {
        const id = a.entities[k].id;
        const mine = a.annotations.filter(x => x.entity === id);
        assert.equal(t.entityCounts[k * 2], mine.length, `${a.path} ${id}`);
        assert.equal(t.entityCounts[k * 2 + 1], a.annotations.indexOf(mine[0]), `${a.path} ${id}`);
      }
    }
  });
});
