// Edits inside names re-group the article (a name's mentions, its entity, its aliases, acronyms and the occurrences
// found again elsewhere change): on random edits in and around names, every re-analysis, whole or in steps (with
// runs dropped half-way), must equal a fresh analysis byte for byte.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalysisSteps } from '../../../src/core/analyze';
import type { AnalysisResult, AnnotationType } from '../../../src/core/types';
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
  it("a big article's copies after a regrouping dropped half-way: the words and names typed next are still exact", () => {
    // over 5,000 annotations, so the copies are handed out in more than one step; the annotations after each edit are
    // moved by its length, and after a regrouping take their renumbered entities, as they are copied: a run dropped
    // meanwhile leaves the rest to the next edit, whether it regroups (a name) or keeps the grouping (a word)
    let text = distinctArticle(250_000, 5);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text, { document: 'b' });
    assert.ok(annotations.length > 5000, `${annotations.length} annotations`);
    const names = annotations.filter(a => a.type !== 'date' && /^\p{Lu}\p{Ll}{3}/u.test(a.text));
    // a later mention of an entity typed into is a name of its own: the entities after it are renumbered
    const seen = new Set<string | undefined>();
    const repeats = annotations.filter(a => a.type !== 'date' && (seen.has(a.entity) || !seen.add(a.entity)) && /^\p{Lu}\p{Ll}{3}/u.test(a.text));
    /** Types a letter in a later mention from repeats[k] on whose edit regroups its line, dropping the run as it copies. */
    const droppedMidCopy = (k: number, letter: string) => {
      for (; k < repeats.length; k++) {
        const at = repeats[k].start + 2;
        const typed = text.slice(0, at) + letter + text.slice(at);
        const regrouped = warm.regroupedResults;
        const run = warm.analyzeSteps(typed, { document: 'b' });
        let result: AnalysisResult | undefined;
        while (warm.regroupedResults === regrouped && !(result = run.step()));
        if (warm.regroupedResults > regrouped) {
          assert.equal(result, undefined, 'dropped before its last copies');
          return typed;
        }
        assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
      }
      throw new Error('no name edit regrouped its line');
    };
    const typedWord = (from: number, letter: string) => {
      const at = text.indexOf(' said ', from) + 3;
      return text.slice(0, at) + letter + text.slice(at);
    };
    const counts = { regrouped: warm.regroupedResults, kept: warm.keptResults };
    // dropped, then a word typed (the grouping kept), then a name
    text = droppedMidCopy(repeats.length >> 2, 'x');
    text = typedWord(names[(3 * names.length) >> 2].start, 'z');
    assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
    assert.equal(warm.keptResults, counts.kept + 2, 'the word edit built on the result a dropped run was copying');
    const early = names[names.length >> 2].start + 2;
    text = text.slice(0, early) + 'q' + text.slice(early);
    assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
    // dropped, then a name typed (regrouped again), then a word
    text = droppedMidCopy((repeats.length >> 1) + 3, 'k');
    text = text.slice(0, early) + text.slice(early + 1);
    assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
    text = typedWord(names[names.length >> 3].start, 'w');
    assert.deepEqual(warm.analyze(text, { document: 'b' }), cold(text));
    assert.equal(warm.regroupedResults, counts.regrouped + 4, 'each name edit built on the kept result after a regrouping');
    assert.equal(warm.keptResults, counts.kept + 6, 'and each word edit');
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
  it("a word made a typed name's word after the regrouping: the grouping is not kept (its pattern words carried on)", () => {
    // the grouping's pattern words are read when a capitalised word changes ("Shares"), then carried on through the
    // regrouping of a typed name ("Alan Pricex"): a word turned into its last word elsewhere is that name again
    const text = ['Alan Price said the plan would work on Tuesday.', 'Shares rose. Pricey goods sold well.', 'Later, the talks ended.'].join('\n');
    const warm = new Analyzer();
    let before = text;
    const edit = (at: number, end: number, inserted: string) => {
      const after = before.slice(0, at) + inserted + before.slice(end);
      const result = warm.analyze(after, { document: 'w', edit: { previous: before, start: at, end, insertedLength: inserted.length } });
      assert.deepEqual(result, cold(after));
      before = after;
      return result;
    };
    warm.analyze(text, { document: 'w' });
    const kept = warm.keptResults;
    edit(text.indexOf('Shares') + 3, text.indexOf('Shares') + 3, 'x');
    assert.equal(warm.keptResults, kept + 1, 'a capitalised word typed into: the grouping kept');
    const regrouped = warm.regroupedResults;
    edit(before.indexOf('Price ') + 5, before.indexOf('Price ') + 5, 'x');
    assert.equal(warm.regroupedResults, regrouped + 1, 'the name typed into: its line regrouped');
    const at = before.indexOf('Pricey') + 5;
    const result = edit(at, at + 1, 'x');
    assert.ok(
      result.annotations.some(a => a.text === 'Pricex' && a.start === at - 5),
      'the word is the typed name again',
    );
  });
  it('a one-word name typed after the short forms were indexed, then a full name with its word: its type follows', () => {
    // the first regrouping that counts a full name's words indexes the one-word names by word ("Lopexz"); a one-word
    // name typed later ("Pricex", an organization) joins the index, so that a full name brought with its word
    // ("Alan Pricex") finds it and groups the article again (it becomes a person)
    let text = ['Alan Price said the plan would work on Tuesday.', 'Shares of Pricey rose in Lima.', 'Maria Lopez visited Oslo on Friday.'].join('\n');
    const warm = new Analyzer();
    warm.analyze(text, { document: 'i' });
    const edit = (at: number, end: number, inserted: string) => {
      const next = text.slice(0, at) + inserted + text.slice(end);
      const result = warm.analyze(next, { document: 'i', edit: { previous: text, start: at, end, insertedLength: inserted.length } });
      text = next;
      assert.deepEqual(result, cold(text));
      return result;
    };
    const regroupings = warm.regroupings;
    edit(text.indexOf('Lopez') + 4, text.indexOf('Lopez') + 4, 'x');
    edit(text.indexOf('Pricey') + 5, text.indexOf('Pricey') + 6, 'x');
    assert.equal(warm.regroupings, regroupings + 2, 'both regrouped only their line');
    const groupings = warm.groupings;
    const result = edit(text.indexOf('Price ') + 5, text.indexOf('Price ') + 5, 'x');
    assert.equal(warm.groupings, groupings + 1, 'the short form changes type: the article grouped again');
    assert.ok(result.annotations.some(a => a.text === 'Pricex' && a.type === 'person'));
  });
  it('with some entity types not asked for: edits in names hand out only the entities of the types asked for', () => {
    const rand = prng(9151);
    const options = { types: ['person', 'date'] as AnnotationType[] };
    let text = distinctArticle(5000, 17);
    const warm = new Analyzer();
    let result = warm.analyze(text, { ...options, document: 'a' });
    const regrouped = warm.regroupedResults;
    for (let i = 0; i < 20; i++) {
      text = nameEdit(text, result.annotations, rand);
      result = warm.analyze(text, { ...options, document: 'a' });
      assert.deepEqual(result, new Analyzer(0).analyze(text, options), `after edit ${i + 1}`);
    }
    assert.ok(warm.regroupedResults > regrouped, 'some built on the kept result after a regrouping');
  });
});
