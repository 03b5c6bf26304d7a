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
  it("a big article's copies after a regrouping dropped half-way: the names and words typed next are still exact", () => {
    // over 5,000 annotations, so the copies are handed out in more than one step; the annotations after each edit are
    // moved by its length as they are copied, and a run dropped meanwhile leaves the rest to the next edit
    const text = distinctArticle(250_000, 5);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text, { document: 'b' });
    assert.ok(annotations.length > 5000, `${annotations.length} annotations`);
    const names = annotations.filter(a => a.type !== 'date' && /^\p{Lu}\p{Ll}{3}/u.test(a.text));
    // a name in the middle whose edit regroups its line and builds on the kept result
    let typed = '';
    for (let k = names.length >> 1; k < names.length; k++) {
      const at = names[k].start + 2;
      typed = text.slice(0, at) + 'x' + text.slice(at);
      const regrouped = warm.regroupedResults;
      const run = warm.analyzeSteps(typed, { document: 'b' });
      let result: AnalysisResult | undefined;
      while (warm.regroupedResults === regrouped && !(result = run.step()));
      if (warm.regroupedResults > regrouped) {
        assert.equal(result, undefined, 'dropped before its last copies');
        break;
      }
      assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
    }
    // typing in an earlier name (regrouped), then in a word after the first edit (the grouping kept)
    const early = names[names.length >> 2].start + 2;
    const again = typed.slice(0, early) + 'q' + typed.slice(early);
    const counts = { regrouped: warm.regroupedResults, kept: warm.keptResults };
    assert.deepEqual(warm.analyze(again, { document: 'b' }), cold(again));
    const word = again.indexOf(' said ', names[(3 * names.length) >> 2].start) + 3;
    const last = again.slice(0, word) + 'z' + again.slice(word);
    assert.deepEqual(warm.analyze(last, { document: 'b' }), cold(last));
    assert.equal(warm.regroupedResults, counts.regrouped + 1, 'the name edit built on the result a dropped run was copying');
    assert.equal(warm.keptResults, counts.kept + 2, 'the word edit built on it too');
  });
  it('a name typed into that loses (and gets back) a mention on an earlier line: the annotations after it move by the edit', () => {
    // "Price" alone is a name only while "Alan Price" is one: the first line's annotations are one fewer, and those
    // after the edited line (Friday's) still move by the typed letter
    const text = [
      'On the day, price rises and Price agreed.',
      'The weather was fine in Lima on Monday.',
      'Alan Price said the plan would work on Tuesday.',
      'Later, Price left on Friday.',
    ].join('\n');
    const warm = new Analyzer();
    warm.analyze(text, { document: 'p' });
    const at = text.indexOf('Alan Price') + 8;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const regrouped = warm.regroupedResults;
    const result = warm.analyze(typed, { document: 'p', edit: { previous: text, start: at, end: at, insertedLength: 1 } });
    assert.deepEqual(result, cold(typed));
    assert.ok(!result.annotations.some(a => a.text === 'Price'), 'the lone "Price" is no name now');
    assert.deepEqual(warm.analyze(text, { document: 'p', edit: { previous: typed, start: at, end: at + 1, insertedLength: 0 } }), cold(text));
    assert.equal(warm.regroupedResults, regrouped + 2, 'both built on the kept result after a regrouping');
  });
});
