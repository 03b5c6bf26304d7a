// `news-annotator corpus` and `news-annotator check` through the built CLI (dist/cli.js), on a copy of
// test/fixtures/corpus (the five seeds, two short articles naming the same people, a decisions file).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertCliBuilt, builtCli, root } from '../../support/builtCli';

const fixture = path.join(root, 'test/fixtures/corpus');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [builtCli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  externalId?: string;
  mentions: number;
  articles: { path: string; mentions: number }[];
  firstMention: { path: string; start: number; end: number; text: string };
  appearsWith: { id: string; articles: number; sentences: number }[];
}
interface JsonReport {
  articles: number;
  fromSidecars: number;
  analyzed: number;
  entities: JsonEntity[];
  pairs: { entity: string; with: string; articles: number; sentences: number }[];
  problems: { path: string; line: number; column: number; start: number; end: number; code: string; message: string }[];
  unindexed: { path: string; reason: string }[];
}

/** Every file under `dir`, relative, sorted. */
const listing = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('CLI corpus and check (built dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;
  let corpus: string;

  before(assertCliBuilt);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-corpus-'));
    corpus = path.join(dir, 'corpus');
    fs.cpSync(fixture, corpus, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('corpus --json: entities across articles, with the decisions file applied, and writes nothing', () => {
    const before = listing(corpus);
    const r = run(dir, 'corpus', '--json', 'corpus');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual([report.articles, report.fromSidecars, report.analyzed], [7, 0, 7]);
    const putin = report.entities.find(e => e.id === 'person:vladimir putin')!;
    assert.ok(putin, report.entities.map(e => e.id).join(', '));
    // "Putin" alone in the briefing joins the seeds' "Vladimir Putin"
    assert.ok(
      putin.articles.some(a => a.path === 'kremlin-briefing.txt' && a.mentions === 3),
      JSON.stringify(putin.articles),
    );
    assert.ok(putin.aliases.includes('Putin') && putin.aliases.includes('Vladimir Putin'));
    assert.equal(putin.externalId, 'https://www.wikidata.org/wiki/Q7747', 'from .news-annotator/entities.json');
    assert.equal(
      putin.mentions,
      putin.articles.reduce((n, a) => n + a.mentions, 0),
    );
    const text = fs.readFileSync(path.join(corpus, putin.firstMention.path), 'utf8');
    assert.equal(text.slice(putin.firstMention.start, putin.firstMention.end), putin.firstMention.text);
    // the decisions file merges ISIS into Islamic State
    assert.equal(
      report.entities.find(e => e.id === 'organization:isis'),
      undefined,
    );
    assert.ok(report.entities.find(e => e.id === 'organization:islamic state')!.aliases.includes('ISIS'));
    // Erdogan is in several articles
    assert.ok(report.entities.find(e => e.id === 'person:recep tayyip erdogan')!.articles.length >= 3);
    assert.ok(putin.appearsWith.length > 0);
    assert.deepEqual(listing(corpus), before, 'nothing written');
  });

  it('corpus uses up-to-date sidecars and says how many articles it analyzed', () => {
    const annotate = run(dir, 'annotate', 'corpus');
    assert.equal(annotate.code, 0, annotate.stderr);
    const fresh = JSON.parse(run(dir, 'corpus', '--format', 'json', 'corpus').stdout) as JsonReport;
    assert.deepEqual([fresh.fromSidecars, fresh.analyzed], [7, 0]);
    const inMemory = JSON.parse(run(fixture, 'corpus', '--json', '.').stdout) as JsonReport;
    assert.deepEqual(fresh.entities, inMemory.entities, 'the same entities from sidecars as from analysis');

    fs.appendFileSync(path.join(corpus, 'kremlin-briefing.txt'), '\nErdogan replied from Ankara.\n');
    const r = run(dir, 'corpus', 'corpus');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^7 articles \(6 from up-to-date sidecars, 1 analyzed in memory\), \d+ entities\n/);
    assert.match(r.stdout, /\nperson {8}Vladimir Putin +\d+ +\d+ {2}Putin\n/);
    const csv = run(dir, 'corpus', '--format', 'csv', 'corpus');
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('record,id,type,name,article,mentions,with,articles,sentences,line,column,code,message\r\n'));
    assert.ok(csv.stdout.includes('entity,person:vladimir putin,person,Vladimir Putin,kremlin-briefing.txt,3,,,,,,,\r\n'), csv.stdout);
  });

  it('lists the articles it could not read, with the reason, and exits 1', () => {
    fs.writeFileSync(path.join(corpus, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const r = run(dir, 'corpus', 'corpus');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /\nCould not read \(1\):\n {2}latin1\.txt: .*UTF-8/);
    const json = run(dir, 'corpus', '--json', 'corpus');
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.stdout) as JsonReport).unindexed[0].path, 'latin1.txt');
    assert.match(json.stderr, /latin1\.txt: .*UTF-8/);
  });

  it('refuses an unusable decisions file, naming it and the problem (exit 1)', () => {
    const file = path.join(corpus, '.news-annotator/entities.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ version: 1, entities: [{ kind: 'externalId', entity: { type: 'person', name: 'Putin' }, externalId: 'Q7747' }], corrections: [] }),
    );
    for (const command of ['corpus', 'check']) {
      const r = run(dir, command, 'corpus');
      assert.equal(r.code, 1, command);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /entities\.json: entities\[0\]\.externalId: must be an absolute URI/);
    }
  });

  it('usage errors exit 2', () => {
    for (const args of [
      ['corpus'],
      ['corpus', '--format', 'xml', 'corpus'],
      ['corpus', '--json', '--format', 'csv', 'corpus'],
      ['check'],
      ['check', '--json', 'corpus'],
    ]) {
      const r = run(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^news-annotator: /);
    }
    assert.equal(run(dir, 'check', '--help').code, 0);
    assert.match(run(dir, '--help').stdout, /\n {2}corpus +list the entities/);
  });

  it('check: exit 0 and no output on a consistent folder', () => {
    fs.rmSync(path.join(corpus, 'damascus-profile.txt'));
    const r = run(dir, 'check', 'corpus');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no consistency problems in 6 articles/);
  });

  it('check: the problems as path:line:column: message [code], exit 1', () => {
    // "Assad" names Hafez al-Assad in the profile and Bashar al-Assad in the seeds
    const r = run(dir, 'check', 'corpus');
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 2, r.stdout);
    for (const line of lines) {
      const m = /^(corpus\/[^:]+):(\d+):(\d+): (.+) \[(shared-alias)\]$/.exec(line);
      assert.ok(m, line);
      const text = fs.readFileSync(path.join(dir, m[1]), 'utf8').split('\n');
      assert.equal(text[Number(m[2]) - 1].slice(Number(m[3]) - 1, Number(m[3]) - 1 + 5), 'Assad', line);
    }
    assert.ok(lines.some(l => l.startsWith('corpus/damascus-profile.txt:')));
  });

  it('check: a planted type inconsistency in a sidecar is reported at its place', () => {
    fs.rmSync(path.join(corpus, 'damascus-profile.txt'));
    assert.equal(run(dir, 'annotate', 'corpus').code, 0);
    // the analysis made "Moscow" an organization in one article (written into its sidecar by hand here)
    const sidecarFile = path.join(corpus, '000_a57557e610cf5658.txt.annotations.json');
    const sidecar = JSON.parse(fs.readFileSync(sidecarFile, 'utf8'));
    const moscow = sidecar.annotations.filter((a: { text: string }) => a.text === 'Moscow');
    assert.ok(moscow.length >= 2);
    for (const a of moscow) a.type = 'organization';
    const entity = sidecar.entities.find((e: { id: string }) => e.id === moscow[0].entity);
    entity.type = 'organization';
    fs.writeFileSync(sidecarFile, JSON.stringify(sidecar, null, 2));
    const r = run(dir, 'check', 'corpus');
    assert.equal(r.code, 1, r.stderr);
    const text = fs.readFileSync(path.join(corpus, '000_a57557e610cf5658.txt'), 'utf8');
    const line = text.slice(0, moscow[0].start).split('\n').length;
    const column = moscow[0].start - text.lastIndexOf('\n', moscow[0].start - 1);
    assert.equal(r.stdout, `corpus/000_a57557e610cf5658.txt:${line}:${column}: "Moscow" is an organization here but a place in 5 articles [type-in-corpus]\n`);
  });

  it('corpus: the text, JSON and CSV outputs hold the co-occurrence pairs and the consistency problems', () => {
    const json = JSON.parse(run(dir, 'corpus', '--json', 'corpus').stdout) as JsonReport;
    const nameOf = new Map(json.entities.map(e => [e.id, e.name]));
    const pair = json.pairs.find(p => p.entity === 'person:recep tayyip erdogan' && p.with === 'person:vladimir putin')!;
    assert.ok(pair, 'Erdogan and Putin appear together');
    const putin = json.entities.find(e => e.id === 'person:vladimir putin')!;
    const seen = putin.appearsWith.find(c => c.id === 'person:recep tayyip erdogan');
    if (seen) assert.deepEqual([seen.articles, seen.sentences], [pair.articles, pair.sentences], 'the same counts as appearsWith');
    // strongest first
    for (let i = 1; i < json.pairs.length; i++) assert.ok(json.pairs[i - 1].articles >= json.pairs[i].articles);
    // "Assad" names two people: the shared-alias problem, as check reports it
    assert.ok(json.problems.length >= 2);
    const checked = run(dir, 'check', 'corpus').stdout.trimEnd().split('\n');
    assert.deepEqual(
      json.problems.map(p => `corpus/${p.path}:${p.line}:${p.column}: ${p.message} [${p.code}]`),
      checked,
    );
    for (const p of json.problems) assert.equal(fs.readFileSync(path.join(corpus, p.path), 'utf8').slice(p.start, p.end), 'Assad');

    const text = run(dir, 'corpus', 'corpus');
    assert.equal(text.code, 0, 'problems do not fail corpus (check does)');
    assert.ok(text.stdout.includes(`\nAppear together (${json.pairs.length} pairs; shared articles, shared sentences):\nARTICLES  SENTENCES  ENTITIES\n`));
    const line = `${String(pair.articles).padStart(8)}  ${String(pair.sentences).padStart(9)}  ${nameOf.get(pair.entity)} + ${nameOf.get(pair.with)}\n`;
    assert.ok(text.stdout.includes(line), line);
    assert.ok(text.stdout.endsWith(`\nConsistency problems (${checked.length}):\n${checked.join('\n')}\n`), text.stdout.slice(-600));

    const csv = run(dir, 'corpus', '--format', 'csv', 'corpus').stdout.split('\r\n');
    assert.equal(csv.filter(r => r.startsWith('pair,')).length, json.pairs.length);
    assert.ok(csv.includes(`pair,person:recep tayyip erdogan,person,Recep Tayyip Erdogan,,,person:vladimir putin,${pair.articles},${pair.sentences},,,,`));
    const problems = csv.filter(r => r.startsWith('problem,'));
    assert.equal(problems.length, json.problems.length);
    const p0 = json.problems[0];
    assert.equal(problems[0], `problem,,,,${p0.path},,,,,${p0.line},${p0.column},${p0.code},"${p0.message.replace(/"/g, '""')}"`);

    fs.rmSync(path.join(corpus, 'damascus-profile.txt'));
    assert.match(run(dir, 'corpus', 'corpus').stdout, /\nNo consistency problems\.\n$/);
  });

  it('corpus and check take several PATHs, folders or files; the decisions file is that of their nearest common folder', () => {
    // two sub-folders of one story: the decisions file stays at the top
    for (const [file, year] of [
      ['kremlin-briefing.txt', '2016'],
      ['damascus-profile.txt', '2016'],
      ['000_a57557e610cf5658.txt', '2015'],
      ['001_aa74a8b8cfacc576.txt', '2015'],
    ]) {
      fs.mkdirSync(path.join(corpus, year), { recursive: true });
      fs.renameSync(path.join(corpus, file), path.join(corpus, year, file));
    }
    const r = run(dir, 'corpus', '--json', 'corpus/2015', 'corpus/2016');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.articles, 4);
    const putin = report.entities.find(e => e.id === 'person:vladimir putin')!;
    assert.equal(putin.externalId, 'https://www.wikidata.org/wiki/Q7747', 'corpus/.news-annotator/entities.json applied');
    assert.ok(
      putin.articles.some(a => a.path === '2016/kremlin-briefing.txt'),
      'paths under the common folder',
    );

    // files named one by one (a shell glob), with a folder: the file's folder counts; each article once
    const files = run(
      dir,
      'check',
      'corpus/2016/damascus-profile.txt',
      'corpus/2015/000_a57557e610cf5658.txt',
      'corpus/2016',
      'corpus/004_143ff3a28b64ebed.txt',
    );
    assert.equal(files.code, 1, files.stderr);
    assert.match(files.stderr, /consistency problems? in 4 articles/);
    const lines = files.stdout.trimEnd().split('\n');
    assert.ok(
      lines.some(l => l.startsWith('corpus/2016/damascus-profile.txt:1:5: ')),
      files.stdout,
    );
    assert.ok(
      lines.some(l => l.startsWith('corpus/004_143ff3a28b64ebed.txt:')),
      files.stdout,
    );

    // a single file: its folder's decisions file; a missing PATH is listed and fails the run, the others are read
    const one = JSON.parse(run(dir, 'corpus', '--json', 'corpus/2016/kremlin-briefing.txt').stdout) as JsonReport;
    const alone = one.entities.find(e => e.aliases.includes('Putin'))!;
    assert.deepEqual([alone.articles.length, alone.externalId], [1, undefined], 'corpus/2016 has no decisions file');
    const missing = run(dir, 'corpus', '--json', 'corpus/2016', 'corpus/nowhere');
    assert.equal(missing.code, 1);
    const partial = JSON.parse(missing.stdout) as JsonReport;
    assert.equal(partial.articles, 2);
    assert.deepEqual(partial.unindexed, [{ path: 'corpus/nowhere', reason: 'no such file or folder' }]);
    assert.equal(partial.entities.find(e => e.aliases.includes('Putin'))!.externalId, undefined, 'a missing PATH does not move the common folder');
  });
});
