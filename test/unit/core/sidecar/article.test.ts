import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../../../src/core/sidecar';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeArticle', () => {
  it('decodes UTF-8 and drops a byte-order mark (VS Code does, and offsets must agree)', () => {
    assert.deepEqual(decodeArticle(bytes('Zürich 😀')), { ok: true, text: 'Zürich 😀' });
    assert.deepEqual(decodeArticle(bytes('\ufeffAnkara')), { ok: true, text: 'Ankara' });
    assert.deepEqual(decodeArticle(new Uint8Array(0)), { ok: true, text: '' });
  });

  it('refuses binary, non-UTF-8, UTF-16 and too-large input with a reason', () => {
    const reason = (b: Uint8Array, max?: number) => {
      const r = decodeArticle(b, max);
      assert.equal(r.ok, false);
      return r.ok ? '' : r.reason;
    };
    assert.match(reason(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), /binary file/);
    assert.match(reason(new Uint8Array([0x43, 0x61, 0x66, 0xe9])), /not UTF-8/);
    assert.match(reason(new Uint8Array([0xff, 0xfe, 0x41, 0x00])), /UTF-16/);
    assert.match(reason(bytes('x'.repeat(2048)), 1024), /too large \(2\.0 KB; the limit is 1\.0 KB\)/);
    assert.equal(decodeArticle(bytes('x'.repeat(1024)), 1024).ok, true);
  });
});
