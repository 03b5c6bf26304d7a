// Cutting long lines into units of analysis (issue 16): a cut falls between tokens, and between two lowercase words
// when the line has them, so a name straddling the 4,000-character limit is analysed whole.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { MAX_UNIT_LENGTH, segment } from '../../../src/core/segment';

const FILLER = 'the minister said that the talks would continue and the officials agreed ';

/** A line without punctuation where `name` begins `before` code units before the unit limit. */
function lineWithNameAt(name: string, before: number): { line: string; at: number } {
  const head = FILLER.repeat(Math.ceil(MAX_UNIT_LENGTH / FILLER.length) + 1);
  let cut = MAX_UNIT_LENGTH - before;
  while (head[cut - 1] !== ' ') cut--; // the name starts a word
  const line = `${head.slice(0, cut)}${name} ${FILLER.repeat(80)}`;
  return { line, at: cut };
}

describe('segment', () => {
  it('finds a person name straddling the unit limit in a line without punctuation whole', () => {
    const starts = new Set<number>();
    for (let before = 1; before < 14; before++) {
      const { line, at } = lineWithNameAt('Vladimir Putin', before);
      if (starts.has(at) || at + 'Vladimir Putin'.length <= MAX_UNIT_LENGTH) continue;
      starts.add(at);
      const found = analyze(line)
        .annotations.filter(a => a.start >= at - 1 && a.start <= at + 14)
        .map(a => a.text);
      assert.deepEqual(found, ['Vladimir Putin'], `name at ${at}`);
    }
    assert.ok(starts.size >= 2, 'names straddling the limit were tried');
  });

  it('never cuts inside a multi-word name when lowercase words are nearby', () => {
    for (const name of ['Vladimir Putin', 'Bank of England', 'Tayyip Erdogan Said Ankara']) {
      for (let before = 1; before < name.length; before++) {
        const { line, at } = lineWithNameAt(name, before);
        const cuts = segment(line).map(u => u.end);
        assert.ok(
          cuts.every(c => c <= at || c >= at + name.length),
          `${name} cut at ${cuts.join(',')} (starts ${at})`,
        );
      }
    }
  });

  it('cuts a line without spaces where a word ends, not inside a word', () => {
    const line = 'abcdefghij-'.repeat(500);
    for (const u of segment(line).slice(0, -1)) assert.ok(line[u.end - 1] === '-' && line[u.end] === 'a', `cut at ${u.end}`);
  });

  it('still cuts a single token longer than a unit, at a code point boundary', () => {
    const line = `${'x'.repeat(MAX_UNIT_LENGTH - 1)}😀${'y'.repeat(MAX_UNIT_LENGTH)}`;
    const units = segment(line);
    assert.ok(units.every(u => u.end - u.start <= MAX_UNIT_LENGTH));
    assert.equal(units.map(u => u.text).join(''), line);
    assert.ok(units.every(u => !/^[\udc00-\udfff]/.test(u.text)));
  });
});
