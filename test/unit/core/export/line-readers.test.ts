// Every export read back by strict readers other tools use (issue 16): Python's str.splitlines() for JSONL, brat
// and CoNLL lines, str.split() for CoNLL fields, json.loads, and csv.reader. Entity text holding VT, FF, NEL,
// FS/GS/RS, U+2028 or U+2029 must not break a record; CSV cells must not start a formula in any spelling.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { EXPORT_FORMATS, type ExportInput } from '../../../../src/core/export';
import { annotate } from '../../../fixtures/export/articles';
import { sidecarFromParts } from '../../../fixtures/export/sidecarFor';

const PYTHON = '/usr/bin/python3';

/** Reads each export as a Python tool would, and says what it found. */
const READER = String.raw`
import csv, io, json, sys
data = json.load(sys.stdin)
out = {}
out['jsonl-spacy'] = [json.loads(l) for l in data['jsonl-spacy'].splitlines()]
out['jsonl-doccano'] = [json.loads(l) for l in data['jsonl-doccano'].splitlines()]
out['w3c'] = json.loads(data['w3c'])
out['brat'] = [l.split('\t') for l in data['brat'].splitlines()]
out['conll'] = [l.split('\t') + [len(l.split())] for l in data['conll'].splitlines() if l]
out['csv'] = list(csv.reader(io.StringIO(data['csv'], newline='')))
json.dump(out, sys.stdout)
`;

const TEXT = [
  'Angela\vMerkel met Jo\u001chn Smith in Par\u0085is and Ber\u2028lin.',
  'The Bundes\u2029amt and Fr\u001dan\u001ece and Port\fugal signed.',
  '＝SUM(A1) said \n=cmd|calc and  +1 and \t@x and －2 and ＠me.',
].join('\n');

function input(): ExportInput {
  const annotations = annotate(TEXT, [
    { type: 'person', surface: 'Angela\vMerkel', entity: 'e1' },
    { type: 'person', surface: 'Jo\u001chn Smith' },
    { type: 'place', surface: 'Par\u0085is', note: 'line\u0085break\u2028note' },
    { type: 'place', surface: 'Ber\u2028lin' },
    { type: 'organization', surface: 'Bundes\u2029amt' },
    { type: 'place', surface: 'Fr\u001dan\u001ece' },
    { type: 'place', surface: 'Port\fugal' },
    { type: 'organization', surface: '＝SUM(A1)' },
    { type: 'organization', surface: '\n=cmd|calc' },
    { type: 'organization', surface: ' +1' },
    { type: 'organization', surface: '\t@x' },
    { type: 'organization', surface: '－2' },
    { type: 'person', surface: '＠me' },
  ]);
  return {
    fileName: 'a.txt',
    text: TEXT,
    sidecar: sidecarFromParts('a.txt', TEXT, annotations, [{ id: 'e1', type: 'person', name: 'Angela\vMerkel', aliases: ['Angela\vMerkel'] }]),
  };
}

describe('exports read back by strict line readers (Python)', function () {
  this.timeout(30_000);
  let read: Record<string, unknown>;
  let warnings: Record<string, string[]>;
  const article = input();
  const count = article.sidecar.annotations.length;

  before(function () {
    if (!fs.existsSync(PYTHON)) this.skip();
    const data: Record<string, string> = {};
    warnings = {};
    for (const f of EXPORT_FORMATS) {
      const r = f.export([article]);
      data[f.id] = r.content;
      warnings[f.id] = r.warnings;
    }
    const p = spawnSync(PYTHON, ['-c', READER], { input: JSON.stringify(data), encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    read = JSON.parse(p.stdout) as Record<string, unknown>;
  });

  it('JSONL: one record per article, the text whole, for both flavours', () => {
    for (const id of ['jsonl-spacy', 'jsonl-doccano']) {
      const records = read[id] as { text: string }[];
      assert.equal(records.length, 1, id);
      assert.equal(records[0].text, TEXT, id);
    }
  });

  it('W3C: json.loads gives every annotation with its exact text', () => {
    const items = (read.w3c as { first: { items: { target: { selector: [{ exact: string }] } }[] } }).first.items;
    assert.deepEqual(
      items.map(i => i.target.selector[0].exact),
      article.sidecar.annotations.map(a => a.text),
    );
  });

  it('brat: every .ann line is whole (T lines have three fields, one per annotation)', () => {
    const lines = read.brat as string[][];
    for (const l of lines) assert.match(l[0], /^(?:T\d+|\*|#\d+)$/, JSON.stringify(l));
    const t = lines.filter(l => l[0].startsWith('T'));
    assert.equal(t.length, count);
    for (const l of t) assert.equal(l.length, 3, JSON.stringify(l));
    const note = lines.find(l => l[0].startsWith('#'));
    assert.equal(note?.[2], 'line break note');
  });

  it('CoNLL: every line is token<TAB>tag with no white space inside the token; every annotation begins with B-', () => {
    const lines = read.conll as [string, string, number][];
    for (const [token, tag, fields] of lines) {
      assert.equal(fields, 2, JSON.stringify([token, tag]));
      assert.match(tag, /^(?:O|[BI]-(?:PER|LOC|ORG|DATE))$/);
    }
    assert.equal(lines.filter(l => l[1].startsWith('B-')).length, count, 'no annotation lost or split');
    assert.deepEqual(warnings.conll, []);
  });

  it('CSV: csv.reader gives one row per annotation, and no text cell starts a formula in any spelling', () => {
    const rows = read.csv as string[][];
    assert.equal(rows.length, count + 1);
    for (const row of rows.slice(1)) {
      assert.equal(row.length, rows[0].length);
      for (const cell of row) {
        if (/^-?\d+$/.test(cell)) continue; // offsets
        assert.doesNotMatch(cell, /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u, JSON.stringify(cell));
      }
    }
    // removing the one leading apostrophe gives the text back
    assert.deepEqual(
      rows.slice(1).map(r => (r[2].startsWith("'") ? r[2].slice(1) : r[2])),
      article.sidecar.annotations.map(a => a.text),
    );
  });
});
