// `news-annotator export` never writes over an article or a sidecar, never writes two outputs to one file, replaces
// an existing file only with --force, and refuses the whole export (exit 2, nothing written) otherwise (issue 16).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../../../src/cli/exportCommand';
import { sidecarFor } from '../../fixtures/export/sidecarFor';

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

const TEXT_A = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.\n';
const TEXT_B = 'Vladimir Putin spoke in Moscow.\n';

describe('export: targets that must not be written', () => {
  let dir: string;
  const at = (p: string) => path.join(dir, p);
  const read = (p: string) => fs.readFileSync(at(p), 'utf8');
  /** An annotated article: the text and its sidecar. */
  const articleAt = (p: string, text: string) => {
    fs.mkdirSync(path.dirname(at(p)), { recursive: true });
    fs.writeFileSync(at(p), text);
    fs.writeFileSync(at(`${p}.annotations.json`), JSON.stringify(sidecarFor(path.basename(p), text)));
  };
  /** Every file under the folder with its content, to prove nothing was written. */
  const snapshot = () => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    return out;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-export-targets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('brat --out A/other.ann A/a.txt leaves the article A/other.txt alone (exit 2, nothing written)', async () => {
    articleAt('A/a.txt', TEXT_A);
    fs.writeFileSync(at('A/other.txt'), TEXT_B);
    const before = snapshot();
    const r = await exportCli(dir, '--format', 'brat', '--out', 'A/other.ann', 'A/a.txt');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /A\/other\.txt: not written: it is an article/);
    assert.match(r.stderr, /nothing was written/);
    assert.deepEqual(snapshot(), before, 'not even the .ann or annotation.conf');
    // --force does not make an article replaceable
    assert.equal((await exportCli(dir, '--format', 'brat', '--force', '--out', 'A/other.ann', 'A/a.txt')).code, 2);
    assert.equal(read('A/other.txt'), TEXT_B);
  });

  it('--out dst/ src/a.txt does not replace dst/a.txt, an article with its own sidecar', async () => {
    articleAt('src/a.txt', TEXT_A);
    articleAt('dst/a.txt', TEXT_B);
    const before = snapshot();
    const r = await exportCli(dir, '--format', 'brat', '--force', '--out', 'dst/', 'src/a.txt');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /dst\/a\.txt: not written: it is an article/);
    assert.deepEqual(snapshot(), before);
  });

  it("exporting a folder into itself does not overwrite story.txt with story.md's text", async () => {
    articleAt('C/story.md', TEXT_A);
    fs.writeFileSync(at('C/story.txt'), TEXT_B); // an article not annotated yet
    const r = await exportCli(dir, '--format', 'brat', '--out', 'C/', 'C');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(read('C/story.txt'), TEXT_B);
    assert.ok(!fs.existsSync(at('C/story.ann')));
  });

  it('--out naming the article or its sidecar is refused, for every format', async () => {
    articleAt('a.txt', TEXT_A);
    const sidecar = read('a.txt.annotations.json');
    for (const format of ['w3c', 'conll', 'jsonl-spacy', 'jsonl-doccano', 'csv']) {
      for (const out of ['a.txt', 'a.txt.annotations.json']) {
        const r = await exportCli(dir, '--format', format, '--force', '--out', out, 'a.txt');
        assert.equal(r.code, 2, `${format} ${out}: ${r.stderr}`);
        assert.match(r.stderr, /not written: it is (an article being exported|a sidecar)/);
      }
    }
    assert.equal(read('a.txt'), TEXT_A);
    assert.equal(read('a.txt.annotations.json'), sidecar);
  });

  it('an existing export is replaced only with --force; without, nothing of the plan is written', async () => {
    articleAt('a.txt', TEXT_A);
    articleAt('b.txt', TEXT_B);
    fs.mkdirSync(at('out'));
    fs.writeFileSync(at('out/b.csv'), 'mine');
    const r = await exportCli(dir, '--format', 'csv', '--out', 'out/', 'a.txt', 'b.txt');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /out\/b\.csv: not written: it already exists \(use --force to replace it\)/);
    assert.ok(!fs.existsSync(at('out/a.csv')), 'a.csv would have been new, but the plan is refused as a whole');
    const forced = await exportCli(dir, '--format', 'csv', '--force', '--out', 'out/', 'a.txt', 'b.txt');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(read('out/b.csv'), /^file,type,text/);
    assert.ok(fs.existsSync(at('out/a.csv')));
  });

  it('re-exporting brat into its folder needs --force (its .txt copies are earlier exports, not articles)', async () => {
    articleAt('in/a.txt', TEXT_A);
    assert.equal((await exportCli(dir, '--format', 'brat', '--out', 'brat/', 'in')).code, 0);
    const again = await exportCli(dir, '--format', 'brat', '--out', 'brat/', 'in');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /brat\/a\.ann: not written: it already exists/);
    const forced = await exportCli(dir, '--format', 'brat', '--force', '--out', 'brat/', 'in');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(read('brat/a.txt'), TEXT_A);
  });

  it('two articles of the same name in two folders get two outputs (mirrored), never one', async () => {
    articleAt('d1/a.txt', TEXT_A);
    articleAt('d2/a.txt', TEXT_B);
    const r = await exportCli(dir, '--format', 'jsonl-doccano', '--out', 'out/', 'd1', 'd2');
    assert.equal(r.code, 0, r.stderr);
    assert.match(read('out/d1/a.doccano.jsonl'), /Angela Merkel/);
    assert.match(read('out/d2/a.doccano.jsonl'), /Vladimir Putin/);
  });

  it('two articles of the same name in two folders exported into one file are named by their paths, told apart', async () => {
    articleAt('d1/a.txt', TEXT_A);
    articleAt('d2/a.txt', TEXT_B);
    const csv = await exportCli(dir, '--format', 'csv', '--out', 'all.csv', 'd1', 'd2');
    assert.equal(csv.code, 0, csv.stderr);
    const files = new Set(
      read('all.csv')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map(l => l.split(',')[0]),
    );
    assert.deepEqual([...files].sort(), ['d1/a.txt', 'd2/a.txt']);
    const jsonl = await exportCli(dir, '--format', 'jsonl-spacy', 'd1/a.txt', 'd2/a.txt');
    assert.deepEqual(
      jsonl.stdout
        .trim()
        .split('\n')
        .map(l => JSON.parse(l).meta.file),
      ['d1/a.txt', 'd2/a.txt'],
    );
    // one article alone keeps its base name
    const one = await exportCli(dir, '--format', 'jsonl-spacy', 'd1/a.txt');
    assert.equal(JSON.parse(one.stdout).meta.file, 'a.txt');
  });

  it('never writes through a symbolic link at a target', async () => {
    articleAt('a.txt', TEXT_A);
    fs.writeFileSync(at('victim'), 'precious');
    fs.symlinkSync(at('victim'), at('a.csv'));
    const r = await exportCli(dir, '--format', 'csv', '--force', '--out', 'a.csv', 'a.txt');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /a\.csv: not written: it is a symbolic link/);
    assert.equal(read('victim'), 'precious');
  });

  it('--base urn:... is a usage error (exit 2), not an internal error', async () => {
    articleAt('a.txt', TEXT_A);
    const r = await exportCli(dir, '--format', 'w3c', '--base', 'urn:news:', 'a.txt');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--base "urn:news:" is not an absolute URI that paths can be appended to/);
  });

  it('a write that fails is an io error naming the file (exit 1), not an internal error', async () => {
    articleAt('a.txt', TEXT_A);
    fs.writeFileSync(at('blocker'), 'a file where a folder is needed');
    const r = await exportCli(dir, '--format', 'csv', '--out', 'blocker/sub/a.csv', 'a.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /cannot write blocker\/sub\/a\.csv: .*blocker.*in the way/);
  });

  it('a file system error while checking the targets is reported with the file (exit 1), not thrown', async () => {
    articleAt('a.txt', TEXT_A);
    const long = `${'x'.repeat(300)}.csv`; // longer than a file name may be: lstat fails with ENAMETOOLONG
    const r = await exportCli(dir, '--format', 'csv', '--out', long, 'a.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^news-annotator export: ENAMETOOLONG: .*x{300}\.csv/);
  });
});
