// What the CLI reads and writes besides articles (issue 16): --out-dir mirrors the inputs so two articles never share
// a sidecar; FIFOs and /proc never hang a run; a sidecar that is a link out of its folder is never followed; a sidecar
// that is not UTF-8 is corrupt (kept, backed up, reported). Runs the built CLI in a child process with a time limit,
// so a hang is a failure rather than a stuck test run.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addAnnotation, parseSidecar, serializeSidecar } from '../../../src/core/sidecar';
import { assertCliBuilt } from '../../support/builtCli';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const LIMIT_MS = 15_000;

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: LIMIT_MS });
  assert.equal(r.signal, null, `news-annotator ${args.join(' ')} did not finish within ${LIMIT_MS} ms (killed: ${r.signal})`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TEXT = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.\n';

describe('CLI: files that are not plain articles and sidecars', function () {
  this.timeout(90_000);
  let dir: string;
  const at = (p: string) => path.join(dir, p);

  before(assertCliBuilt);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("annotate --out-dir out d1 d2 with a.txt in both: two sidecars, d1's manual annotation stays d1's", () => {
    for (const d of ['d1', 'd2']) {
      fs.mkdirSync(at(d));
      fs.writeFileSync(at(`${d}/a.txt`), d === 'd1' ? TEXT : 'Vladimir Putin spoke in Moscow.\n');
    }
    assert.equal(run(dir, 'annotate', '--out-dir', 'out', 'd1').code, 0);
    // the user adds a manual annotation to d1's sidecar (written by the run above, mirrored under out/)
    const first = at('out/a.txt.annotations.json');
    const s = parseSidecar(fs.readFileSync(first, 'utf8'), first);
    const manual = addAnnotation(s, TEXT, { start: 0, end: 6 }, 'person');
    fs.mkdirSync(at('out/d1'));
    fs.writeFileSync(at('out/d1/a.txt.annotations.json'), serializeSidecar(manual));
    const r = run(dir, 'annotate', '--out-dir', 'out', 'd1', 'd2');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /orphan/);
    const d1 = parseSidecar(fs.readFileSync(at('out/d1/a.txt.annotations.json'), 'utf8'), 'd1');
    const d2 = parseSidecar(fs.readFileSync(at('out/d2/a.txt.annotations.json'), 'utf8'), 'd2');
    assert.ok(d1.annotations.some(a => a.source === 'manual' && a.text === 'Angela'));
    assert.deepEqual(d2.orphans, []);
    assert.ok(d2.annotations.some(a => a.text === 'Vladimir Putin'));
  });

  it('a FIFO named as an article, or as a sidecar, is reported; annotate and export finish', () => {
    execFileSync('mkfifo', [at('pipe.txt')]);
    const named = run(dir, 'annotate', 'pipe.txt');
    assert.equal(named.code, 1);
    assert.match(named.stderr, /pipe\.txt: a FIFO \(named pipe\), not a regular file/);
    assert.equal(run(dir, 'export', '--format', 'csv', 'pipe.txt').code, 1);
    fs.writeFileSync(at('a.txt'), TEXT);
    execFileSync('mkfifo', [at('a.txt.annotations.json')]);
    const annotated = run(dir, 'annotate', 'a.txt');
    assert.equal(annotated.code, 1);
    assert.match(annotated.stderr, /a\.txt\.annotations\.json.*a FIFO/);
    const exported = run(dir, 'export', '--format', 'csv', 'a.txt');
    assert.equal(exported.code, 1);
    assert.match(exported.stderr, /a FIFO/);
  });

  it('--out-dir under /proc ends with an error instead of hanging', function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    fs.writeFileSync(at('a.txt'), TEXT);
    const r = run(dir, 'annotate', '--out-dir', '/proc/na-test-x', 'a.txt');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /could not write it: .*cannot create the folder/);
  });

  it('a sidecar linked to a file outside its folder is neither read, copied nor printed', () => {
    fs.mkdirSync(at('secret'));
    fs.writeFileSync(at('secret/id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n');
    fs.mkdirSync(at('news'));
    fs.writeFileSync(at('news/a.txt'), TEXT);
    fs.symlinkSync(at('secret/id_rsa'), at('news/a.txt.annotations.json'));
    for (const args of [
      ['annotate', 'news/a.txt'],
      ['annotate', '--json', 'news/a.txt'],
      ['export', '--format', 'csv', 'news/a.txt'],
    ]) {
      const r = run(dir, ...args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, /a symbolic link to .*outside its own folder: not followed/, args.join(' '));
      assert.doesNotMatch(r.stdout + r.stderr, /OPENSSH|b3BlbnNz/, args.join(' '));
    }
    assert.deepEqual(fs.readdirSync(at('news')).sort(), ['a.txt', 'a.txt.annotations.json'], 'no .bak copy of the key');
    assert.ok(fs.lstatSync(at('news/a.txt.annotations.json')).isSymbolicLink(), 'the link is left as it is');
  });

  it('a backup name that is a link out of the folder is skipped, never followed or overwritten', () => {
    fs.writeFileSync(at('outside'), 'precious');
    fs.mkdirSync(at('news'));
    fs.writeFileSync(at('news/a.txt'), TEXT);
    fs.writeFileSync(at('news/a.txt.annotations.json'), '{"version": 1, "annot');
    fs.symlinkSync(at('outside'), at('news/a.txt.annotations.json.bak'));
    const r = run(dir, 'annotate', 'news/a.txt');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /a copy is in .*a\.txt\.annotations\.json\.bak\.1/);
    assert.equal(fs.readFileSync(at('outside'), 'utf8'), 'precious');
    assert.equal(fs.readFileSync(at('news/a.txt.annotations.json.bak.1'), 'utf8'), '{"version": 1, "annot');
  });

  it('a sidecar with a Latin-1 byte is corrupt: kept byte for byte, backed up, reported', () => {
    fs.writeFileSync(at('a.txt'), TEXT);
    assert.equal(run(dir, 'annotate', 'a.txt').code, 0);
    const good = fs.readFileSync(at('a.txt.annotations.json'));
    // a hand-edited note in Latin-1: "café" with é as the single byte 0xE9
    const text = good.toString('utf8').replace('"annotations": [', '"annotations": [').replace('"source": "auto"', '"source": "auto", "note": "caf\u00e9"');
    const latin1 = Buffer.from(text, 'latin1');
    fs.writeFileSync(at('a.txt.annotations.json'), latin1);
    const r = run(dir, 'annotate', 'a.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /a\.txt\.annotations\.json: not UTF-8 text.*a copy is in .*a\.txt\.annotations\.json\.bak/);
    assert.deepEqual(fs.readFileSync(at('a.txt.annotations.json')), latin1, 'not rewritten');
    assert.deepEqual(fs.readFileSync(at('a.txt.annotations.json.bak')), latin1, 'the backup holds the same bytes');
    // a second run reuses that backup instead of piling up copies
    run(dir, 'annotate', 'a.txt');
    assert.ok(!fs.existsSync(at('a.txt.annotations.json.bak.1')));
  });
});
