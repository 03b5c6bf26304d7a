// The analyser keeps an article's entity grouping across an edit that cannot change it (entities/reuse.ts): on
// random edit sequences over an article of distinct text, every re-analysis must equal a fresh analysis, byte for
// byte, whether the grouping was kept or computed again.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/core/analyze';
import type { AnalyzeOptions } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';
import { randomEdit } from '../../support/random-edit';

const cold = (text: string, options: AnalyzeOptions = {}) => new Analyzer(0).analyze(text, options);

describe('analyze: a kept entity grouping gives exactly a fresh analysis', function () {
  this.timeout(300000);

  for (let seed = 1; seed <= 12; seed++) {
    it(`on 40 random edits of a distinct article (seed ${seed})`, () => {
      const rand = prng(seed * 7919);
      let text = distinctArticle(4000 + 500 * (seed % 5), seed);
      const warm = new Analyzer();
      warm.analyze(text, { document: 'a' });
      const before = warm.groupings;
      const edits = 40;
      for (let i = 0; i < edits; i++) {
        text = randomEdit(text, rand);
        assert.deepEqual(warm.analyze(text, { document: 'a' }), cold(text), `after edit ${i + 1}`);
      }
      // both paths ran: some edits kept the grouping, some (names, line breaks) grouped again
      const regrouped = warm.groupings - before;
      assert.ok(regrouped > 0 && regrouped < edits, `${regrouped} of ${edits} edits grouped again`);
    });
  }

  it('keeps the grouping when a word naming nothing is typed in, and groups again for a name or an acronym', () => {
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
    // a sentence's capitalised first word that names nothing: still capitalised, still no title
    const shares = text.indexOf('Shares in ') + 3;
    const sharxes = text.slice(0, shares) + 'x' + text.slice(shares);
    assert.deepEqual(warm.analyze(sharxes), cold(sharxes));
    assert.equal(warm.groupings, n, 'typing in "Shares" kept the grouping');
    assert.deepEqual(warm.analyze(text), cold(text));
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
