// The corpus snapshot written in steps (CorpusSnapshotWriter), as the editor writes it so that a large corpus's
// snapshot never holds up the extension host: the same text as serializeCorpusSnapshot in one call, whatever the
// steps; and when the corpus changes between steps, a snapshot of the entries taken at the start, its linking left
// unrecorded (the corpus no longer holds exactly the articles written).
import { strict as assert } from 'node:assert';
import { Corpus, CorpusSnapshotWriter, parseCorpusSnapshot, serializeCorpusSnapshot, type SnapshotEntry } from '../../../../src/core';
import { prng } from '../../../support/distinct-article';
import { randomArticle } from './helpers';

function corpusOf(seed: number, n = 40): { corpus: Corpus; entries: SnapshotEntry[] } {
  const rand = prng(seed);
  const corpus = new Corpus();
  corpus.setArticles(Array.from({ length: n }, (_, i) => randomArticle(rand, `p${String(i).padStart(2, '0')}.txt`)));
  const entries = corpus.articles().map(article => ({ article, stamp: { size: 100, mtime: 1_700_000_000_000 }, seen: 1_700_000_100_000 }));
  return { corpus, entries };
}

/** Steps until done; how many steps it took and the text. */
function stepped(writer: CorpusSnapshotWriter, timeUp: () => boolean, between?: (step: number) => void): { steps: number; text: string } {
  let steps = 0;
  for (;;) {
    const text = writer.step(timeUp);
    steps++;
    if (text !== undefined) return { steps, text };
    between?.(steps);
  }
}

const WRITTEN_AT = 1_700_000_200_000;

describe('corpus snapshot written in steps', () => {
  it('gives the text one call gives, one article a step when time is always up', () => {
    const { corpus, entries } = corpusOf(1);
    const whole = serializeCorpusSnapshot(entries, WRITTEN_AT, 'ctx', corpus);
    const { steps, text } = stepped(new CorpusSnapshotWriter(entries, WRITTEN_AT, 'ctx', corpus), () => true);
    assert.equal(text, whole);
    // each article, then the linking's record, then the text
    assert.equal(steps, entries.length + 2);
    assert.ok(parseCorpusSnapshot(text)?.links, 'the linking recorded');
  });

  it('gives the same text for any steps', () => {
    for (let seed = 2; seed <= 6; seed++) {
      const { corpus, entries } = corpusOf(seed, 25);
      const rand = prng(seed * 31);
      const { text } = stepped(new CorpusSnapshotWriter(entries, WRITTEN_AT, '', corpus), () => rand() < 0.3);
      assert.equal(text, serializeCorpusSnapshot(entries, WRITTEN_AT, '', corpus), `seed ${seed}`);
    }
  });

  it('writes the entries taken at the start, without the linking, when the corpus changes between steps', () => {
    const { corpus, entries } = corpusOf(7);
    const changed = randomArticle(prng(70), 'p03.txt');
    const { text } = stepped(
      new CorpusSnapshotWriter(entries, WRITTEN_AT, '', corpus),
      () => true,
      step => step === 5 && corpus.setArticle(changed),
    );
    const snapshot = parseCorpusSnapshot(text)!;
    assert.equal(snapshot.links, undefined, 'no linking recorded');
    assert.equal(snapshot.groups, undefined);
    assert.equal(snapshot.records.get('p03.txt')?.sha256, entries[3].article.sha256, 'the article as it was when the writer was made');
    assert.equal(text, serializeCorpusSnapshot(entries, WRITTEN_AT, ''), 'the snapshot of the entries without the corpus');
  });
});
