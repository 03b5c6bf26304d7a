import { strict as assert } from 'node:assert';
import {
  addAnnotation,
  applyTextChanges,
  mapSpan,
  reconcile,
  removeAnnotation,
  validateSidecar,
  type Sidecar,
  type TextChange,
} from '../../../../src/core/sidecar';
import { article, assertConsistent, at, fakeAnalysis, SPECS, spanOf } from '../../../fixtures/sidecar/helpers';

const NOW = '2026-11-22T00:00:00.000Z';
const apply = (text: string, changes: TextChange[]) =>
  [...changes].sort((a, b) => b.start - a.start).reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);

describe('applyTextChanges (editor edits with known ranges)', () => {
  let s: Sidecar;
  beforeEach(() => {
    s = reconcile({ text: article, file: 'a.txt', analysis: fakeAnalysis(article, SPECS) }).sidecar;
    s = addAnnotation(s, article, spanOf(article, 'Sergei Shoigu'), 'person', { note: 'minister' });
  });

  it('maps spans: before stays, after shifts, inside stretches, a cut boundary is null', () => {
    const span = { start: 10, end: 20 };
    assert.deepEqual(mapSpan(span, [{ start: 30, end: 31, text: 'xyz' }]), span);
    assert.deepEqual(mapSpan(span, [{ start: 0, end: 0, text: 'abc' }]), { start: 13, end: 23 });
    assert.deepEqual(mapSpan(span, [{ start: 10, end: 10, text: 'abc' }]), { start: 13, end: 23 }, 'typing just before does not widen it');
    assert.deepEqual(mapSpan(span, [{ start: 20, end: 20, text: 'abc' }]), span, 'typing just after does not widen it');
    assert.deepEqual(mapSpan(span, [{ start: 12, end: 14, text: '' }]), { start: 10, end: 18 });
    assert.equal(mapSpan(span, [{ start: 5, end: 12, text: '' }]), null);
    assert.equal(mapSpan(span, [{ start: 10, end: 20, text: 'new' }]), null);
  });

  it('follows typing before, inside and after annotations, in one event with several changes', () => {
    const p = spanOf(article, 'Sergei Shoigu');
    const changes = [
      { start: 0, end: 0, text: 'UPDATE ' },
      { start: p.start + 6, end: p.start + 6, text: ' K.' },
      { start: article.length, end: article.length, text: 'More.\n' },
    ];
    const text = apply(article, changes);
    const r = applyTextChanges(s, text, changes, NOW);
    assertConsistent(r, text, validateSidecar);
    assert.equal(r.annotations.find(a => a.source === 'manual')!.text, 'Sergei K. Shoigu');
    assert.equal(at(r, text, 'MOSCOW').start, 7);
    assert.equal(r.annotations.length, s.annotations.length);
    // a later reconcile trusts these offsets (same hash) and keeps the manual annotation as it is
    const again = reconcile({ text, file: 'a.txt', analysis: fakeAnalysis(text, SPECS), previous: r, now: NOW });
    assert.equal(again.report.placed[0].method, 'same');
    assert.equal(again.sidecar.annotations.find(a => a.source === 'manual')!.text, 'Sergei K. Shoigu');
  });

  it('orphans a manual annotation whose text was deleted; drops auto ones; re-anchors a cut one if it can', () => {
    const p = spanOf(article, 'Sergei Shoigu');
    const ankara = spanOf(article, 'Ankara');
    const changes = [
      { start: p.start - 5, end: p.end + 5, text: '' },
      { start: ankara.start, end: ankara.end, text: 'Istanbul' },
    ];
    const text = apply(article, changes);
    const r = applyTextChanges(s, text, changes, NOW);
    assertConsistent(r, text, validateSidecar);
    assert.deepEqual(
      r.orphans.map(o => [o.text, o.note, o.orphanedAt]),
      [['Sergei Shoigu', 'minister', NOW]],
    );
    assert.ok(!r.annotations.some(a => a.text === 'Ankara' || a.text === 'Istanbul'));
  });

  it('keeps rejections with the text they reject', () => {
    const removed = removeAnnotation(s, article, at(s, article, 'Nato').id);
    const changes = [{ start: 0, end: 0, text: 'Intro.\n\n' }];
    const text = apply(article, changes);
    const r = applyTextChanges(removed, text, changes);
    assert.equal(r.rejections[0].start, text.indexOf('Nato'));
    const re = reconcile({ text, file: 'a.txt', analysis: fakeAnalysis(text, SPECS), previous: r }).sidecar;
    assert.ok(!re.annotations.some(a => a.text === 'Nato'));
  });

  it('refuses changes that do not produce the text given', () => {
    assert.throws(() => applyTextChanges(s, `${article}x`, []), /reconcile instead/);
    assert.throws(
      () =>
        applyTextChanges(s, article, [
          { start: 0, end: 5, text: 'abcde' },
          { start: 3, end: 4, text: 'z' },
        ]),
      /overlap/,
    );
  });
});
