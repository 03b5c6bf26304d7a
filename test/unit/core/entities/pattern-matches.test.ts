// The memo of where the name patterns match a line (pattern-matches.ts), brought forward from an earlier generation of
// patterns by matching again only the tokens whose word starts a pattern that changed since: a line the regrouping of
// an edit does not visit lags generations behind, and must then give exactly a fresh match of the current patterns.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLineInfo, type LineInfo } from '../../../../src/core/entities/lines';
import { advance, lineMatches, matchesIn, sameMatches, wordTree } from '../../../../src/core/entities/pattern-matches';
import { patternsOf, type Patterns } from '../../../support/name-patterns';

const fresh = (info: LineInfo, patterns: Patterns) => matchesIn(computeLineInfo(info.text), wordTree(patterns));

describe('pattern-matches: the memo of a line brought forward over generations', () => {
  const vocabulary = ['John', 'Smith', 'Bank', 'England', 'Kowalski', 'Lima', 'Open', 'New', 'York', 'the', 'met', 'of', '.'];
  const word = fc.constantFrom(...vocabulary);
  const names = fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 8 });

  it('gives a fresh match for lines visited now and then, the patterns replaced or changed in place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(names, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.boolean()), { minLength: 2, maxLength: 8 }),
        (lineWords, calls) => {
          const lines = lineWords.map(ws => computeLineInfo(ws.join(' ')));
          // one map changed in place (as a regrouping changes the kept patterns), or a new map each call
          let kept: Patterns | undefined;
          for (const [list, visits, inPlace] of calls) {
            const next = patternsOf(list.filter(n => /^\p{Lu}/u.test(n[0])));
            let patterns = next;
            if (inPlace && kept) {
              const changed = new Set<string>();
              for (const [w, l] of next) if (JSON.stringify(kept.get(w)) !== JSON.stringify(l)) changed.add(w);
              for (const w of kept.keys()) if (!next.has(w)) changed.add(w);
              for (const w of changed) {
                const l = next.get(w);
                if (l) kept.set(w, l);
                else kept.delete(w);
              }
              patterns = kept;
              advance(patterns, changed);
            } else advance(patterns);
            kept = patterns;
            lines.forEach((info, n) => {
              if (visits[n]) assert.deepEqual(lineMatches(info, patterns), fresh(info, patterns));
            });
          }
        },
      ),
      { numRuns: 500, seed: 14 },
    );
  });

  it('matches again only the tokens whose word starts a pattern that changed', () => {
    const patterns = patternsOf([['John', 'Smith'], ['Bank'], ['Lima']]);
    const info = computeLineInfo('John Smith met the Bank in Lima and John Smith again');
    advance(patterns);
    const before = lineMatches(info, patterns);
    // two generations the line is not visited in: one changes "Bank" (it loses its pattern), one changes nothing it holds
    const second = patternsOf([['John', 'Smith'], ['Lima'], ['New', 'York']]);
    advance(second);
    const third = patternsOf([['John', 'Smith'], ['Lima'], ['New']]);
    advance(third);
    const after = lineMatches(info, third);
    assert.deepEqual(after, fresh(info, third));
    // the entries at the words whose patterns stayed are the memo's own (not matched again)
    const at = (list: readonly { i: number }[], i: number) => list.find(m => m.i === i);
    assert.equal(at(after, 0), at(before, 0));
    assert.equal(
      at(
        after,
        info.tokens.findIndex(t => t.text === 'Lima'),
      ),
      at(
        before,
        info.tokens.findIndex(t => t.text === 'Lima'),
      ),
    );
    assert.equal(
      at(
        after,
        info.tokens.findIndex(t => t.text === 'Bank'),
      ),
      undefined,
    );
  });

  it("tells a line's matches unchanged only when the changed words' tokens name the same patterns in the same places", () => {
    type P = { words: string[] };
    const john: P = { words: ['John', 'Smith'] };
    const bank: P = { words: ['Bank'] };
    const patterns = new Map<string, P[]>([
      ['John', [john]],
      ['Bank', [bank]],
    ]);
    const info = computeLineInfo('John Smith met the Bank in Lima');
    advance(patterns);
    lineMatches(info, patterns);
    // each change made in place, announced with its words, the lists before it given
    const change = (word: string, list: P[] | undefined) => {
      const before = new Map<string, P[] | undefined>([[word, patterns.get(word)]]);
      if (list) patterns.set(word, list);
      else patterns.delete(word);
      advance(patterns, new Set([word]));
      return (w: string) => before.get(w);
    };
    // a list of a word the line does not hold: the same matches
    assert.equal(sameMatches(info, patterns, change('Lima', [{ words: ['Lima', 'Open'] }])), true);
    // another pattern of the same words, at the same place: not the same (its type or surface may be another)
    assert.equal(sameMatches(info, patterns, change('John', [{ words: ['John', 'Smith'] }])), false);
    // the same pattern put after a new longer one that does not match here: the same (another index, the same pattern)
    const smith = patterns.get('John')![0];
    assert.equal(sameMatches(info, patterns, change('John', [{ words: ['John', 'Smith', 'Jr'] }, smith])), true);
    // a shorter pattern instead: another place
    assert.equal(sameMatches(info, patterns, change('John', [{ words: ['John'] }])), false);
    // a pattern gone
    assert.equal(sameMatches(info, patterns, change('Bank', undefined)), false);
    // the memo already of this generation, or patterns not changed in place (made anew): the caller matches the line
    assert.equal(
      sameMatches(info, patterns, () => undefined),
      false,
    );
    // (made anew: "John"'s pattern another of the same words, which a comparison of the words does not see)
    const anew = new Map(patterns);
    anew.set('John', [{ words: ['John'] }]);
    anew.set('Lima', [{ words: ['Lima', 'Peru'] }]);
    advance(anew);
    assert.equal(
      sameMatches(info, anew, w => patterns.get(w)),
      false,
    );
    assert.deepEqual(lineMatches(info, anew), fresh(info, anew));
  });

  it('matches a line again whole after a change of more first words than are noted', () => {
    const many = Array.from({ length: 100 }, (_, k) => [`Name${k}`]);
    const info = computeLineInfo('John met Name3 and Name70 in Lima');
    const first = patternsOf([['John'], ['Lima']]);
    advance(first);
    const before = lineMatches(info, first);
    const second = patternsOf([['John'], ['Lima'], ...many]);
    advance(second);
    advance(patternsOf([['John'], ...many]));
    const third = patternsOf([['John'], ['Lima'], ...many.slice(1)]);
    advance(third);
    const after = lineMatches(info, third);
    assert.deepEqual(after, fresh(info, third));
    assert.notEqual(after[0], before[0]);
  });
});
