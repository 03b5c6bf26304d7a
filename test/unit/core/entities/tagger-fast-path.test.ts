// The tagger scores features hashed from their parts and decodes over typed arrays (tagger.ts); training scores the
// feature strings with the generic viterbi(). Both must give the same tags and the very same doubles on any text,
// or the shipped model would not tag as it was trained and evaluated.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBloom, Bloom } from '../../../../src/core/entities/bloom';
import { commonWords, gazetteer, givenNames, taggerModel } from '../../../../src/core/entities/data';
import { staticFeatures, tagFeatures } from '../../../../src/core/entities/features';
import { decodeWeightIndex, hashFeature } from '../../../../src/core/entities/model-codec';
import { Tagger, viterbi } from '../../../../src/core/entities/tagger';
import { tokenize } from '../../../../src/core/entities/tokenize';

const root = path.resolve(__dirname, '../../../..');

function units(): string[] {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const modern = (JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/entities-modern.json'), 'utf8')) as { text: string }[]).map(e => e.text);
  const odd = [
    'ELON MUSK MEETS OLAF SCHOLZ IN BERLIN',
    'Ça va, Zoë? “Élodie” met Ángela Merkel — in Zürich’s old town.',
    'U.S. Sen. O’Neill and al-Assad; 1,500 troops; Q3 2024.',
    '東京 and Москва: Владимир Путин',
    'x',
    '',
  ];
  return [...seeds.flatMap(s => s.split('\n')), ...modern, ...odd].filter(u => u.trim());
}

describe('tagger: the fast path tags and scores as the feature strings do', () => {
  it('same tags and same emission scores, unit by unit', () => {
    const tagger = new Tagger(taggerModel, gazetteer(), givenNames(), commonWords());
    const index = decodeWeightIndex(taggerModel.weights, taggerModel.scale);
    const T = taggerModel.tags.length;
    let tokens = 0;
    for (const unit of units()) {
      const toks = tokenize(unit);
      const statics = staticFeatures(toks, gazetteer(), givenNames(), commonWords());
      const expectedEmissions: number[] = [];
      const score = (scores: Float64Array, feats: readonly string[]) => {
        for (const f of feats) index.add(scores, hashFeature(f));
      };
      const expected = viterbi(
        taggerModel.tags,
        statics,
        (scores, feats) => {
          score(scores, feats);
          expectedEmissions.push(...scores);
        },
        (scores, i, prev) => score(scores, tagFeatures(prev, statics[i])),
      ).map(k => taggerModel.tags[k]);
      const { tags, emissions } = tagger.tagWithScores(toks);
      assert.deepEqual(tags, expected, unit);
      assert.equal(emissions.length, toks.length * T);
      assert.deepEqual([...emissions], expectedEmissions, unit);
      tokens += toks.length;
    }
    assert.ok(tokens > 1000, `${tokens} tokens`);
  });
});

describe('Bloom filter: has() probes as buildBloom() set the bits', () => {
  it('every word added is found; the false-positive rate is near the one asked for', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `name${i}é`);
    const bloom = new Bloom(buildBloom(words, words.length, 0.01));
    for (const w of words) assert.ok(bloom.has(w), w);
    let fp = 0;
    for (let i = 0; i < 5000; i++) if (bloom.has(`other${i}`)) fp++;
    assert.ok(fp < 150, `${fp} false positives in 5000`);
  });
});
