// The index of which lines hold each capitalised word (line-words.ts), patched line by line as edits change lines: it
// must always give what searching every line's capitalised tokens gives.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineWords } from '../../../../src/core/entities/line-words';
import { computeLineInfo, type LineInfo } from '../../../../src/core/entities/lines';

/** The lines holding one of `words` as a capitalised token, searched line by line. */
const searched = (infos: readonly LineInfo[], words: readonly string[]) =>
  infos.flatMap((info, line) => (info.capitals.some(i => words.includes(info.tokens[i].text)) ? [line] : []));

describe('line-words: the lines holding each capitalised word', () => {
  const vocabulary = ['John', 'Smith', 'Bank', 'England', 'Lima', 'the', 'met', 'of', 'Met', 'bank', '.', 'JOHN'];
  const word = fc.constantFrom(...vocabulary);
  const line = fc.array(word, { maxLength: 8 }).map(ws => ws.join(' '));

  it('gives the lines a search gives, made whole or patched after each change of a line', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), line, fc.array(word, { minLength: 1, maxLength: 3 })), { maxLength: 12 }),
        (texts, edits) => {
          const infos = texts.map(computeLineInfo);
          const index = LineWords.of(infos);
          for (const [at, text, asked] of edits) {
            const n = at % infos.length;
            const after = computeLineInfo(text);
            index.replace(n, infos[n], after);
            infos[n] = after;
            assert.deepEqual(index.holding(asked), searched(infos, asked));
            assert.deepEqual(LineWords.of(infos).holding(asked), searched(infos, asked));
          }
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });

  it('finds a word only where it is capitalised, once per line however often it occurs there', () => {
    const infos = ['John met John Smith.', 'the bank of England', 'Bank of England met John', 'john'].map(computeLineInfo);
    const index = LineWords.of(infos);
    assert.deepEqual(index.holding(['John']), [0, 2]);
    assert.deepEqual(index.holding(['Bank', 'Smith']), [0, 2]);
    assert.deepEqual(index.holding(['bank', 'Paris']), []);
  });
});
