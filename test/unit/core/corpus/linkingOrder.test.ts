// The linking order comes from ranks kept across builds (names.ts nodeRanks: every node numbered in this process, in
// code-unit order), not from comparing the names: it must equal nodeOrder however the process numbered the names
// (in any order, some numbered only after an earlier ordering, numbers of names not in the list in between).
import { strict as assert } from 'node:assert';
import { nodeOrder, sortByLinkingOrder, type NameNode } from '../../../../src/core/corpus/linkNodes';
import { numberOfNode } from '../../../../src/core/corpus/names';
import type { EntityType } from '../../../../src/core/types';

const TYPES: EntityType[] = ['person', 'place', 'organization'];

/** A small deterministic generator (the same sequence on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A name as the ordering reads it: type, key, words and node number. */
function nameOf(type: EntityType, words: string[]): NameNode {
  const key = words.join(' ');
  return { type, key, words, number: numberOfNode(`${type}\u0000${key}`) } as NameNode;
}

describe('linking order by rank', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals nodeOrder whatever order the names were numbered in (seed ${seed})`, () => {
      const next = random(seed);
      // words sharing prefixes and case-folded forms, so keys compare on later characters; a word count of 1 to 4
      const vocabulary = ['a', 'ab', 'abc', 'b', 'ba', 'z', 'zz', 'é', 'linking-order', `s${seed}`];
      const make = (): NameNode => {
        const words: string[] = [];
        for (let k = 1 + Math.floor(next() * 4); k > 0; k--) words.push(vocabulary[Math.floor(next() * vocabulary.length)]);
        return nameOf(TYPES[Math.floor(next() * TYPES.length)], words);
      };
      const distinct = (list: NameNode[]) => [...new Map(list.map(n => [n.number, n])).values()];
      const first = distinct(Array.from({ length: 60 }, make));
      const sorted = first.slice();
      sortByLinkingOrder(sorted);
      assert.deepEqual(
        sorted.map(n => n.number),
        first
          .slice()
          .sort(nodeOrder)
          .map(n => n.number),
      );
      // more names numbered since (merged into the ranks), sorted with some of the first ones
      const later = distinct([...first.filter((_, i) => i % 2 === 0), ...Array.from({ length: 60 }, make)]);
      const again = later.slice();
      sortByLinkingOrder(again);
      assert.deepEqual(
        again.map(n => n.number),
        later
          .slice()
          .sort(nodeOrder)
          .map(n => n.number),
      );
    });
  }
});
