// Integration test of examples/dask/annotate_corpus.py: a Dask LocalCluster with 2 workers annotates 2,000+
// articles through `news-annotator stream`, and every article's result must equal what the CLI's `annotate` gives
// for the same file. Installs Debian's python3-distributed when Python cannot import it (as
// test/integration/setup-env.sh installs Chromium). Uses /usr/bin/python3: the python3 first on PATH may be another
// one, without Debian's packages. Prints one line per check and the closing line "N passed, N failed".
// usage: node test/dask/run.mjs   (after node esbuild.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');
const recipe = path.join(root, 'examples/dask/annotate_corpus.py');
const PYTHON = '/usr/bin/python3';
const ARTICLES = 2000;

function ensureDask() {
  const ok = () => spawnSync(PYTHON, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0;
  if (ok()) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log('[dask] installing python3-distributed with apt');
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'python3-distributed');
  if (!ok()) throw new Error(`${PYTHON} still cannot import distributed after installing python3-distributed`);
}

/** Distinct articles made from the sample articles and the fixture article: three paragraphs each, in varying order. */
function makeArticles() {
  const texts = [
    ...fs
      .readdirSync(path.join(root, 'seeds'))
      .filter(f => f.endsWith('.txt'))
      .sort()
      .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8')),
    fs.readFileSync(path.join(root, 'test/fixtures/sidecar/article.txt'), 'utf8'),
  ];
  const paragraphs = texts
    .flatMap(t => t.split(/\n\s*\n/))
    .map(p => p.trim())
    .filter(p => p.length > 40);
  const n = paragraphs.length;
  return Array.from({ length: ARTICLES }, (_, k) => {
    const picked = [k % n, (k * 7 + 3) % n, (k * 13 + 5) % n].map(i => paragraphs[i]);
    return `Dispatch ${k + 1}\n\n${picked.join('\n\n')}\n`;
  });
}

function python(args, cwd) {
  const r = spawnSync(PYTHON, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readResults(folder) {
  const parts = fs
    .readdirSync(folder)
    .filter(f => /^part-\d+\.jsonl$/.test(f))
    .sort();
  return parts.flatMap(f =>
    fs
      .readFileSync(path.join(folder, f), 'utf8')
      .split('\n')
      .filter(l => l !== '')
      .map(l => JSON.parse(l)),
  );
}

const results = [];
function check(name, fn) {
  const t0 = Date.now();
  try {
    fn();
    results.push(true);
    console.log(`  ✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push(false);
    console.log(`  ✗ ${name}\n    ${String(e?.stack ?? e).replace(/\n/g, '\n    ')}`);
  }
}
const assert = (cond, message) => {
  if (!cond) throw new Error(message);
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function main() {
  if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'dist/worker.js')))
    throw new Error('dist/cli.js or dist/worker.js is missing: run `node esbuild.mjs` first');
  ensureDask();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-dask-'));
  try {
    const articles = makeArticles();
    const names = articles.map((_, k) => `batch-${String(Math.floor(k / 500)).padStart(2, '0')}/${String(k).padStart(5, '0')}.txt`);
    articles.forEach((text, k) => {
      fs.mkdirSync(path.join(dir, 'corpus', path.dirname(names[k])), { recursive: true });
      fs.writeFileSync(path.join(dir, 'corpus', names[k]), text);
    });
    console.log(`Dask recipe on a LocalCluster with 2 workers, ${articles.length} articles (${articles.reduce((n, t) => n + t.length, 0)} characters)`);

    // what the CLI gives for each file: `annotate --json` (no sidecar written), keyed by the article's relative name
    const annotated = execFileSync(process.execPath, [cli, 'annotate', '--json', 'corpus'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const expected = new Map(JSON.parse(annotated).map(o => [o.path.replace(/^corpus\//, '').replace(/\.annotations\.json$/, ''), o.sidecar]));
    assert(expected.size === articles.length, `annotate --json gave ${expected.size} sidecars for ${articles.length} articles`);
    const compare = (out, idOf) => {
      assert(out.length === articles.length, `${out.length} result lines for ${articles.length} articles`);
      out.forEach((o, k) => {
        const id = idOf(k);
        assert(o.id === id, `line ${k + 1}: id ${JSON.stringify(o.id)}, expected ${JSON.stringify(id)} (input order lost)`);
        const s = expected.get(names[k]);
        assert(!o.error, `${id}: ${o.error}`);
        assert(same(o.annotations, s.annotations), `${id}: annotations differ from annotate's`);
        assert(same(o.entities, s.entities), `${id}: entities differ from annotate's`);
        assert(o.referenceDate === s.document.referenceDate, `${id}: referenceDate differs from annotate's`);
      });
    };
    const cliArg = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`;

    check("a folder of articles: every result equals `annotate`'s, in input order", () => {
      const r = python([recipe, 'corpus', 'out-folder', '--workers', '2', '--partition-size', '250', '--cli', cliArg], dir);
      assert(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      assert(readdirParts(path.join(dir, 'out-folder')) === 8, 'expected 8 partitions of 250 articles');
      compare(readResults(path.join(dir, 'out-folder')), k => names[k]);
    });

    check("JSONL shards: every result equals `annotate`'s, one partition per shard", () => {
      fs.mkdirSync(path.join(dir, 'shards'));
      for (let s = 0; s < 4; s++) {
        const lines = articles
          .map((text, k) => ({ id: `doc-${k}`, text }))
          .slice(s * 500, (s + 1) * 500)
          .map(r => JSON.stringify(r));
        fs.writeFileSync(path.join(dir, 'shards', `shard-${s}.jsonl`), `${lines.join('\n')}\n`);
      }
      const r = python([recipe, 'shards', 'out-shards', '--workers', '2', '--cli', cliArg], dir);
      assert(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      assert(readdirParts(path.join(dir, 'out-shards')) === 4, 'expected one output part per shard');
      compare(readResults(path.join(dir, 'out-shards')), k => `doc-${k}`);
    });

    check('a bad line in a shard gives its error line in place, the rest is annotated, exit code 1', () => {
      fs.mkdirSync(path.join(dir, 'bad'));
      const lines = [JSON.stringify({ id: 'x', text: articles[0] }), '{"id": "y"}', JSON.stringify({ id: 'z', text: articles[1] })];
      fs.writeFileSync(path.join(dir, 'bad/one.jsonl'), `${lines.join('\n')}\n`);
      const r = python([recipe, 'bad', 'out-bad', '--workers', '2', '--cli', cliArg], dir);
      assert(r.code === 1, `exit ${r.code}, expected 1: ${r.stderr}`);
      assert(/1 articles failed/.test(r.stderr), r.stderr);
      const out = readResults(path.join(dir, 'out-bad'));
      assert(
        same(
          out.map(o => o.id),
          ['x', 'y', 'z'],
        ),
        JSON.stringify(out.map(o => o.id)),
      );
      assert(/"text" is missing/.test(out[1].error), out[1].error);
      assert(same(out[2].annotations, expected.get(names[1]).annotations), "z differs from annotate's");
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readdirParts(folder) {
  return fs.readdirSync(folder).filter(f => /^part-\d+\.jsonl$/.test(f)).length;
}

try {
  main();
} catch (e) {
  results.push(false);
  console.log(`  ✗ setup: ${e?.stack ?? e}`);
}
const passed = results.filter(Boolean).length;
console.log(`\n${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
