// Edits inside names re-group the article (a name's mentions, its entity, its aliases, acronyms and the occurrences
// found again elsewhere change): on random edits in and around names, every re-analysis, whole or in steps (with
// runs dropped half-way), must equal a fresh analysis byte for byte.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalysisSteps } from '../../../src/core/analyze';
import type { AnalysisResult } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';
import { nameEdit } from '../../support/name-edit';

const cold = (text: string) => new Analyzer(0).analyze(text);

function runAll(run: AnalysisSteps): AnalysisResult {
  for (;;) {
    const result = run.step();
    if (result) return result;
  }
}

describe('analyze: edits inside names give exactly a fresh analysis', function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 24; seed++) {
    it(`on 30 random edits in and around names (seed ${seed})`, () => {
      const rand = prng(seed * 6007);
      let text = distinctArticle(3000 + 400 * (seed % 6), seed + 40);
      const warm = new Analyzer();
      let result = warm.analyze(text, { document: 'a' });
      for (let i = 0; i < 30; i++) {
        text = nameEdit(text, result.annotations, rand);
        result = warm.analyze(text, { document: 'a' });
        assert.deepEqual(result, cold(text), `after edit ${i + 1}`);
      }
    });
  }

  for (let seed = 1; seed <= 12; seed++) {
    it(`in steps, some runs dropped half-way (seed ${seed})`, () => {
      const rand = prng(seed * 7211);
      let text = distinctArticle(4000 + 500 * (seed % 4), seed + 70);
      const stepped = new Analyzer();
      let result = runAll(stepped.analyzeSteps(text, { document: 'a' }));
      for (let i = 0; i < 25; i++) {
        text = nameEdit(text, result.annotations, rand);
        if (rand() < 0.4) {
          // dropped after a few steps (some inside the grouping): a newer text arrived meanwhile
          const dropped = stepped.analyzeSteps(text, { document: 'a' });
          for (let k = 1 + Math.floor(rand() * 8); k > 0 && !dropped.step(); k--);
          text = nameEdit(text, result.annotations, rand);
        }
        result = runAll(stepped.analyzeSteps(text, { document: 'a' }));
        assert.deepEqual(result, cold(text), `after edit ${i + 1}`);
      }
    });
  }

  it('a name typed into, then the same text again: the kept state after a regrouping is exact', () => {
    const text = distinctArticle(8000, 11);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text);
    const name = annotations.find(a => a.type === 'person' && a.text.includes(' '))!;
    const typed = text.slice(0, name.start + 2) + 'x' + text.slice(name.start + 2);
    const n = warm.groupings + warm.regroupings;
    assert.deepEqual(warm.analyze(typed), cold(typed));
    assert.deepEqual(warm.analyze(typed), cold(typed));
    assert.deepEqual(warm.analyze(text), cold(text));
    assert.equal(warm.groupings + warm.regroupings, n + 2, 'each change of the name grouped again (whole or its line); the same text twice did not');
  });
});
