// The analysis in steps (Analyzer.analyzeSteps, which the editor runs a few steps per task) gives exactly what
// analyze gives, on random edit sequences, whether each run is finished or dropped half-way for a newer text.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalysisSteps } from '../../../src/core/analyze';
import type { AnalysisResult } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';
import { randomEdit } from '../../support/random-edit';

const cold = (text: string) => new Analyzer(0).analyze(text);

/** Runs every step; returns the result and how many steps it took. */
function runAll(run: AnalysisSteps): { result: AnalysisResult; steps: number } {
  for (let steps = 1; ; steps++) {
    const result = run.step();
    if (result) return { result, steps };
  }
}

describe('analyzeSteps: an analysis in bounded steps', function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 6; seed++) {
    it(`equals analyze on 30 random edits, some runs dropped half-way (seed ${seed})`, () => {
      const rand = prng(seed * 104729);
      let text = distinctArticle(6000 + 1000 * seed, seed + 20);
      const stepped = new Analyzer();
      assert.deepEqual(runAll(stepped.analyzeSteps(text, { document: 'a' })).result, cold(text));
      for (let i = 0; i < 30; i++) {
        text = randomEdit(text, rand);
        if (rand() < 0.3) {
          // a run for this text dropped after a few steps: a newer text arrived meanwhile
          const dropped = stepped.analyzeSteps(text, { document: 'a' });
          for (let k = Math.floor(rand() * 4); k > 0 && !dropped.step(); k--);
          text = randomEdit(text, rand);
        }
        assert.deepEqual(runAll(stepped.analyzeSteps(text, { document: 'a' })).result, cold(text), `after edit ${i + 1}`);
      }
    });
  }

  it('takes many bounded steps on a big article, and a newer analysis of the same document supersedes a run', () => {
    const text = distinctArticle(300_000, 3);
    const analyzer = new Analyzer();
    const first = runAll(analyzer.analyzeSteps(text, { document: 'd' }));
    assert.deepEqual(first.result, cold(text));
    assert.ok(first.steps > 10, `${first.steps} steps`);
    const typed = text.slice(0, 1000) + ' and Mr Kowalczyk said so' + text.slice(1000);
    const run = analyzer.analyzeSteps(typed, { document: 'd' });
    assert.equal(run.step(), undefined);
    const other = analyzer.analyzeSteps(typed, { document: 'other' });
    assert.equal(run.superseded, false, 'another document does not supersede it');
    assert.deepEqual(analyzer.analyze(typed, { document: 'd' }), cold(typed));
    assert.equal(run.superseded, true, 'the analysis of the same document superseded it');
    assert.throws(() => run.step(), /superseded/);
    assert.deepEqual(runAll(other).result, cold(typed));
    // the document's kept state is the newer analysis's: the next edit is still exact
    const again = typed.slice(0, 5000) + 'x' + typed.slice(5000);
    assert.deepEqual(runAll(analyzer.analyzeSteps(again, { document: 'd' })).result, cold(again));
  });

  it("built on the previous result, it still hands out a big article's copies in bounded steps, and can be dropped between them", () => {
    const text = distinctArticle(600_000, 4);
    const analyzer = new Analyzer();
    const annotations = analyzer.analyze(text, { document: 'k' }).annotations.length;
    assert.ok(annotations > 10_000, `${annotations} annotations`);
    // typing in an ordinary word keeps the grouping: the result is built on the kept one
    const at = text.indexOf(' said ', 150_000) + 3;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const kept = analyzer.keptResults;
    const run = runAll(analyzer.analyzeSteps(typed, { document: 'k' }));
    assert.equal(analyzer.keptResults, kept + 1, 'built on the previous result');
    assert.deepEqual(run.result, cold(typed));
    assert.ok(run.steps > 1 + Math.floor(annotations / 5000), `${run.steps} steps for ${annotations} annotations`);
    // dropped half-way through the copies: the next analysis (another edit) is still exact
    const undone = analyzer.analyzeSteps(text, { document: 'k' });
    for (let k = 0; k < 2; k++) assert.equal(undone.step(), undefined);
    assert.equal(analyzer.keptResults, kept + 2, 'the dropped run was copying a result built on the kept one');
    const again = text.slice(0, at) + 'y' + text.slice(at);
    assert.deepEqual(analyzer.analyze(again, { document: 'k' }), cold(again));
    assert.throws(() => undone.step(), /superseded/);
  });
});
