// A name's words (nameWords, what the corpus links names by) are the words the grouping within an article compares
// (surfaceWords' `name`), whether or not the analysis's memo holds the name; the corpus's asking never fills that memo.
import { strict as assert } from 'node:assert';
import { nameWords } from '../../../../src/core/entities/build';
import { surfaceMemoHas, surfaceWords } from '../../../../src/core/entities/mention-set';

const NAMES = [
  'Vladimir Putin',
  'Bashar al-Assad',
  'al- Assad',
  'U.S.',
  'Mr. Smith-Jones',
  'O\u2019Neill',
  'Abu Bakr al-Baghdadi',
  '3M Co',
  'Élysée Palace',
  'A',
  '',
];

describe('nameWords', () => {
  it('gives the grouping’s words of a name, asked before or after the analysis’s memo has it, as a list of its own', () => {
    // a suffix no other test uses, so the memo does not hold these names yet
    for (const base of NAMES) {
      const name = `${base} Zqxv${NAMES.indexOf(base)}`.trim();
      const before = nameWords(name);
      const memo = surfaceWords(name);
      assert.deepEqual(before, memo.name, name);
      const after = nameWords(name);
      assert.deepEqual(after, memo.name, name);
      // a list of its own: changing it changes neither the memo's nor the next answer
      after.push('changed');
      before.push('changed');
      assert.deepEqual(nameWords(name), memo.name.slice(), name);
      assert.ok(!memo.name.includes('changed'), name);
    }
  });

  it('does not put the name in the analysis’s memo', () => {
    const name = 'Anneliese Quarzfeld-Oberhuber';
    assert.deepEqual(nameWords(name), ['anneliese', 'quarzfeld-oberhuber']);
    assert.equal(surfaceMemoHas(name), false);
    surfaceWords(name);
    assert.equal(surfaceMemoHas(name), true, 'the analysis’s own asking fills it');
  });
});
