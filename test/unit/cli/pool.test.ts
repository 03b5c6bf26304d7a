// The `--jobs` pool in process (src/cli/pool.ts): how many workers a run starts, and a pool whose main thread is one
// of the jobs: tasks go to both it and a real worker thread (src/cli/worker.ts, loaded through tsx), and the results
// come back in input order, equal to the work done in one thread.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANNOTATE_HELP } from '../../../src/cli/annotateCommand';
import { textSize } from '../../../src/cli/annotateJobs';
import type { ArticleFile } from '../../../src/cli/files';
import { CHARS_PER_JOB, mapOrdered, WorkerFailure, workerCount, WorkerPool } from '../../../src/cli/pool';
import { STREAM_HELP } from '../../../src/cli/streamCommand';
import { annotateRecord, type StreamResult } from '../../../src/cli/streamRecord';
import type { WorkerReply, WorkerTask } from '../../../src/cli/worker';

const root = path.join(__dirname, '../../..');

describe('--jobs pool', function () {
  this.timeout(120_000);
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.NEWS_ANNOTATOR_JOBS;
    delete process.env.NEWS_ANNOTATOR_JOBS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NEWS_ANNOTATOR_JOBS;
    else process.env.NEWS_ANNOTATOR_JOBS = saved;
  });

  it('starts no more workers than the jobs (the main thread being one), the items and the text warrant', () => {
    assert.equal(workerCount(1, 100, 100 * CHARS_PER_JOB), 0, 'one job: this thread only');
    assert.equal(workerCount(2, 5, 16_555), 0, 'the five sample articles: too little text for a worker');
    assert.equal(workerCount(2, 3234, 4 * 2 ** 20), 1, 'a 4 MB folder on two cores: the main thread and one worker');
    assert.equal(workerCount(8, 100, 3 * CHARS_PER_JOB), 2, 'three jobs worth of text: two workers');
    assert.equal(workerCount(8, 100, 3 * CHARS_PER_JOB - 1), 1);
    assert.equal(workerCount(4, 2, Infinity), 1, 'two items: one worker');
    assert.equal(workerCount(4, 1, Infinity), 0, 'one item: none');
    assert.equal(workerCount(3), 2, 'text unknown: the jobs decide');
    process.env.NEWS_ANNOTATOR_JOBS = 'workers';
    assert.equal(workerCount(2, 5, 16_555), 2, 'the test hook: every job a worker, whatever the size');
    assert.equal(workerCount(1, 5, 16_555), 0);
  });

  it('says in --help how much text a worker needs', () => {
    const kib = `${CHARS_PER_JOB / 1024}K`;
    assert.match(ANNOTATE_HELP.replace(/\s+/g, ' '), new RegExp(`up to N-1 worker threads, one per ${kib} of text`));
    assert.match(STREAM_HELP.replace(/\s+/g, ' '), new RegExp(`up to N-1 worker threads, started as each ${kib} of text comes`));
  });

  it('counts the articles’ size only as far as it needs to', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-pool-'));
    try {
      const articles: ArticleFile[] = [100, 200, 300].map((n, i) => {
        const file = path.join(dir, `${i}.txt`);
        fs.writeFileSync(file, 'x'.repeat(n));
        return { file, relative: `${i}.txt`, mirrored: `${i}.txt`, display: `${i}.txt`, fromFolder: true };
      });
      articles.push({ ...articles[0], file: path.join(dir, 'missing.txt') });
      assert.equal(textSize(articles, Infinity), 600, 'a missing file counts as empty');
      assert.equal(textSize(articles, 250), 300, 'stops once there is enough');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shares the tasks between the main thread and a worker thread, results in input order', async () => {
    const texts = fs
      .readdirSync(path.join(root, 'seeds'))
      .filter(f => f.endsWith('.txt'))
      .sort()
      .flatMap(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8').split(/\n\s*\n/))
      .filter(p => p.trim().length > 40)
      .slice(0, 24);
    const expected: StreamResult[] = [];
    for (const [i, text] of texts.entries()) expected.push(await annotateRecord({ id: i, text }));

    // the main thread's tasks wait until the worker has answered one: both must have taken some, on any machine
    const ranHere = new Set<number | string | null>();
    let workerAnswered!: () => void;
    const firstWorkerAnswer = new Promise<void>(resolve => (workerAnswered = resolve));
    const inThread = async (task: WorkerTask): Promise<WorkerReply> => {
      const input = (task as Extract<WorkerTask, { kind: 'record' }>).input;
      ranHere.add(input.id);
      await firstWorkerAnswer;
      return { kind: 'record', result: await annotateRecord(input) };
    };
    const pool = new WorkerPool(1, inThread);
    const got: StreamResult[] = [];
    try {
      await mapOrdered(
        texts.map((text, id) => ({ id, text })),
        8,
        async input => {
          const reply = await pool.run({ kind: 'record', input });
          if (!ranHere.has(input.id)) workerAnswered();
          return reply;
        },
        reply => {
          assert.equal(reply.kind, 'record');
          got.push((reply as Extract<WorkerReply, { kind: 'record' }>).result);
        },
      );
    } finally {
      await pool.close();
    }
    assert.deepEqual(got, expected);
    assert.ok(ranHere.size > 0 && ranHere.size < texts.length, `the main thread ran ${ranHere.size} of ${texts.length}`);
  });

  it('fails the tasks of a worker that dies with a WorkerFailure, and the main thread goes on with the rest', async () => {
    const pool = new WorkerPool(1, async task => ({ kind: 'record', result: await annotateRecord((task as Extract<WorkerTask, { kind: 'record' }>).input) }));
    try {
      // wait until the worker has loaded and answered, then stop it: the pool replaces it, and no task is lost
      const first = await pool.run({ kind: 'record', input: { id: 'a', text: 'Angela Merkel visited Paris.' } });
      assert.equal(first.kind, 'record');
      const slots = (pool as unknown as { slots: { worker: import('node:worker_threads').Worker }[] }).slots;
      const busy = Array.from({ length: 6 }, (_, i) => pool.run({ kind: 'record', input: { id: i, text: `Report ${i} from Berlin by Olaf Scholz.` } }));
      const stopped = slots[0].worker;
      await stopped.terminate();
      const settled = await Promise.allSettled(busy);
      for (const s of settled) {
        if (s.status === 'rejected') assert.ok(s.reason instanceof WorkerFailure, String(s.reason));
        else assert.equal(s.value.kind, 'record');
      }
      assert.notEqual(slots[0].worker, stopped, 'a fresh worker took its place');
    } finally {
      await pool.close();
    }
  });
});
