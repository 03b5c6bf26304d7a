import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core/analyze';
import {
  addAnnotation,
  analyzeOptionsFor,
  parseSidecar,
  reconcile,
  removeAnnotation,
  retypeAnnotation,
  serializeSidecar,
  setNote,
  setReferenceDate,
  validateSidecar,
  type Sidecar,
} from '../../../../src/core/sidecar';
import { sha256Hex } from '../../../../src/core/hash';
import { article, assertConsistent, at, fakeAnalysis, SPECS, spanOf } from '../../../fixtures/sidecar/helpers';

const NOW = '2026-11-22T00:00:00.000Z';
const fresh = (text = article, specs = SPECS) => reconcile({ text, file: 'article.txt', analysis: fakeAnalysis(text, specs), now: NOW }).sidecar;
/** What a re-analysis after an edit does: fresh analysis of the new text, merged with the sidecar read back from disk. */
const again = (previous: Sidecar, text: string, specs = SPECS) => {
  const stored = parseSidecar(serializeSidecar(previous), 'article.txt.annotations.json');
  return reconcile({ text, file: 'article.txt', analysis: fakeAnalysis(text, specs), previous: stored, now: NOW });
};
const paragraphs = article.split('\n\n');

describe('reconcile', () => {
  it('builds a first sidecar from the analysis alone', () => {
    const s = fresh();
    assertConsistent(s, article, validateSidecar);
    assert.equal(s.document.sha256, sha256Hex(article));
    assert.equal(s.document.length, article.length);
    assert.equal(s.document.file, 'article.txt');
    assert.ok(s.annotations.every(a => a.source === 'auto' && /^a\d+$/.test(a.id)));
    assert.deepEqual(s.rejections, []);
    assert.deepEqual(s.orphans, []);
    const putin = s.entities.find(e => e.name === 'Vladimir Putin')!;
    assert.deepEqual(putin.aliases, ['Putin', 'Vladimir Putin']);
  });

  it('keeps a manual annotation across re-analysis after text is inserted before it; the auto one it covers stays out', () => {
    let s = fresh();
    s = addAnnotation(s, article, spanOf(article, 'Hemeimeem air base'), 'place');
    const edited = `Correction appended.\n\n${article}`;
    const { sidecar, report } = again(s, edited);
    assertConsistent(sidecar, edited, validateSidecar);
    const manual = sidecar.annotations.filter(a => a.source === 'manual');
    assert.equal(manual.length, 1);
    assert.equal(manual[0].text, 'Hemeimeem air base');
    assert.equal(manual[0].start, spanOf(edited, 'Hemeimeem air base').start);
    assert.ok(!sidecar.annotations.some(a => a.source === 'auto' && a.text === 'Hemeimeem'));
    assert.deepEqual(report.placed, [{ id: manual[0].id, method: 'exact' }]);
    assert.equal(report.suppressed, 1);
  });

  it('honours rejections: a removed auto annotation does not come back, also after edits', () => {
    let s = fresh();
    s = removeAnnotation(s, article, at(s, article, 'Nato').id);
    assert.equal(s.rejections.length, 1);
    const same = again(s, article).sidecar;
    assert.ok(!same.annotations.some(a => a.text === 'Nato'));
    const edited = article.replace('MOSCOW', 'MOSCOW (Reuters)').replace(/\n/g, '\r\n');
    const moved = again(same, edited).sidecar;
    assert.ok(!moved.annotations.some(a => a.text === 'Nato'));
    assert.equal(moved.rejections.length, 1);
    assert.equal(moved.rejections[0].start, edited.indexOf('Nato'));
    assertConsistent(moved, edited, validateSidecar);
  });

  it('a retyped auto annotation stays retyped; its old type stays rejected', () => {
    let s = fresh();
    s = retypeAnnotation(s, article, at(s, article, 'Nato').id, 'place');
    const r = again(s, `Intro.\n\n${article}`).sidecar;
    const nato = r.annotations.filter(a => a.text === 'Nato');
    assert.deepEqual(
      nato.map(a => [a.type, a.source]),
      [['place', 'manual']],
    );
    assert.equal(r.entities.find(e => e.id === nato[0].entity)!.type, 'place');
  });

  it('orphans a manual annotation whose paragraph was deleted, keeps it (and its entity), and restores it when the text returns', () => {
    let s = fresh();
    s = addAnnotation(s, article, spanOf(article, 'defence minister'), 'person', { entity: at(s, article, 'Sergei Shoigu').entity, note: 'title' });
    const edited = [paragraphs[0], paragraphs[2], paragraphs[3]].join('\n\n');
    const { sidecar, report } = again(s, edited);
    assertConsistent(sidecar, edited, validateSidecar);
    assert.equal(sidecar.orphans.length, 1);
    const o = sidecar.orphans[0];
    assert.deepEqual([o.text, o.note, o.orphanedAt, o.source], ['defence minister', 'title', NOW, 'manual']);
    assert.deepEqual(report.orphaned, [o.id]);
    assert.equal(sidecar.entities.find(e => e.id === o.entity)?.name, 'Sergei Shoigu');
    // a second run keeps the orphan as it is
    const twice = again(sidecar, edited);
    assert.deepEqual(twice.sidecar.orphans, sidecar.orphans);
    // the paragraph comes back (undo, git revert): the orphan is an annotation again
    const back = again(twice.sidecar, article);
    assert.deepEqual(back.report.restored, [o.id]);
    assert.deepEqual(back.sidecar.orphans, []);
    assert.equal(at(back.sidecar, article, 'defence minister').note, 'title');
  });

  it('maps a manual mention onto the entity the new analysis gives the same name, which keeps its id when another is inserted before it', () => {
    let s = fresh();
    const putinId = at(s, article, 'Vladimir Putin').entity;
    s = addAnnotation(s, article, spanOf(article, 'Putin', 1), 'person', { entity: putinId, note: 'x' });
    const edited = `Sergei Lavrov spoke first.\n\n${article}`;
    const r = again(s, edited, [['Sergei Lavrov', 'person'], ...SPECS]).sidecar;
    const manual = r.annotations.find(a => a.source === 'manual')!;
    const auto = at(r, edited, 'Vladimir Putin');
    assert.equal(manual.entity, auto.entity);
    // ids last for an entity's life: the one inserted before it does not renumber it
    assert.equal(auto.entity, putinId);
  });

  it('creates an entity for a manual mention of something the analysis does not know', () => {
    let s = fresh();
    s = addAnnotation(s, article, spanOf(article, 'S-400'), 'organization', { newEntityName: 'S-400 Triumf' });
    const r = again(s, `${article}More text.\n`).sidecar;
    const m = at(r, article, 'S-400');
    const e = r.entities.find(x => x.id === m.entity)!;
    assert.deepEqual([e.type, e.name, e.aliases], ['organization', 'S-400 Triumf', ['S-400', 'S-400 Triumf']]);
    assertConsistent(r, `${article}More text.\n`, validateSidecar);
  });

  it('keeps a note written on an auto annotation', () => {
    let s = fresh();
    s = setNote(s, article, at(s, article, 'Ankara').id, 'capital');
    const r = again(s, `New lede.\n\n${article}`).sidecar;
    assert.equal(r.annotations.find(a => a.text === 'Ankara')!.note, 'capital');
  });

  it('passes a user-set reference date into the analysis (read sidecar -> options -> analyze -> reconcile)', () => {
    const first = reconcile({ text: article, file: 'article.txt', analysis: analyze(article) }).sidecar;
    // whatever the detection found (it is not this test's business), it is not the user's
    assert.notEqual(first.document.referenceDateSource, 'user');
    const set = setReferenceDate(first, '2015-11-26');
    const options = analyzeOptionsFor(set);
    assert.equal(options.referenceDate, '2015-11-26');
    const r = reconcile({ text: article, file: 'article.txt', analysis: analyze(article, options), previous: set }).sidecar;
    assert.deepEqual([r.document.referenceDate, r.document.referenceDateSource], ['2015-11-26', 'user']);
    // an explicit option (CLI flag) wins over the stored one; a detected date is not treated as the user's
    assert.equal(analyzeOptionsFor(set, { referenceDate: '2016-01-01' }).referenceDate, '2016-01-01');
    assert.equal(analyzeOptionsFor(first).referenceDate, undefined);
  });

  it('with the real analysis: manual annotations and rejections survive a CRLF conversion plus an edit', () => {
    const s0 = reconcile({ text: article, file: 'article.txt', analysis: analyze(article) }).sidecar;
    let s = addAnnotation(s0, article, spanOf(article, 'air defence systems'), 'organization', { newEntityName: 'Air defence' });
    const firstAuto = s.annotations.find(a => a.source === 'auto')!;
    s = removeAnnotation(s, article, firstAuto.id);
    const edited = `Editor's note: updated.\n\n${article}`.replace(/\n/g, '\r\n');
    const stored = parseSidecar(serializeSidecar(s), 'x');
    const r = reconcile({ text: edited, file: 'article.txt', analysis: analyze(edited, analyzeOptionsFor(stored)), previous: stored });
    assertConsistent(r.sidecar, edited, validateSidecar);
    assert.deepEqual(r.report.orphaned, []);
    assert.equal(
      r.sidecar.annotations
        .filter(a => a.source === 'manual')
        .map(a => a.text)
        .join(),
      'air defence systems',
    );
    assert.ok(
      !r.sidecar.annotations.some(
        a => a.source === 'auto' && a.type === firstAuto.type && a.text === firstAuto.text && a.start === edited.indexOf(firstAuto.text),
      ),
    );
  });
});

describe('reconcile under random edits', () => {
  it('never throws and never loses a manual annotation (placed with text === slice, or orphaned)', () => {
    let seed = 20261122;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['😀', '\r\n', '\n', 'é', '\u0301', ' ', 'Putin', 'x', '\u200d', '', 'Turkey said', '\ufeff', 'مرحبا'];
    let base = fresh();
    for (const q of ['Sergei Shoigu', 'air defence', 'Brussels', 'stab in the back']) base = addAnnotation(base, article, spanOf(article, q), 'organization');
    for (let iteration = 0; iteration < 300; iteration++) {
      let text = article;
      for (let e = 1 + Math.floor(random() * 6); e > 0; e--) {
        const i = Math.floor(random() * text.length);
        const cut = random() < 0.5 ? Math.floor(random() * 60) : 0;
        text = text.slice(0, i) + pieces[Math.floor(random() * pieces.length)] + text.slice(i + cut);
      }
      const { sidecar } = reconcile({ text, file: 'a.txt', analysis: fakeAnalysis(text, SPECS), previous: base, now: NOW });
      const kept = [...sidecar.annotations.filter(a => a.source === 'manual'), ...sidecar.orphans].map(a => a.id).sort();
      assert.deepEqual(kept, ['m1', 'm2', 'm3', 'm4'], JSON.stringify(text));
      for (const a of sidecar.annotations) {
        assert.equal(a.text, text.slice(a.start, a.end));
        assert.ok(!/^[\udc00-\udfff]/.test(a.text) && !/[\ud800-\udbff]$/.test(a.text), 'splits a surrogate pair');
      }
      assert.deepEqual(validateSidecar(sidecar), []);
    }
  });
});

describe('deterministic output', () => {
  const shuffle = <T>(xs: T[]) =>
    xs
      .map((x, i) => [((i * 7919) % 13) + Math.random(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reverseKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverseKeys(x)]),
          )
        : v;

  it('the same input gives byte-identical text, whatever the order of keys and lists', () => {
    let s = fresh();
    s = addAnnotation(s, article, spanOf(article, 'S-400'), 'organization');
    s = removeAnnotation(s, article, at(s, article, 'Nato').id);
    const text = serializeSidecar(s);
    assert.equal(serializeSidecar(structuredClone(s)), text);
    const scrambled = reverseKeys({ ...s, annotations: shuffle(s.annotations), entities: shuffle(s.entities) }) as Sidecar;
    assert.equal(serializeSidecar(scrambled), text);
    assert.equal(serializeSidecar(parseSidecar(text, 'x')), text);
    const again1 = serializeSidecar(reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS), previous: s }).sidecar);
    const again2 = serializeSidecar(
      reconcile({ text: article, file: 'article.txt', analysis: fakeAnalysis(article, SPECS), previous: parseSidecar(text, 'x') }).sidecar,
    );
    assert.equal(again1, again2);
  });

  it('is 2-space JSON with a trailing newline, keys in the documented order, entities e2 before e10', () => {
    const text = serializeSidecar(addAnnotation(fresh(), article, spanOf(article, 'S-400'), 'organization'));
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.match(text, /^\{\n {2}"version": 3,\n {2}"generator": "news-annotator",\n {2}"document": \{\n {4}"file"/);
    const parsed = JSON.parse(text) as Sidecar;
    assert.deepEqual(Object.keys(parsed.annotations[0]), ['id', 'type', 'start', 'end', 'text', 'source', 'entity', 'prefix', 'suffix']);
    const ids = parsed.entities.map(e => Number(e.id.slice(1)));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(ids.length, 10);
    const starts = parsed.annotations.map(a => a.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });
});
