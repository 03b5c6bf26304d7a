// The CLI's V8 code cache (src/node/codeCache.ts, written by esbuild.mjs): the built CLI uses it in the main thread
// and in the --jobs worker threads, and whenever it cannot (damaged, written for another build of the bundle, refused
// by V8 under other flags, absent) the CLI compiles from source and writes the same sidecars.
// NEWS_ANNOTATOR_CODE_CACHE=report makes the launchers say on stderr what became of the cache.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertCliBuilt, root } from '../../support/builtCli';

const DIST_FILES = ['cli.js', 'worker.js', 'cli-bundle.js', 'cli-bundle.cache'];

/** Runs `dist/cli.js annotate` (from `dist`) on a fresh copy of the seeds; the sidecars written and the cache reports. */
function annotate(tmp: string, dist: string, opts: { cache?: string; nodeFlags?: string[]; workers?: boolean } = {}) {
  const news = fs.mkdtempSync(path.join(tmp, 'news-'));
  const seeds = path.join(root, 'seeds');
  for (const f of fs.readdirSync(seeds).filter(f => f.endsWith('.txt'))) fs.copyFileSync(path.join(seeds, f), path.join(news, f));
  const env: NodeJS.ProcessEnv = { ...process.env, NEWS_ANNOTATOR_CODE_CACHE: opts.cache ?? 'report' };
  if (opts.workers) env.NEWS_ANNOTATOR_JOBS = 'workers';
  else delete env.NEWS_ANNOTATOR_JOBS;
  const jobs = opts.workers ? '2' : '1';
  const r = spawnSync(process.execPath, [...(opts.nodeFlags ?? []), path.join(dist, 'cli.js'), 'annotate', '--jobs', jobs, news], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sidecars = new Map(
    fs
      .readdirSync(news)
      .filter(f => f.endsWith('.annotations.json'))
      .sort()
      .map(f => [f, fs.readFileSync(path.join(news, f), 'utf8')]),
  );
  assert.equal(sidecars.size, 5, 'a sidecar per sample article');
  const reports = r.stderr.split('\n').filter(l => l.startsWith('news-annotator: code cache'));
  return { sidecars, reports };
}

/** A copy of the built CLI's files in a folder of its own, to damage without touching dist/. */
function copyDist(tmp: string, name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const f of DIST_FILES) fs.copyFileSync(path.join(root, 'dist', f), path.join(dir, f));
  return dir;
}

describe('the CLI code cache (built dist/cli.js, dist/cli-bundle.cache)', function () {
  this.timeout(120_000);
  let tmp: string;
  let reference: Map<string, string>;

  before(function () {
    assertCliBuilt();
    for (const f of DIST_FILES) assert.ok(fs.existsSync(path.join(root, 'dist', f)), `dist/${f} is built`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-code-cache-'));
    const off = annotate(tmp, path.join(root, 'dist'), { cache: 'off' });
    assert.deepEqual(off.reports, [], 'nothing reported unless asked');
    reference = off.sidecars;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is accepted by V8 in the main thread and in the worker threads, with the same sidecars as without it', () => {
    const one = annotate(tmp, path.join(root, 'dist'));
    assert.deepEqual(one.reports, ['news-annotator: code cache accepted (cli-bundle.cache, main thread)']);
    assert.deepEqual(one.sidecars, reference);
    const jobs = annotate(tmp, path.join(root, 'dist'), { workers: true });
    assert.equal(jobs.reports[0], 'news-annotator: code cache accepted (cli-bundle.cache, main thread)');
    // each worker thread reports once loaded (one that was given no article may be stopped before it does)
    const workers = jobs.reports.slice(1);
    assert.ok(workers.length >= 1 && workers.length <= 2, jobs.reports.join('\n'));
    for (const line of workers) assert.equal(line, 'news-annotator: code cache accepted (cli-bundle.cache, worker thread)');
    assert.deepEqual(jobs.sidecars, reference);
  });

  it('is refused when it is not a code cache file (e.g. damaged from its first byte), and the CLI compiles from source', () => {
    const dist = copyDist(tmp, 'garbage');
    fs.writeFileSync(path.join(dist, 'cli-bundle.cache'), Buffer.alloc(4096, 0x5a));
    const r = annotate(tmp, dist, { workers: true });
    for (const line of r.reports)
      assert.match(line, /^news-annotator: code cache rejected: not a code cache file \(cli-bundle\.cache, (main|worker) thread\)$/);
    assert.ok(r.reports.length >= 2);
    assert.deepEqual(r.sidecars, reference);
  });

  it('is refused by V8 when its data is cut short or its V8 header is damaged', () => {
    const cut = copyDist(tmp, 'cut');
    const bytes = fs.readFileSync(path.join(cut, 'cli-bundle.cache'));
    fs.writeFileSync(path.join(cut, 'cli-bundle.cache'), bytes.subarray(0, bytes.length >> 1));
    const damaged = copyDist(tmp, 'damaged');
    const copy = Buffer.from(bytes);
    // our header is 40 bytes (magic and the bundle's SHA-256); V8's own header (magic number, version and flag hashes) follows
    for (let i = 40; i < 56; i++) copy[i] ^= 0xff;
    fs.writeFileSync(path.join(damaged, 'cli-bundle.cache'), copy);
    for (const dist of [cut, damaged]) {
      const r = annotate(tmp, dist);
      assert.deepEqual(r.reports, [
        'news-annotator: code cache rejected: refused by V8 (another Node version or V8 flags, or damaged) (cli-bundle.cache, main thread)',
      ]);
      assert.deepEqual(r.sidecars, reference);
    }
  });

  it('is refused when the bundle was rebuilt after it was written, even to the same length', () => {
    const dist = copyDist(tmp, 'stale');
    const bundle = fs.readFileSync(path.join(dist, 'cli-bundle.js'), 'latin1');
    // same length, other text: V8's own check (the source's length) would take it
    const at = bundle.lastIndexOf('"use strict"');
    const edited = bundle.slice(0, at) + "'use strict'" + bundle.slice(at + 12);
    assert.equal(edited.length, bundle.length);
    assert.notEqual(edited, bundle);
    fs.writeFileSync(path.join(dist, 'cli-bundle.js'), edited, 'latin1');
    const r = annotate(tmp, dist);
    assert.deepEqual(r.reports, ['news-annotator: code cache rejected: written for another build of the bundle (cli-bundle.cache, main thread)']);
    assert.deepEqual(r.sidecars, reference);
  });

  it('is refused by V8 under other V8 flags than the ones it was written with', () => {
    const r = annotate(tmp, path.join(root, 'dist'), { nodeFlags: ['--max-lazy'] });
    assert.deepEqual(r.reports, [
      'news-annotator: code cache rejected: refused by V8 (another Node version or V8 flags, or damaged) (cli-bundle.cache, main thread)',
    ]);
    assert.deepEqual(r.sidecars, reference);
  });

  it('is not needed: without the file the CLI compiles from source', () => {
    const dist = copyDist(tmp, 'absent');
    fs.rmSync(path.join(dist, 'cli-bundle.cache'));
    const r = annotate(tmp, dist);
    assert.deepEqual(r.reports, ['news-annotator: code cache absent (cli-bundle.cache, main thread)']);
    assert.deepEqual(r.sidecars, reference);
  });
});
