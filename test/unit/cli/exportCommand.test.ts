// `news-annotator export` on real files in a temporary folder: what it writes, where, and its exit codes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../../src/cli/exportCommand';
import { BRAT_ANNOTATION_CONF } from '../../../src/core/export';
import { seedInputs, unicodeHandInput } from '../../fixtures/export/articles';
import { readBrat, readConll, readCsv, readJsonlSpacy, readW3c } from '../../fixtures/export/parsers';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function exportCli(cwd: string, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runExport(args, {
    stdout: s => {
      stdout += s;
    },
    stderr: s => {
      stderr += s;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

describe('news-annotator export', () => {
  let dir: string;
  const seeds = seedInputs().slice(0, 2);
  const unicode = unicodeHandInput();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-'));
    fs.mkdirSync(path.join(dir, 'articles/world'), { recursive: true });
    for (const i of seeds) {
      fs.writeFileSync(path.join(dir, 'articles', i.fileName), i.text);
      fs.writeFileSync(path.join(dir, 'articles', `${i.fileName}.annotations.json`), JSON.stringify(i.sidecar, null, 2));
    }
    fs.writeFileSync(path.join(dir, 'articles/world', unicode.fileName), unicode.text);
    fs.writeFileSync(path.join(dir, 'articles/world', `${unicode.fileName}.annotations.json`), JSON.stringify(unicode.sidecar));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const texts = () => [...seeds, unicode].map(i => ({ file: i.fileName, text: i.text }));

  it('prints one export of a whole folder to stdout', async () => {
    const r = await exportCli(dir, '--format', 'conll', 'articles');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const { spans } = readConll(r.stdout, texts());
    assert.equal(
      spans.length,
      [...seeds, unicode].reduce((n, i) => n + i.sidecar.annotations.length, 0),
    );
  });

  it('writes one file with --out FILE, W3C targets relative to it', async () => {
    const r = await exportCli(dir, '--format', 'w3c', '--out', 'out/all.jsonld', 'articles');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Exported 3 articles \(\d+ annotations\) as W3C Web Annotation \(JSON-LD\) to out\/all\.jsonld/);
    const { annotations } = readW3c(fs.readFileSync(path.join(dir, 'out/all.jsonld'), 'utf8'), s => s);
    const sources = new Set(annotations.map(a => a.target.source));
    assert.deepEqual([...sources].sort(), [
      '../articles/000_a57557e610cf5658.txt',
      '../articles/001_aa74a8b8cfacc576.txt',
      '../articles/world/unicode-crlf.txt',
    ]);
    // resolving each relative source against the export file's location finds the article
    for (const s of sources) assert.ok(fs.existsSync(path.join(dir, 'out', decodeURIComponent(s))));
  });

  it('--base gives absolute W3C targets', async () => {
    const r = await exportCli(dir, '--format', 'w3c', '--base', 'https://news.example/a/', 'articles');
    assert.equal(r.code, 0, r.stderr);
    const { annotations } = readW3c(r.stdout, s => s);
    assert.ok(annotations.some(a => a.target.source === 'https://news.example/a/world/unicode-crlf.txt'));
  });

  it('writes one file per article into --out DIR, keeping sub-folders', async () => {
    const r = await exportCli(dir, '--format', 'jsonl-spacy', '--out', 'out/', 'articles');
    assert.equal(r.code, 0, r.stderr);
    // named .spacy.jsonl: a doccano export of the same articles (.doccano.jsonl) does not take the same name
    assert.ok(fs.existsSync(path.join(dir, 'out/000_a57557e610cf5658.spacy.jsonl')));
    const spans = readJsonlSpacy(fs.readFileSync(path.join(dir, 'out/world/unicode-crlf.spacy.jsonl'), 'utf8'));
    assert.equal(spans.length, unicode.sidecar.annotations.length);
  });

  it('brat into a folder: .ann, .txt copy and annotation.conf, all readable together', async () => {
    const r = await exportCli(dir, '--format', 'brat', '--out', 'brat', 'articles');
    assert.equal(r.code, 0, r.stderr);
    const ann = fs.readFileSync(path.join(dir, 'brat/world/unicode-crlf.ann'), 'utf8');
    const txt = fs.readFileSync(path.join(dir, 'brat/world/unicode-crlf.txt'), 'utf8');
    assert.equal(txt, unicode.text);
    assert.equal(readBrat(ann, txt, unicode.fileName).spans.length, unicode.sidecar.annotations.length);
    assert.equal(fs.readFileSync(path.join(dir, 'brat/annotation.conf'), 'utf8'), BRAT_ANNOTATION_CONF);
  });

  it('a later export of the parent folder skips the brat .txt copies instead of asking to annotate them', async () => {
    assert.equal((await exportCli(dir, '--format', 'brat', '--out', 'articles/brat', 'articles')).code, 0);
    const r = await exportCli(dir, '--format', 'csv', 'articles');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /skipped 3 brat \.txt copies/);
    assert.equal(new Set(readCsv(r.stdout).records.map(x => x.file)).size, 3);
    // named explicitly, a copy is an article like any other
    assert.equal((await exportCli(dir, '--format', 'csv', 'articles/brat/world/unicode-crlf.txt')).code, 1);
  });

  it("brat keeps a user's own annotation.conf", async () => {
    fs.mkdirSync(path.join(dir, 'brat'));
    fs.writeFileSync(path.join(dir, 'brat/annotation.conf'), 'mine');
    assert.equal((await exportCli(dir, '--format', 'brat', '--out', 'brat', 'articles')).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'brat/annotation.conf'), 'utf8'), 'mine');
  });

  it('brat of one article to FILE.ann writes FILE.txt beside it, and never overwrites the article itself', async () => {
    const r = await exportCli(dir, '--format', 'brat', '--out', 'out/berlin.ann', 'articles/world/unicode-crlf.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'out/berlin.txt'), 'utf8'), unicode.text);
    assert.ok(fs.existsSync(path.join(dir, 'out/annotation.conf')));
    const article = path.join(dir, 'articles/world/unicode-crlf.txt');
    const before = fs.statSync(article).mtimeMs;
    const beside = await exportCli(dir, '--format', 'brat', '--out', 'articles/world/', article);
    assert.equal(beside.code, 0, beside.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'articles/world/unicode-crlf.ann')));
    assert.equal(fs.statSync(article).mtimeMs, before);
  });

  it('brat of one article to stdout prints the .ann', async () => {
    const r = await exportCli(dir, '--format', 'brat', 'articles/world/unicode-crlf.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^T1\tPlace 0 6\tBerlin\n/);
  });

  it('tells the user to annotate first when a sidecar is missing, and still exports the others (exit 1)', async () => {
    fs.writeFileSync(path.join(dir, 'articles/new.txt'), 'Angela Merkel spoke.');
    const r = await exportCli(dir, '--format', 'csv', 'articles');
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /articles\/new\.txt: no annotations yet \(new\.txt\.annotations\.json not found\): run "news-annotator annotate articles\/new\.txt" first/,
    );
    const { records } = readCsv(r.stdout);
    assert.deepEqual([...new Set(records.map(x => x.file))].sort(), ['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', 'world/unicode-crlf.txt']);
  });

  it('reports an invalid sidecar by name (exit 1)', async () => {
    fs.writeFileSync(path.join(dir, 'articles/world/unicode-crlf.txt.annotations.json'), '{"version": 1, "annotations": ');
    const r = await exportCli(dir, '--format', 'csv', 'articles/world/unicode-crlf.txt');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unicode-crlf\.txt\.annotations\.json: not valid JSON/);
    assert.equal(r.stdout, '');
  });

  it('warns when the article changed since it was annotated and leaves out what moved', async () => {
    const file = path.join(dir, 'articles/world/unicode-crlf.txt');
    fs.writeFileSync(file, 'Breaking: ' + unicode.text);
    const r = await exportCli(dir, '--format', 'jsonl-doccano', file);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /changed since it was annotated/);
    assert.match(r.stderr, /warning: unicode-crlf\.txt: annotation a1 "Berlin" no longer matches/);
    assert.deepEqual(JSON.parse(r.stdout).label, []);
  });

  it('bad usage exits 2 with a hint', async () => {
    for (const args of [
      ['articles'],
      ['--format', 'docx', 'articles'],
      ['--format', 'csv'],
      ['--format', 'brat', 'articles'],
      ['--format', 'csv', '--base', 'x', 'articles'],
      ['--format', 'csv', '--bogus', 'articles'],
    ]) {
      const r = await exportCli(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Run "news-annotator export --help" for usage/);
    }
    const missing = await exportCli(dir, '--format', 'docx', 'articles');
    assert.match(missing.stderr, /unknown format "docx": use one of w3c, brat, conll, jsonl-spacy, jsonl-doccano, csv/);
  });

  it('a missing PATH is reported (exit 1)', async () => {
    const r = await exportCli(dir, '--format', 'csv', 'nope');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /nope: no such file or folder/);
  });

  it('--help lists the formats', async () => {
    const r = await exportCli(dir, '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /jsonl-doccano/);
  });
});
