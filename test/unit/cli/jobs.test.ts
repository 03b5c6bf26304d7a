// `annotate --jobs N` through the built CLI: the same sidecars (byte for byte), the same summary and the same
// messages as one job, whatever N.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

/**
 * Runs the CLI. These folders are far too small for the size policy to start a worker (src/cli/pool.ts,
 * CHARS_PER_JOB), so the runs with several jobs set NEWS_ANNOTATOR_JOBS=workers: every article then goes to a worker
 * thread, and the comparison is between the worker path and the one-job path.
 */
function run(cwd: string, ...args: string[]) {
  const env = { ...process.env, NEWS_ANNOTATOR_JOBS: 'workers' };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` (relative name -> bytes). */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** A folder of articles: the samples, the fixture article, their paragraphs, a binary file, a same-named pair. */
function makeNews(dir: string): void {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .sort();
  fs.mkdirSync(path.join(dir, 'news/parts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'news/other'), { recursive: true });
  for (const f of seeds) {
    const text = fs.readFileSync(path.join(root, 'seeds', f), 'utf8');
    fs.writeFileSync(path.join(dir, 'news', f), text);
    text
      .split(/\n\s*\n/)
      .filter(p => p.trim().length > 40)
      .forEach((p, i) => fs.writeFileSync(path.join(dir, 'news/parts', `${f}.${i}.md`), p));
  }
  const article = fs.readFileSync(path.join(root, 'test/fixtures/sidecar/article.txt'), 'utf8');
  fs.writeFileSync(path.join(dir, 'news/article.txt'), article);
  // the same file name in two folders: one sidecar each beside them, but the same sidecar under a flat --out-dir
  fs.writeFileSync(path.join(dir, 'news/other/article.txt'), `Update.\n\n${article}`);
  fs.writeFileSync(path.join(dir, 'news/broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x41]));
}

describe('annotate --jobs (built dist/cli.js)', function () {
  this.timeout(180_000);
  let dir: string;

  before(() => {
    for (const f of ['dist/cli.js', 'dist/worker.js'])
      assert.ok(fs.existsSync(path.join(root, f)), `${f} is missing: run \`node esbuild.mjs\` first (npm run test:unit does)`);
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-jobs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes byte-identical sidecars, summary and messages with 1 and 3 jobs', () => {
    for (const jobs of ['1', '3']) {
      fs.mkdirSync(path.join(dir, jobs));
      makeNews(path.join(dir, jobs));
    }
    const one = run(path.join(dir, '1'), 'annotate', '--jobs', '1', 'news');
    const three = run(path.join(dir, '3'), 'annotate', '--jobs', '3', 'news');
    assert.equal(one.code, 1, 'the binary file fails');
    assert.equal(three.code, one.code);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.stderr, one.stderr);
    assert.match(one.stderr, /news\/broken\.txt: binary file/);
    const a = snapshot(path.join(dir, '1'));
    const b = snapshot(path.join(dir, '3'));
    assert.deepEqual([...b.keys()], [...a.keys()]);
    assert.ok([...a.keys()].filter(k => k.endsWith('.annotations.json')).length >= 20);
    for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs between --jobs 1 and --jobs 3`);
  });

  it('gives the same --json and --out-dir results with 1 and 2 jobs, twins with one sidecar included', () => {
    makeNews(dir);
    const one = run(dir, 'annotate', '--jobs', '1', '--json', 'news');
    const two = run(dir, 'annotate', '--jobs', '2', '--json', 'news');
    assert.equal(two.stdout, one.stdout);
    assert.ok((JSON.parse(one.stdout) as unknown[]).length >= 20);
    // both article.txt files name out/article.txt.annotations.json: run one after the other, as with one job
    const flat = ['news/article.txt', 'news/other/article.txt'];
    const r1 = run(dir, 'annotate', '--jobs', '1', '--out-dir', 'out1', ...flat);
    const r2 = run(dir, 'annotate', '--jobs', '2', '--out-dir', 'out2', ...flat);
    assert.equal(r2.code, r1.code);
    assert.equal(r2.stderr, r1.stderr.replaceAll('out1', 'out2'));
    assert.deepEqual(snapshot(path.join(dir, 'out2')), snapshot(path.join(dir, 'out1')));
  });

  it('refuses a --jobs that is not a whole number >= 1', () => {
    makeNews(dir);
    for (const bad of ['0', '-1', '1.5', 'all']) {
      const r = run(dir, 'annotate', `--jobs=${bad}`, 'news');
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /is not a number of jobs/);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'news/article.txt.annotations.json')));
  });
});
