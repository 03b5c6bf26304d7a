// Format version 1 -> 2 -> 3 (dates carry their precision; v3 only adds optional fields): a version 1 file is read,
// migrated and written back as the current version with nothing lost; the precision derived from a stored value is the one the resolver gives.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analyze';
import { annotateArticle, parseSidecar, serializeSidecar, SidecarError, SIDECAR_VERSION, type Sidecar } from '../../../../src/core/sidecar';
import { precisionOfValue } from '../../../../src/core/sidecar/migrate';
import { NodeSidecarStorage } from '../../../../src/node/storage';

const fixtures = path.join(__dirname, '../../../fixtures/sidecar');
const v1Text = fs.readFileSync(path.join(fixtures, 'v1.annotations.json'), 'utf8');
const article = fs.readFileSync(path.join(fixtures, 'article.txt'), 'utf8');
const v1 = () => JSON.parse(v1Text) as Record<string, unknown> & Omit<Sidecar, 'version'>;

/** `list` without the precision and the fixed-value mark the migration adds: what version 1 held. */
const withoutPrecision = <T extends { precision?: unknown; valueFixed?: unknown }>(list: readonly T[]) =>
  list.map(({ precision: _p, valueFixed: _f, ...rest }) => rest);

describe('core/sidecar/migrate: versions 1 -> 2 -> 3', () => {
  it('the current format is version 3', () => assert.equal(SIDECAR_VERSION, 3));

  it('reads a version 1 file as version 3: everything kept, each date value given its precision', () => {
    const old = v1();
    assert.equal(old.version, 1);
    const s = parseSidecar(v1Text, 'v1.annotations.json');
    assert.equal(s.version, 3);
    assert.deepEqual(s.document, old.document);
    assert.deepEqual(s.entities, old.entities);
    assert.deepEqual(s.rejections, old.rejections);
    assert.deepEqual(withoutPrecision(s.annotations), old.annotations);
    assert.deepEqual(withoutPrecision(s.orphans), old.orphans);
    const precisions = Object.fromEntries([...s.annotations, ...s.orphans].filter(a => a.type === 'date').map(a => [a.id, a.precision]));
    // a hand-typed value the resolver never writes ("around Easter") gets none
    assert.deepEqual(precisions, { a2: 'day', m2: 'day', m3: 'quarter', m4: undefined });
    // manual dates re-resolve from version 3 on unless fixed: a value that is not what the text resolves to was set by
    // hand, and is kept ("Wednesday" stored as the evening; "around Easter"); "the third quarter" resolves as stored
    const fixed = Object.fromEntries([...s.annotations, ...s.orphans].filter(a => a.type === 'date').map(a => [a.id, a.valueFixed]));
    assert.deepEqual(fixed, { a2: undefined, m2: true, m3: undefined, m4: true });
    assert.ok([...s.annotations, ...s.orphans].every(a => a.type === 'date' || !('precision' in a)));
  });

  it('annotating the article again writes version 3 and loses no manual annotation, note, rejection or orphan', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'na-migrate-'));
    try {
      const sidecarPath = path.join(dir, 'article.txt.annotations.json');
      fs.writeFileSync(path.join(dir, 'article.txt'), article);
      fs.writeFileSync(sidecarPath, v1Text);
      const r = await annotateArticle({
        storage: new NodeSidecarStorage(),
        sidecarPath,
        file: 'article.txt',
        text: article,
        analyze,
        write: true,
        now: '2026-02-02T00:00:00.000Z',
      });
      assert.equal(r.loadError, undefined);
      assert.equal(r.written, true);
      const written = fs.readFileSync(sidecarPath, 'utf8');
      assert.match(written, /^\{\n {2}"version": 3,/);
      const saved = parseSidecar(written, sidecarPath);
      const old = v1();
      const manual = <T extends { source: string }>(list: readonly T[]) => list.filter(a => a.source === 'manual');
      assert.deepEqual(withoutPrecision(manual(saved.annotations)), manual(old.annotations));
      assert.deepEqual(saved.annotations.find(a => a.id === 'm2')?.precision, 'day');
      assert.deepEqual(saved.rejections, old.rejections);
      assert.deepEqual(withoutPrecision(saved.orphans), old.orphans);
      // the rejected auto annotation stays away
      const rejected = old.rejections[0];
      assert.ok(!saved.annotations.some(a => a.start === rejected.start && a.end === rejected.end && a.type === rejected.type));
      // no backup is needed: the old file was valid and nothing of it is lost
      assert.deepEqual(fs.readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.json']);
      // and a second run changes nothing
      const again = await annotateArticle({
        storage: new NodeSidecarStorage(),
        sidecarPath,
        file: 'article.txt',
        text: article,
        analyze,
        write: true,
        now: '2026-03-03T00:00:00.000Z',
      });
      assert.equal(again.written, false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a version 1 file is checked as version 1: a precision in it is an unknown key', () => {
    const old = v1();
    (old.annotations[1] as unknown as Record<string, unknown>).precision = 'day';
    assert.throws(
      () => parseSidecar(JSON.stringify(old), 'x.json'),
      (e: unknown) => e instanceof SidecarError && e.kind === 'invalid-schema' && /annotations\[1\]\.precision: is not allowed/.test(e.reason),
    );
  });

  it('a file from a later version is still refused, untouched', () => {
    const later = { ...JSON.parse(serializeSidecar(parseSidecar(v1Text, 'x'))), version: 4, somethingNew: true };
    assert.throws(
      () => parseSidecar(JSON.stringify(later), 'x.json'),
      (e: unknown) => e instanceof SidecarError && e.kind === 'future-version' && /format version 4; this one reads version 3/.test(e.reason),
    );
  });

  it('reads a version 2 file as version 3: the version, and hand-set manual date values marked fixed', () => {
    const v3 = JSON.parse(serializeSidecar(parseSidecar(v1Text, 'x'))) as Sidecar;
    const strip = (list: Sidecar['annotations']) => list.map(({ valueFixed: _f, ...rest }) => rest);
    const v2 = { ...v3, version: 2, annotations: strip(v3.annotations), orphans: strip(v3.orphans) };
    const s = parseSidecar(JSON.stringify(v2), 'v2.json');
    assert.deepEqual(s, v3);
    assert.deepEqual(
      [...s.annotations, ...s.orphans].filter(a => a.valueFixed).map(a => a.id),
      ['m2', 'm4'],
    );
  });

  it('a version 2 file is checked as version 2: the version 3 fields in it are unknown keys', () => {
    const v2 = { ...JSON.parse(serializeSidecar(parseSidecar(v1Text, 'x'))), version: 2 };
    v2.annotations[0].reviewed = true;
    v2.entities[0].externalId = 'https://www.wikidata.org/wiki/Q7747';
    assert.throws(
      () => parseSidecar(JSON.stringify(v2), 'x.json'),
      (e: unknown) =>
        e instanceof SidecarError &&
        e.kind === 'invalid-schema' &&
        /entities\[0\]\.externalId: is not allowed/.test(e.reason) &&
        /annotations\[0\]\.reviewed: is not allowed/.test(e.reason),
    );
  });

  it("version 3 holds review state, a fixed date value, and an entity's external id and note", () => {
    const s = parseSidecar(v1Text, 'x');
    const date = s.annotations.find(a => a.type === 'date')!;
    date.reviewed = true;
    date.valueFixed = true;
    s.entities[0].externalId = 'https://www.wikidata.org/wiki/Q7747';
    s.entities[0].note = 'checked against the agency profile';
    assert.deepEqual(parseSidecar(serializeSidecar(s), 'x'), s);
    const name = s.annotations.find(a => a.type !== 'date')!;
    name.valueFixed = true;
    assert.throws(() => parseSidecar(serializeSidecar(s), 'x'), /valueFixed: only a date has a value/);
    delete name.valueFixed;
    // the serializer writes only `true`; a hand-edited `false` is refused rather than read as reviewed
    (date as { reviewed: unknown }).reviewed = false;
    assert.equal(JSON.parse(serializeSidecar(s)).annotations.find((a: { id: string }) => a.id === date.id).reviewed, undefined);
    assert.throws(() => parseSidecar(JSON.stringify(s), 'x'), /reviewed: must be true when present/);
  });

  it('the precision derived from a value is the one the resolver gives, for every kind of value', () => {
    const text = [
      'On Nov. 24, 2015, at 10:30 a.m. the talks began; on Tuesday morning they resumed.',
      'Last week, next weekend, in January, in the third quarter, in the first half of 2014, last fall and this year.',
      'In the 1990s, in the 20th century, now and recently.',
    ].join('\n');
    const dates = analyze(text, { referenceDate: '2015-11-25' }).annotations.filter(a => a.type === 'date' && a.value);
    const seen = new Set(dates.map(a => a.precision));
    for (const p of ['day', 'time', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'reference'])
      assert.ok(seen.has(p as never), `no ${p} in ${JSON.stringify(dates.map(a => [a.text, a.value, a.precision]))}`);
    for (const a of dates) assert.equal(precisionOfValue(a.value!), a.precision, `${a.text} = ${a.value}`);
    assert.equal(precisionOfValue('around Easter'), undefined);
  });
});
