// A sidecar's write with either kind of file calls (src/node/fileCalls.ts): the CLI's synchronous ones and the
// editor's asynchronous ones write the same files and refuse the same things, and an asynchronous call that waits on
// the disk leaves the thread free (an extension host shared by every extension must not wait on a disk).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { asyncCalls, syncCalls, type FileCalls } from '../../../src/node/fileCalls';
import { UnsafeFileError } from '../../../src/node/safeFs';
import { isReadOnlyRefusal, NodeSidecarStorage } from '../../../src/node/storage';

/** Ample for a child process to start and open a FIFO, on a loaded machine. */
const CHILD_LIMIT_MS = 20_000;

const kinds: [string, FileCalls][] = [
  ['synchronous', syncCalls],
  ['asynchronous', asyncCalls],
];

for (const [name, calls] of kinds) {
  describe(`node sidecar writes, ${name} file calls`, () => {
    let root: string;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-calls-'))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    const storage = new NodeSidecarStorage(calls);
    const listing = (dir: string) => fs.readdirSync(dir).sort();

    it('writes a new file with its folders, then replaces it keeping its mode, no temporary file left', async () => {
      const file = path.join(root, 'a', 'b', 'story.txt.annotations.json');
      await storage.writeTextAtomic(file, '{"v":1}');
      assert.equal(fs.readFileSync(file, 'utf8'), '{"v":1}');
      fs.chmodSync(file, 0o640);
      await storage.writeTextAtomic(file, '{"v":2}');
      assert.equal(fs.readFileSync(file, 'utf8'), '{"v":2}');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(listing(path.dirname(file)), ['story.txt.annotations.json']);
    });

    it('refuses a read-only file and a folder blocked by a file, writing nothing', async () => {
      const file = path.join(root, 'story.txt.annotations.json');
      fs.writeFileSync(file, 'old');
      fs.chmodSync(file, 0o444);
      await assert.rejects(storage.writeTextAtomic(file, 'new'), (e: unknown) => isReadOnlyRefusal(e));
      assert.equal(fs.readFileSync(file, 'utf8'), 'old');
      fs.writeFileSync(path.join(root, 'blocked'), 'a file');
      await assert.rejects(
        storage.writeTextAtomic(path.join(root, 'blocked', 'sub', 'x.json'), 'new'),
        (e: unknown) => e instanceof UnsafeFileError && e.code === 'ENOTDIR' && /is in the way of the folder/.test(e.message),
      );
      assert.deepEqual(listing(root), ['blocked', 'story.txt.annotations.json']);
    });
  });
}

describe('node file calls: the thread while a call waits', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-calls-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('an asynchronous call waiting on the disk (a FIFO no one reads yet) leaves the thread free', () => {
    const fifo = path.join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const child = path.join(__dirname, '../../support/fifoOpenChild.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, fifo], { encoding: 'utf8', timeout: CHILD_LIMIT_MS });
    assert.equal(r.signal, null, `the child was killed (${r.signal}) after ${CHILD_LIMIT_MS} ms: the open held its thread`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'ok');
  });
});
