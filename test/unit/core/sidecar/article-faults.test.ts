// Odd and huge article files at the core level (issue 7): bytes that are not a UTF-8 article get a reason the user can
// act on (what the file seems to be, where the first bad byte is), never garbage annotations; size limits hold.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, Analyzer } from '../../../../src/core/analyze';
import { decodeArticle, DEFAULT_MAX_ARTICLE_BYTES } from '../../../../src/core/sidecar';

const reasonFor = (bytes: Uint8Array | number[], max?: number): string => {
  const r = decodeArticle(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), max);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? '' : r.reason;
};
const latin1 = (s: string) => new Uint8Array([...s].map(c => c.charCodeAt(0)));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));

describe('faults: article bytes', () => {
  it('binary files are named as such', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const gzip = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
    const pdfWithStream = [...Buffer.from('%PDF-1.7\nstream\n'), 0x78, 0x9c, 0x00, 0xff];
    for (const b of [png, gzip, pdfWithStream]) assert.match(reasonFor(b), /^binary file \(contains NUL bytes\), not a text article$/);
  });

  it('UTF-16 and UTF-32, with or without a byte-order mark, are told apart from binary', () => {
    assert.match(reasonFor([0xff, 0xfe, ...utf16le('Putin in Moscow')]), /^UTF-16 text; save it as UTF-8 first$/);
    assert.match(reasonFor(utf16le('Vladimir Putin said on Tuesday.')), /^UTF-16 text without a byte-order mark; save it as UTF-8 first$/);
    assert.match(reasonFor(new Uint8Array(Buffer.from('Putin said', 'utf16le').swap16())), /UTF-16 text without a byte-order mark/);
    assert.match(reasonFor([0xff, 0xfe, 0x00, 0x00, 0x50, 0x00, 0x00, 0x00]), /^UTF-32 text; save it as UTF-8 first$/);
  });

  it('Latin-1 / Windows-1252 text: not UTF-8, with the byte and line of the first bad byte', () => {
    assert.equal(
      reasonFor(latin1('Café')),
      'not UTF-8 text (invalid byte sequence at byte 3, line 1); convert it to UTF-8 first (it may be Latin-1 or Windows-1252)',
    );
    assert.match(reasonFor(latin1('Fine line\nZürich\n')), /at byte 11, line 2\)/);
    assert.match(reasonFor([...Buffer.from('He said '), 0x93, ...Buffer.from('no'), 0x94]), /at byte 8, line 1\)/);
  });

  it('malformed UTF-8 is refused at the sequence that starts it: overlong, surrogate, past U+10FFFF, cut off at the end', () => {
    const cases: [number[], number][] = [
      [[0x41, 0xc0, 0xaf], 1],
      [[0x41, 0xe0, 0x80, 0xaf], 1],
      [[0x41, 0x42, 0xed, 0xa0, 0x80], 2],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x41, 0xe2, 0x82], 1],
      [[0x41, 0xf0, 0x9f, 0x98], 1],
      [[0x80], 0],
      [[0xff], 0],
    ];
    for (const [b, at] of cases) assert.match(reasonFor(b), new RegExp(`^not UTF-8 text \\(invalid byte sequence at byte ${at}, line 1\\)`), JSON.stringify(b));
  });

  it('the reported position agrees with the decoder on random bytes: everything before it is valid UTF-8', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map(b => b.map(x => x || 1)),
        b => {
          const r = decodeArticle(b);
          if (r.ok) return;
          const m = /at byte (\d+),/.exec(r.reason);
          if (!m) return;
          const at = Number(m[1]);
          assert.ok(at < b.length);
          new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('control characters that survive decoding (no NUL) give no annotations, not garbage ones', () => {
    const bytes = new Uint8Array(4096).map((_, i) => 1 + (i % 31));
    const r = decodeArticle(bytes);
    assert.ok(r.ok);
    assert.deepEqual(analyze(r.ok ? r.text : '').annotations, []);
  });

  it('the size limit: 10 MB by default, exactly the limit accepted, one byte more refused with both sizes', () => {
    assert.equal(DEFAULT_MAX_ARTICLE_BYTES, 10 * 1024 * 1024);
    const at = new Uint8Array(DEFAULT_MAX_ARTICLE_BYTES).fill(0x61);
    const decoded = decodeArticle(at);
    assert.equal(decoded.ok && decoded.text.length, DEFAULT_MAX_ARTICLE_BYTES);
    assert.equal(reasonFor(new Uint8Array(DEFAULT_MAX_ARTICLE_BYTES + 1).fill(0x61)), 'too large (10485761 bytes; the limit is 10485760 bytes)');
  });
});

describe('faults: huge articles', () => {
  it('an article with more paragraphs than the cache holds still re-analyses only what changed', () => {
    // 10 MB of news has ~60,000 paragraphs, over the default 20,000 cache entries: scaled down here
    const analyzer = new Analyzer(10);
    const paragraphs = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}: Vladimir Putin met officials in Ankara on Tuesday.`);
    analyzer.analyze(paragraphs.join('\n\n'));
    assert.equal(analyzer.detectedUnits, 50);
    paragraphs[20] = 'A changed paragraph about Nato.';
    const text = paragraphs.join('\n\n');
    const warm = analyzer.analyze(text);
    assert.equal(analyzer.detectedUnits, 51, 'one paragraph changed, one detected again');
    assert.deepEqual(warm, new Analyzer(0).analyze(text), 'and the result is what a fresh analysis gives');
  });
});
