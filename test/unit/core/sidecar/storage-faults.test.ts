// Sidecar faults at the core/Node level (issue 7): whatever goes wrong with the sidecar file or the disk, the user's
// annotations are never lost and the file on disk is always a whole, valid sidecar (or the user's own file, left as
// it was). test/unit/core/sidecar/storage.test.ts covers the basics (broken JSON/schema/version backed up, a folder in the
// way, a write failing half-way, a conflict); this file covers the rest: permissions, failures at each step of a
// write and of a backup, racing saves, changes on disk while the article is open, and hostile sidecar content.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analyze';
import {
  addAnnotation,
  annotateArticle,
  lastManualId,
  loadSidecar,
  parseSidecar,
  reconcile,
  saveSidecar,
  serializeSidecar,
  SidecarError,
  type Sidecar,
} from '../../../../src/core/sidecar';
import { isReadOnlyRefusal, NodeSidecarStorage } from '../../../../src/node/storage';
import { article, fakeAnalysis, SPECS, spanOf } from '../../../fixtures/sidecar/helpers';

const base = (): Sidecar => reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS) }).sidecar;
/** A sidecar carrying the user's work: a manual annotation that must never be lost. */
const withManual = (s = base(), quote = 'Hemeimeem', note = 'checked with the desk') =>
  addAnnotation(s, article, spanOf(article, quote), 'organization', { note });

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** Node storage with a fault injected at one step; `fail` returns the error to throw, or undefined to go ahead. */
class FaultyStorage extends NodeSidecarStorage {
  constructor(private readonly fail: (step: 'read' | 'writeTemp' | 'rename' | 'copy' | 'mtime' | 'exists', file: string) => Error | undefined) {
    super();
  }
  override async readText(file: string) {
    const e = this.fail('read', file);
    if (e) throw e;
    return super.readText(file);
  }
  protected override async writeTemp(temp: string, chunks: Iterable<string>) {
    const e = this.fail('writeTemp', temp);
    if (e) throw e;
    return super.writeTemp(temp, chunks);
  }
  override async writeChunksAtomic(file: string, chunks: Iterable<string>) {
    // a rename failure (EXDEV, EPERM on Windows when the file is locked) after the temporary file was written
    const e = this.fail('rename', file);
    if (!e) return super.writeChunksAtomic(file, chunks);
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.faulty.tmp`);
    await super.writeTemp(temp, chunks);
    fs.rmSync(temp);
    throw e;
  }
  override async copy(from: string, to: string) {
    const e = this.fail('copy', to);
    if (e) throw e;
    return super.copy(from, to);
  }
  override async mtime(file: string) {
    const e = this.fail('mtime', file);
    if (e) throw e;
    return super.mtime(file);
  }
  override async exists(file: string) {
    const e = this.fail('exists', file);
    if (e) throw e;
    return super.exists(file);
  }
}

describe('faults: sidecar and disk', () => {
  let dir: string;
  let file: string;
  const storage = new NodeSidecarStorage();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-faults-'));
    file = path.join(dir, 'article.txt.annotations.json');
  });
  afterEach(() => {
    // a test may have made the folder read-only
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const listing = () => fs.readdirSync(dir).sort();
  const onDisk = () => fs.readFileSync(file, 'utf8');
  /** The file is a whole, valid sidecar. */
  const validOnDisk = () => parseSidecar(onDisk(), file);

  describe('a write that cannot happen', () => {
    it('permission denied on a real read-only folder: a clear io error, the old sidecar kept, nothing else written', async () => {
      const mine = withManual();
      fs.writeFileSync(file, serializeSidecar(base()));
      const input = path.join(dir, 'mine.json');
      fs.writeFileSync(input, serializeSidecar(mine));
      fs.chmodSync(dir, 0o555);
      let error: { kind?: string; file?: string; message: string };
      if (!isRoot) {
        error = await saveSidecar(storage, file, mine).then(
          () => ({ message: 'written' }),
          (e: SidecarError) => e,
        );
      } else {
        // root writes through any mode bits: the save runs in a child process as an ordinary user (nobody)
        const code = `const { saveSidecar, parseSidecar } = require('./src/core/sidecar');
          const { NodeSidecarStorage } = require('./src/node/storage');
          const fs = require('node:fs');
          saveSidecar(new NodeSidecarStorage(), process.env.NA_FILE, parseSidecar(fs.readFileSync(process.env.NA_INPUT, 'utf8'), 'mine'))
            .then(() => console.log(JSON.stringify({ message: 'written' })), e => console.log(JSON.stringify({ kind: e.kind, file: e.file, message: e.message })));`;
        const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', code], {
          uid: 65534,
          gid: 65534,
          cwd: path.join(__dirname, '../../../..'),
          encoding: 'utf8',
          env: { ...process.env, NA_FILE: file, NA_INPUT: input },
        });
        assert.equal(child.status, 0, child.stderr);
        error = JSON.parse(child.stdout.trim().split('\n').pop()!) as typeof error;
      }
      assert.equal(error.kind, 'io', error.message);
      assert.equal(error.file, file);
      assert.match(error.message, /could not write it: EACCES: permission denied/);
      fs.chmodSync(dir, 0o755);
      assert.equal(onDisk(), serializeSidecar(base()));
      assert.deepEqual(listing(), ['article.txt.annotations.json', 'mine.json']);
    });

    it('a read-only sidecar file is not replaced (by its mode bits, so also as root): a clear io error, the file kept', async () => {
      fs.writeFileSync(file, serializeSidecar(base()));
      fs.chmodSync(file, 0o444);
      await assert.rejects(
        saveSidecar(storage, file, withManual()),
        (e: unknown) => e instanceof SidecarError && e.kind === 'io' && e.file === file && /EACCES.*read-only/.test(e.message),
      );
      // told apart from an error the system gave (the editor's Node host reports it as workspace.fs's NoPermissions)
      await assert.rejects(storage.writeTextAtomic(file, '{}'), (e: unknown) => isReadOnlyRefusal(e) && (e as NodeJS.ErrnoException).code === 'EACCES');
      assert.equal(isReadOnlyRefusal(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })), false);
      assert.equal(onDisk(), serializeSidecar(base()));
      assert.equal(fs.statSync(file).mode & 0o777, 0o444);
      assert.deepEqual(listing(), ['article.txt.annotations.json']);
    });

    it('a writable sidecar keeps its permissions when replaced', async () => {
      fs.writeFileSync(file, serializeSidecar(base()));
      fs.chmodSync(file, 0o640);
      await saveSidecar(storage, file, withManual());
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      validOnDisk();
    });

    it('a folder that cannot be created (a file is in the way; works as root too): a clear io error', async () => {
      fs.writeFileSync(path.join(dir, 'sidecars'), 'a file, not a folder');
      const target = path.join(dir, 'sidecars', 'article.txt.annotations.json');
      await assert.rejects(
        saveSidecar(storage, target, withManual()),
        (e: unknown) => e instanceof SidecarError && e.kind === 'io' && e.file === target && /ENOTDIR|EEXIST|not a directory/i.test(e.message),
      );
      assert.equal(fs.readFileSync(path.join(dir, 'sidecars'), 'utf8'), 'a file, not a folder');
    });

    for (const [step, code] of [
      ['writeTemp', 'EACCES'],
      ['writeTemp', 'ENOSPC'],
      ['writeTemp', 'EROFS'],
      ['rename', 'EPERM'],
      ['rename', 'EXDEV'],
    ] as const) {
      it(`${code} at ${step}: the old sidecar stays whole, no temporary file, and annotateArticle still hands back the user's sidecar`, async () => {
        const previous = withManual();
        fs.writeFileSync(file, serializeSidecar(previous));
        const faulty = new FaultyStorage(s => (s === step ? errno(code, `simulated ${step} failure`) : undefined));
        const r = await annotateArticle({
          storage: faulty,
          sidecarPath: file,
          file: 'article.txt',
          text: article,
          write: true,
          analyze: () => ({ ...fakeAnalysis(article, SPECS), referenceDate: { value: '2015-11-25', source: 'detected' } }),
        });
        assert.equal(r.saveError?.kind, 'io');
        assert.match(r.saveError.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: could not write it: ${code}`));
        assert.equal(r.saved, false);
        // the user's annotation is in the sidecar handed back (the host keeps it in memory and retries)...
        const m = r.sidecar.annotations.find(a => a.id === lastManualId(previous));
        assert.equal(m?.note, 'checked with the desk');
        // ...and the file on disk is still the previous, valid one
        assert.equal(onDisk(), serializeSidecar(previous));
        assert.deepEqual(listing(), ['article.txt.annotations.json']);
      });
    }
  });

  describe('a read that fails', () => {
    it('EIO reading the sidecar: reported, not treated as missing, nothing overwritten', async () => {
      fs.writeFileSync(file, serializeSidecar(withManual()));
      const faulty = new FaultyStorage(s => (s === 'read' ? errno('EIO', 'i/o error, read') : undefined));
      const loaded = await loadSidecar(faulty, file);
      assert.equal(loaded.status === 'error' && loaded.error.kind, 'io');
      const r = await annotateArticle({ storage: faulty, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
      assert.equal(r.loadError?.kind, 'io');
      assert.equal(r.written, false, 'a sidecar that could not be read is never replaced by a fresh one');
      assert.equal(onDisk(), serializeSidecar(withManual()));
    });

    it('a failing stat (mtime) before saving: an io error, nothing written', async () => {
      fs.writeFileSync(file, serializeSidecar(base()));
      const faulty = new FaultyStorage(s => (s === 'mtime' ? errno('EACCES', 'permission denied, stat') : undefined));
      await assert.rejects(
        saveSidecar(faulty, file, withManual(), { checkMtime: true, expectedMtime: 1 }),
        (e: unknown) => e instanceof SidecarError && e.kind === 'io',
      );
      assert.equal(onDisk(), serializeSidecar(base()));
    });
  });

  describe('an unusable sidecar whose backup fails too', () => {
    for (const [what, content] of [
      ['invalid JSON', '{"version": 1,'],
      ['a wrong schema', '{"version": 1}'],
      ['a future version', '{"version": 99}'],
    ] as const) {
      it(`${what}, disk full while copying it: reported with both reasons, the file untouched, no save over it`, async () => {
        fs.writeFileSync(file, content);
        const faulty = new FaultyStorage(s => (s === 'copy' ? errno('ENOSPC', 'no space left on device, copyfile') : undefined));
        const loaded = await loadSidecar(faulty, file);
        assert.equal(loaded.status, 'error');
        const error = loaded.status === 'error' ? loaded.error : undefined;
        assert.ok(error instanceof SidecarError);
        assert.match(error.reason, /backing it up failed too \(ENOSPC/);
        assert.equal(error.backup, undefined);
        await assert.rejects(saveSidecar(faulty, file, withManual()), (e: unknown) => e instanceof SidecarError && e.kind !== 'io');
        assert.equal(onDisk(), content);
        assert.deepEqual(listing(), ['article.txt.annotations.json']);
      });
    }

    it('a folder where the backup would go: the next free name is used', async () => {
      fs.writeFileSync(file, 'not json');
      fs.mkdirSync(`${file}.bak`);
      const loaded = await loadSidecar(storage, file);
      assert.equal(loaded.status === 'error' && loaded.error.backup, `${file}.bak.1`);
      assert.equal(fs.readFileSync(`${file}.bak.1`, 'utf8'), 'not json');
    });
  });

  describe('hostile or odd sidecar content', () => {
    const cases: [string, string, string][] = [
      ['null', 'null', 'invalid-schema'],
      ['an array', '[]', 'invalid-schema'],
      ['a string', '"sidecar"', 'invalid-schema'],
      ['a number', '1e999', 'invalid-schema'],
      ['empty', '', 'invalid-json'],
      ['UTF-16 garbage', '\ufffd\ufffd{\u0000"\u0000v', 'invalid-json'],
      ['deep nesting', '['.repeat(100000) + ']'.repeat(100000), 'invalid-schema'],
      [
        'a __proto__ key',
        JSON.stringify({ ...JSON.parse(serializeSidecar(base())), entities: [] }).replace('"entities":[]', '"entities":[],"__proto__":{"polluted":true}'),
        'invalid-schema',
      ],
      ['an offset past the end', serializeSidecar({ ...base(), annotations: [{ ...base().annotations[0], end: 10 ** 9 }] }), 'invalid-schema'],
      ['a version as a string', serializeSidecar(base()).replace('"version": 3', '"version": "3"'), 'invalid-schema'],
      ['a far future version', serializeSidecar(base()).replace('"version": 3', '"version": 1e308'), 'future-version'],
    ];
    for (const [what, content, kind] of cases) {
      it(`${what}: a ${kind} error, left as it is and backed up, and annotating still works`, async () => {
        fs.writeFileSync(file, content);
        const r = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
        assert.equal(r.loadError?.kind, kind, r.loadError?.message);
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
        assert.ok(r.sidecar.annotations.length > 0, 'a fresh analysis is still given');
        assert.equal(onDisk(), content);
        assert.equal(fs.readFileSync(`${file}.bak`, 'utf8'), content);
      });
    }

    it('a sidecar saved with a byte-order mark (Notepad) is read', async () => {
      fs.writeFileSync(file, '\ufeff' + serializeSidecar(withManual()));
      const loaded = await loadSidecar(storage, file);
      assert.equal(loaded.status, 'ok');
    });

    it('a valid sidecar for another version of the article: manual annotations placed or orphaned, never dropped', async () => {
      const mine = withManual();
      fs.writeFileSync(file, serializeSidecar(mine));
      const text = 'A different article.\n' + article.slice(0, 200).replace(/Hemeimeem/g, 'Hmeimim');
      const r = await annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text, analyze, write: true });
      const id = lastManualId(mine)!;
      assert.ok(r.sidecar.annotations.some(a => a.id === id) || r.sidecar.orphans.some(o => o.id === id));
      assert.equal(r.saved, true);
      assert.ok(validOnDisk().orphans.some(o => o.id === id) || validOnDisk().annotations.some(a => a.id === id));
    });
  });

  describe('two saves racing', () => {
    it('without an mtime check: last writer wins, the file is always one whole valid sidecar, no temporary file left', async () => {
      for (let round = 0; round < 20; round++) {
        const a = withManual(base(), 'Hemeimeem', `a${round}`);
        const b = withManual(base(), 'Ankara', `b${round}`);
        const results = await Promise.allSettled([saveSidecar(storage, file, a), saveSidecar(storage, file, b)]);
        assert.ok(results.every(r => r.status === 'fulfilled'));
        const disk = serializeSidecar(validOnDisk());
        assert.ok(disk === serializeSidecar(a) || disk === serializeSidecar(b), 'the file is one of the two, not a mix');
        assert.deepEqual(listing(), ['article.txt.annotations.json']);
      }
    });

    it('with an mtime check (what the editor and CLI do): never both succeed, the other is told (conflict)', async () => {
      for (let round = 0; round < 20; round++) {
        fs.rmSync(file, { force: true });
        await saveSidecar(storage, file, base());
        const loaded = await loadSidecar(storage, file);
        assert.equal(loaded.status, 'ok');
        const seen = loaded.status === 'ok' ? { expectedMtime: loaded.mtime, expectedText: loaded.text } : {};
        const a = withManual(base(), 'Hemeimeem', `a${round}`);
        const b = withManual(base(), 'Ankara', `b${round}`);
        const results = await Promise.allSettled([
          saveSidecar(storage, file, a, { checkMtime: true, ...seen }),
          saveSidecar(storage, file, b, { checkMtime: true, ...seen }),
        ]);
        const won = results.filter(r => r.status === 'fulfilled').length;
        assert.equal(won, 1, `exactly one save succeeds (round ${round}), the other must not silently overwrite it`);
        const lost = results.find(r => r.status === 'rejected') as PromiseRejectedResult;
        assert.ok(lost.reason instanceof SidecarError && lost.reason.kind === 'conflict', String(lost.reason));
        const disk = serializeSidecar(validOnDisk());
        assert.equal(disk, serializeSidecar(results[0].status === 'fulfilled' ? a : b));
      }
    });

    it('two annotateArticle runs on one article at once: each is saved or reported, the file valid', async () => {
      const text = article;
      const run = () => annotateArticle({ storage, sidecarPath: file, file: 'article.txt', text, analyze, write: true });
      const [x, y] = await Promise.all([run(), run()]);
      for (const r of [x, y]) assert.ok(r.saved || r.saveError?.kind === 'conflict', r.saveError?.message);
      validOnDisk();
    });
  });

  describe('the sidecar changes on disk while the article is open', () => {
    /** Storage through which another writer changes the file between annotateArticle's load and its save. */
    const meddling = (change: () => void) => {
      let stats = 0;
      // annotateArticle stats the file when loading it, then again to check it before saving
      return new FaultyStorage(step => {
        if (step === 'mtime' && ++stats === 2) change();
        return undefined;
      });
    };

    it('changed (newer mtime): the save is refused as a conflict, their file kept, our sidecar handed back', async () => {
      const mine = withManual(base(), 'Hemeimeem', 'mine');
      const theirs = withManual(base(), 'Ankara', 'theirs');
      fs.writeFileSync(file, serializeSidecar(mine));
      const faulty = meddling(() => {
        fs.writeFileSync(file, serializeSidecar(theirs));
        fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
      });
      const r = await annotateArticle({ storage: faulty, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
      assert.equal(r.saveError?.kind, 'conflict');
      assert.equal(onDisk(), serializeSidecar(theirs));
      assert.equal(r.sidecar.annotations.find(a => a.id === lastManualId(mine))?.note, 'mine', 'our annotation is handed back');
    });

    it('changed with the same mtime, through annotateArticle: a conflict (content compared too)', async () => {
      const theirs = withManual(base(), 'Ankara', 'theirs');
      fs.writeFileSync(file, serializeSidecar(withManual()));
      const second = Math.floor(Date.now() / 1000);
      fs.utimesSync(file, second, second);
      const faulty = meddling(() => {
        fs.writeFileSync(file, serializeSidecar(theirs));
        fs.utimesSync(file, second, second);
      });
      const r = await annotateArticle({ storage: faulty, sidecarPath: file, file: 'article.txt', text: article, analyze, write: true });
      assert.equal(r.saveError?.kind, 'conflict');
      assert.equal(onDisk(), serializeSidecar(theirs));
    });

    it('changed with the same mtime (a tool that restores timestamps, a coarse file system): still a conflict', async () => {
      // whole seconds, as a coarse file system (FAT, HFS+, some network shares) keeps them
      const second = Math.floor(Date.now() / 1000);
      fs.writeFileSync(file, serializeSidecar(base()));
      fs.utimesSync(file, second, second);
      const loaded = await loadSidecar(storage, file);
      assert.equal(loaded.status, 'ok');
      if (loaded.status !== 'ok') return;
      const theirs = withManual(base(), 'Ankara', 'theirs');
      fs.writeFileSync(file, serializeSidecar(theirs));
      fs.utimesSync(file, second, second);
      assert.equal(fs.statSync(file).mtimeMs, loaded.mtime, 'same mtime as when it was read');
      await assert.rejects(
        saveSidecar(storage, file, withManual(), { checkMtime: true, expectedMtime: loaded.mtime, expectedText: loaded.text }),
        (e: unknown) => e instanceof SidecarError && e.kind === 'conflict',
      );
      assert.equal(onDisk(), serializeSidecar(theirs), 'their annotation is not overwritten');
    });

    it('deleted while open: a conflict, not silently recreated', async () => {
      fs.writeFileSync(file, serializeSidecar(base()));
      const loaded = await loadSidecar(storage, file);
      fs.rmSync(file);
      await assert.rejects(
        saveSidecar(storage, file, withManual(), { checkMtime: true, expectedMtime: loaded.status === 'ok' ? loaded.mtime : 0 }),
        (e: unknown) => e instanceof SidecarError && e.kind === 'conflict' && /deleted/.test(e.reason),
      );
      assert.equal(fs.existsSync(file), false);
    });

    it('replaced by a broken file while open: not overwritten, backed up', async () => {
      fs.writeFileSync(file, serializeSidecar(base()));
      const loaded = await loadSidecar(storage, file);
      fs.writeFileSync(file, '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n');
      const stat = fs.statSync(file);
      await assert.rejects(
        saveSidecar(storage, file, withManual(), { checkMtime: true, expectedMtime: stat.mtimeMs }),
        (e: unknown) => e instanceof SidecarError && e.kind === 'invalid-json',
      );
      assert.match(onDisk(), /<<<<<<< HEAD/);
      assert.ok(fs.existsSync(`${file}.bak`));
      void loaded;
    });
  });
});
