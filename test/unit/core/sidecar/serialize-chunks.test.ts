// The sidecar is serialized in bounded pieces (issue 16, memory): a big article's sidecar (hundreds of MB of JSON)
// is written without holding its whole text or a canonical copy of every annotation, and the pieces joined are
// byte for byte the one canonical text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analyze';
import { addAnnotation, canonicalSidecar, reconcile, removeAnnotation, saveSidecar, serializeSidecar, type Sidecar } from '../../../../src/core/sidecar';
import { SIDECAR_CHUNK, sidecarChunks, WHOLE_TEXT_UP_TO } from '../../../../src/core/sidecar/serialize';
import { NodeSidecarStorage } from '../../../../src/node/storage';
import { article } from '../../../fixtures/sidecar/helpers';

/** The Node storage, noting the length of each piece it is given to write. */
class CountingStorage extends NodeSidecarStorage {
  pieces: number[] = [];
  protected override async writeTemp(temp: string, chunks: Iterable<string>): Promise<void> {
    const pieces = this.pieces;
    await super.writeTemp(
      temp,
      (function* () {
        for (const c of chunks) {
          pieces.push(c.length);
          yield c;
        }
      })(),
    );
  }
}

/** The canonical text as one JSON.stringify call gives it: what the sidecar format has always been. */
const wholeText = (s: Sidecar) => `${JSON.stringify(canonicalSidecar(s), null, 2)}\n`;

const sidecarOf = (text: string) => reconcile({ text, file: 'a.txt', analysis: analyze(text), now: '2020-01-01T00:00:00.000Z' }).sidecar;

describe('sidecar serialized in chunks', () => {
  it('joins to exactly the canonical text, for a small sidecar and an empty one', () => {
    const s = sidecarOf(article);
    const chunks = [...sidecarChunks(s)];
    assert.equal(chunks.join(''), wholeText(s));
    assert.equal(serializeSidecar(s), wholeText(s));
    const empty = sidecarOf('');
    assert.equal([...sidecarChunks(empty)].join(''), wholeText(empty));
    const withSchema = { ...s, $schema: 'https://example.invalid/sidecar.schema.json' };
    assert.equal([...sidecarChunks(withSchema)].join(''), wholeText(withSchema));
  });

  it('never yields a piece longer than SIDECAR_CHUNK, however big the sidecar or one annotation in it', () => {
    // many annotations, manual ones with notes, a rejection, and one annotation whose text is longer than a chunk
    const line = 'Angela Merkel met Vladimir Putin in Berlin on Tuesday, 3 March 2015. ';
    const text = line.repeat(Math.ceil((3 * SIDECAR_CHUNK) / line.length));
    let s = sidecarOf(text);
    s = addAnnotation(s, text, { start: 0, end: 2 * SIDECAR_CHUNK + 5 }, 'organization', { note: 'a whole-page quote' });
    const auto = s.annotations.find(a => a.source === 'auto' && a.start > 3 * SIDECAR_CHUNK)!;
    s = removeAnnotation(s, text, auto.id);
    assert.equal(s.rejections.length, 1);
    const chunks = [...sidecarChunks(s)];
    assert.ok(chunks.length > 10, `${chunks.length} chunks`);
    for (const c of chunks) assert.ok(c.length > 0 && c.length <= SIDECAR_CHUNK, `a chunk of ${c.length} code units`);
    assert.equal(chunks.join(''), wholeText(s));
  });

  it('never splits a surrogate pair between two pieces (each piece is encoded to UTF-8 on its own)', () => {
    // astral characters at every offset: some pair must straddle a chunk boundary unless the cut avoids it
    const text = '😀 Angela Merkel 𝒜 '.repeat(Math.ceil((2 * SIDECAR_CHUNK) / 18));
    const s = addAnnotation(sidecarOf(text), text, { start: 0, end: text.length - 1 }, 'organization', { note: '𝒜😀'.repeat(SIDECAR_CHUNK) });
    const chunks = [...sidecarChunks(s)];
    for (const c of chunks) {
      const last = c.charCodeAt(c.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'a chunk ends with a high surrogate');
    }
    const bytes = Buffer.concat(chunks.map(c => Buffer.from(c, 'utf8')));
    assert.ok(bytes.equals(Buffer.from(wholeText(s), 'utf8')));
  });

  it('joins to the canonical text in bounded pieces, no pair split, whether made whole (an article up to WHOLE_TEXT_UP_TO) or an item at a time', () => {
    // astral characters everywhere and a note longer than a piece: pairs straddle the cuts of both paths
    const unit = '😀 Angela Merkel 𝒜 met Vladimir Putin in Berlin on 3 March 2015. ';
    const big = unit.repeat(Math.ceil((WHOLE_TEXT_UP_TO + 1) / unit.length));
    const small = big.slice(0, WHOLE_TEXT_UP_TO - 2 * unit.length);
    for (const text of [small, big]) {
      const s = addAnnotation(sidecarOf(text), text, { start: 0, end: 40 }, 'organization', { note: '𝒜😀'.repeat(SIDECAR_CHUNK) });
      const chunks = [...sidecarChunks(s)];
      assert.ok(chunks.length > 10, `${chunks.length} chunks`);
      for (const c of chunks) {
        assert.ok(c.length > 0 && c.length <= SIDECAR_CHUNK, `a chunk of ${c.length} code units`);
        const last = c.charCodeAt(c.length - 1);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'a chunk ends with a high surrogate');
      }
      assert.equal(chunks.join(''), wholeText(s), `${text.length} characters`);
      assert.equal(serializeSidecar(s), wholeText(s));
    }
  });

  it('saving writes the pieces as they come (never the whole text at once), and the file holds the canonical bytes', async () => {
    const line = 'Angela Merkel met Vladimir Putin in Berlin on Tuesday, 3 March 2015. ';
    const text = line.repeat(Math.ceil((4 * SIDECAR_CHUNK) / line.length));
    const s = sidecarOf(text);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-chunks-'));
    try {
      const file = path.join(dir, 'a.txt.annotations.json');
      const storage = new CountingStorage();
      const r = await saveSidecar(storage, file, s);
      assert.equal(r.written, true);
      assert.ok(storage.pieces.length > 10, `${storage.pieces.length} pieces`);
      assert.ok(Math.max(...storage.pieces) <= SIDECAR_CHUNK);
      assert.ok(fs.readFileSync(file).equals(Buffer.from(wholeText(s), 'utf8')));
      assert.equal(r.text, wholeText(s));
      // the same sidecar again: compared piece by piece, nothing written
      storage.pieces = [];
      assert.equal((await saveSidecar(storage, file, s)).written, false);
      assert.deepEqual(storage.pieces, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
