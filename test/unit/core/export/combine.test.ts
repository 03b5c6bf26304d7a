// Export Workspace's "one file for every article" (src/core/export/combine.ts with planExport's file target): each
// format's combined shape, on two real analysed articles.
import { strict as assert } from 'node:assert';
import {
  combinedShape,
  defaultCombinedName,
  EXPORT_FORMATS,
  findExportFormat,
  planExport,
  relativeReference,
  type PlanArticle,
} from '../../../../src/core/export';
import { DOCSTART } from '../../../../src/core/export/conll';
import { sidecarFor } from '../../../fixtures/export/sidecarFor';

const format = (id: string) => findExportFormat(id)!;
const paths = { join: (folder: string, rel: string) => `${folder}/${rel}`, dirname: (f: string) => f.replace(/\/[^/]*$/, '') };
const WS = 'file:///ws';
const ARTICLES: PlanArticle[] = [
  ['seeds/a.txt', 'Angela Merkel visited Paris on Tuesday.\n'],
  ['other/b.txt', 'Vladimir Putin spoke in Moscow.\nPutin left on Friday.\n'],
].map(([relative, text]) => ({ input: { fileName: relative, text, sidecar: sidecarFor(relative, text) }, source: `${WS}/${relative}`, relative }));
const OUT = `${WS}/exports/all`;
const combined = (id: string) => {
  const f = format(id);
  const plan = planExport(f, ARTICLES, { kind: 'file', file: OUT + f.extension }, paths, (a, file) => relativeReference(file, a.source));
  assert.equal(plan.files.length, 1, `${id}: one file`);
  return plan.files[0].content;
};

describe('export: every article in one file', () => {
  it('W3C: one AnnotationCollection holding the annotations of both articles, each targeting its article from the export', () => {
    const doc = JSON.parse(combined('w3c'));
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.label, 'Annotations of 2 articles');
    const sources = new Set(doc.first.items.map((i: { target: { source: string } }) => i.target.source));
    assert.deepEqual([...sources].sort(), ['../other/b.txt', '../seeds/a.txt']);
    assert.equal(
      doc.total,
      ARTICLES.reduce((n, a) => n + a.input.sidecar.annotations.length, 0),
    );
  });

  it('CoNLL: a -DOCSTART- line before each article', () => {
    const lines = combined('conll').split('\n');
    assert.equal(lines.filter(l => l.startsWith(DOCSTART)).length, 2);
    assert.ok(lines.indexOf('Putin\tB-PER') > lines.lastIndexOf(`${DOCSTART}\tO`), 'the second article follows its own -DOCSTART-');
  });

  it('spaCy and doccano JSONL: one line per article, naming it', () => {
    const spacy = combined('jsonl-spacy')
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.deepEqual(
      spacy.map(r => r.meta.file),
      ['seeds/a.txt', 'other/b.txt'],
    );
    const doccano = combined('jsonl-doccano')
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.deepEqual(
      doccano.map(r => r.file),
      ['seeds/a.txt', 'other/b.txt'],
    );
    assert.equal(doccano[1].text, ARTICLES[1].input.text);
  });

  it('CSV: one table, one header, the file column naming each row’s article', () => {
    const rows = combined('csv').split('\r\n').filter(Boolean);
    assert.equal(rows.filter(r => r.startsWith('file,')).length, 1);
    const files = new Set(rows.slice(1).map(r => r.split(',')[0]));
    assert.deepEqual([...files], ['seeds/a.txt', 'other/b.txt']);
  });

  it('brat cannot: one article per file, so the picker offers only a folder', () => {
    assert.equal(combinedShape(format('brat')), undefined);
    assert.throws(() => planExport(format('brat'), ARTICLES, { kind: 'file', file: `${OUT}.ann` }, paths), /one article per file/);
    for (const f of EXPORT_FORMATS) if (f.multiDocument) assert.ok(combinedShape(f), `${f.id} says how it combines`);
  });

  it('names the combined file after the workspace, safely, with the format suffix', () => {
    assert.equal(defaultCombinedName('news', format('jsonl-spacy')), 'news-annotations.spacy.jsonl');
    assert.equal(defaultCombinedName('Untitled (Workspace)', format('csv')), 'Untitled (Workspace)-annotations.csv');
    assert.equal(defaultCombinedName('a/b:c', format('conll')), 'a-b-c-annotations.conll');
    assert.equal(defaultCombinedName('..', format('w3c')), 'workspace-annotations.jsonld');
  });
});

describe('relativeReference (W3C targets seen from the export file)', () => {
  it('walks up to the common folder and down to the article', () => {
    assert.equal(relativeReference('file:///w/out/all.jsonld', 'file:///w/seeds/a.txt'), '../seeds/a.txt');
    assert.equal(relativeReference('file:///w/all.jsonld', 'file:///w/seeds/a.txt'), 'seeds/a.txt');
    assert.equal(relativeReference('file:///w/seeds/a.jsonld', 'file:///w/seeds/a.txt'), 'a.txt');
    assert.equal(relativeReference('file:///w/x/y/z.csv', 'file:///w/a.txt'), '../../a.txt');
    assert.equal(new URL(relativeReference('file:///w/x/y/z.csv', 'file:///w/q/a%20b.txt'), 'file:///w/x/y/z.csv').href, 'file:///w/q/a%20b.txt');
  });

  it('keeps the absolute URI across schemes or hosts, and never lets a segment read as a scheme', () => {
    assert.equal(relativeReference('file:///w/all.jsonld', 'vscode-vfs://github/o/r/a.txt'), 'vscode-vfs://github/o/r/a.txt');
    assert.equal(relativeReference('vscode-remote://h1/w/all.jsonld', 'vscode-remote://h2/w/a.txt'), 'vscode-remote://h2/w/a.txt');
    assert.equal(relativeReference('file:///w/all.jsonld', 'file:///w/a:b.txt'), './a:b.txt');
  });
});
