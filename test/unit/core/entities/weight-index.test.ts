// The tagger reads its weights through a typed-array hash table (decodeWeightIndex) instead of a Map of arrays:
// every feature of the shipped model must score exactly as through the Map (same tags, same doubles, same order).
import { strict as assert } from 'node:assert';
import { taggerModel } from '../../../../src/core/entities/data';
import { decodeWeightIndex, decodeWeights, encodeWeights, type WeightTable } from '../../../../src/core/entities/model-codec';

describe('tagger weights: the typed-array index scores as the Map did', () => {
  const T = taggerModel.tags.length;

  it('every feature of the shipped model, and hashes it does not have', () => {
    const table = decodeWeights(taggerModel.weights, taggerModel.scale);
    const index = decodeWeightIndex(taggerModel.weights, taggerModel.scale);
    assert.ok(table.size > 1000);
    for (const [hash, flat] of table) {
      const expected = new Float64Array(T).fill(0.25);
      for (let j = 0; j < flat.length; j += 2) expected[flat[j]] += flat[j + 1];
      const got = new Float64Array(T).fill(0.25);
      index.add(got, hash);
      assert.deepEqual(got, expected, `feature ${hash}`);
    }
    let absent = 0;
    for (let h = 1; absent < 2000; h = (Math.imul(h, 0x01000193) + 7) >>> 0) {
      if (table.has(h)) continue;
      absent++;
      const scores = new Float64Array(T);
      index.add(scores, h);
      assert.deepEqual(scores, new Float64Array(T));
    }
  });

  it('a small table: colliding slots, a feature without weights, hash 0', () => {
    const table: WeightTable = new Map([
      [0, [1, 0.5]],
      [16, [0, -1, 2, 0.25]],
      [32, []],
      [48, [3, 2]],
    ]);
    const index = decodeWeightIndex(encodeWeights(table, 100), 100);
    const score = (h: number) => {
      const s = new Float64Array(4);
      index.add(s, h);
      return [...s];
    };
    assert.deepEqual(score(0), [0, 0.5, 0, 0]);
    assert.deepEqual(score(16), [-1, 0, 0.25, 0]);
    assert.deepEqual(score(32), [0, 0, 0, 0]);
    assert.deepEqual(score(48), [0, 0, 0, 2]);
    assert.deepEqual(score(64), [0, 0, 0, 0]);
  });
});
