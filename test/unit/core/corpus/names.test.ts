// A name's forms (names.ts nameForms, memoNameWords) are what displayName, nameKey and nameWords give, whether the
// name takes the plain names' short way (words of Latin letters and ASCII digits, one space apart) or not.
import { strict as assert } from 'node:assert';
import { nameWords } from '../../../../src/core/entities';
import { displayName, memoNameWords, nameForms, nameKey } from '../../../../src/core/corpus/names';

const NAMES = [
  // plain
  'Vladimir Putin',
  'NATO',
  'McDonald',
  'iPhone 15',
  '3M Co',
  'G7',
  'A',
  '1996',
  'Abu Bakr',
  'Ibn Battuta',
  'Recep Tayyip Erdoğan',
  'İstanbul',
  'Élysée Palace',
  'Zoë Kravitz',
  'Straße',
  'Łódź',
  'ǃXóõ',
  // near plain: each differs from a plain name in one way the short way must not take
  'U.S.',
  'Smith.',
  'Mr. Smith',
  'Bashar al-Assad',
  'al-Assad',
  'Smith  Jones',
  ' Smith',
  'Smith ',
  'Smith\u00a0Jones',
  'Smith\tJones',
  'Smith\nJones',
  'O\u2019Neill',
  "O'Neill",
  'Ñu\u00d7',
  'Zo\u0308e',
  '\u0100\u0300',
  '\u01c0a',
  '\u0300a',
  'a \u02c2b',
  'Ελλάδα',
  'Москва',
  'Procter & Gamble',
  'AT&T',
  'Rolls-Royce',
  'Yahoo!',
  '\u201cThe Times\u201d',
  'Smith\u2019s',
  'É',
  '',
];

/** A deterministic generator of plain-looking names: letters of both cases and digits, one space apart. */
function plainNames(count: number): string[] {
  const chars = 'aAbBzZmM09xQÀÖØöøÿĀİıŉſƀǅǰȀɏßĲ';
  let s = 7;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  return Array.from({ length: count }, () => {
    const words: string[] = [];
    for (let w = 1 + next(3); w > 0; w--) words.push(Array.from({ length: 1 + next(6) }, () => chars[next(chars.length)]).join(''));
    return words.join(' ');
  });
}

describe('name forms', () => {
  it('are displayName, nameKey and nameWords of each name, plain or not', () => {
    for (const [i, base] of [...NAMES, ...plainNames(300)].entries()) {
      // a suffix no other test uses, so neither memo holds the name yet (a plain suffix keeps a plain name plain)
      for (const name of [base, `${base} Qzx${i}`, `Qzx${i} ${base}`]) {
        const f = nameForms(name);
        const display = displayName(name);
        assert.equal(f.display, display, JSON.stringify(name));
        assert.equal(f.key, nameKey(display), JSON.stringify(name));
        assert.deepEqual(memoNameWords(f.display), nameWords(display), JSON.stringify(name));
      }
    }
  });
});
