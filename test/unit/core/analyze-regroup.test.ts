// The analyser keeps an article's entity grouping across an edit that cannot change it (entities/reuse.ts): on
// random edit sequences over an article of distinct text, every re-analysis must equal a fresh analysis, byte for
// byte, whether the grouping was kept or computed again.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/core/analyze';
import type { AnalyzeOptions } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';

const cold = (text: string, options: AnalyzeOptions = {}) => new Analyzer(0).analyze(text, options);

/** One random edit: mostly the keystrokes of someone typing and correcting, sometimes a name, a bracket or a line break. */
function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const r = rand();
  if (r < 0.35) return text.slice(0, at) + pick([...'abcdefghijklmnopqrstuvwxyz']) + text.slice(at);
  if (r < 0.55) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.62) return text.slice(0, at) + pick([' ', '  ', '.', ',', '0', '7']) + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + pick(['(', ')', ' (NSG)', ' (Nato)', '(IS']) + text.slice(at);
  if (r < 0.78) return text.slice(0, at) + pick(['A', 'M', 'Z', ' Rossi', ' Mr ', ' Bank of Lima', 'Tuesday']) + text.slice(at);
  if (r < 0.84) return text.slice(0, at) + '\n' + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 40));
  // replace one character by another
  return text.slice(0, at) + pick([...'eaiouxq ']) + text.slice(at + 1);
}

describe('analyze: a kept entity grouping gives exactly a fresh analysis', function () {
  this.timeout(300000);

  for (const seed of [1, 2, 3]) {
    it(`on 50 random edits of a distinct article (seed ${seed})`, () => {
      const rand = prng(seed * 7919);
      let text = distinctArticle(6000, seed);
      const warm = new Analyzer();
      warm.analyze(text, { document: 'a' });
      const before = warm.groupings;
      const edits = 50;
      for (let i = 0; i < edits; i++) {
        text = randomEdit(text, rand);
        assert.deepEqual(warm.analyze(text, { document: 'a' }), cold(text), `after edit ${i + 1}`);
      }
      // both paths ran: some edits kept the grouping, some (names, line breaks) grouped again
      const regrouped = warm.groupings - before;
      assert.ok(regrouped > 0 && regrouped < edits, `${regrouped} of ${edits} edits grouped again`);
    });
  }

  it('keeps the grouping when a lowercase word is typed in, and groups again for a name or an acronym', () => {
    const text = distinctArticle(20000, 5);
    const warm = new Analyzer();
    warm.analyze(text);
    const word = text.indexOf(' percent') + 3;
    const typed = text.slice(0, word) + 'x' + text.slice(word);
    let n = warm.groupings;
    assert.deepEqual(warm.analyze(typed), cold(typed));
    assert.equal(warm.groupings, n, 'typing in "percent" kept the grouping');
    assert.deepEqual(warm.analyze(text), cold(text));
    assert.equal(warm.groupings, n, 'and so did undoing it');
    // an acronym after an organization's name: "(UB)" names the same organization everywhere
    const org = /the (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)[ ,]/u.exec(text.slice(5000))!;
    const initials = org[1]
      .split(' ')
      .map(w => w[0])
      .join('');
    const after = 5000 + org.index + 'the '.length + org[1].length;
    const withAcronym = `${text.slice(0, after)} (${initials})${text.slice(after)}`;
    n = warm.groupings;
    const got = warm.analyze(withAcronym);
    assert.deepEqual(got, cold(withAcronym));
    assert.equal(warm.groupings, n + 1);
    assert.ok(got.annotations.some(a => a.text === initials));
    // a lexicon is matched against the whole text: never kept
    n = warm.groupings;
    const lexicon = { Rossi: 'organization' as const };
    assert.deepEqual(warm.analyze(withAcronym, { lexicon }), cold(withAcronym, { lexicon }));
    assert.equal(warm.groupings, n + 1);
  });

  it('hands out copies of the kept entities (a caller changing them changes nothing next time)', () => {
    const text = distinctArticle(5000, 9);
    const warm = new Analyzer();
    const first = warm.analyze(text);
    first.entities[0].name = 'changed';
    first.entities[0].aliases.push('changed');
    assert.deepEqual(warm.analyze(text), cold(text));
  });
});
