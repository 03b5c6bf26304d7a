// The session composes the editor's changes since its last analysis into one range (EditSince) and gives it to the
// next analysis (AnalyzerOptions.edit): the range must describe the change exactly (the text outside it unchanged),
// be unknown whenever it cannot be sure, and a session typing with ranges must end with exactly the sidecar of a
// session whose analyzer compares the texts.
import { strict as assert } from 'node:assert';
import { Analyzer, type AnalyzerOptions } from '../../../../src/core/analyze';
import { ArticleSession } from '../../../../src/core/session/session';
import { EditSince } from '../../../../src/core/session/editSince';
import type { TextChange } from '../../../../src/core/sidecar/textChanges';
import { distinctArticle, prng } from '../../../support/distinct-article';
import { randomEdit } from '../../../support/random-edit';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const NOW = '2026-11-29T00:00:00.000Z';

/** One random change of `text` as an editor reports it, and the text after it. */
function change(text: string, rand: () => number): { change: TextChange; newText: string } {
  const start = Math.floor(rand() * (text.length + 1));
  const end = Math.min(text.length, start + (rand() < 0.6 ? 0 : Math.floor(rand() * 20)));
  const inserted = ['', 'x', 'Rossi', '\n', ' the ', 'é'][Math.floor(rand() * 6)];
  return { change: { start, end, text: inserted }, newText: text.slice(0, start) + inserted + text.slice(end) };
}

describe('EditSince: the changes since the last analysis as one range', () => {
  it('describes the change from the analysed text exactly, over random runs of changes', () => {
    const rand = prng(7);
    for (let run = 0; run < 200; run++) {
      const base = distinctArticle(300 + run, run % 5).slice(0, 200 + run);
      const since = new EditSince();
      since.analyzed(base);
      let text = base;
      for (let k = Math.floor(rand() * 6); k > 0; k--) {
        const c = change(text, rand);
        since.changed(c.newText, [c.change]);
        text = c.newText;
      }
      const edit = since.editTo(text)!;
      assert.equal(edit.previous, base);
      assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= base.length);
      const rebuilt = base.slice(0, edit.start) + text.slice(edit.start, edit.start + edit.insertedLength) + base.slice(edit.end);
      assert.equal(rebuilt, text, `run ${run}`);
    }
  });

  it('is unknown after several changes in one event, a change that does not fit, or for another text', () => {
    const since = new EditSince();
    assert.equal(since.editTo('abc'), undefined, 'nothing analysed yet');
    since.analyzed('hello world');
    assert.deepEqual(since.editTo('hello world'), { previous: 'hello world', start: 11, end: 11, insertedLength: 0 });
    assert.equal(since.editTo('hello there'), undefined, 'another text than the changes lead to');
    since.changed('hello, world', [{ start: 5, end: 5, text: ',' }]);
    assert.deepEqual(since.editTo('hello, world'), { previous: 'hello world', start: 5, end: 5, insertedLength: 1 });
    // an event without changes (only the dirty state changed) changes nothing
    since.changed('hello, world', []);
    assert.deepEqual(since.editTo('hello, world'), { previous: 'hello world', start: 5, end: 5, insertedLength: 1 });
    since.changed('Xhello, worldX', [
      { start: 0, end: 0, text: 'X' },
      { start: 12, end: 12, text: 'X' },
    ]);
    assert.equal(since.editTo('Xhello, worldX'), undefined, 'two changes in one event');
    since.analyzed('abc');
    since.changed('abcd', [{ start: 1, end: 1, text: 'zz' }]);
    assert.equal(since.editTo('abcd'), undefined, 'a change whose length does not add up');
    // changes no longer told (the session was reset): a later change cannot be composed with the ones missed
    since.analyzed('abc');
    since.forget();
    since.changed('abcd', [{ start: 3, end: 3, text: 'd' }]);
    assert.equal(since.editTo('abcd'), undefined, 'changes missed');
  });
});

describe('ArticleSession: analyses after typing are told where the text changed', () => {
  it('gives the analyzer the range of the typing, and ends with the sidecar of a session whose analyzer compares the texts', () => {
    const rand = prng(2026);
    const ranged = new Analyzer();
    const plain = new Analyzer();
    const given: (AnalyzerOptions['edit'] | undefined)[] = [];
    const session = (analyzer: Analyzer, record: boolean) =>
      new ArticleSession({
        storage: new InMemoryStorage(),
        sidecarPath: 'a.txt.annotations.json',
        file: 'a.txt',
        analyzer: {
          analyze: (text, options) => {
            if (record) given.push(options?.edit);
            // the other analyzer is never told: it compares the texts
            return analyzer.analyze(text, record ? options : { ...options, edit: undefined });
          },
        },
        analyzeOptions: () => ({ document: 'a.txt' }) as AnalyzerOptions,
        now: () => NOW,
      });
    const a = session(ranged, true);
    const b = session(plain, false);
    let text = distinctArticle(8000, 4);
    a.analyze(text, { version: 1 });
    b.analyze(text, { version: 1 });
    for (let i = 0; i < 30; i++) {
      // a few keystrokes, then the (debounced) analysis
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const next = rand() < 0.5 ? randomEdit(text, rand) : change(text, rand).newText;
        let start = 0;
        while (start < text.length && start < next.length && text[start] === next[start]) start++;
        let suffix = 0;
        while (suffix < text.length - start && suffix < next.length - start && text[text.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
        const changes = [{ start, end: text.length - suffix, text: next.slice(start, next.length - suffix) }];
        a.textChanged(next, changes, i + 2);
        b.textChanged(next, changes, i + 2);
        text = next;
      }
      // the editor's getText gives another string of the same text
      const analysed = (' ' + text).slice(1);
      a.analyze(analysed, { version: i + 2 });
      b.analyze(analysed, { version: i + 2 });
      assert.deepStrictEqual(a.sidecar, b.sidecar, `after analysis ${i + 1}`);
    }
    assert.equal(ranged.rangedEdits, 30, 'every analysis after typing was located by its range');
    assert.equal(plain.rangedEdits, 0);
    assert.ok(given.slice(1).every(e => e !== undefined));
  });
});
