// `news-annotator timeline` through the built CLI (dist/cli.js) on copies of the seeds.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, dateSpan } from '../../../src/core';
import { addAnnotation, parseSidecar, serializeSidecar, setReferenceDate } from '../../../src/core/sidecar';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const seeds = path.join(root, 'seeds');
const SEEDS = fs
  .readdirSync(seeds)
  .filter(f => f.endsWith('.txt'))
  .sort();

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonEvent {
  article: string;
  value: string;
  human: string;
  precision: string;
  from: string;
  to: string;
  line: number;
  text: string;
  sentence: string;
  entities: { type: string; name: string }[];
}
interface JsonReport {
  events: JsonEvent[];
  unplaced: { article: string; text: string; value: string | null; reason: string }[];
}

/** What the CLI should list for one seed: the dates of a fresh analysis, placed or not. */
function expected(file: string, referenceDate?: string) {
  const r = analyze(fs.readFileSync(path.join(seeds, file), 'utf8'), referenceDate ? { referenceDate } : {});
  const dates = r.annotations.filter(a => a.type === 'date');
  const placed = dates.filter(a => a.value && dateSpan(a.value, r.referenceDate?.value));
  return { placed: placed.length, unplaced: dates.length - placed.length };
}

describe('CLI timeline (built dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-timeline-'));
    // the articles only: `npm start` leaves sidecars beside the seeds, and this test is about what timeline writes
    fs.mkdirSync(path.join(dir, 'seeds'));
    for (const f of SEEDS) fs.copyFileSync(path.join(seeds, f), path.join(dir, 'seeds', f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists every seed's dates, placed ones in date order, and writes nothing", () => {
    const r = run(dir, 'timeline', '--format', 'json', 'seeds');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    for (const seed of SEEDS) {
      const want = expected(seed);
      const shown = path.join('seeds', seed);
      assert.equal(report.events.filter(e => e.article === shown).length, want.placed, `${seed}: placed`);
      assert.equal(report.unplaced.filter(u => u.article === shown).length, want.unplaced, `${seed}: unplaced`);
    }
    assert.ok(report.events.length >= 10, `the seeds have dates: ${report.events.length}`);
    for (let i = 1; i < report.events.length; i++) {
      assert.ok(report.events[i - 1].from <= report.events[i].from, `date order at ${i}: ${report.events[i - 1].from} then ${report.events[i].from}`);
    }
    const victory = report.events.find(e => e.value === '2016-05-09')!;
    assert.deepEqual([victory.human, victory.precision, victory.from, victory.to], ['Mon 9 May 2016', 'day', '2016-05-09', '2016-05-10']);
    assert.ok(victory.entities.some(e => e.type === 'place' && e.name === 'Moscow'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'seeds')).sort(), SEEDS, 'no sidecar written');
  });

  it('--reference-date resolves relative dates; the readable text names the date, the article and the line', () => {
    const seed = SEEDS[0];
    const without = JSON.parse(run(dir, 'timeline', '--format', 'json', `seeds/${seed}`).stdout) as JsonReport;
    const r = run(dir, 'timeline', '--format', 'json', '--reference-date', '2015-11-26', `seeds/${seed}`);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    const want = expected(seed, '2015-11-26');
    assert.equal(report.events.length, want.placed);
    assert.ok(report.events.length > without.events.length, 'relative dates are placed once there is a reference date');
    assert.ok(report.events.some(e => e.text === 'Tuesday' && e.human === 'Tue 24 Nov 2015'));

    const text = run(dir, 'timeline', '--reference-date', '2015-11-26', `seeds/${seed}`);
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`^Tue 24 Nov 2015 {2}\\(2015-11-24, day\\) {2}seeds/${seed}:4 {2}"Tuesday"\\n {4}It comes after Turkey downed`, 'm'));
    assert.match(text.stdout, /^ {4}Places: Turkey, Syria$/m);
  });

  it('CSV: a header and one row per placed date, in date order', () => {
    const r = run(dir, 'timeline', '--format', 'csv', 'seeds');
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.split('\r\n').filter(Boolean);
    assert.equal(rows[0], 'value,human,precision,from,to,article,line,text,sentence,people,places,organizations');
    const json = JSON.parse(run(dir, 'timeline', '--format', 'json', 'seeds').stdout) as JsonReport;
    assert.equal(rows.length - 1, json.events.length);
    assert.ok(rows[1].startsWith(`${json.events[0].value},${json.events[0].human},`));
  });

  it("honours the sidecar: the user's reference date and manual dates", () => {
    const seed = SEEDS[0];
    const file = path.join(dir, 'seeds', seed);
    assert.equal(run(dir, 'annotate', `seeds/${seed}`).code, 0);
    const text = fs.readFileSync(file, 'utf8');
    const sidecarFile = `${file}.annotations.json`;
    let sidecar = parseSidecar(fs.readFileSync(sidecarFile, 'utf8'), sidecarFile);
    sidecar = setReferenceDate(sidecar, '2015-11-26');
    const at = text.indexOf('Russian Su-24 bomber');
    sidecar = addAnnotation(sidecar, text, { start: at, end: at + 'Russian Su-24 bomber'.length }, 'date', { value: '2015-Q4' });
    fs.writeFileSync(sidecarFile, serializeSidecar(sidecar));
    const before = fs.readFileSync(sidecarFile, 'utf8');
    const report = JSON.parse(run(dir, 'timeline', '--format', 'json', `seeds/${seed}`).stdout) as JsonReport;
    assert.ok(
      report.events.some(e => e.text === 'Tuesday' && e.value === '2015-11-24'),
      'resolved against the stored reference date',
    );
    assert.ok(
      report.events.some(e => e.text === 'Russian Su-24 bomber' && e.human === 'Q4 2015'),
      'the manual date is listed',
    );
    assert.equal(fs.readFileSync(sidecarFile, 'utf8'), before, 'the sidecar is not rewritten');
  });

  it('prints article text without its control characters', () => {
    fs.writeFileSync(path.join(dir, 'evil.txt'), 'Putin spoke in Moscow on 24 November 2015 \x1b]0;pwned\x07\x1b[2J today.\n');
    const r = run(dir, 'timeline', 'evil.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Tue 24 Nov 2015 /m);
    // eslint-disable-next-line no-control-regex -- looking for exactly those
    assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('exit codes: 1 when an article cannot be read (the others still listed), 2 for bad usage', () => {
    const missing = run(dir, 'timeline', '--format', 'json', 'seeds', 'nope.txt');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^news-annotator: nope\.txt: no such file or folder$/m);
    assert.ok((JSON.parse(missing.stdout) as JsonReport).events.length > 0);
    for (const args of [['--format', 'xml', 'seeds'], ['--reference-date', '26/11/2015', 'seeds'], ['--locale', '!!', 'seeds'], [], ['--bogus', 'seeds']]) {
      const r = run(dir, 'timeline', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^news-annotator: .+\nRun "news-annotator timeline --help" for usage\.\n$/, args.join(' '));
      assert.equal(r.stdout, '');
    }
    const help = run(dir, 'timeline', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-annotator timeline \[options\] PATH\.\.\./);
    assert.match(run(dir, '--help').stdout, /^ {2}timeline {2}list the articles' dates in date order/m);
  });
});
