// "Nothing is lost" for the corpus (issue 11): a rename, merge or carry-over interrupted by a failing write leaves
// every sidecar and the decisions file either old or new, never mixed or torn. Runs the core's writeCorpusChange (the
// sequence the editor's CorpusDecider uses) on a real folder with the Node storage: the seeds annotated, then a
// decision applied while one write really fails (a read-only sidecar the storage refuses to replace, a disk filling
// up in the middle of a temporary file, a rename that fails).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  addEntityDecision,
  analyze,
  annotateArticle,
  Corpus,
  corpusArticleFromSidecar,
  DECISIONS_PATH,
  emptyDecisions,
  parseDecisions,
  parseSidecar,
  putBackCorpusChange,
  reflectDecisions,
  serializeDecisions,
  setCorrection,
  writeCorpusChange,
  type CorpusChangeSteps,
  type CorpusDecisions,
  type EntityDecision,
  type Sidecar,
} from '../../../../src/core';
import { NodeSidecarStorage } from '../../../../src/node/storage';
import { root } from '../../../support/builtCli';

const fixture = path.join(root, 'test/fixtures/corpus');
const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** The Node storage whose `nth` temporary-file write (counting from 1) fills the disk halfway through. */
class DiskFillsUp extends NodeSidecarStorage {
  writes = 0;
  constructor(private readonly nth: number) {
    super();
  }
  protected override async writeTemp(temp: string, chunks: Iterable<string>) {
    if (++this.writes !== this.nth) return super.writeTemp(temp, chunks);
    const text = [...chunks].join('');
    // the first half really reaches the temporary file, then the disk is full
    await super.writeTemp(temp, [text.slice(0, text.length >> 1)]);
    throw errno('ENOSPC', `no space left on device, write '${temp}'`);
  }
}

/** The Node storage whose `nth` atomic write fails at the rename (EXDEV, a locked file on Windows), after the temporary file is written. */
class RenameFails extends NodeSidecarStorage {
  writes = 0;
  constructor(private readonly nth: number) {
    super();
  }
  override async writeChunksAtomic(file: string, chunks: Iterable<string>) {
    if (++this.writes !== this.nth) return super.writeChunksAtomic(file, chunks);
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.renamefails.tmp`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await super.writeTemp(temp, chunks);
    fs.rmSync(temp);
    throw errno('EXDEV', `cross-device link not permitted, rename '${temp}' -> '${file}'`);
  }
}

/** Every file under `dir` (hidden ones too) with its bytes, as text. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) out.set(name, fs.readFileSync(full, 'latin1'));
  }
  return out;
}

/** A folder of annotated articles as the editor holds it: the corpus from the sidecars, the decisions file. */
class Folder {
  corpus = new Corpus();
  readonly sidecars = new Map<string, Sidecar>();
  constructor(
    readonly dir: string,
    readonly storage: NodeSidecarStorage,
  ) {}
  get decisionsFile() {
    return path.join(this.dir, DECISIONS_PATH);
  }
  sidecarFile(key: string) {
    return path.join(this.dir, `${key}.annotations.json`);
  }

  load(): this {
    const text = fs.existsSync(this.decisionsFile) ? fs.readFileSync(this.decisionsFile, 'utf8') : undefined;
    this.corpus = new Corpus(text === undefined ? emptyDecisions() : parseDecisions(text));
    for (const name of fs.readdirSync(this.dir).filter(n => n.endsWith('.txt'))) {
      const sidecar = parseSidecar(fs.readFileSync(this.sidecarFile(name), 'utf8'), this.sidecarFile(name));
      this.sidecars.set(name, sidecar);
      this.corpus.setArticle(corpusArticleFromSidecar(name, fs.readFileSync(path.join(this.dir, name), 'utf8'), sidecar));
    }
    return this;
  }

  /** The steps of one decision (`next`: the decisions after it), as the editor's CorpusDecider takes them. */
  steps(next: CorpusDecisions, storage = this.storage): CorpusChangeSteps<string> {
    const before = fs.existsSync(this.decisionsFile) ? fs.readFileSync(this.decisionsFile, 'utf8') : undefined;
    const decisionsBefore = this.corpus.decisions;
    return {
      storage,
      writeDecisions: async () => {
        await storage.writeTextAtomic(this.decisionsFile, serializeDecisions(next));
        this.corpus.setDecisions(next);
      },
      restoreDecisions: async () => {
        if (before === undefined) fs.rmSync(this.decisionsFile, { force: true });
        else await storage.writeTextAtomic(this.decisionsFile, before);
        this.corpus.setDecisions(decisionsBefore);
      },
      sidecars: () => this.reflected(),
    };
  }

  /** Each sidecar with the corpus' decisions reflected into its entities, when that changes them. */
  *reflected() {
    for (const article of this.corpus.articles()) {
      const sidecar = this.sidecars.get(article.path)!;
      const entities = reflectDecisions(this.corpus, article.path, sidecar.entities);
      if (entities !== sidecar.entities)
        yield { article: article.path, path: this.sidecarFile(article.path), sidecar: { ...sidecar, entities: [...entities] } };
    }
  }

  decide(decision: EntityDecision, storage = this.storage) {
    return this.steps(addEntityDecision(this.corpus.decisions, decision), storage);
  }
}

const RENAME: EntityDecision = { kind: 'rename', entity: { type: 'person', name: 'Putin' }, name: 'Vladimir V. Putin' };
const MERGE: EntityDecision = { kind: 'merge', entity: { type: 'place', name: 'Moscow' }, with: [{ type: 'place', name: 'Russia' }] };

describe('faults: a corpus change (rename, merge, carry-over) and the decisions file', function () {
  this.timeout(30_000);
  let dir: string;
  const storage = new NodeSidecarStorage();

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-change-faults-'));
    fs.cpSync(fixture, dir, { recursive: true });
    for (const name of fs.readdirSync(dir).filter(n => n.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const r = await annotateArticle({ storage, sidecarPath: path.join(dir, `${name}.annotations.json`), file: name, text, analyze, write: true });
      assert.ok(r.saved, name);
    }
  });
  afterEach(() => {
    for (const name of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, name), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The sidecars a decision rewrites, in the order it writes them. */
  const targets = (decision: EntityDecision) => {
    const folder = new Folder(dir, storage).load();
    const steps = folder.decide(decision);
    folder.corpus.setDecisions(addEntityDecision(folder.corpus.decisions, decision));
    return [...steps.sidecars()].map(s => s.path);
  };

  it('applied whole: the decisions file and each changed sidecar are new and valid; undo puts every byte back', async () => {
    const before = snapshot(dir);
    const folder = new Folder(dir, storage).load();
    const steps = folder.decide(RENAME);
    const written = await writeCorpusChange(steps);
    assert.ok(written.length >= 3, `${written.length} sidecars`);
    assert.ok(parseDecisions(fs.readFileSync(folder.decisionsFile, 'utf8')).entities.some(d => d.kind === 'rename'));
    for (const w of written) {
      const sidecar = parseSidecar(fs.readFileSync(w.path, 'utf8'), w.path);
      assert.ok(
        sidecar.entities.some(e => e.name === 'Vladimir V. Putin'),
        w.path,
      );
      assert.equal(fs.readFileSync(w.path, 'utf8') === w.before, false);
    }
    await putBackCorpusChange(steps, written);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a corrupt sidecar among those to change is left byte for byte and named; the others are written', async () => {
    const paths = targets(RENAME);
    assert.ok(paths.length >= 3, `${paths.length} sidecars`);
    const folder = new Folder(dir, storage).load();
    // corrupted on disk after it was read (another tool, a bad merge): the write must not replace it
    fs.writeFileSync(paths[1], '{ "version": 3, oops');
    const skipped: [string, string][] = [];
    const written = await writeCorpusChange({ ...folder.decide(RENAME), skipped: (p, reason) => skipped.push([p, reason]) });
    assert.deepEqual(
      skipped.map(([p]) => p),
      [paths[1]],
    );
    assert.match(skipped[0][1], /not valid JSON/);
    assert.equal(fs.readFileSync(paths[1], 'utf8'), '{ "version": 3, oops', 'left as it was');
    assert.deepEqual(
      written.map(w => w.path),
      paths.filter(p => p !== paths[1]),
    );
  });

  for (const [what, decision] of [
    ['rename', RENAME],
    ['merge', MERGE],
  ] as const) {
    it(`${what}: a sidecar the storage refuses to replace (read-only) midway: every file as before, the error rethrown`, async () => {
      const paths = targets(decision);
      assert.ok(paths.length >= 3, `${what} touches ${paths.length} sidecars`);
      fs.chmodSync(paths[2], 0o444);
      const before = snapshot(dir);
      const folder = new Folder(dir, storage).load();
      await assert.rejects(writeCorpusChange(folder.decide(decision)), (e: NodeJS.ErrnoException) => e.code === 'EACCES' || /EACCES/.test(e.message));
      assert.deepEqual(snapshot(dir), before, 'the two sidecars written and the decisions file are put back byte for byte');
      assert.deepEqual(folder.corpus.decisions, new Folder(dir, storage).load().corpus.decisions, 'the corpus follows the decisions put back');
    });

    it(`${what}: the disk fills up halfway through a sidecar: every file as before, no temporary file left`, async () => {
      const paths = targets(decision);
      const before = snapshot(dir);
      // write 1 is the decisions file, 2 and 3 sidecars, the 4th fills the disk
      const faulty = new DiskFillsUp(4);
      await assert.rejects(writeCorpusChange(new Folder(dir, faulty).load().decide(decision, faulty)), /ENOSPC/);
      assert.ok(faulty.writes >= 4 && paths.length >= 3);
      assert.deepEqual(snapshot(dir), before);
    });
  }

  it('writes several sidecars at once; one failing after later ones were written: those are put back too', async () => {
    const paths = targets(RENAME);
    assert.ok(paths.length >= 4, `the rename touches ${paths.length} sidecars`);
    const before = snapshot(dir);
    let underWay = 0;
    let most = 0;
    // the second sidecar's write fails, late: the writes started after it are done by then
    class SlowFailure extends NodeSidecarStorage {
      override async writeChunksAtomic(file: string, chunks: Iterable<string>) {
        most = Math.max(most, ++underWay);
        try {
          if (file !== paths[1]) return await super.writeChunksAtomic(file, chunks);
          await new Promise(resolve => setTimeout(resolve, 50));
          throw errno('EIO', `i/o error, write '${file}'`);
        } finally {
          underWay--;
        }
      }
    }
    const slow = new SlowFailure();
    await assert.rejects(writeCorpusChange(new Folder(dir, slow).load().decide(RENAME, slow)), /EIO/);
    assert.ok(most > 1, `sidecars written at once: ${most}`);
    assert.deepEqual(snapshot(dir), before, 'every sidecar written, before the failure or after it, is put back');
  });

  it('a failing put-back is reported with the failure, and every other file is still put back', async () => {
    const paths = targets(RENAME);
    const before = snapshot(dir);
    // the third sidecar write fills the disk; putting back the first then fails too (an i/o error)
    class Both extends DiskFillsUp {
      override async writeChunksAtomic(file: string, chunks: Iterable<string>) {
        if (this.writes >= 4 && file === paths[0]) throw errno('EIO', `i/o error, write '${file}'`);
        return super.writeChunksAtomic(file, chunks);
      }
    }
    const faulty = new Both(4);
    await assert.rejects(
      writeCorpusChange(new Folder(dir, faulty).load().decide(RENAME, faulty)),
      (e: Error) => /ENOSPC/.test(e.message) && /putting the change back failed too: could not put back .*EIO/.test(e.message),
    );
    const after = snapshot(dir);
    const first = path.relative(dir, paths[0]);
    for (const [name, text] of before) if (name !== first) assert.equal(after.get(name), text, name);
    // the one that could not be put back is whole: the new sidecar, never torn
    assert.ok(parseSidecar(fs.readFileSync(paths[0], 'utf8'), paths[0]).entities.some(e => e.name === 'Vladimir V. Putin'));
  });

  describe('the decisions file (.news-annotator/entities.json)', () => {
    it('a decisions file that cannot be written (read-only): nothing else is written', async () => {
      const folder = new Folder(dir, storage).load();
      fs.chmodSync(folder.decisionsFile, 0o444);
      const before = snapshot(dir);
      await assert.rejects(writeCorpusChange(folder.decide(RENAME)), /EACCES/);
      assert.deepEqual(snapshot(dir), before);
    });

    for (const [how, make] of [
      ['the disk fills up halfway through it', () => new DiskFillsUp(1)],
      ['its rename fails', () => new RenameFails(1)],
    ] as const) {
      it(`carry-over ("every article") interrupted as ${how}: the old file, whole; no sidecar written`, async () => {
        const before = snapshot(dir);
        const folder = new Folder(dir, storage).load();
        const next = setCorrection(folder.corpus.decisions, { name: 'Hemeimeem', action: 'retype', type: 'place' });
        const faulty = make();
        await assert.rejects(writeCorpusChange({ ...folder.steps(next, faulty), sidecars: () => [] }), /ENOSPC|EXDEV/);
        assert.deepEqual(snapshot(dir), before);
        assert.deepEqual(parseDecisions(fs.readFileSync(folder.decisionsFile, 'utf8')), folder.corpus.decisions);
        // and it goes through once the disk is fine: the new file, whole
        await writeCorpusChange({ ...folder.steps(next), sidecars: () => [] });
        assert.deepEqual(parseDecisions(fs.readFileSync(folder.decisionsFile, 'utf8')).corrections, next.corrections);
      });

      it(`the first decisions file, interrupted as ${how}: no file at all, no temporary file`, async () => {
        fs.rmSync(path.join(dir, '.news-annotator'), { recursive: true });
        const before = snapshot(dir);
        const folder = new Folder(dir, storage).load();
        const faulty = make();
        await assert.rejects(writeCorpusChange(folder.decide(RENAME, faulty)), /ENOSPC|EXDEV/);
        assert.deepEqual(snapshot(dir), before);
        assert.equal(fs.readdirSync(path.join(dir, '.news-annotator')).length, 0, 'only the (empty) folder made for it');
      });
    }
  });
});
