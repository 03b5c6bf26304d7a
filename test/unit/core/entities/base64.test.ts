// decodeBase64 decodes the model's weights and the given-names filter in every fresh process: its fast path (plain
// base64) must give the bytes Node's own decoder gives, and text with other characters must decode as before.
import { strict as assert } from 'node:assert';
import { decodeBase64, encodeBase64 } from '../../../../src/core/entities/model-codec';

/** Deterministic bytes (a linear congruential generator), so a failure repeats. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

describe('decodeBase64', () => {
  it('round-trips encodeBase64 for every length from 0 to 64, with or without padding', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = bytesOf(n, n + 1);
      const text = encodeBase64(bytes);
      assert.deepEqual(decodeBase64(text), bytes, `length ${n}`);
      assert.deepEqual(decodeBase64(text.replace(/=+$/, '')), bytes, `length ${n} unpadded`);
    }
  });

  it("gives Node's bytes for any string of the alphabet, whatever its length (a lone last character holds no byte)", () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let n = 0; n <= 40; n++) {
      const text = [...bytesOf(n, 7 * n + 3)].map(b => alphabet[b & 63]).join('');
      assert.deepEqual(decodeBase64(text), new Uint8Array(Buffer.from(text, 'base64')), JSON.stringify(text));
    }
  });

  it('drops line breaks, spaces and stray characters, as it always did', () => {
    const bytes = bytesOf(300, 42);
    const text = encodeBase64(bytes);
    const messy = text.replace(/.{20}/g, line => `${line}\n `).replace(/^(.{50})/, '$1\u00e9');
    assert.deepEqual(decodeBase64(messy), bytes);
  });

  it("drops an '=' inside the text or past the two of the padding, like any stray character", () => {
    const ascii = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));
    assert.deepEqual(decodeBase64('QUJD=REVG'), ascii('ABCDEF'));
    assert.deepEqual(decodeBase64('QUJD==='), ascii('ABC'));
    assert.deepEqual(decodeBase64('QUI\u0141'), decodeBase64('QUI'), 'a code above 255 is dropped, not read as its low byte');
    assert.deepEqual(decodeBase64('QUI\u00c1'), decodeBase64('QUI'), 'a code above 127 is dropped, not read as its low seven bits');
  });
});
