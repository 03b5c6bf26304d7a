/* eslint-disable @typescript-eslint/no-explicit-any -- these tests bend valid sidecars into every shape */
// The quick yes/no check parseSidecar tries first must say yes exactly when the full validator finds nothing: random
// changes (a field removed, added, or given another value, ids and entities mixed up) to real sidecars, each judged
// by both.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, parseSidecar, reconcile, SidecarError, validateSidecar } from '../../../../src/core';
import { isValidSidecar } from '../../../../src/core/sidecar/quickCheck';
import { prng } from '../../../support/distinct-article';

const fixtures = path.join(__dirname, '../../../fixtures/sidecar');
const fixture = fs.readFileSync(path.join(fixtures, 'valid.annotations.json'), 'utf8');
const seedText = fs.readFileSync(
  path.join(
    __dirname,
    '../../../../seeds',
    fs.readdirSync(path.join(__dirname, '../../../../seeds')).find(f => f.endsWith('.txt'))!,
  ),
  'utf8',
);

/** Sidecars with every optional field somewhere: the fixture, a seed's, and one with rejections, orphans, notes. */
function samples(): string[] {
  const seed = reconcile({ text: seedText, file: 'seed.txt', analysis: analyze(seedText) }).sidecar as any;
  const rich = JSON.parse(JSON.stringify(seed));
  rich.$schema = './sidecar.schema.json';
  rich.entities[0].externalId = 'urn:x:1';
  rich.entities[0].note = 'a note';
  rich.annotations[0].note = 'checked';
  rich.annotations[0].reviewed = true;
  const date = rich.annotations.find((a: any) => a.type === 'date');
  if (date) date.valueFixed = true;
  rich.rejections.push({ ...rich.annotations[1], id: undefined, entity: undefined, source: undefined, value: undefined, note: undefined, reviewed: undefined });
  rich.orphans.push({ ...rich.annotations[2], id: 'o1', orphanedAt: '2024-01-01T00:00:00.000Z', end: rich.document.length + 50 });
  return [fixture, JSON.stringify(seed), JSON.stringify(rich)];
}

const VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  1.5,
  3,
  1e9,
  '',
  'x',
  'e1',
  'e2',
  'a1',
  'person',
  'place',
  'organization',
  'date',
  'auto',
  'manual',
  'day',
  'year',
  'user',
  'detected',
  '2015-11-24',
  '2015-02-30',
  '2015-1-24',
  'x'.repeat(32),
  'x'.repeat(33),
  'a'.repeat(64),
  'A'.repeat(64),
  [],
  ['x'],
  [1],
  {},
  3,
];
const KEYS = ['id', 'type', 'start', 'end', 'text', 'entity', 'value', 'note', 'precision', 'reviewed', 'valueFixed', 'orphanedAt', 'externalId', 'x'];

/** Every object and array inside `v`, with `v` itself. */
function containers(v: any, out: any[] = []): any[] {
  if (typeof v === 'object' && v !== null) {
    out.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) containers(x, out);
  }
  return out;
}

function mutate(v: any, rand: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const target = pick(containers(v));
  const r = rand();
  if (Array.isArray(target)) {
    if (target.length === 0 || r < 0.2) target.push(pick(VALUES));
    else if (r < 0.5) target.push(JSON.parse(JSON.stringify(pick(target))));
    else if (r < 0.7) target.splice(Math.floor(rand() * target.length), 1);
    else target[Math.floor(rand() * target.length)] = pick(VALUES);
    return;
  }
  const keys = Object.keys(target);
  if (r < 0.15 && keys.length > 0) delete target[pick(keys)];
  else if (r < 0.25) {
    // a key every object inherits, as JSON.parse makes it: an own property
    const key = pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'y']);
    Object.defineProperty(target, key, { value: pick(VALUES), enumerable: true, writable: true, configurable: true });
  } else if (r < 0.45) target[pick(KEYS)] = pick(VALUES);
  else if (keys.length > 0) target[pick(keys)] = pick(VALUES);
}

describe('sidecar quick check', () => {
  it('says yes to valid sidecars, and parseSidecar returns them as JSON.parse reads them', () => {
    for (const text of samples()) {
      const value = JSON.parse(text);
      assert.deepEqual(validateSidecar(value), []);
      assert.equal(isValidSidecar(value), true);
      assert.deepEqual(parseSidecar(text, 'x'), value);
    }
  });

  it('agrees with the full validator on randomly changed sidecars', () => {
    const rand = prng(20261129);
    const texts = samples();
    let valid = 0;
    let invalid = 0;
    for (let i = 0; i < 6000; i++) {
      const value = JSON.parse(texts[i % texts.length]);
      const changes = 1 + Math.floor(rand() * 2);
      for (let c = 0; c < changes; c++) mutate(value, rand);
      const errors = validateSidecar(value);
      assert.equal(isValidSidecar(value), errors.length === 0, `case ${i}: ${errors.join('; ') || 'valid'}\n${JSON.stringify(value).slice(0, 2000)}`);
      if (errors.length === 0) valid++;
      else invalid++;
    }
    // both answers came up often: the comparison tested something either way
    assert.ok(valid > 300 && invalid > 3000, `${valid} valid, ${invalid} invalid`);
  });

  it('leaves the reasons to the full validator: an invalid file is refused with the same message', () => {
    const value = JSON.parse(fixture);
    value.annotations[3].end = value.annotations[3].start - 1;
    assert.throws(
      () => parseSidecar(JSON.stringify(value), 'a.annotations.json'),
      (e: unknown) => e instanceof SidecarError && e.kind === 'invalid-schema' && e.reason === 'not a valid sidecar: annotations[3].end: must be >= start',
    );
  });
});
