/* eslint-disable @typescript-eslint/no-explicit-any -- these tests bend valid sidecars into every shape */
// The lean sidecar reader against the full path (parseSidecar + corpusArticleFromSidecar): on the fixture, the
// seeds' sidecars and random sidecars full of awkward strings it must read lean and give a deep-equal article; on
// anything else it must refuse, and never take what the full path refuses.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  corpusArticleFromSidecar,
  corpusArticleFromSidecarText,
  leanCorpusArticle,
  parseSidecar,
  reconcile,
  serializeSidecar,
  sha256Hex,
  SidecarError,
  type CorpusArticle,
  type Sidecar,
} from '../../../../src/core';
import { quoteContext } from '../../../../src/core/anchor';
import { prng } from '../../../support/distinct-article';

const fixtures = path.join(__dirname, '../../../fixtures/sidecar');
const fixtureText = fs.readFileSync(path.join(fixtures, 'article.txt'), 'utf8');
const fixtureSidecar = fs.readFileSync(path.join(fixtures, 'valid.annotations.json'), 'utf8');
const v1Sidecar = fs.readFileSync(path.join(fixtures, 'v1.annotations.json'), 'utf8');
const seedsDir = path.join(__dirname, '../../../../seeds');
const seeds = fs
  .readdirSync(seedsDir)
  .filter(f => f.endsWith('.txt'))
  .sort()
  .map(f => ({ file: f, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));

/** What the full path makes of the sidecar text, or the error it throws. */
function full(text: string, sidecar: string): CorpusArticle | Error {
  try {
    return corpusArticleFromSidecar('a.txt', text, parseSidecar(sidecar, 'a.txt.annotations.json'));
  } catch (e) {
    return e as Error;
  }
}

/** Whether the lean reader took the sidecar; when it did, the full path agrees (deep-equal) and does not refuse it. */
function agrees(text: string, sidecar: string, label = ''): boolean {
  const lean = leanCorpusArticle('a.txt', text, sidecar);
  if (lean === undefined) return false;
  const expected = full(text, sidecar);
  assert.ok(!(expected instanceof Error), `lean took what the full path refuses (${label}): ${(expected as Error).message}\n${sidecar.slice(0, 3000)}`);
  assert.deepStrictEqual(lean, expected, label);
  return true;
}

// ---- random sidecars with awkward strings ----

const AWKWARD = [
  '"',
  '\\',
  '\\"',
  '\n',
  '\r\n',
  '\t',
  '\u0001',
  '\u001f',
  '\u007f',
  'é',
  '\u2028',
  '\ud83d\ude00',
  '\ud800',
  '/',
  '"start": ',
  '",\n      "end": 3',
  '{',
  '}',
  ' ',
];
const WORDS = ['Putin', 'Ankara', 'Nato', 'the', 'said', 'on', 'Monday', 'Émile', 'Zoë', '"quoted"', 'C:\\path', 'x'];
const TYPES = ['person', 'place', 'organization', 'date'] as const;

function awkwardText(rand: () => number, min: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let s = '';
  while (s.length < min) s += rand() < 0.3 ? pick(AWKWARD) : `${pick(WORDS)} `;
  return s;
}

/** A valid sidecar of `text`, every optional field somewhere, strings drawn from awkward characters. */
function randomSidecar(rand: () => number, text: string): Sidecar {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const some = () => (rand() < 0.5 ? awkwardText(rand, 1 + Math.floor(rand() * 12)) : pick(WORDS));
  const entities = Array.from({ length: Math.floor(rand() * 5) }, (_, i) => {
    const e: any = { id: `e${i + 1}`, type: pick(TYPES.slice(0, 3)), name: some(), aliases: Array.from({ length: Math.floor(rand() * 3) }, some) };
    if (rand() < 0.3) e.externalId = `urn:x:${some()}`;
    if (rand() < 0.3) e.note = some();
    return e;
  });
  const span = () => {
    const start = Math.floor(rand() * text.length);
    return { start, end: Math.min(text.length, start + Math.floor(rand() * 15)) };
  };
  const fields = (type: string) => {
    const a: any = {};
    const owners = entities.filter(e => e.type === type);
    if (owners.length > 0 && rand() < 0.8) a.entity = pick(owners).id;
    if (type === 'date' && rand() < 0.8) a.value = rand() < 0.2 ? null : pick(['2015-11-24', '2015-W44', 'PRESENT_REF', some()]);
    if (typeof a.value === 'string' && rand() < 0.7) a.precision = pick(['day', 'week', 'reference', 'century']);
    if (rand() < 0.2) a.note = some();
    if (rand() < 0.2) a.reviewed = true;
    if (type === 'date' && rand() < 0.3) a.valueFixed = true;
    return a;
  };
  const annotations = Array.from({ length: Math.floor(rand() * 8) }, (_, i) => {
    const { start, end } = span();
    const type = pick(TYPES);
    return {
      id: rand() < 0.8 ? `a${i + 1}` : `m-${some()}-${i}`,
      type,
      start,
      end,
      text: text.slice(start, end),
      source: pick(['auto', 'manual']),
      ...fields(type),
      ...quoteContext(text, { start, end }),
    };
  });
  const rejections = Array.from({ length: Math.floor(rand() * 3) }, () => {
    const { start, end } = span();
    return { type: pick(TYPES), start, end, text: some(), prefix: some().slice(0, 32), suffix: some().slice(0, 32) };
  });
  const orphans = Array.from({ length: Math.floor(rand() * 3) }, (_, i) => {
    const type = pick(TYPES);
    const start = Math.floor(rand() * 2 * text.length);
    return {
      id: `o${i}`,
      type,
      start,
      end: start + 3,
      text: some(),
      source: 'manual',
      ...fields(type),
      prefix: some().slice(0, 32),
      suffix: some().slice(0, 32),
      orphanedAt: '2026-01-01T00:00:00.000Z',
    };
  });
  const s: any = {
    version: 3,
    generator: `news-annotator ${some()}`,
    document: {
      file: 'a.txt',
      sha256: sha256Hex(text),
      length: text.length,
      referenceDate: pick([null, '2015-11-24', '2016-02-29']),
      referenceDateSource: pick([null, 'user', 'detected']),
    },
    entities,
    annotations,
    rejections,
    orphans,
  };
  if (rand() < 0.3) s.$schema = './sidecar.schema.json';
  return s as Sidecar;
}

// ---- changes that keep the layout (JSON.stringify with 2 spaces) but may break the sidecar ----

const VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  3,
  1e300,
  '',
  'x',
  'e1',
  'e2',
  'a1',
  'person',
  'date',
  'auto',
  'day',
  '2015-02-30',
  'x'.repeat(33),
  'a'.repeat(64),
  [],
  ['x'],
  {},
];
const KEYS = [
  'id',
  'type',
  'start',
  'end',
  'text',
  'entity',
  'value',
  'note',
  'precision',
  'reviewed',
  'valueFixed',
  'orphanedAt',
  'externalId',
  'x',
  'version',
];

function containers(v: any, out: any[] = []): any[] {
  if (typeof v === 'object' && v !== null) {
    out.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) containers(x, out);
  }
  return out;
}

function mutate(v: any, rand: () => number): void {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const target = pick(containers(v));
  const r = rand();
  if (Array.isArray(target)) {
    if (target.length === 0 || r < 0.3) target.push(JSON.parse(JSON.stringify(pick([...target, ...VALUES]))));
    else if (r < 0.6) target.splice(Math.floor(rand() * target.length), 1);
    else target[Math.floor(rand() * target.length)] = pick(VALUES);
    return;
  }
  const keys = Object.keys(target);
  if (r < 0.15 && keys.length > 0) delete target[pick(keys)];
  else if (r < 0.4) target[pick(KEYS)] = pick(VALUES);
  else if (keys.length > 0) target[pick(keys)] = pick(VALUES);
}

/** Changes to the text itself: a character replaced, removed or added, a line removed or doubled, spaces added. */
function scramble(s: string, rand: () => number): string {
  const at = Math.floor(rand() * s.length);
  const r = rand();
  if (r < 0.25) return s.slice(0, at) + s.slice(at + 1);
  if (r < 0.5) return s.slice(0, at) + '"\\ \n,:{}[]0e-'.charAt(Math.floor(rand() * 13)) + s.slice(at);
  const lineStart = s.lastIndexOf('\n', at) + 1;
  const lineEnd = s.indexOf('\n', at) + 1 || s.length;
  if (r < 0.7) return s.slice(0, lineStart) + s.slice(lineEnd);
  if (r < 0.85) return s.slice(0, lineEnd) + s.slice(lineStart, lineEnd) + s.slice(lineEnd);
  return s.slice(0, at) + ' ' + s.slice(at);
}

describe('lean sidecar reader', () => {
  it('reads the fixture and the seeds lean, deep-equal to the full path', () => {
    assert.ok(agrees(fixtureText, fixtureSidecar, 'fixture'));
    for (const { file, text } of seeds) {
      const sidecar = serializeSidecar(reconcile({ text, file, analysis: analyze(text) }).sidecar);
      assert.ok(agrees(text, sidecar, file), `${file} not read lean`);
    }
  });

  it('reads random sidecars with quotes, backslashes, control characters and surrogates lean, deep-equal to the full path', () => {
    const rand = prng(20261129);
    for (let i = 0; i < 400; i++) {
      const text = awkwardText(rand, 20 + Math.floor(rand() * 200));
      const sidecar = serializeSidecar(randomSidecar(rand, text));
      assert.ok(agrees(text, sidecar, `case ${i}`), `case ${i} not read lean:\n${sidecar}`);
    }
  });

  it('never takes what the full path refuses, and agrees with it on what it takes, on randomly changed sidecars', () => {
    const rand = prng(7);
    let lean = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const text = awkwardText(rand, 20 + Math.floor(rand() * 100));
      const valid = randomSidecar(rand, text);
      let sidecar: string;
      if (i % 2 === 0) {
        // the same layout, other values: only the checks can refuse it
        const value = JSON.parse(JSON.stringify(valid));
        mutate(value, rand);
        sidecar = `${JSON.stringify(value, null, 2)}\n`;
      } else sidecar = scramble(serializeSidecar(valid), rand);
      if (agrees(text, sidecar, `case ${i}`)) lean++;
      else refused++;
    }
    // both answers came up often: the comparison tested something either way
    assert.ok(lean > 300 && refused > 1000, `${lean} read lean, ${refused} refused`);
  });

  it('refuses what it does not recognise, and the full path still reads it (or refuses it with its own error)', () => {
    const expected = full(fixtureText, fixtureSidecar);
    const value = JSON.parse(fixtureSidecar);
    const cases: [string, string][] = [
      ['reformatted (one line)', JSON.stringify(value)],
      ['reformatted (tabs)', JSON.stringify(value, null, '\t')],
      ['CRLF line ends', fixtureSidecar.replace(/\n/g, '\r\n')],
      ['a byte order mark', `\ufeff${fixtureSidecar}`],
      [
        'keys in another order',
        fixtureSidecar.replace('"version": 3,\n  "generator": "news-annotator 0.1.0",', '"generator": "news-annotator 0.1.0",\n  "version": 3,'),
      ],
      ['an escape where none is needed', fixtureSidecar.replace('"type": "person"', '"type": "p\\u0065rson"')],
      ['a number written otherwise', fixtureSidecar.replace('"start": 0,', '"start": 0.0,')],
    ];
    for (const [label, sidecar] of cases) {
      assert.equal(leanCorpusArticle('a.txt', fixtureText, sidecar), undefined, label);
      assert.deepStrictEqual(corpusArticleFromSidecarText('a.txt', fixtureText, sidecar, 'a.txt.annotations.json'), expected, label);
    }
  });

  it('refuses an annotation text that is not the article text, which the full path keeps as stored', () => {
    const sidecar = fixtureSidecar.replace('"text": "MOSCOW"', '"text": "Moscow"');
    assert.equal(leanCorpusArticle('a.txt', fixtureText, sidecar), undefined);
    const article = corpusArticleFromSidecarText('a.txt', fixtureText, sidecar, 'x');
    assert.equal(article.annotations[0].text, 'Moscow');
  });

  it('leaves older versions to the full path, which migrates them', () => {
    assert.equal(leanCorpusArticle('a.txt', fixtureText, v1Sidecar), undefined);
    const v2 = v1Sidecar.replace('"version": 1', '"version": 2');
    assert.equal(leanCorpusArticle('a.txt', fixtureText, v2), undefined);
    const migrated = corpusArticleFromSidecarText('a.txt', fixtureText, v1Sidecar, 'x');
    assert.deepStrictEqual(migrated, full(fixtureText, v1Sidecar));
    assert.ok(migrated.annotations.some(a => a.precision === 'day'));
  });

  it('refuses invalid files, and the full path reports them with its own errors', () => {
    const reasons = (sidecar: string) => {
      assert.equal(leanCorpusArticle('a.txt', fixtureText, sidecar), undefined);
      const e = full(fixtureText, sidecar) as SidecarError;
      assert.ok(e instanceof SidecarError);
      assert.throws(
        () => corpusArticleFromSidecarText('a.txt', fixtureText, sidecar, 'a.txt.annotations.json'),
        (thrown: unknown) => thrown instanceof SidecarError && thrown.kind === e.kind && thrown.message === e.message,
      );
      return e;
    };
    assert.equal(reasons(fixtureSidecar.slice(0, fixtureSidecar.length / 2)).kind, 'invalid-json');
    assert.match(reasons(fixtureSidecar.replace('"end": 6,', '"end": 600,')).reason, /annotations\[0\]\.end: must be <= document.length/);
    assert.match(reasons(fixtureSidecar.replace('"end": 6,', '"end": 0,\n      "x": 1,')).reason, /annotations\[0\]/);
    assert.match(reasons(fixtureSidecar.replace('"entity": "e1"', '"entity": "e99"')).reason, /no entity with id "e99"/);
    assert.match(reasons(fixtureSidecar.replace('"version": 3', '"version": 4')).reason, /newer News Annotator/);
    const extra = fixtureSidecar.replace('"source": "auto",', '"source": "auto",\n      "colour": "red",');
    assert.match(reasons(extra).reason, /colour/);
  });
});
