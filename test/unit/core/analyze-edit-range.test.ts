// An edit given with its range (AnalyzerOptions.edit, as the editor gives it) is located without comparing the texts,
// and after an edit that keeps the grouping the result is built on the previous one (analyzeKept.ts): on random edits
// (keystrokes, names, brackets, lines split and joined, multi-line replacements, ranges wider than the change),
// every re-analysis must equal a fresh analysis byte for byte, and the range must have been the path taken.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalysisSteps, type TextEdit } from '../../../src/core/analyze';
import type { AnalysisResult, AnalyzeOptions } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';
import { randomEdit } from '../../support/random-edit';

const cold = (text: string, options: AnalyzeOptions = {}) => new Analyzer(0).analyze(text, options);

/** The range that turns `old` into `next` (common prefix and suffix), widened by up to `widen` code units each side. */
function rangeOf(old: string, next: string, rand: () => number, widen: number): TextEdit {
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let suffix = 0;
  while (suffix < old.length - start && suffix < next.length - start && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  // a range may cover unchanged text (the editor replaced a selection with much the same text)
  const before = Math.min(start, Math.floor(rand() * (widen + 1)));
  const after = Math.min(suffix, Math.floor(rand() * (widen + 1)));
  const end = old.length - suffix + after;
  return { previous: old, start: start - before, end, insertedLength: next.length - old.length + end - (start - before) };
}

/** A replacement spanning several lines: a run of text cut out, with a few lines of its own put in. */
function multiLineEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * text.length);
  const cut = Math.floor(rand() * 600);
  const put = ['', 'Shares fell.\nViktor Okafor said', '\n\n', 'on Tuesday\nin Oslo (NATO)\n'][Math.floor(rand() * 4)];
  return text.slice(0, at) + put + text.slice(at + cut);
}

function runAll(run: AnalysisSteps): AnalysisResult {
  for (;;) {
    const result = run.step();
    if (result) return result;
  }
}

describe('analyze: an edit given with its range gives exactly a fresh analysis', function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 10; seed++) {
    it(`on 40 random edits with their ranges (seed ${seed})`, () => {
      const rand = prng(seed * 104729);
      let text = distinctArticle(4000 + 700 * (seed % 4), seed);
      const warm = new Analyzer();
      warm.analyze(text, { document: 'a' });
      const start = { kept: warm.keptResults };
      const edits = 40;
      for (let i = 0; i < edits; i++) {
        const next = rand() < 0.12 ? multiLineEdit(text, rand) : randomEdit(text, rand);
        const edit = rangeOf(text, next, rand, rand() < 0.7 ? 0 : 30);
        const ranged = warm.rangedEdits;
        assert.deepEqual(warm.analyze(next, { document: 'a', edit }), cold(next), `after edit ${i + 1}`);
        assert.equal(warm.rangedEdits, ranged + 1, `edit ${i + 1} was located by its range`);
        text = next;
      }
      // the result was built on the previous one for some edits (not right after a line's regrouping), and the other paths ran too
      assert.ok(warm.keptResults - start.kept > 0, `${warm.keptResults - start.kept} of ${edits} built on the previous result`);
      assert.ok(warm.keptResults - start.kept < edits);
    });
  }

  it('typing a letter in a word and undoing it, with ranges: the result is built on the previous one both times', () => {
    const text = distinctArticle(20000, 5);
    const warm = new Analyzer();
    warm.analyze(text, { document: 'a' });
    const at = text.indexOf(' percent') + 3;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const kept = warm.keptResults;
    assert.deepEqual(warm.analyze(typed, { document: 'a', edit: { previous: text, start: at, end: at, insertedLength: 1 } }), cold(typed));
    assert.deepEqual(warm.analyze(text, { document: 'a', edit: { previous: typed, start: at, end: at + 1, insertedLength: 0 } }), cold(text));
    assert.equal(warm.keptResults, kept + 2);
    assert.equal(warm.rangedEdits, 2);
  });

  it('typing in a name, then in a word: both results built on the previous one (the first after a line regrouping)', () => {
    const text = distinctArticle(20000, 6);
    const warm = new Analyzer();
    const { annotations } = warm.analyze(text, { document: 'a' });
    const name = annotations.find(a => a.type === 'person' && /^\p{Lu}\p{Ll}{3}/u.test(a.text))!;
    const inName = name.start + 2;
    const typed = text.slice(0, inName) + 'x' + text.slice(inName);
    const counts = { kept: warm.keptResults, regrouped: warm.regroupedResults, regroupings: warm.regroupings };
    assert.deepEqual(warm.analyze(typed, { document: 'a', edit: { previous: text, start: inName, end: inName, insertedLength: 1 } }), cold(typed));
    assert.equal(warm.regroupings, counts.regroupings + 1, "the line's names were regrouped");
    assert.equal(warm.regroupedResults, counts.regrouped + 1, 'and the result built on the previous one');
    const inWord = typed.indexOf(' percent', name.end + 1) + 3;
    const again = typed.slice(0, inWord) + 'x' + typed.slice(inWord);
    assert.deepEqual(warm.analyze(again, { document: 'a', edit: { previous: typed, start: inWord, end: inWord, insertedLength: 1 } }), cold(again));
    assert.equal(warm.keptResults, counts.kept + 2, 'the word edit built on the result kept after the regrouping');
  });

  it('typing letter after letter inside names, then deleting them, with ranges: each result a fresh analysis, built after a regrouping', () => {
    let text = distinctArticle(30000, 9);
    const warm = new Analyzer();
    let result = warm.analyze(text, { document: 'a' });
    const handedOut = structuredClone(result);
    const counts = { regrouped: warm.regroupedResults };
    const names = result.annotations.filter(a => a.type !== 'date' && /^\p{Lu}\p{Ll}{3}/u.test(a.text));
    let steps = 0;
    for (const name of [names[3], names[Math.floor(names.length / 2)], names[names.length - 4]]) {
      // the name's place in the current text (the earlier names' letters were typed and deleted again)
      const at = result.annotations.find(a => a.start === name.start)!.start + 2;
      for (const [k, letter] of [...'xqz'].entries()) {
        const next = text.slice(0, at + k) + letter + text.slice(at + k);
        result = warm.analyze(next, { document: 'a', edit: { previous: text, start: at + k, end: at + k, insertedLength: 1 } });
        assert.deepEqual(result, cold(next), `after typing ${letter} in ${name.text}`);
        text = next;
        steps++;
      }
      for (let k = 2; k >= 0; k--) {
        const next = text.slice(0, at + k) + text.slice(at + k + 1);
        result = warm.analyze(next, { document: 'a', edit: { previous: text, start: at + k, end: at + k + 1, insertedLength: 0 } });
        assert.deepEqual(result, cold(next), `after deleting a letter in ${name.text}`);
        text = next;
        steps++;
      }
    }
    assert.ok(warm.regroupedResults - counts.regrouped >= steps / 2, 'most results were built after a regrouping of the edited line');
    assert.deepEqual(structuredClone(warm.analyze(text, { document: 'a' })), handedOut, 'back to the first text: the same result');
  });

  it('edits at line ends and starts (line breaks made and removed, combining marks), with ranges', () => {
    const rand = prng(31337);
    let text = distinctArticle(6000, 3);
    const warm = new Analyzer();
    warm.analyze(text, { document: 'a' });
    for (let i = 0; i < 40; i++) {
      const breaks = [...text.matchAll(/\n/g)].map(m => m.index);
      const nl = breaks[Math.floor(rand() * breaks.length)];
      const at = nl + (rand() < 0.5 ? 0 : 1);
      const r = rand();
      const [cut, put]: [number, string] =
        r < 0.3 ? [0, 'x'] : r < 0.5 ? [1, ''] : r < 0.7 ? [0, '\n'] : r < 0.8 ? [1, ' '] : r < 0.9 ? [0, 'Rossi '] : [0, '\u0301']; // a combining mark joins the cluster before it
      const next = text.slice(0, at) + put + text.slice(at + cut);
      const edit = { previous: text, start: at, end: at + cut, insertedLength: put.length };
      assert.deepEqual(warm.analyze(next, { document: 'a', edit }), cold(next), `after edit ${i + 1}`);
      text = next;
    }
    assert.equal(warm.rangedEdits, 40);
  });

  it('a range from another text than the kept one is not used (the texts are compared): still a fresh analysis', () => {
    const text = distinctArticle(5000, 7);
    const warm = new Analyzer();
    warm.analyze(text, { document: 'a' });
    const at = text.indexOf(' the ') + 2;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const again = typed.slice(0, at) + 'y' + typed.slice(at);
    // the range is from `typed`, but the analyzer last saw `text`
    assert.deepEqual(warm.analyze(again, { document: 'a', edit: { previous: typed, start: at, end: at, insertedLength: 1 } }), cold(again));
    // numbers that do not add up
    assert.deepEqual(warm.analyze(text, { document: 'a', edit: { previous: again, start: at, end: at + 1, insertedLength: 0 } }), cold(text));
    assert.equal(warm.rangedEdits, 0);
  });

  it('with other types asked for, a reference date, a lexicon and Markdown in between, with ranges', () => {
    const rand = prng(4242);
    let text = distinctArticle(5000, 11);
    const warm = new Analyzer();
    const variants: AnalyzeOptions[] = [
      {},
      { types: ['person', 'date'] },
      { referenceDate: '2016-03-01' },
      { lexicon: { Rossi: 'organization', Tuesday: 'person' } },
      {},
    ];
    warm.analyze(text, { document: 'a' });
    let ranged = 0;
    for (let i = 0; i < 30; i++) {
      const options = variants[i % variants.length];
      const next = randomEdit(text, rand);
      const edit = rangeOf(text, next, rand, 5);
      assert.deepEqual(warm.analyze(next, { ...options, document: 'a', edit }), cold(next, options), `after edit ${i + 1}`);
      text = next;
      ranged++;
    }
    assert.equal(warm.rangedEdits, ranged);
    // Markdown: the range is not used (an edit may change the masking far from it)
    const md = `# Title\n\n${text}`;
    warm.analyze(md, { document: 'b', format: 'markdown' });
    const fenced = md.replace('\n\n', '\n\n```\n');
    const edit = { previous: md, start: md.indexOf('\n\n') + 2, end: md.indexOf('\n\n') + 2, insertedLength: 4 };
    assert.deepEqual(warm.analyze(fenced, { document: 'b', format: 'markdown', edit }), new Analyzer(0).analyze(fenced, { format: 'markdown' }));
    assert.equal(warm.rangedEdits, ranged);
  });

  it('an analysis in steps superseded between its steps, then edits with ranges: still fresh analyses', () => {
    const rand = prng(99);
    let text = distinctArticle(30000, 2);
    const warm = new Analyzer();
    warm.analyze(text, { document: 'a' });
    for (let i = 0; i < 12; i++) {
      const next = randomEdit(text, rand);
      const run = warm.analyzeSteps(next, { document: 'a', edit: rangeOf(text, next, rand, 0) });
      // some runs take a step or two (the kept state moves on at the first), some none, before a newer edit comes
      for (let k = Math.floor(rand() * 3); k > 0 && !run.step(); k--);
      const after = randomEdit(next, rand);
      // from `next`: the analyzer saw it only if the run took a step (else the range is not used)
      const edit = rangeOf(next, after, rand, 0);
      const got = rand() < 0.5 ? warm.analyze(after, { document: 'a', edit }) : runAll(warm.analyzeSteps(after, { document: 'a', edit }));
      assert.deepEqual(got, cold(after), `after edit ${i + 1}`);
      text = after;
    }
  });
});
