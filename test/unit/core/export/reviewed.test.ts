// Exports of reviewed annotations only (the plan's option, as both hosts use it), and notes where formats carry them.
import { strict as assert } from 'node:assert';
import { findExportFormat, onlyReviewed, planExport, type PlanArticle } from '../../../../src/core/export';
import type { Annotation } from '../../../../src/core/types';
import { sidecarFromParts } from '../../../fixtures/export/sidecarFor';
import { readCsv } from '../../../fixtures/export/parsers';

const TEXT = 'Angela Merkel visited Paris with Olaf Scholz.';
const mention = (id: string, surface: string, type: Annotation['type'], extra: Partial<Annotation> = {}): Annotation => {
  const start = TEXT.indexOf(surface);
  return { id, type, start, end: start + surface.length, text: surface, source: 'auto', ...extra };
};
const annotations = [
  mention('a1', 'Angela Merkel', 'person', { reviewed: true, note: 'chancellor then' }),
  mention('a2', 'Paris', 'place'),
  mention('m1', 'Olaf Scholz', 'person', { source: 'manual' }),
];
const article: PlanArticle = {
  input: { fileName: 'a.txt', text: TEXT, sidecar: sidecarFromParts('a.txt', TEXT, annotations) },
  source: '/w/a.txt',
  relative: 'a.txt',
};
const paths = { join: (folder: string, rel: string) => `${folder}/${rel}`, dirname: (f: string) => f.replace(/\/[^/]*$/, '') };

describe('export: reviewed only', () => {
  it('onlyReviewed keeps accepted and manual annotations and leaves the input as it was', () => {
    const out = onlyReviewed(article.input);
    assert.deepEqual(
      out.sidecar.annotations.map(a => a.id),
      ['a1', 'm1'],
    );
    assert.equal(article.input.sidecar.annotations.length, 3, 'the input is not changed');
  });

  it('the plan exports only reviewed annotations when asked, all of them otherwise', () => {
    const csv = findExportFormat('csv')!;
    const all = planExport(csv, [article], { kind: 'file', file: '/out/a.csv' }, paths);
    const reviewed = planExport(csv, [article], { kind: 'file', file: '/out/a.csv' }, paths, undefined, { reviewedOnly: true });
    assert.deepEqual(
      readCsv(all.files[0].content).records.map(r => r.text),
      ['Angela Merkel', 'Paris', 'Olaf Scholz'],
    );
    const records = readCsv(reviewed.files[0].content).records;
    assert.deepEqual(
      records.map(r => [r.text, r.note]),
      [
        ['Angela Merkel', 'chancellor then'],
        ['Olaf Scholz', ''],
      ],
    );
  });

  it('brat: the note as an AnnotatorNotes line of its mention; W3C: a commenting body', () => {
    const brat = planExport(findExportFormat('brat')!, [article], { kind: 'file', file: '/out/a.ann' }, paths, undefined, { reviewedOnly: true });
    const ann = brat.files.find(f => f.role === 'export')!.content;
    assert.match(ann, /^T1\tPerson 0 13\tAngela Merkel$/m);
    assert.match(ann, /^#1\tAnnotatorNotes T1\tchancellor then$/m);
    assert.doesNotMatch(ann, /Paris/);
    const w3c = planExport(findExportFormat('w3c')!, [article], { kind: 'file', file: '/out/a.jsonld' }, paths, undefined, { reviewedOnly: true });
    const items = JSON.parse(w3c.files[0].content).first.items as { body: { purpose: string; value: string }[] }[];
    assert.equal(items.length, 2);
    assert.deepEqual(
      items[0].body.find(b => b.purpose === 'commenting'),
      { type: 'TextualBody', purpose: 'commenting', value: 'chancellor then' },
    );
  });
});
