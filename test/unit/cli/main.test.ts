// Runs the built CLI (dist/cli.js) as a child process on temporary folders.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addAnnotation, parseSidecar, serializeSidecar, type Sidecar } from '../../../src/core/sidecar';
import { assertCliBuilt } from '../../support/builtCli';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const article = fs.readFileSync(path.join(__dirname, '../../fixtures/sidecar/article.txt'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readSidecar = (file: string): Sidecar => parseSidecar(fs.readFileSync(file, 'utf8'), file);

describe('CLI (built dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;

  before(assertCliBuilt);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-cli-'));
    fs.mkdirSync(path.join(dir, 'news/sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'news/.hidden'));
    fs.writeFileSync(path.join(dir, 'news/a.txt'), article);
    fs.writeFileSync(path.join(dir, 'news/sub/b.md'), '# Talks\n\nAngela Merkel met Emmanuel Macron in Berlin on Monday.\n');
    fs.writeFileSync(path.join(dir, 'news/.hidden/c.txt'), 'Boris Johnson visited Paris.\n');
    fs.writeFileSync(path.join(dir, 'news/notes.json'), '{}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const news = (p: string) => path.join(dir, 'news', p);

  it('annotates a folder: sidecars beside .txt/.md articles, hidden folders skipped, a summary table, progress on stderr', () => {
    const r = run(dir, 'annotate', 'news');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(news('a.txt.annotations.json')));
    assert.ok(fs.existsSync(news('sub/b.md.annotations.json')));
    assert.ok(!fs.existsSync(news('.hidden/c.txt.annotations.json')));
    assert.ok(!fs.existsSync(news('notes.json.annotations.json')));
    const s = readSidecar(news('a.txt.annotations.json'));
    assert.equal(s.document.file, 'a.txt');
    assert.ok(s.annotations.some(a => a.text === 'Vladimir Putin' && a.type === 'person'));
    assert.match(r.stdout, /^Article +Person +Place +Org +Date +Orphans +Status +Top entities$/m);
    assert.match(r.stdout, /^news\/a\.txt +\d+ +\d+ +\d+ +\d+ +0 +written +.*Vladimir Putin \(\d+\)/m);
    assert.match(r.stdout, /^Total \(2 articles\)/m);
    assert.match(r.stderr, /\[1\/2\] news\/a\.txt/);
    assert.match(r.stderr, /\[2\/2\] news\/sub\/b\.md/);
    // a second run changes nothing and does not annotate the sidecars themselves
    const before = fs.readFileSync(news('a.txt.annotations.json'), 'utf8');
    const r2 = run(dir, 'annotate', 'news');
    assert.equal(r2.code, 0);
    assert.match(r2.stdout, /news\/a\.txt .* unchanged/);
    assert.equal(fs.readFileSync(news('a.txt.annotations.json'), 'utf8'), before);
    assert.deepEqual(fs.readdirSync(news('')).sort(), ['.hidden', 'a.txt', 'a.txt.annotations.json', 'notes.json', 'sub']);
  });

  it('--out-dir writes the sidecars under the folder with the same relative names', () => {
    const r = run(dir, 'annotate', '--out-dir', 'out', 'news');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'out/a.txt.annotations.json')));
    assert.ok(fs.existsSync(path.join(dir, 'out/sub/b.md.annotations.json')));
    assert.ok(!fs.existsSync(news('a.txt.annotations.json')));
  });

  it('--json prints the sidecars and writes nothing', () => {
    const r = run(dir, 'annotate', '--json', 'news/a.txt', 'news/sub');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { path: string; sidecar: Sidecar }[];
    assert.deepEqual(
      out.map(o => o.path),
      ['news/a.txt.annotations.json', 'news/sub/b.md.annotations.json'],
    );
    assert.ok(out[0].sidecar.annotations.length > 0);
    assert.ok(!fs.existsSync(news('a.txt.annotations.json')));
    assert.ok(!fs.existsSync(news('sub/b.md.annotations.json')));
  });

  it('a .md article is read without its Markdown markup; the same text in a .txt file is read as text', () => {
    const text =
      '---\ndate: 2015-11-24\n---\n[Angela Merkel](https://en.wikipedia.org/wiki/Angela_Merkel) met reporters. Merkel said <https://example.org/Moscow> was wrong.\n';
    fs.writeFileSync(news('m.md'), text);
    fs.writeFileSync(news('m.txt'), text);
    const r = run(dir, 'annotate', '--json', 'news/m.md', 'news/m.txt');
    assert.equal(r.code, 0, r.stderr);
    const [md, txt] = (JSON.parse(r.stdout) as { sidecar: Sidecar }[]).map(o => o.sidecar);
    const names = (s: Sidecar) => s.annotations.filter(a => a.type !== 'date').map(a => a.text);
    assert.deepEqual(names(md), ['Angela Merkel', 'Merkel']);
    assert.equal(md.document.referenceDate, '2015-11-24');
    assert.ok(names(txt).includes('Angela_Merkel'), 'a .txt article is plain text');
  });

  it("--reference-date is validated and recorded as the user's", () => {
    for (const bad of ['2015-13-01', '25.11.2015', '2015-02-30']) {
      const r = run(dir, 'annotate', '--reference-date', bad, 'news');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not a date written YYYY-MM-DD/);
    }
    assert.ok(!fs.existsSync(news('a.txt.annotations.json')));
    const r = run(dir, 'annotate', '--reference-date=2015-11-24', 'news/sub/b.md');
    assert.equal(r.code, 0, r.stderr);
    const s = readSidecar(news('sub/b.md.annotations.json'));
    assert.deepEqual([s.document.referenceDate, s.document.referenceDateSource], ['2015-11-24', 'user']);
  });

  it('--reference-date accepts years 0001-0099 and resolves against them as written', () => {
    const r = run(dir, 'annotate', '--reference-date', '0050-03-01', 'news/sub/b.md');
    assert.equal(r.code, 0, r.stderr);
    const s = readSidecar(news('sub/b.md.annotations.json'));
    assert.equal(s.document.referenceDate, '0050-03-01');
    // "met ... on Monday", written on Tuesday 0050-03-01: the day before, not a day in 1950
    assert.equal(s.annotations.find(a => a.text === 'Monday')?.value, '0050-02-28');
  });

  it('keeps a manual annotation in an existing sidecar when re-annotating an edited article', () => {
    assert.equal(run(dir, 'annotate', 'news/a.txt').code, 0);
    const file = news('a.txt.annotations.json');
    const start = article.indexOf('air defence systems');
    const edited = addAnnotation(readSidecar(file), article, { start, end: start + 19 }, 'organization', { newEntityName: 'Air defence', note: 'checked' });
    fs.writeFileSync(file, serializeSidecar(edited));
    const changed = `Update: corrected the minister's title.\n\n${article}`.replace(/\n/g, '\r\n');
    fs.writeFileSync(news('a.txt'), changed);
    const r = run(dir, 'annotate', 'news/a.txt');
    assert.equal(r.code, 0, r.stderr);
    const s = readSidecar(file);
    const manual = s.annotations.filter(a => a.source === 'manual');
    assert.equal(manual.length, 1);
    assert.deepEqual([manual[0].text, manual[0].note, manual[0].start], ['air defence systems', 'checked', changed.indexOf('air defence systems')]);
    assert.equal(s.entities.find(e => e.id === manual[0].entity)?.name, 'Air defence');
  });

  it('reports a binary, a non-UTF-8 and a too-large file and still annotates the rest (exit 1)', () => {
    fs.writeFileSync(news('bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    fs.writeFileSync(news('latin1.txt'), Buffer.from('Caf\xe9 in M\xfcnchen', 'latin1'));
    fs.writeFileSync(news('sub/big.md'), 'Paris. '.repeat(400));
    const r = run(dir, 'annotate', '--max-size', '2K', 'news');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /news\/bin\.txt: binary file/);
    assert.match(r.stderr, /news\/latin1\.txt: not UTF-8 text/);
    assert.match(r.stderr, /news\/sub\/big\.md: too large \(2\.7 KB; the limit is 2\.0 KB/);
    assert.match(r.stderr, /3 of 5 failed/);
    assert.ok(fs.existsSync(news('a.txt.annotations.json')));
    assert.ok(fs.existsSync(news('sub/b.md.annotations.json')));
    assert.ok(!fs.existsSync(news('bin.txt.annotations.json')));
    assert.match(r.stdout, /news\/bin\.txt +- +- +- +- +- +error/);
  });

  it('a corrupt sidecar is kept, backed up and reported; the other articles succeed (exit 1)', () => {
    fs.writeFileSync(news('a.txt.annotations.json'), '{ "version": 1, oops');
    const r = run(dir, 'annotate', 'news');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /news\/a\.txt\.annotations\.json: not valid JSON/);
    assert.match(r.stderr, /a copy is in .*a\.txt\.annotations\.json\.bak/);
    assert.equal(fs.readFileSync(news('a.txt.annotations.json'), 'utf8'), '{ "version": 1, oops');
    assert.equal(fs.readFileSync(news('a.txt.annotations.json.bak'), 'utf8'), '{ "version": 1, oops');
    assert.ok(fs.existsSync(news('sub/b.md.annotations.json')));
    // --json writes nothing, not even a backup
    fs.rmSync(news('a.txt.annotations.json.bak'));
    const json = run(dir, 'annotate', '--json', 'news/a.txt');
    assert.equal(json.code, 1);
    assert.equal(JSON.parse(json.stdout).length, 1, 'the fresh analysis is still printed');
    assert.ok(!fs.existsSync(news('a.txt.annotations.json.bak')));
  });

  it('a missing PATH is reported and the others are processed (exit 1)', () => {
    const r = run(dir, 'annotate', 'news/nope.txt', 'news/a.txt');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /news\/nope\.txt: no such file or folder/);
    assert.ok(fs.existsSync(news('a.txt.annotations.json')));
  });

  it('bad usage exits 2 with a hint; --help and --version exit 0', () => {
    for (const args of [
      [],
      ['annotate'],
      ['annotate', '--bogus', 'news'],
      ['frobnicate', 'news'],
      ['annotate', '--out-dir'],
      ['annotate', '--max-size', 'lots', 'news'],
    ]) {
      const r = run(dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.match(run(dir, 'annotate', '--bogus', 'news').stderr, /unknown option --bogus\nRun "news-annotator annotate --help"/);
    const help = run(dir, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: news-annotator <command>/);
    assert.match(help.stdout, /annotate +annotate articles/);
    const sub = run(dir, 'annotate', '--help');
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--out-dir DIR/);
    const version = run(dir, '--version');
    assert.deepEqual([version.code, version.stdout], [0, `${pkg.version}\n`]);
    assert.equal(fs.readdirSync(news('')).filter(f => f.endsWith('.annotations.json')).length, 0);
  });
  it('export: annotate, then export CSV and brat through the built CLI', () => {
    assert.equal(run(dir, 'annotate', 'news/a.txt').code, 0);
    const csv = run(dir, 'export', '--format', 'csv', 'news/a.txt');
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^file,type,text,start,end,line,column,entity,value,human,source,note\r\n/);
    assert.match(csv.stdout, /\r\na\.txt,person,Vladimir Putin,\d+,\d+,\d+,\d+,Vladimir Putin,,,auto,/);
    const out = path.join(dir, 'brat');
    const brat = run(dir, 'export', '--format', 'brat', '--out', `${out}/`, 'news/a.txt');
    assert.equal(brat.code, 0, brat.stderr);
    assert.match(fs.readFileSync(path.join(out, 'a.ann'), 'utf8'), /^T\d+\tPerson \d+ \d+\tVladimir Putin$/m);
    assert.equal(fs.readFileSync(path.join(out, 'a.txt'), 'utf8'), article);
    // an article that was never annotated is reported with what to do
    const missing = run(dir, 'export', '--format', 'csv', 'news/sub/b.md');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /annotate/);
    assert.equal(run(dir, 'export', '--format', 'nope', 'news/a.txt').code, 2);
  });
});
