// The analyser keeps an article's entity grouping across an edit that cannot change it (entities/reuse.ts): on
// random edit sequences over an article of distinct text, every re-analysis must equal a fresh analysis, byte for
// byte, whether the grouping was kept or computed again.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../../src/core/analyze';
import type { AnalyzeOptions } from '../../../src/core/types';
import { distinctArticle, prng } from '../../support/distinct-article';

const cold = (text: string, options: AnalyzeOptions = {}) => new Analyzer(0).analyze(text, options);

/** Where the word around `at` starts and ends (letters only), or null when `at` is not in a word. */
function wordAt(text: string, at: number): { start: number; end: number } | null {
  const letter = (i: number) => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);
  if (!letter(at)) return null;
  let start = at;
  let end = at;
  while (letter(start - 1)) start--;
  while (letter(end)) end++;
  return { start, end };
}

/** The next capitalised word at or after `from` (a name, or a sentence's first word), or null. */
function capitalisedAfter(text: string, from: number): { start: number; end: number } | null {
  const m = /\b\p{Lu}\p{Ll}+/gu;
  m.lastIndex = from;
  const found = m.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : null;
}

const NAMES = [' Viktor Okafor', ' Rossi', ' Mr Tanaka', ' the Global Steel Corp', ' Bank of Lima', ' in Oslo', ' NATO', ' Nato', ' Tuesday'];
const BRACKETS = ['(', ')', ' (NSG)', ' (Nato)', '(IS', ' (GSC)', ' (NATO)', ' (UN)'];

/**
 * One random edit: mostly the keystrokes of someone typing and correcting (in ordinary words and inside names), and
 * names added and removed, acronyms in brackets, lines split and joined.
 */
function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const insert = (i: number, s: string) => text.slice(0, i) + s + text.slice(i);
  const r = rand();
  if (r < 0.2) return insert(at, pick([...'abcdefghijklmnopqrstuvwxyz']));
  if (r < 0.3) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.34) return insert(at, pick([' ', '  ', '.', ',', '0', '7']));
  if (r < 0.44) {
    // typing inside a capitalised word (a name, or a sentence's first word), or deleting a letter of it
    const w = capitalisedAfter(text, at);
    if (!w) return text;
    const i = w.start + 1 + Math.floor(rand() * (w.end - w.start - 1));
    return rand() < 0.7 ? insert(i, pick([...'aeioxz'])) : text.slice(0, i) + text.slice(i + 1);
  }
  if (r < 0.5) {
    // a name removed: a capitalised word and the space before it
    const w = capitalisedAfter(text, at);
    return w ? text.slice(0, Math.max(0, w.start - 1)) + text.slice(w.end) : text;
  }
  if (r < 0.58) {
    // a name added after a word: a new one, or one the article has elsewhere (found again in other lines)
    const w = wordAt(text, at);
    const elsewhere = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/u.exec(text.slice(Math.floor(rand() * text.length)));
    return insert(w ? w.end : at, elsewhere && rand() < 0.5 ? ` ${elsewhere[0]}` : pick(NAMES));
  }
  if (r < 0.66) {
    // an acronym in brackets, often right after a name
    const w = rand() < 0.6 ? capitalisedAfter(text, at) : null;
    return insert(w ? w.end : at, pick(BRACKETS));
  }
  if (r < 0.72) return insert(at, pick(['A', 'M', 'Z', 'The ']));
  if (r < 0.8) return insert(at, '\n');
  if (r < 0.86) {
    // two lines joined
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text : text.slice(0, nl) + pick(['', ' ']) + text.slice(nl + 1);
  }
  if (r < 0.92) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 40));
  // replace one character by another
  return text.slice(0, at) + pick([...'eaiouxq ']) + text.slice(at + 1);
}

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
