import { strict as assert } from 'node:assert';
import {
  addAnnotation,
  annotateAllOccurrences,
  deleteOrphan,
  EditError,
  reattachOrphan,
  reconcile,
  removeAllOccurrences,
  removeAnnotation,
  removeEntity,
  retypeAnnotation,
  retypeEntity,
  serializeSidecar,
  setNote,
  setReferenceDate,
  validateSidecar,
  type Sidecar,
} from '../../../../src/core/sidecar';
import { article, assertConsistent, at, fakeAnalysis, SPECS, spanOf } from '../../../fixtures/sidecar/helpers';

const base = (): Sidecar => reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS) }).sidecar;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const throwsEdit = (f: () => unknown, pattern: RegExp) => assert.throws(f, (e: unknown) => e instanceof EditError && pattern.test(e.message));

describe('edit operations', () => {
  it('never modify the sidecar given (so an editor can undo by keeping the previous value)', () => {
    const s = deepFreeze(base());
    const before = serializeSidecar(s);
    const steps = [
      (x: Sidecar) => addAnnotation(x, article, spanOf(article, 'S-400'), 'organization'),
      (x: Sidecar) => retypeAnnotation(x, article, at(x, article, 'Nato').id, 'place'),
      (x: Sidecar) => removeAnnotation(x, article, at(x, article, 'Ankara').id),
      (x: Sidecar) => annotateAllOccurrences(x, article, 'Turkey', 'organization'),
      (x: Sidecar) => setNote(x, article, at(x, article, 'Brussels').id, 'EU'),
      (x: Sidecar) => setReferenceDate(x, '2015-11-24'),
      (x: Sidecar) => removeAllOccurrences(x, article, 'Putin'),
    ];
    let cur: Sidecar = s;
    for (const step of steps) {
      const next = step(deepFreeze(cur));
      assertConsistent(next, article, validateSidecar);
      cur = next;
    }
    assert.equal(serializeSidecar(s), before);
  });

  it('addAnnotation trims the selection, replaces what it overlaps and finds or creates the entity', () => {
    const s = base();
    const sel = spanOf(article, ' Vladimir Putin has');
    const added = addAnnotation(s, article, { start: sel.start, end: sel.end - 4 }, 'person');
    const m = added.annotations.find(a => a.source === 'manual')!;
    assert.deepEqual([m.id, m.text, m.entity], ['m1', 'Vladimir Putin', at(s, article, 'Vladimir Putin').entity]);
    assert.equal(added.annotations.length, s.annotations.length);
    const wider = addAnnotation(s, article, spanOf(article, 'Hemeimeem air base'), 'place');
    assert.ok(!wider.annotations.some(a => a.text === 'Hemeimeem'));
    const named = addAnnotation(s, article, spanOf(article, 'air defence systems'), 'organization', { newEntityName: 'Air Defence' });
    const e = named.entities.find(x => x.name === 'Air Defence')!;
    assert.deepEqual(e.aliases, ['Air Defence', 'air defence systems']);
    const date = addAnnotation(s, article, spanOf(article, 'Wednesday'), 'date', { value: '2015-11-25' });
    assert.equal(at(date, article, 'Wednesday').value, '2015-11-25');
    assert.equal(at(date, article, 'Wednesday').entity, undefined);
    assertConsistent(date, article, validateSidecar);
  });

  it('addAnnotation refuses what it cannot do, with a message for the user', () => {
    const s = base();
    throwsEdit(() => addAnnotation(s, article, { start: 10, end: 99999 }, 'place'), /not inside the article/);
    throwsEdit(() => addAnnotation(s, article, { start: 0, end: 0 }, 'place'), /empty/);
    throwsEdit(() => addAnnotation(s, article, spanOf(article, 'S-400'), 'place', { entity: at(s, article, 'Nato').entity }), /is a organization/);
    throwsEdit(() => addAnnotation(s, article, spanOf(article, 'S-400'), 'place', { entity: 'e404' }), /No entity/);
    throwsEdit(() => addAnnotation(s, `${article}x`, spanOf(article, 'S-400'), 'place'), /re-annotate first/);
    throwsEdit(() => addAnnotation(s, article, spanOf(article, 'S-400'), 'animal' as never), /Unknown annotation type/);
  });

  it('removing an auto annotation records a rejection; removing a manual one just deletes it', () => {
    const s = base();
    const auto = at(s, article, 'Nato');
    const r1 = removeAnnotation(s, article, auto.id);
    assert.deepEqual(
      r1.rejections.map(r => [r.type, r.text, r.start]),
      [['organization', 'Nato', auto.start]],
    );
    assert.ok(!r1.entities.some(e => e.name === 'Nato'), 'an entity with no mentions left is dropped');
    const withManual = addAnnotation(s, article, spanOf(article, 'S-400'), 'organization');
    const r2 = removeAnnotation(withManual, article, 'm1');
    assert.deepEqual(r2.rejections, []);
    assert.equal(serializeSidecar(r2), serializeSidecar(s));
    throwsEdit(() => removeAnnotation(s, article, 'zz'), /No annotation/);
  });

  it('re-adding a rejected annotation lifts the rejection', () => {
    const s = base();
    const nato = at(s, article, 'Nato');
    const removed = removeAnnotation(s, article, nato.id);
    const back = addAnnotation(removed, article, nato, 'organization');
    assert.deepEqual(back.rejections, []);
  });

  it('retype: auto -> manual (rejecting the old type), manual -> changed in place', () => {
    const s = base();
    const r = retypeAnnotation(s, article, at(s, article, 'Nato').id, 'place');
    const nato = at(r, article, 'Nato');
    assert.deepEqual([nato.type, nato.source, nato.id], ['place', 'manual', 'm1']);
    assert.equal(r.entities.find(e => e.id === nato.entity)!.type, 'place');
    assert.equal(r.rejections.length, 1);
    const r2 = retypeAnnotation(r, article, 'm1', 'date');
    assert.deepEqual(
      [at(r2, article, 'Nato').type, at(r2, article, 'Nato').id, at(r2, article, 'Nato').value, at(r2, article, 'Nato').entity],
      ['date', 'm1', null, undefined],
    );
    assert.equal(r2.rejections.length, 1);
    assertConsistent(r2, article, validateSidecar);
  });

  it('annotateAllOccurrences puts every whole-word occurrence on one entity; removeAllOccurrences takes them away', () => {
    const s = base();
    const all = annotateAllOccurrences(s, article, 'Turkey', 'organization');
    const turkey = all.annotations.filter(a => a.text === 'Turkey');
    assert.equal(turkey.length, 2);
    assert.ok(turkey.every(a => a.type === 'organization' && a.source === 'manual'));
    assert.equal(new Set(turkey.map(a => a.entity)).size, 1);
    // "Turkish" is not a whole-word occurrence of "Turk"
    throwsEdit(() => annotateAllOccurrences(s, article, 'Turk', 'place'), /does not occur/);
    const gone = removeAllOccurrences(all, article, 'Turkey');
    assert.ok(!gone.annotations.some(a => a.text === 'Turkey'));
    assert.deepEqual(gone.rejections, [], 'they were manual');
    const goneAuto = removeAllOccurrences(s, article, 'Turkey', 'place');
    assert.equal(goneAuto.rejections.length, 2);
  });

  it('retypeEntity and removeEntity act on every mention of an entity', () => {
    const s = base();
    const putin = at(s, article, 'Vladimir Putin').entity!;
    const r = retypeEntity(s, article, putin, 'organization');
    const mentions = r.annotations.filter(a => /Putin/.test(a.text));
    assert.equal(mentions.length, 2);
    assert.ok(mentions.every(a => a.type === 'organization'));
    assert.equal(new Set(mentions.map(a => a.entity)).size, 1);
    const removed = removeEntity(s, article, putin);
    assert.ok(!removed.annotations.some(a => /Putin/.test(a.text)));
    assert.equal(removed.rejections.length, 2);
  });

  it("setReferenceDate validates the date and records it as the user's", () => {
    const s = setReferenceDate(base(), '2015-11-24');
    assert.deepEqual([s.document.referenceDate, s.document.referenceDateSource], ['2015-11-24', 'user']);
    throwsEdit(() => setReferenceDate(s, '2015-02-30'), /YYYY-MM-DD/);
    throwsEdit(() => setReferenceDate(s, '24.11.2015'), /YYYY-MM-DD/);
    const cleared = setReferenceDate(s, null);
    assert.deepEqual([cleared.document.referenceDate, cleared.document.referenceDateSource], [null, null]);
  });

  it('setNote: an empty note removes it', () => {
    const s = setNote(base(), article, 'a1', 'check');
    assert.equal(at(s, article, 'MOSCOW').note, 'check');
    const s2 = setNote(s, article, at(s, article, 'MOSCOW').id, '');
    assert.equal(at(s2, article, 'MOSCOW').note, undefined);
  });

  it('reattachOrphan places an orphan where the user says; deleteOrphan drops it', () => {
    let s = base();
    s = addAnnotation(s, article, spanOf(article, 'Sergei Shoigu'), 'person', { note: 'minister' });
    const edited = article.replace(/The S-400[^\n]*\n\n/, '').replace('Nato called', 'Sergei Shoigu, the minister, and Nato called');
    const orphaned = reconcile({ text: edited, file: 'article.txt', analysis: fakeAnalysis(edited, SPECS), previous: s }).sidecar;
    assert.equal(orphaned.orphans.length, 1, JSON.stringify(orphaned.orphans));
    const id = orphaned.orphans[0].id;
    const placed = reattachOrphan(orphaned, edited, id, spanOf(edited, 'Sergei Shoigu'));
    assert.deepEqual(placed.orphans, []);
    const m = at(placed, edited, 'Sergei Shoigu');
    assert.deepEqual([m.id, m.source, m.note], [id, 'manual', 'minister']);
    assertConsistent(placed, edited, validateSidecar);
    const deleted = deleteOrphan(orphaned, id);
    assert.deepEqual(deleted.orphans, []);
    assertConsistent(deleted, edited, validateSidecar);
    throwsEdit(() => deleteOrphan(deleted, id), /No orphaned annotation/);
  });
});
