// The corpus index's line in its output channel after indexing the workspace.
import { strict as assert } from 'node:assert';
import { countIndexing, describeIndexing, type IndexingWay } from '../../../../src/core';

const none = { snapshot: 0, sidecar: 0, analyzed: 0, editor: 0, unindexed: 0 };

describe('indexing summary', () => {
  it('says how many articles, how long, and where they came from (only the sources used, in a fixed order)', () => {
    assert.equal(describeIndexing({ ...none, snapshot: 2000 }, 207), 'Indexed 2,000 articles in 0.21 s: 2,000 from the corpus snapshot.');
    assert.equal(
      describeIndexing({ snapshot: 1990, sidecar: 3, analyzed: 6, editor: 1, unindexed: 0 }, 1234),
      'Indexed 2,000 articles in 1.23 s: 1,990 from the corpus snapshot, 3 from sidecars, 6 analyzed, 1 from the editor.',
    );
    assert.equal(describeIndexing({ ...none, analyzed: 12000 }, 31_250), 'Indexed 12,000 articles in 31.3 s: 12,000 analyzed.');
  });

  it('counts the files that could not be indexed, and reads for one article and for none', () => {
    assert.equal(describeIndexing({ ...none, sidecar: 1, unindexed: 2 }, 40), 'Indexed 1 article in 0.04 s: 1 from sidecars; 2 files could not be indexed.');
    assert.equal(describeIndexing({ ...none, unindexed: 1 }, 5), 'Indexed 0 articles in 0.01 s; 1 file could not be indexed.');
    assert.equal(describeIndexing(none, 0), 'Indexed 0 articles in 0.00 s.');
  });

  it('counts each article once, by the last way it was read (a file event can have it read again meanwhile)', () => {
    const ways = new Map<string, IndexingWay>([
      ['a.txt', 'snapshot'],
      ['b.txt', 'snapshot'],
      ['c.txt', 'unindexed'],
    ]);
    // b's sidecar written while the workspace opened: read again from it
    ways.set('b.txt', 'sidecar');
    assert.deepEqual(countIndexing(ways), { ...none, snapshot: 1, sidecar: 1, unindexed: 1 });
    assert.equal(
      describeIndexing(countIndexing(ways), 10),
      'Indexed 2 articles in 0.01 s: 1 from the corpus snapshot, 1 from sidecars; 1 file could not be indexed.',
    );
    assert.deepEqual(countIndexing(new Map()), none);
  });
});
