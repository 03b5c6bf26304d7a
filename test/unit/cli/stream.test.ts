// `news-annotator stream` through the built CLI (dist/cli.js, dist/worker.js): input order, bad lines, exit codes,
// and results equal to what `annotate` writes for the same text. Bounded read-ahead is checked in process, where the
// reader and the writer can be held.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runStreamWith } from '../../../src/cli/streamCommand';
import { parseSidecar } from '../../../src/core/sidecar';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

/** Runs the CLI; with several jobs every line goes to a worker thread (NEWS_ANNOTATOR_JOBS=workers: these inputs are too small for the size policy to start one). */
function run(cwd: string, input: string, ...args: string[]) {
  const env = { ...process.env, NEWS_ANNOTATOR_JOBS: 'workers' };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, input, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(l => l !== '')
    .map(l => JSON.parse(l) as Record<string, unknown>);

/** Distinct texts: the sample articles, and each of their paragraphs on its own. */
function texts(): string[] {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const article = fs.readFileSync(path.join(root, 'test/fixtures/sidecar/article.txt'), 'utf8');
  const paragraphs = seeds.flatMap(s => s.split(/\n\s*\n/)).filter(p => p.trim().length > 40);
  return [...seeds, article, ...paragraphs];
}

describe('news-annotator stream (built dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    for (const f of ['dist/cli.js', 'dist/worker.js'])
      assert.ok(fs.existsSync(path.join(root, f)), `${f} is missing: run \`node esbuild.mjs\` first (npm run test:unit does)`);
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-stream-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one result per line in input order, the same with 1 and 3 jobs', () => {
    const all = texts();
    assert.ok(all.length >= 20);
    const input = all.map((text, i) => JSON.stringify({ id: `doc-${i}`, text })).join('\n') + '\n';
    const one = run(dir, input, 'stream', '--jobs', '1');
    const three = run(dir, input, 'stream', '--jobs', '3');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(three.code, 0, three.stderr);
    assert.equal(three.stdout, one.stdout);
    const out = lines(one.stdout);
    assert.deepEqual(
      out.map(o => o.id),
      all.map((_, i) => `doc-${i}`),
    );
    for (const o of out) assert.deepEqual(Object.keys(o), ['id', 'annotations', 'entities', 'referenceDate']);
    assert.ok(out.filter(o => (o.annotations as unknown[]).length > 0).length > all.length / 2);
  });

  it('gives the annotations, entities and reference date `annotate` writes for the same text', () => {
    const all = texts().slice(0, 8);
    fs.mkdirSync(path.join(dir, 'news'));
    all.forEach((text, i) => fs.writeFileSync(path.join(dir, 'news', `${i}.txt`), text));
    assert.equal(run(dir, '', 'annotate', '--jobs', '1', 'news').code, 0);
    fs.mkdirSync(path.join(dir, 'dated'));
    fs.writeFileSync(path.join(dir, 'dated/d.txt'), all[0]);
    assert.equal(run(dir, '', 'annotate', '--reference-date', '2015-11-24', 'dated').code, 0);

    const input = [...all.map((text, i) => ({ id: i, text })), { id: 'dated', text: all[0], referenceDate: '2015-11-24' }]
      .map(r => JSON.stringify(r))
      .join('\r\n'); // CRLF and no final newline are read too
    const r = run(dir, input, 'stream');
    assert.equal(r.code, 0, r.stderr);
    const out = lines(r.stdout);
    const sidecarOf = (file: string) => parseSidecar(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    [...all.map((_, i) => `news/${i}.txt`), 'dated/d.txt'].forEach((file, i) => {
      const s = sidecarOf(`${file}.annotations.json`);
      assert.deepEqual(out[i].annotations, s.annotations, file);
      assert.deepEqual(out[i].entities, s.entities, file);
      assert.equal(out[i].referenceDate, s.document.referenceDate, file);
    });
    assert.equal(out[all.length].referenceDate, '2015-11-24');
  });

  it('answers a bad line with {"id", "error"}, goes on, and exits 1 at the end', () => {
    const good = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.';
    const input =
      [
        JSON.stringify({ id: 'a', text: good }),
        '{not json',
        '[1, 2]',
        JSON.stringify({ text: good }),
        JSON.stringify({ id: 'no-text' }),
        '',
        JSON.stringify({ id: 'bad-date', text: good, referenceDate: '2015-02-30' }),
        JSON.stringify({ id: 'bad-lexicon', text: good, lexicon: { Berlin: 'city' } }),
        JSON.stringify({ id: 'long', text: 'Paris. '.repeat(400) }),
        JSON.stringify({ id: 'lexicon', text: 'Troops left Hemeimeem on Monday.', lexicon: { Hemeimeem: 'place' } }),
      ].join('\n') + '\n';
    const r = run(dir, input, 'stream', '--jobs', '2', '--max-size', '2K');
    assert.equal(r.code, 1);
    const out = lines(r.stdout);
    assert.equal(out.length, 9, 'the blank line is skipped, every other line answered');
    assert.deepEqual(
      out.map(o => o.id),
      ['a', null, null, null, 'no-text', 'bad-date', 'bad-lexicon', null, 'lexicon'],
    );
    assert.ok(Array.isArray(out[0].annotations));
    assert.match(out[1].error as string, /^line 2: not JSON/);
    assert.match(out[2].error as string, /^line 3: not a JSON object/);
    assert.match(out[3].error as string, /^line 4: "id" is missing/);
    assert.match(out[4].error as string, /^line 5: "text" is missing/);
    assert.match(out[5].error as string, /^line 7: "referenceDate" "2015-02-30" is not a date/);
    assert.match(out[6].error as string, /^line 8: "lexicon" gives "Berlin" the type "city"/);
    assert.match(out[7].error as string, /^line 9: longer than --max-size \(\d+ bytes; the limit is 2048\)/);
    const placed = (out[8].annotations as { text: string; type: string }[]).find(a => a.text === 'Hemeimeem');
    assert.equal(placed?.type, 'place');
    assert.match(r.stderr, /7 of 9 lines failed/);
  });

  it('exits 0 on an empty stream and 2 on bad usage', () => {
    const empty = run(dir, '', 'stream');
    assert.deepEqual([empty.code, empty.stdout], [0, '']);
    for (const args of [
      ['stream', 'file.jsonl'],
      ['stream', '--jobs', '0'],
      ['stream', '--jobs', 'two'],
      ['stream', '--max-size', 'big'],
    ]) {
      const r = run(dir, '', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Run "news-annotator stream --help"/);
    }
    const help = run(dir, '', 'stream', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--jobs N/);
  });

  it('reads no further ahead of its output than a bounded window (in process, stdout held)', async () => {
    const total = 200;
    let pulled = 0;
    let written = 0;
    let widest = 0;
    async function* input() {
      for (let i = 0; i < total; i++) {
        pulled++;
        yield `${JSON.stringify({ id: i, text: `Angela Merkel met Emmanuel Macron in Berlin on day ${i}.` })}\n`;
      }
    }
    // a reader that takes one line per write and tells the writer to wait (highWaterMark 1) every time
    const output = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        written++;
        widest = Math.max(widest, pulled - written);
        setImmediate(callback);
      },
    });
    const code = await runStreamWith(['--jobs', '1'], { stdout: () => undefined, stderr: () => undefined, cwd: dir, stderrIsTTY: false }, input(), output);
    assert.equal(code, 0);
    assert.equal(written, total);
    // the window is 8 lines per job; one more may sit in the reader
    assert.ok(widest <= 9, `read ${widest} lines ahead of the output`);
    assert.ok(widest >= 2, 'lines are read ahead while one is written');
  });
});
