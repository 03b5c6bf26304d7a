// The corpus snapshot's numbers (src/core/corpus/snapshotNumbers.ts): written and decoded back exactly (every digit
// count, random runs), the string never needs a JSON escape, the writer refuses what it cannot write, and the decoder
// turns down anything not written by it (a character of neither range, a number too large, a cut, a count past the end).
import { strict as assert } from 'node:assert';
import { BodyDecoder, MAX_NUMBER, NumberDecoder, NumberWriter, numbersChecksum, widthOf } from '../../../../src/core/corpus/snapshotNumbers';

const written = (numbers: readonly number[]) => {
  const w = new NumberWriter();
  for (const n of numbers) w.push(n);
  return w.toString();
};
const decoded = (text: string, count: number, at = 0) => {
  const out = new NumberDecoder(text, at).read(count);
  return out && [...out.subarray(0, count)];
};

describe('corpus snapshot numbers', () => {
  it('decodes what it wrote: each number of digits, the largest, and random runs (seeded)', () => {
    // the bounds of one, two, three ... digits: 34, 34 * 57, 34 * 57^2, ...
    const edges = [0, 1, 33, 34, 35, 1937, 1938, 110465, 110466, 6296561, 6296562, MAX_NUMBER - 1, MAX_NUMBER];
    const text = written(edges);
    assert.deepEqual(decoded(text, edges.length), edges);
    assert.deepEqual(
      [1, 33, 34, 1938, 110466].map(n => written([n]).length),
      [1, 1, 2, 3, 4],
      'one character under 34, one more per factor of 57',
    );
    let s = 7;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
    for (let run = 0; run < 20; run++) {
      const numbers = Array.from({ length: 1 + (next() % 3000) }, () => (next() % 4 === 0 ? next() % (MAX_NUMBER + 1) : next() % 2000));
      assert.deepEqual(decoded(written(numbers), numbers.length), numbers, `run ${run}`);
    }
  });

  it('writes printable ASCII that JSON keeps as it is', () => {
    const text = written(Array.from({ length: 5000 }, (_, i) => i * 7919));
    assert.match(text, /^[\x23-\x5b\x5d-\x7e]+$/);
    assert.equal(JSON.stringify(text), `"${text}"`);
  });

  it('decodes from a place in a longer string, in runs, with the checksum of the characters read', () => {
    const text = `prefix\n${written([5, 500, 50000, 7])}`;
    const decoder = new NumberDecoder(text, 7);
    assert.deepEqual([...decoder.read(2)!.subarray(0, 2)], [5, 500]);
    assert.deepEqual([...decoder.read(2)!.subarray(0, 2)], [50000, 7]);
    assert.equal(decoder.at, text.length);
    assert.equal(decoder.checksum, numbersChecksum(text, 7));
    assert.notEqual(decoder.checksum, numbersChecksum(text, 6));
  });

  it('gives the width of each number as written', () => {
    for (const n of [0, 33, 34, 1937, 1938, 110465, 110466, MAX_NUMBER]) assert.equal(widthOf(n), written([n]).length, String(n));
  });

  it('passes over characters, leaving them out of its checksum, and not past the end', () => {
    const text = `prefix\n${written([5, 500, 50000, 7])}`;
    const decoder = new NumberDecoder(text, 7);
    assert.deepEqual([...decoder.read(1)!.subarray(0, 1)], [5]);
    const passed = decoder.at;
    assert.equal(decoder.pass(widthOf(500)), true);
    assert.deepEqual([...decoder.read(1)!.subarray(0, 1)], [50000]);
    assert.equal(decoder.pass(2), false, 'one character is left');
    assert.equal(decoder.pass(1), true);
    assert.equal(decoder.at, text.length);
    // the characters read, not those passed over
    assert.equal(decoder.checksum, numbersChecksum(text, passed + widthOf(500), text.length - 1, numbersChecksum(text, 7, passed)));
  });

  it('decodes a body between two places, the whole of it or nothing', () => {
    const numbers = [3, 4000, 12, MAX_NUMBER, 0];
    const text = `xy${written(numbers)}z`;
    const body = new BodyDecoder();
    const count = body.decode(text, 2, text.length - 1);
    assert.deepEqual([...body.numbers.subarray(0, count)], numbers);
    assert.equal(body.checksum, numbersChecksum(text, 2, text.length - 1), 'the checksum of the characters decoded');
    assert.notEqual(body.checksum, numbersChecksum(text, 2, text.length));
    assert.equal(body.decode(text, 2 + widthOf(3), 2 + widthOf(3) + widthOf(4000)), 1);
    assert.equal(body.numbers[0], 4000);
    assert.equal(body.decode(text, 2, 3 + widthOf(3)), -1, 'a number cut in its digits');
    for (const odd of [' ', '"', '\\', '\n', '\u00e9', '\u0100', '\x7f'])
      assert.equal(body.decode(`${odd}${text.slice(2, -1)}`, 0, text.length - 2), -1, JSON.stringify(odd));
    assert.equal(body.decode(`${'['.repeat(7)}]`, 0, 8), -1, 'a number too large');
    const long = Array.from({ length: 20_000 }, (_, i) => i);
    const longText = written(long);
    assert.equal(body.decode(longText, 0, longText.length), long.length, 'more numbers than the array had room for');
    assert.deepEqual([...body.numbers.subarray(0, long.length)], long);
  });

  it('refuses to write what it could not read back', () => {
    for (const n of [-1, 0.5, MAX_NUMBER + 1, NaN, Infinity]) assert.throws(() => new NumberWriter().push(n), RangeError, String(n));
  });

  it('turns down what it did not write', () => {
    const text = written([3, 4000, 12]);
    assert.equal(decoded(text, 4), undefined, 'more numbers than written');
    assert.equal(decoded(text.slice(0, -1), 3), undefined, 'the last one cut');
    assert.equal(decoded(text.slice(0, 2), 2), undefined, 'a number cut in its digits');
    for (const odd of [' ', '"', '\\', '\n', '\u00e9', '\u0100', '\x7f'])
      assert.equal(decoded(`${text.slice(0, 2)}${odd}${text.slice(2)}`, 3), undefined, JSON.stringify(odd));
    assert.equal(decoded(`${'['.repeat(7)}]`, 1), undefined, 'a number too large (more digits than any written)');
    assert.equal(decoded(text, 1e9), undefined, 'a count past the end (no array made for it)');
    assert.equal(decoded(text, -1), undefined, 'a negative count');
  });
});
