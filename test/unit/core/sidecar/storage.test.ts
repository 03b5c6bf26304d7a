import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analyze';
import {
  annotateArticle,
  loadSidecar,
  reconcile,
  saveSidecar,
  serializeSidecar,
  SidecarError,
  sidecarPathFor,
  type Sidecar,
} from '../../../../src/core/sidecar';
import { NodeSidecarStorage } from '../../../../src/node/storage';
import { article, fakeAnalysis, SPECS } from '../../../fixtures/sidecar/helpers';

const sidecar = (): Sidecar => reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS) }).sidecar;

/** Fails like a full disk after writing half the temporary file. */
class FullDiskStorage extends NodeSidecarStorage {
  protected override async writeTemp(temp: string, chunks: Iterable<string>): Promise<void> {
    const text = [...chunks].join('');
    fs.writeFileSync(temp, text.slice(0, text.length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }
}

describe('sidecar storage', () => {
  let dir: string;
  let file: string;
  const storage = new NodeSidecarStorage();
  const valid = serializeSidecar(sidecar());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-storage-'));
    file = path.join(dir, 'article.txt.annotations.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const listing = () => fs.readdirSync(dir).sort();

  it('names the sidecar after the article', () => {
    assert.equal(sidecarPathFor('/news/a.txt'), '/news/a.txt.annotations.json');
  });

  it('loads: missing, then what was saved', async () => {
    assert.deepEqual(await loadSidecar(storage, file), { status: 'missing' });
    await saveSidecar(storage, file, sidecar());
    const r = await loadSidecar(storage, file);
    assert.equal(r.status, 'ok');
    assert.equal(r.status === 'ok' && serializeSidecar(r.sidecar), valid);
  });

  for (const [kind, content] of [
    ['invalid-json', '{"version": 1, "annotations": ['],
    ['invalid-schema', JSON.stringify({ ...JSON.parse(valid), annotations: [{ id: 'x' }] })],
    ['future-version', JSON.stringify({ ...JSON.parse(valid), version: 7, newField: {} })],
  ] as const) {
    it(`${kind}: leaves the file as it is, backs it up once, reports file and reason, and refuses to overwrite it`, async () => {
      fs.writeFileSync(file, content);
      const r = await loadSidecar(storage, file);
      assert.equal(r.status, 'error');
      const error = r.status === 'error' ? r.error : undefined;
      assert.ok(error instanceof SidecarError);
      assert.equal(error.kind, kind);
      assert.equal(error.file, file);
      assert.equal(error.backup, `${file}.bak`);
      assert.ok(error.message.startsWith(`${file}: `));
      assert.equal(fs.readFileSync(file, 'utf8'), content);
      assert.equal(fs.readFileSync(`${file}.bak`, 'utf8'), content);
      // loading again does not pile up copies
      await loadSidecar(storage, file);
      assert.deepEqual(listing(), ['article.txt.annotations.json', 'article.txt.annotations.json.bak']);
      // a save does not overwrite it either
      await assert.rejects(saveSidecar(storage, file, sidecar()), (e: unknown) => e instanceof SidecarError && e.kind === kind);
      assert.equal(fs.readFileSync(file, 'utf8'), content);
    });
  }

  it('never clobbers an earlier backup: .bak, .bak.1, .bak.2', async () => {
    for (const [i, content] of ['{', '{{', '{{{'].entries()) {
      fs.writeFileSync(file, content);
      const r = await loadSidecar(storage, file);
      assert.equal(r.status === 'error' && r.error.backup, i === 0 ? `${file}.bak` : `${file}.bak.${i}`);
    }
    assert.deepEqual(
      ['{', '{{', '{{{'],
      [`${file}.bak`, `${file}.bak.1`, `${file}.bak.2`].map(f => fs.readFileSync(f, 'utf8')),
    );
  });

  it('writes atomically: a new file is renamed into place, no temporary file is left', async () => {
    fs.writeFileSync(file, valid);
    const inode = fs.statSync(file).ino;
    const changed = { ...sidecar(), generator: 'news-annotator 9.9.9' };
    const r = await saveSidecar(storage, file, changed);
    assert.equal(r.written, true);
    assert.notEqual(fs.statSync(file).ino, inode, 'replaced by rename, not rewritten in place');
    assert.equal(fs.readFileSync(file, 'utf8'), serializeSidecar(changed));
    assert.deepEqual(listing(), ['article.txt.annotations.json']);
  });

  it('does not write when the content is already there', async () => {
    await saveSidecar(storage, file, sidecar());
    const before = fs.statSync(file);
    const r = await saveSidecar(storage, file, sidecar());
    assert.equal(r.written, false);
    assert.equal(fs.statSync(file).ino, before.ino);
  });

  it('a write failing half-way (disk full) leaves the old sidecar whole and no temporary file', async () => {
    fs.writeFileSync(file, valid);
    const changed = { ...sidecar(), generator: 'news-annotator 9.9.9' };
    await assert.rejects(
      saveSidecar(new FullDiskStorage(), file, changed),
      (e: unknown) => e instanceof SidecarError && e.kind === 'io' && /ENOSPC/.test(e.reason) && e.file === file,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), valid);
    assert.deepEqual(listing(), ['article.txt.annotations.json']);
  });

  it('a sidecar path that is a folder gives an io error and the folder is left alone', async () => {
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep.txt'), 'x');
    const r = await loadSidecar(storage, file);
    assert.equal(r.status === 'error' && r.error.kind, 'io');
    await assert.rejects(saveSidecar(storage, file, sidecar()), (e: unknown) => e instanceof SidecarError && e.kind === 'io');
    assert.equal(fs.readFileSync(path.join(file, 'keep.txt'), 'utf8'), 'x');
    assert.deepEqual(listing(), ['article.txt.annotations.json']);
  });

  it('refuses to overwrite a sidecar changed on disk since it was read (conflict)', async () => {
    await saveSidecar(storage, file, sidecar());
    const loaded = await loadSidecar(storage, file);
    assert.equal(loaded.status, 'ok');
    const mtime = loaded.status === 'ok' ? loaded.mtime : undefined;
    const theirs = { ...sidecar(), generator: 'someone else' };
    fs.writeFileSync(file, serializeSidecar(theirs));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await assert.rejects(
      saveSidecar(storage, file, { ...sidecar(), generator: 'mine' }, { checkMtime: true, expectedMtime: mtime }),
      (e: unknown) => e instanceof SidecarError && e.kind === 'conflict',
    );
    assert.equal(fs.readFileSync(file, 'utf8'), serializeSidecar(theirs));
    // a sidecar that appeared after the article was found without one is not overwritten either
    const other = path.join(dir, 'b.txt.annotations.json');
    fs.writeFileSync(other, valid);
    await assert.rejects(saveSidecar(storage, other, sidecar(), { checkMtime: true, expectedMtime: undefined }), /changed on disk/);
  });

  it('annotateArticle: an unusable sidecar still gives a fresh analysis, unsaved, and the file is kept', async () => {
    fs.writeFileSync(file, 'not json');
    const r = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
    assert.equal(r.loadError?.kind, 'invalid-json');
    assert.equal(r.saved, false);
    assert.ok(r.sidecar.annotations.length > 0);
    assert.equal(fs.readFileSync(file, 'utf8'), 'not json');
    assert.ok(fs.existsSync(`${file}.bak`));
  });

  it('annotateArticle with the sidecar the caller read (stored): the same result as reading it, and no read of its own', async () => {
    // a manual annotation in the sidecar, and an article changed since: what is reconciled comes from the sidecar given
    const kept = sidecar();
    const manual = { ...kept.annotations[0], id: 'm1', source: 'manual' as const };
    fs.writeFileSync(file, serializeSidecar({ ...kept, annotations: [manual, ...kept.annotations.slice(1)] }));
    const changed = `${article}\nOne more line.`;
    const read = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: changed, analyze, write: false });
    let reads = 0;
    class CountingStorage extends NodeSidecarStorage {
      override async readText(p: string) {
        reads++;
        return super.readText(p);
      }
      override async mtime(p: string) {
        reads++;
        return super.mtime(p);
      }
    }
    const counting = new CountingStorage();
    const stored = await loadSidecar(counting, file, { backup: false });
    assert.equal(reads, 2);
    const given = await annotateArticle({ storage: counting, sidecarPath: file, file: 'article.txt', text: changed, analyze, write: false, stored });
    assert.equal(reads, 2, 'the sidecar is not read again');
    assert.deepEqual(given.sidecar, read.sidecar);
    assert.ok(
      given.sidecar.annotations.some(a => a.id === 'm1'),
      'the manual annotation of the sidecar given is kept',
    );
    // a missing sidecar given as such: a fresh analysis, as when reading finds none
    fs.rmSync(file);
    const fresh = await annotateArticle({
      storage: counting,
      sidecarPath: file,
      file: 'article.txt',
      text: changed,
      analyze,
      write: false,
      stored: { status: 'missing' },
    });
    assert.equal(reads, 2);
    assert.deepEqual(fresh.sidecar, (await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: changed, analyze, write: false })).sidecar);
  });

  it('annotateArticle writes, then finds nothing to change on a second run', async () => {
    const first = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
    assert.deepEqual([first.saved, first.written], [true, true]);
    const second = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
    assert.deepEqual([second.saved, second.written], [true, false]);
  });
});
