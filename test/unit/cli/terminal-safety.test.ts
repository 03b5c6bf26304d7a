// Nothing the CLI prints can drive the terminal (issue 16): control characters in file names, sidecar ids, entity
// names and broken sidecars come out as visible \uXXXX escapes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { safeOutput, safeText } from '../../../src/cli/safeText';
import { formatSummary, tallyOf } from '../../../src/cli/summary';
import { sidecarFromParts } from '../../fixtures/export/sidecarFor';

/* eslint-disable no-control-regex -- control characters in output are what these tests look for */

const CLEAR = '\x1b[2J';
const TITLE = '\x1b]0;pwned\x07';
/** What a terminal would obey: C0 but tab/newline, DEL, C1, bidi overrides and isolates. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function cli(cwd: string, args: string[], tty = true) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: s => {
      stdout += s;
    },
    stderr: s => {
      stderr += s;
    },
    cwd,
    stderrIsTTY: tty,
    stdoutIsTTY: tty,
  });
  return { code, stdout, stderr };
}

describe('CLI output is terminal-safe', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-tty-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('safeText escapes every control character; safeOutput keeps tab, newline and CRLF as layout', () => {
    assert.equal(safeText(`a${CLEAR}b\tc\nd\u202ee\u0085`), 'a\\u001b[2Jb\\u0009c\\u000ad\\u202ee\\u0085');
    assert.equal(safeOutput(`row\r\nx\ty\n${TITLE}\rz`), 'row\r\nx\ty\n\\u001b]0;pwned\\u0007\\u000dz');
    assert.equal(safeText('Zoë 習近平 😀 \u200d'), 'Zoë 習近平 😀 \u200d', 'ordinary text is untouched');
  });

  it('a file name with ESC[2J and an OSC title, and an entity name with escapes, are printed inert', async () => {
    const evil = `${CLEAR}story${TITLE}.txt`;
    const text = 'Angela Merkel visited Paris.';
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', evil), text);
    const sidecar = sidecarFromParts(
      evil,
      text,
      [{ id: 'a1', type: 'person', start: 0, end: 13, text: 'Angela Merkel', source: 'manual', entity: 'e1' }],
      [{ id: 'e1', type: 'person', name: `Angela${CLEAR}\u202eMerkel${TITLE}`, aliases: ['Angela Merkel'] }],
    );
    fs.writeFileSync(path.join(dir, 'news', `${evil}.annotations.json`), JSON.stringify(sidecar));
    for (const args of [
      ['annotate', 'news'],
      ['annotate', path.join('news', evil)],
      ['export', '--format', 'csv', path.join('news', `${evil}.annotations.json`)],
    ]) {
      const r = await cli(dir, args);
      const all = r.stdout + r.stderr;
      assert.doesNotMatch(all.replace(/\r\x1b\[K/g, ''), OBEYED, `${args.join(' ')}: ${JSON.stringify(all)}`);
      assert.match(all, /\\u001b\[2Jstory\\u001b\]0;pwned\\u0007\.txt/, args.join(' '));
    }
  });

  it('entity names in the summary table, and annotation text in export warnings, are printed inert', async () => {
    const text = 'Angela Merkel visited Paris.';
    const name = `Angela${CLEAR}\u202eMerkel${TITLE}`;
    const sidecar = sidecarFromParts(
      'a.txt',
      text,
      [{ id: 'a1', type: 'person', start: 0, end: 13, text: 'Angela Merkel', source: 'manual', entity: 'e1' }],
      [{ id: 'e1', type: 'person', name, aliases: ['Angela Merkel'] }],
    );
    const table = formatSummary([{ article: `a${CLEAR}.txt`, tally: tallyOf(sidecar), status: 'written' }]);
    assert.doesNotMatch(table, OBEYED);
    assert.match(table, /Angela\\u001b\[2J\\u202eMerkel\\u001b\]0;pwned\\u0007 \(1\)/);
    // a stale annotation is reported with its text: that text comes from the sidecar
    sidecar.annotations[0].text = `Angela${CLEAR}`;
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.json'), JSON.stringify(sidecar));
    const r = await cli(dir, ['export', '--format', 'csv', '--out', 'a.csv', 'a.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: a\.txt: annotation a1 "Angela\\u001b\[2J" no longer matches/);
    assert.doesNotMatch(r.stderr, OBEYED);
  });

  it('the start of a broken sidecar, quoted in the JSON error, is printed inert', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Angela Merkel visited Paris.');
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.json'), `${TITLE}${CLEAR}{"version": 1}`);
    for (const args of [
      ['annotate', 'a.txt'],
      ['export', '--format', 'conll', 'a.txt'],
      ['annotate', '--json', 'a.txt'],
    ]) {
      const r = await cli(dir, args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, /not valid JSON/, args.join(' '));
      assert.doesNotMatch(r.stdout + r.stderr, OBEYED, `${args.join(' ')}: ${JSON.stringify(r.stderr)}`);
    }
  });

  it('a sidecar id is printed inert (an orphaned manual annotation)', async () => {
    const text = 'Angela Merkel visited Paris.';
    const sidecar = sidecarFromParts('a.txt', text, [{ id: `m1${CLEAR}${TITLE}`, type: 'person', start: 0, end: 13, text: 'Angela Merkel', source: 'manual' }]);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Boris Johnson visited Rome.');
    fs.writeFileSync(path.join(dir, 'a.txt.annotations.json'), JSON.stringify(sidecar));
    const r = await cli(dir, ['annotate', 'a.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /annotation m1\\u001b\[2J\\u001b\]0;pwned\\u0007 no longer matches/);
    assert.doesNotMatch(r.stdout + r.stderr, OBEYED);
  });

  it('an unknown command or option is echoed inert', async () => {
    const r = await cli(dir, [`x${CLEAR}`]);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, OBEYED);
    assert.match(r.stderr, /unknown command "x\\u001b\[2J"/);
  });

  it('the progress redraw (CR, erase line) is the only escape left, and only at the start of a write', async () => {
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', 'a.txt'), 'Angela Merkel visited Paris.');
    const r = await cli(dir, ['annotate', 'news']);
    assert.match(r.stderr, /^\r\x1b\[K\[1\/1\] news\/a\.txt/);
  });

  it('data piped to a file or a program stays byte for byte (stdout not a terminal)', async () => {
    const text = 'Angela Merkel visited Paris.\u2028Next\u001bline.';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(
      path.join(dir, 'a.txt.annotations.json'),
      JSON.stringify(sidecarFromParts('a.txt', text, [{ id: 'a1', type: 'person', start: 0, end: 13, text: 'Angela Merkel', source: 'manual' }])),
    );
    const piped = await cli(dir, ['export', '--format', 'jsonl-spacy', 'a.txt'], false);
    assert.equal(JSON.parse(piped.stdout).text, text);
    const shown = await cli(dir, ['export', '--format', 'jsonl-spacy', 'a.txt'], true);
    assert.doesNotMatch(shown.stdout, OBEYED);
    assert.equal(JSON.parse(shown.stdout).text, text, 'on a terminal the escapes are JSON escapes: the same text');
  });
});
