import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../../src/core/hash';
import { sha256HexNative, sha256HexOneShot, sha256HexStreamed } from '../../../src/node/hash';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex (pure SHA-256 of the UTF-8 text)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto at every padding boundary (lengths 0..200)', () => {
    for (let n = 0; n <= 200; n++) {
      const s = 'x'.repeat(n);
      assert.equal(sha256Hex(s), nodeSha(s), `length ${n}`);
    }
  });

  it('matches node:crypto on non-ASCII, astral, CRLF and long text', () => {
    const samples = ['Zürich – “Ankara”', '😀👍🏽 emoji', 'line\r\nline\rline\n', '\ufeffBOM', 'مرحبا بالعالم', 'é'.repeat(100_000)];
    for (const s of samples) assert.equal(sha256Hex(s), nodeSha(s));
  });

  it('hashes a lone surrogate as U+FFFD, like TextEncoder and node:crypto', () => {
    assert.equal(sha256Hex('a\ud800b'), nodeSha('a\ud800b'));
  });

  it("equals the Node hosts' native hash (what the CLI and the editor index with)", () => {
    for (const s of ['', 'abc', 'Zürich – “Ankara”', '😀👍🏽', 'a\ud800b\udfff', 'line\r\n'.repeat(1000)]) assert.equal(sha256HexNative(s), sha256Hex(s));
  });

  it('gives the same digest through a Hash object (the way of the Nodes without crypto.hash)', () => {
    for (const s of ['', 'abc', 'Zürich – “Ankara”', '😀👍🏽', 'a\ud800b\udfff', 'x'.repeat(70_000)]) assert.equal(sha256HexStreamed(s), sha256Hex(s));
  });

  it('hashes through crypto.hash where the Node has it (20.12 and later)', function () {
    if (!sha256HexOneShot) this.skip();
    assert.equal(sha256HexNative, sha256HexOneShot);
    for (const s of ['', 'abc', 'Zürich – “Ankara”', '😀👍🏽', 'a\ud800b\udfff', 'x'.repeat(70_000)]) assert.equal(sha256HexOneShot(s), sha256Hex(s));
  });
});
