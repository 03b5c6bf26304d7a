// A corrected type sticks (issue 12): retyping a name applies to every mention of it in the article, present and
// future, through the core session as the editor and the CLI use it; a removal stays on its mention; ids last.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, ArticleSession } from '../../../../src/core';
import { exportBrat } from '../../../../src/core/export/brat';
import { analyzeOptionsFor, correctionLexicon, removeAnnotation, retypeAnnotation, retypeEntity, type Sidecar } from '../../../../src/core/sidecar';
import { InMemoryStorage } from '../../../support/inMemoryStorage';

const SEED = fs.readFileSync(path.join(__dirname, '../../../../seeds/000_a57557e610cf5658.txt'), 'utf8');
const ADDED = '\nThe Moskva sailed south again on Friday.\n';

function session() {
  const s = new ArticleSession({
    storage: new InMemoryStorage(),
    sidecarPath: '/w/000.txt.annotations.json',
    file: '000.txt',
    analyzer: new Analyzer(),
    now: () => '2026-01-01T00:00:00.000Z',
  });
  return s;
}

const mentionsOf = (s: Sidecar, name: string) => s.annotations.filter(a => a.text === name);
const typesOf = (s: Sidecar, name: string) => [...new Set(mentionsOf(s, name).map(a => a.type))];
const entitiesNamed = (s: Sidecar, name: string) => s.entities.filter(e => e.aliases.includes(name));

describe('corrections: a retyped name keeps its new type in the whole article', () => {
  it('seed 000: "Moskva" retyped person -> organization; a new sentence with "Moskva" comes as organization, one entity, one label', async () => {
    const s = session();
    await s.load();
    s.analyze(SEED);
    const before = s.sidecar!;
    assert.deepEqual(typesOf(before, 'Moskva'), ['person'], 'the tagger reads Moskva as a person (the slip this test is about)');
    const id = mentionsOf(before, 'Moskva')[0].id;
    s.edit('Change "Moskva" to organization', SEED, (sc, text) => retypeAnnotation(sc, text, id, 'organization'));

    const text = SEED + ADDED;
    const after = s.analyze(text).sidecar;
    const moskva = mentionsOf(after, 'Moskva');
    assert.equal(moskva.length, 2);
    assert.deepEqual(typesOf(after, 'Moskva'), ['organization'], 'the new mention is an organization too');
    assert.ok(
      moskva.some(a => a.source === 'auto'),
      'the new mention is found by the analysis',
    );
    const entities = entitiesNamed(after, 'Moskva');
    assert.equal(entities.length, 1, 'one entity: the Entities view and the outline list it under one type');
    assert.equal(entities[0].type, 'organization');
    assert.ok(moskva.every(a => a.entity === entities[0].id));
    const ann = exportBrat([{ fileName: '000.txt', text, sidecar: after }]).content;
    const labels = new Set(
      ann
        .split('\n')
        .filter(l => /\tMoskva$/.test(l))
        .map(l => l.split('\t')[1].split(' ')[0]),
    );
    assert.equal(labels.size, 1, `one export label for Moskva, got ${[...labels].join(', ')}`);
  });

  it('a retype for this mention only (scope "mention") leaves the other mentions as the analysis gives them', async () => {
    const s = session();
    await s.load();
    s.analyze(SEED);
    const id = mentionsOf(s.sidecar!, 'Moskva')[0].id;
    s.edit('Change', SEED, (sc, text) => retypeAnnotation(sc, text, id, 'organization', { scope: 'mention' }));
    const after = s.analyze(SEED + ADDED).sidecar;
    assert.deepEqual(
      mentionsOf(after, 'Moskva')
        .sort((a, b) => a.start - b.start)
        .map(a => a.type),
      ['organization', 'person'],
    );
  });

  it('removing one mention of a corrected name removes that mention only', async () => {
    const s = session();
    await s.load();
    const text = SEED + ADDED;
    s.analyze(text);
    const [first] = mentionsOf(s.sidecar!, 'Moskva');
    s.edit('Change', text, (sc, t) => retypeAnnotation(sc, t, first.id, 'organization'));
    const second = mentionsOf(s.sidecar!, 'Moskva').find(a => a.source === 'auto')!;
    assert.equal(second.type, 'organization');
    const after = s.edit('Remove', text, (sc, t) => removeAnnotation(sc, t, second.id));
    assert.deepEqual(
      mentionsOf(after, 'Moskva').map(a => [a.type, a.source]),
      [['organization', 'manual']],
    );
  });

  it('correctionLexicon: a manual annotation on a rejection of another type; the latest wins; a date word retyped to a name does not spread', () => {
    const q = { prefix: '', suffix: '' };
    const s = {
      annotations: [
        { id: 'm1', type: 'organization' as const, start: 0, end: 6, text: 'Moskva', source: 'manual' as const, ...q },
        { id: 'm3', type: 'place' as const, start: 20, end: 26, text: 'Moskva', source: 'manual' as const, ...q },
        { id: 'm2', type: 'person' as const, start: 40, end: 43, text: 'May', source: 'manual' as const, ...q },
        { id: 'm4', type: 'person' as const, start: 50, end: 63, text: 'Sergey\u00a0Lavrov', source: 'manual' as const, ...q },
        { id: 'm5', type: 'place' as const, start: 70, end: 75, text: 'Paris', source: 'manual' as const, ...q },
      ],
      rejections: [
        { type: 'person' as const, start: 0, end: 6, text: 'Moskva', ...q },
        { type: 'person' as const, start: 20, end: 26, text: 'Moskva', ...q },
        { type: 'date' as const, start: 40, end: 43, text: 'May', ...q },
        { type: 'place' as const, start: 50, end: 63, text: 'Sergey\u00a0Lavrov', ...q },
      ],
    };
    assert.deepEqual(correctionLexicon(s), { Moskva: 'place', 'Sergey Lavrov': 'person' });
  });

  it('the corrections go over the user lexicon in the analysis options', () => {
    const s = {
      document: { file: 'x', sha256: '', length: 0, referenceDate: null, referenceDateSource: null },
      annotations: [{ id: 'm1', type: 'organization', start: 0, end: 6, text: 'Moskva', source: 'manual', prefix: '', suffix: '' }],
      rejections: [{ type: 'person', start: 0, end: 6, text: 'Moskva', prefix: '', suffix: '' }],
    } as unknown as Sidecar;
    assert.deepEqual(analyzeOptionsFor(s, { lexicon: { Moskva: 'place', Kremlin: 'organization' } }).lexicon, {
      Moskva: 'organization',
      Kremlin: 'organization',
    });
    assert.equal(analyzeOptionsFor({ ...s, rejections: [] }, { lexicon: { Kremlin: 'organization' } }).lexicon?.Moskva, undefined);
  });
});

describe('stable ids: entities and auto annotations keep their ids across analyses', () => {
  it('seed 000: retyping one name does not renumber the other entities; a new entity takes a number never used', async () => {
    const s = session();
    await s.load();
    const first = s.analyze(SEED).sidecar;
    const idOf = (sc: Sidecar) => new Map(sc.entities.map(e => [`${e.type}:${e.name}`, e.id]));
    const moskva = first.annotations.find(a => a.text === 'Moskva')!;
    const after = s.edit('Change', SEED, (sc, text) => retypeEntity(sc, text, moskva.entity!, 'organization'));
    const was = idOf(first);
    const moved = [...idOf(after)].filter(([k, id]) => was.has(k) && was.get(k) !== id);
    assert.deepEqual(moved, [], 'no entity changed its id');
    const newOne = after.entities.find(e => e.name === 'Moskva')!;
    const maxBefore = Math.max(...first.entities.map(e => Number(e.id.slice(1))));
    assert.ok(Number(newOne.id.slice(1)) > maxBefore, `the retyped name is a new entity with a new number (${newOne.id})`);
  });

  it('text inserted at the top keeps every entity id and every auto annotation id', async () => {
    const s = session();
    await s.load();
    const first = s.analyze(SEED).sidecar;
    const text = `Angela Merkel said nothing.\n\n${SEED}`;
    const after = s.analyze(text).sidecar;
    const shift = text.length - SEED.length;
    const byPlace = new Map(after.annotations.map(a => [`${a.type}:${a.start - shift}:${a.text}`, a]));
    for (const a of first.annotations) {
      const b = byPlace.get(`${a.type}:${a.start}:${a.text}`);
      assert.ok(b, `${a.text} at ${a.start} still annotated`);
      assert.equal(b.id, a.id, `${a.text} keeps its id`);
      assert.equal(b.entity, a.entity, `${a.text} keeps its entity id`);
    }
    const merkel = after.annotations.find(a => a.text === 'Angela Merkel')!;
    const maxBefore = Math.max(...first.annotations.map(a => Number(a.id.slice(1))));
    assert.ok(Number(merkel.id.slice(1)) > maxBefore, 'the new mention takes a new number');
    assert.equal(new Set(after.annotations.map(a => a.id)).size, after.annotations.length, 'ids are unique');
  });
});
