// Format-specific promises of the exporters: W3C output is valid JSON-LD under the shipped context (expanded
// offline), CSV cells cannot run as spreadsheet formulas, and what a format cannot carry is reported, not garbled.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsonld from 'jsonld';
import {
  BRAT_ANNOTATION_CONF,
  EXPORT_FORMATS,
  exportBrat,
  exportConll,
  exportCsv,
  exportJsonlDoccano,
  exportW3c,
  findExportFormat,
  type ExportInput,
} from '../../../../src/core/export';
import { annotate, seedInputs, unicodeHandInput } from '../../../fixtures/export/articles';
import { parseCsv, readCsv, readConll } from '../../../fixtures/export/parsers';
import { sidecarFromParts } from '../../../fixtures/export/sidecarFor';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const OA = 'http://www.w3.org/ns/oa#';
const context = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../media/anno.jsonld'), 'utf8')) as object;

/** Serves the W3C context from the shipped copy; anything else fails, so a test can never reach the network. */
const offlineLoader = async (url: string) => {
  if (url === ANNO || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: context };
  throw new Error(`the test tried to load ${url}`);
};

type Node = Record<string, unknown[]>;
const values = (n: Node, p: string) => (n[p] ?? []) as { '@value'?: unknown; '@id'?: string; '@type'?: string | string[]; '@list'?: Node[] }[];

function input(fileName: string, text: string, wanted: Parameters<typeof annotate>[1]): ExportInput {
  return { fileName, text, sidecar: sidecarFromParts(fileName, text, annotate(text, wanted)) };
}

describe('W3C Web Annotation export', () => {
  it('ships the W3C context and it defines the terms the export uses', () => {
    const terms = (context as { '@context': Record<string, unknown> })['@context'];
    for (const t of [
      'Annotation',
      'AnnotationCollection',
      'AnnotationPage',
      'TextualBody',
      'TextQuoteSelector',
      'TextPositionSelector',
      'tagging',
      'identifying',
      'describing',
      'commenting',
      'body',
      'target',
      'source',
      'selector',
      'exact',
      'prefix',
      'suffix',
      'start',
      'end',
      'items',
      'first',
      'total',
    ]) {
      assert.ok(t in terms, t);
    }
  });

  it('expands with jsonld offline, in safe mode (nothing dropped), to Web Annotation triples', async () => {
    const inputs = [...seedInputs(), unicodeHandInput()];
    const doc = JSON.parse(exportW3c(inputs).content) as object;
    const expanded = (await jsonld.expand(doc, {
      documentLoader: offlineLoader,
      base: 'file:///news/articles/export.jsonld',
      safe: true,
    } as jsonld.Options.Expand)) as Node[];
    assert.equal(expanded.length, 1);
    const collection = expanded[0];
    assert.deepEqual(collection['@type'], ['http://www.w3.org/ns/activitystreams#OrderedCollection']);
    assert.equal(collection['@id'], 'file:///news/articles/export.jsonld#annotations');
    const page = values(collection, 'http://www.w3.org/ns/activitystreams#first')[0] as unknown as Node;
    const items = values(page, 'http://www.w3.org/ns/activitystreams#items')[0]['@list']!;
    const total = inputs.reduce((n, i) => n + i.sidecar.annotations.length, 0);
    assert.equal(items.length, total);
    assert.deepEqual(values(collection, 'http://www.w3.org/ns/activitystreams#totalItems')[0], {
      '@value': total,
      '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger',
    });

    const merkel = items.find(a =>
      values(a, `${OA}hasTarget`).some(t =>
        values(t as unknown as Node, `${OA}hasSelector`).some(s => values(s as unknown as Node, `${OA}exact`)[0]?.['@value'] === 'Merkel'),
      ),
    )!;
    assert.deepEqual(merkel['@type'], [`${OA}Annotation`]);
    assert.deepEqual(values(merkel, `${OA}motivatedBy`), [{ '@id': `${OA}tagging` }]);
    const target = values(merkel, `${OA}hasTarget`)[0] as unknown as Node;
    assert.deepEqual(values(target, `${OA}hasSource`), [{ '@id': 'file:///news/articles/unicode-crlf.txt' }]);
    const selectors = values(target, `${OA}hasSelector`) as unknown as Node[];
    const position = selectors.find(s => (s['@type'] as string[])[0] === `${OA}TextPositionSelector`)!;
    const text = unicodeHandInput().text;
    const start = Array.from(text.slice(0, text.lastIndexOf('Merkel'))).length;
    assert.deepEqual(values(position, `${OA}start`), [{ '@value': start, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);
    const bodies = values(merkel, `${OA}hasBody`) as unknown as Node[];
    const byPurpose = Object.fromEntries(
      bodies.map(b => [values(b, `${OA}hasPurpose`)[0]['@id'], values(b, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value')[0]['@value']]),
    );
    assert.deepEqual(byPurpose, { [`${OA}tagging`]: 'person', [`${OA}identifying`]: 'Angela Merkel' });
    for (const b of bodies) assert.deepEqual(b['@type'], [`${OA}TextualBody`]);
  });

  it('targets the IRI the caller gives, and the file name (relative) otherwise', () => {
    const plain = input('Le Monde #3.txt', 'Paris', [{ type: 'place', surface: 'Paris' }]);
    const a1 = JSON.parse(exportW3c([plain]).content).first.items[0];
    assert.equal(a1.target.source, 'Le%20Monde%20%233.txt');
    assert.equal(a1.id, 'Le%20Monde%20%233.txt.annotations.json#a1');
    const a2 = JSON.parse(exportW3c([{ ...plain, uri: 'https://news.example/2015/paris.txt' }]).content).first.items[0];
    assert.equal(a2.target.source, 'https://news.example/2015/paris.txt');
  });

  it('carries the date value and the note as bodies', () => {
    const a = JSON.parse(exportW3c([unicodeHandInput()]).content).first.items[1];
    assert.deepEqual(a.body, [
      { type: 'TextualBody', purpose: 'tagging', value: 'date' },
      { type: 'TextualBody', purpose: 'describing', value: '2015-11-24' },
      { type: 'TextualBody', purpose: 'commenting', value: 'dateline' },
    ]);
  });
});

describe('CSV export', () => {
  const malicious = input('x.txt', 'Ask =HYPERLINK("http://evil.example","click") and +cmd|calc and @SUM(A1) and -2+3 and \'quoted today.', [
    { type: 'organization', surface: '=HYPERLINK("http://evil.example","click")', note: '=1+1' },
    { type: 'person', surface: '+cmd|calc', note: '\tTAB' },
    { type: 'place', surface: '@SUM(A1)', note: '\rCR' },
    { type: 'person', surface: '-2+3' },
    { type: 'date', surface: "'quoted today", value: '-0044' },
  ]);

  it('no cell starts with a character a spreadsheet runs as a formula', () => {
    const r = exportCsv([malicious]);
    const rows = parseCsv(r.content);
    assert.equal(rows.length, 6);
    for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)}`);
    assert.equal(rows[1][2], '\'=HYPERLINK("http://evil.example","click")');
    assert.match(r.content, /"'=HYPERLINK\(""http:\/\/evil.example"",""click""\)"/);
  });

  it('gives the original text back after removing one leading apostrophe', () => {
    const { records } = readCsv(exportCsv([malicious]).content);
    assert.deepEqual(
      records.map(r => r.text),
      ['=HYPERLINK("http://evil.example","click")', '+cmd|calc', '@SUM(A1)', '-2+3', "'quoted today"],
    );
    assert.deepEqual(
      records.map(r => r.note),
      ['=1+1', '\tTAB', '\rCR', '', ''],
    );
    assert.equal(records[4].value, '-0044');
  });

  it("writes a date's value in words beside the value, and nothing for other types", () => {
    const { records } = readCsv(exportCsv([unicodeHandInput()]).content);
    const date = records.find(r => r.type === 'date')!;
    assert.deepEqual([date.value, date.human], ['2015-11-24', 'Tue 24 Nov 2015']);
    assert.ok(records.filter(r => r.type !== 'date').every(r => r.human === ''));
    assert.equal(readCsv(exportCsv([malicious]).content).records[4].human, '-0044', 'a value it cannot read is kept as is (and neutralised)');
  });

  it('is RFC 4180: header, CRLF after every record, quoted line breaks', () => {
    const r = exportCsv([unicodeHandInput()]);
    assert.ok(r.content.startsWith('file,type,text,start,end,line,column,entity,value,human,source,note\r\n'));
    assert.ok(r.content.endsWith('\r\n'));
    assert.match(r.content, /"Angela\r\nMerkel"/);
    assert.equal(parseCsv(r.content).length, 1 + unicodeHandInput().sidecar.annotations.length);
  });
});

describe('what a format cannot carry', () => {
  it('leaves out annotations that no longer match the text, with a warning, in every format', () => {
    const good = input('a.txt', 'Angela Merkel met Putin.', [
      { type: 'person', surface: 'Angela Merkel' },
      { type: 'person', surface: 'Putin' },
    ]);
    good.sidecar.annotations[1].text = 'Obama';
    for (const f of EXPORT_FORMATS) {
      const r = f.export([good]);
      assert.equal(r.warnings.length, 1, f.id);
      assert.match(r.warnings[0], /a\.txt: annotation a2 "Obama" no longer matches/);
      assert.doesNotMatch(r.content, /Obama/, f.id);
    }
  });

  it('refuses offsets that cut an emoji in two', () => {
    const text = 'Hi 😀 there';
    const bad = input('e.txt', text, [{ type: 'person', surface: 'there' }]);
    Object.assign(bad.sidecar.annotations[0], { start: 4, end: 5, text: text.slice(4, 5) });
    const r = exportJsonlDoccano([bad]);
    assert.match(r.warnings[0], /cuts a character/);
    assert.deepEqual(JSON.parse(r.content).label, []);
  });

  it('CoNLL keeps the first of overlapping annotations and says which it left out', () => {
    const text = 'The Moscow State University said so.';
    const overlapping = input('o.txt', text, [
      { type: 'organization', surface: 'Moscow State University' },
      { type: 'place', surface: 'Moscow' },
    ]);
    const r = exportConll([overlapping]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /"Moscow" \(place, a2\) overlaps "Moscow State University"/);
    const { spans } = readConll(r.content, [{ file: 'o.txt', text }]);
    assert.deepEqual(
      spans.map(s => [s.type, s.text]),
      [['organization', 'Moscow State University']],
    );
  });

  it('CoNLL cuts tokens at annotation edges and tags adjacent annotations B- each', () => {
    const text = "Putin's Russia-Turkey talks";
    const r = exportConll([
      input('t.txt', text, [
        { type: 'person', surface: 'Putin' },
        { type: 'place', surface: 'Russia' },
        { type: 'place', surface: 'Turkey' },
      ]),
    ]);
    assert.equal(r.content, "-DOCSTART-\tO\n\nPutin\tB-PER\n's\tO\nRussia\tB-LOC\n-\tO\nTurkey\tB-LOC\ntalks\tO\n\n");
  });

  it('CoNLL does not end a sentence inside an annotation ("Yahoo!")', () => {
    const text = 'Yahoo! Inc. said no. Then';
    const r = exportConll([input('y.txt', text, [{ type: 'organization', surface: 'Yahoo! Inc.' }])]);
    const sentences = r.content.split('\n\n').slice(1, -1);
    assert.deepEqual(
      sentences.map(s =>
        s
          .split('\n')
          .map(l => l.split('\t')[0])
          .join(' '),
      ),
      ['Yahoo ! Inc . said no .', 'Then'],
    );
  });

  it('brat holds one article per file: several need a folder', () => {
    const two = seedInputs().slice(0, 2);
    assert.throws(() => exportBrat(two), /one article per \.ann file; got 2 articles/);
  });

  it('brat splits a span at a tab too, so the .ann line keeps three columns', () => {
    const text = 'Le\tMonde reported.';
    const r = exportBrat([input('t.txt', text, [{ type: 'organization', surface: 'Le\tMonde' }])]);
    assert.equal(r.content, 'T1\tOrganization 0 2;3 8\tLe Monde\n');
  });

  it('brat writes date values and notes on one line', () => {
    const r = exportBrat([unicodeHandInput()]);
    assert.match(r.content, /^#\d+\tAnnotatorNotes T2\t2015-11-24 — dateline$/m);
    assert.match(r.content, /^#\d+\tAnnotatorNotes T\d+\tGerman federal office see =SUM\(A1\)$/m);
    assert.match(r.content, /^\*\tAlias T\d+ T\d+$/m);
  });

  it('brat annotation.conf declares every label the .ann files use', () => {
    const used = new Set([...exportBrat([unicodeHandInput()]).content.matchAll(/^T\d+\t(\w+) /gm)].map(m => m[1]));
    const entities = BRAT_ANNOTATION_CONF.split('[relations]')[0].split('\n').slice(1).filter(Boolean);
    for (const label of used) assert.ok(entities.includes(label), label);
    assert.match(BRAT_ANNOTATION_CONF, /^Alias\t/m);
  });

  it('JSONL escapes U+2028/U+2029 so each article stays on one line for every line reader', () => {
    const text = 'Paris\u2028London\u2029Rome';
    const r = exportJsonlDoccano([input('l.txt', text, [{ type: 'place', surface: 'London' }])]);
    assert.equal(r.content.split(/\r\n|\r|\n|\u2028|\u2029/).length, 2);
    assert.equal(JSON.parse(r.content).text, text);
  });
});

describe('export registry', () => {
  it('offers each format once, with an extension and a label', () => {
    assert.deepEqual(
      EXPORT_FORMATS.map(f => f.id),
      ['w3c', 'brat', 'conll', 'jsonl-spacy', 'jsonl-doccano', 'csv'],
    );
    for (const f of EXPORT_FORMATS) {
      assert.match(f.extension, /^\.[a-z]+$/);
      assert.ok(f.label && f.description);
      assert.equal(findExportFormat(f.id), f);
    }
    assert.equal(findExportFormat('docx'), undefined);
  });
});
