// The corpus index's quick reads (src/node/quickFs.ts): a FIFO named like an article reads as empty, at once.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { quickWhileFast, readFileNow, readFileQuick, SLOW_SYNC_MS, statNow, statQuick } from '../../../src/node/quickFs';

describe('node quickFs', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-quick-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads a file whole, and a FIFO nothing writes to as empty instead of waiting for a writer', async () => {
    const file = path.join(root, 'a.txt');
    fs.writeFileSync(file, 'Ankara, 3 March.');
    assert.equal((await readFileQuick(file)).toString(), 'Ankara, 3 March.');
    const fifo = path.join(root, 'fifo.txt');
    execFileSync('mkfifo', [fifo]);
    // a blocking read never resolves: mocha's timeout fails the test
    assert.equal((await readFileQuick(fifo)).length, 0);
    assert.equal((await statQuick(file)).size, 16);
  });

  // (with the same flags as readFileQuick, tested on a FIFO above: a blocking synchronous read here would hang the
  // test run instead of failing it)
  it('reads the same synchronously', () => {
    const file = path.join(root, 'a.txt');
    fs.writeFileSync(file, 'Ankara, 3 March.');
    assert.equal(readFileNow(file).toString(), 'Ankara, 3 March.');
    assert.equal(statNow(file).size, 16);
    assert.throws(
      () => readFileNow(path.join(root, 'gone.txt')),
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
  });

  it('rejects with the file system error for a file that is not there', async () => {
    await assert.rejects(readFileQuick(path.join(root, 'gone.txt')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  });

  it('quickWhileFast: synchronous while each call is quick, asynchronous for good after a slow one', async () => {
    let time = 0;
    const calls: string[] = [];
    const read = quickWhileFast(
      (file: string) => {
        calls.push(`now ${file}`);
        if (file === 'slow') time += SLOW_SYNC_MS + 1;
        if (file === 'gone') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return file.toUpperCase();
      },
      async (file: string) => {
        calls.push(`later ${file}`);
        return file.toUpperCase();
      },
      () => time,
    );
    assert.equal(await read('a'), 'A');
    await assert.rejects(read('gone'), (e: NodeJS.ErrnoException) => e.code === 'ENOENT', 'a failure is a rejection, not a throw');
    assert.equal(await read('slow'), 'SLOW', 'the slow call still answers');
    assert.equal(await read('b'), 'B');
    assert.equal(await read('c'), 'C');
    assert.deepEqual(calls, ['now a', 'now gone', 'now slow', 'later b', 'later c']);
  });
});
