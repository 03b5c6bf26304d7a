// Name propagation's matching step (issue 16): each capitalised token checks only the patterns its following words
// can continue, so thousands of names sharing a first word ("John ...") cost no more than one, and the matches are
// those of checking every pattern with that first word.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLineInfo, type LineInfo, type LineSource, type PatternMatch } from '../../../../src/core/entities/lines';
import { working, type Working } from '../../../../src/core/entities/mention-set';
import { matchesIn, propagate, wordTree } from '../../../../src/core/entities/propagate';
import { patternsOf, type Patterns } from '../../../support/name-patterns';

/** The plain matcher: every pattern with the token's word, in turn (the blocking rule is the same code path). */
function reference(info: LineInfo, patterns: Patterns): Omit<PatternMatch, 'blocked'>[] {
  const { tokens, capitals } = info;
  const out: Omit<PatternMatch, 'blocked'>[] = [];
  for (const i of capitals) {
    (patterns.get(tokens[i].text) ?? []).forEach((p, k) => {
      const last = i + p.words.length - 1;
      if (last >= tokens.length) return;
      for (let w = 1; w < p.words.length; w++) if (tokens[i + w].text !== p.words[w]) return;
      out.push({ i, k, last, start: tokens[i].start, end: tokens[last].end });
    });
  }
  return out;
}

const surname = (i: number) => `Ka${i.toString(36)}son`;

describe('propagate: matching name patterns', () => {
  it('checks a handful of nodes per token however many names share its first word', () => {
    const names = Array.from({ length: 5000 }, (_, i) => ['John', surname(i)]);
    const patterns = patternsOf([...names, ['John']]);
    const tree = wordTree(patterns);
    const line = computeLineInfo(`John ${surname(42)} met John Kerry and John ${surname(4999)} in Paris.`);
    const work = { steps: 0 };
    const found = matchesIn(line, tree, work).map(m =>
      line.tokens
        .slice(m.i, m.last + 1)
        .map(t => t.text)
        .join(' '),
    );
    assert.deepEqual(found, [`John ${surname(42)}`, 'John', 'John', `John ${surname(4999)}`, 'John']);
    // three occurrences of "John", each following at most one more word (the plain matcher compared 5001 patterns each)
    assert.ok(work.steps <= 6, `${work.steps} steps`);
  });

  it('finds the same matches, in the same order, as checking every pattern', () => {
    const vocabulary = ['John', 'Smith', 'Bank', 'of', 'England', 'New', 'York', 'Times', 'U.S.', 'Open', 'said'];
    const word = fc.constantFrom(...vocabulary);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.oneof(word, fc.constantFrom('the', '.', ',', 'met')), { maxLength: 30 }),
        (names, lineWords) => {
          const patterns = patternsOf(names.filter(n => /^\p{Lu}/u.test(n[0])));
          const info = computeLineInfo(lineWords.join(' '));
          const got = matchesIn(info, wordTree(patterns)).map(({ blocked: _b, ...m }) => m);
          assert.deepEqual(got, reference(info, patterns));
        },
      ),
      { numRuns: 500, seed: 16 },
    );
  });

  it("keeps a line's matches across calls only while its words start no pattern that changed", () => {
    // the same lines (their memos kept, as the analyser keeps them) against fresh copies, over a run of calls whose
    // names come and go: the memo of one generation of patterns is brought forward only where it still holds
    const vocabulary = ['John', 'Smith', 'Bank', 'England', 'Kowalski', 'Nato', 'NATO', 'Lima', 'Open', 'the', 'met', 'of', '.'];
    const word = fc.constantFrom(...vocabulary);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 6 }), { minLength: 2, maxLength: 6 }),
        (lineWords, calls) => {
          const texts = lineWords.map(ws => ws.join(' '));
          const kept = texts.map(t => computeLineInfo(t));
          const source =
            (infos: () => LineInfo[]): LineSource =>
            fn => {
              let start = 0;
              infos().forEach((info, n) => {
                fn(start, info);
                start += texts[n].length + 1;
              });
            };
          for (const picks of calls) {
            // each call's mentions: runs of capitalised tokens at the picked places (sorted, without overlaps)
            const work = (): Working[] => {
              const out: Working[] = [];
              let start = 0;
              const starts = texts.map(t => ((start += t.length + 1), start - t.length - 1));
              const chosen = new Set<string>();
              for (const [line, token, length] of picks) {
                const n = line % kept.length;
                const info = kept[n];
                if (info.capitals.length === 0) continue;
                const first = info.capitals[token % info.capitals.length];
                const last = Math.min(info.tokens.length - 1, first + length - 1);
                const words = info.tokens.slice(first, last + 1).map(t => t.text);
                if (words.some(w => !/^\p{Lu}/u.test(w))) continue;
                const key = `${n}:${first}`;
                if (chosen.has(key)) continue;
                chosen.add(key);
                out.push(
                  working(starts[n] + info.tokens[first].start, starts[n] + info.tokens[last].end, n % 2 ? 'person' : 'organization', words.join(' '), false),
                );
              }
              out.sort((a, b) => a.start - b.start || b.end - a.end);
              return out.filter((m, k) => k === 0 || m.start >= out[k - 1].end);
            };
            const strip = (list: Working[]) => list.map(m => [m.start, m.end, m.type, m.surface]);
            const got = propagate(
              source(() => kept),
              work(),
            );
            const fresh = propagate(
              source(() => texts.map(t => computeLineInfo(t))),
              work(),
            );
            assert.deepEqual(strip(got), strip(fresh));
          }
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });
});
