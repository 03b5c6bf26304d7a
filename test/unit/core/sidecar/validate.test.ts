/* eslint-disable @typescript-eslint/no-explicit-any -- these tests bend valid sidecars into every invalid shape */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar, SidecarError, validateSidecar, type Sidecar } from '../../../../src/core/sidecar';
import { DATE_PRECISIONS } from '../../../../src/core/types';

const fixtures = path.join(__dirname, '../../../fixtures/sidecar');
const validText = fs.readFileSync(path.join(fixtures, 'valid.annotations.json'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../media/sidecar.schema.json'), 'utf8'));
const valid = (): Sidecar => JSON.parse(validText);

function errorsAfter(change: (s: Record<string, any>) => void): string[] {
  const s = valid() as unknown as Record<string, any>;
  change(s);
  return validateSidecar(s);
}

function parseError(text: string): SidecarError {
  try {
    parseSidecar(text, '/news/a.txt.annotations.json');
  } catch (e) {
    assert.ok(e instanceof SidecarError, `not a SidecarError: ${e}`);
    return e;
  }
  assert.fail('parsed without error');
}

describe('sidecar validation', () => {
  it('accepts the valid fixture (a real CLI output) and a BOM in front of it', () => {
    assert.deepEqual(validateSidecar(valid()), []);
    assert.equal(parseSidecar(validText, 'x').version, 3);
    assert.equal(parseSidecar(`\ufeff${validText}`, 'x').document.file, 'article.txt');
  });

  it('accepts empty lists, a null reference date and optional fields', () => {
    assert.deepEqual(
      errorsAfter(s => {
        s.entities = [];
        s.annotations = [];
        s.rejections = [];
        s.orphans = [];
        s.document.referenceDate = null;
        s.document.referenceDateSource = null;
        s.$schema = './x.json';
      }),
      [],
    );
  });

  it('reports invalid JSON with the file name', () => {
    const e = parseError('{"version": 1,');
    assert.equal(e.kind, 'invalid-json');
    assert.equal(e.file, '/news/a.txt.annotations.json');
    assert.match(e.message, /^\/news\/a\.txt\.annotations\.json: not valid JSON/);
  });

  it('reports a future version as such, not as a schema error', () => {
    const s = valid() as unknown as Record<string, unknown>;
    s.version = 4;
    s.somethingNew = true;
    const e = parseError(JSON.stringify(s));
    assert.equal(e.kind, 'future-version');
    assert.match(e.reason, /version 4/);
  });

  it('names the path and the reason for each kind of schema error', () => {
    const cases: [string, (s: Record<string, any>) => void, string][] = [
      [
        'end before start',
        s => {
          s.annotations[3].end = s.annotations[3].start - 1;
        },
        'annotations[3].end: must be >= start',
      ],
      [
        'end past the text',
        s => {
          s.annotations[0].end = 10_000;
        },
        'annotations[0].end: must be <= document.length (503)',
      ],
      [
        'negative offset',
        s => {
          s.annotations[1].start = -1;
        },
        'annotations[1].start: must be an integer >= 0',
      ],
      [
        'fractional offset',
        s => {
          s.rejections = [{ type: 'place', start: 1.5, end: 3, text: 'x', prefix: '', suffix: '' }];
        },
        'rejections[0].start: must be an integer >= 0',
      ],
      [
        'unknown type',
        s => {
          s.annotations[0].type = 'animal';
        },
        'annotations[0].type: must be one of "person", "place", "organization", "date"',
      ],
      [
        'date entity type',
        s => {
          s.entities[0].type = 'date';
        },
        'entities[0].type: must be one of "person", "place", "organization"',
      ],
      [
        'missing field',
        s => {
          delete s.annotations[2].text;
        },
        'annotations[2].text: is required',
      ],
      [
        'unknown field',
        s => {
          s.annotations[0].colour = 'red';
        },
        'annotations[0].colour: is not allowed',
      ],
      [
        'bad hash',
        s => {
          s.document.sha256 = 'ABC';
        },
        'document.sha256: must match ^[0-9a-f]{64}$',
      ],
      [
        'bad reference date',
        s => {
          s.document.referenceDate = '25/11/2015';
        },
        'document.referenceDate: must match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      ],
      [
        'bad source',
        s => {
          s.annotations[0].source = 'robot';
        },
        'annotations[0].source: must be one of "auto", "manual"',
      ],
      [
        'context too long',
        s => {
          s.annotations[0].prefix = 'x'.repeat(33);
        },
        'annotations[0].prefix: must be at most 32 characters',
      ],
      [
        'not an array',
        s => {
          s.orphans = {};
        },
        'orphans: must be an array',
      ],
      [
        'orphan without timestamp',
        s => {
          s.orphans = [{ ...s.annotations[0], id: 'm9' }];
        },
        'orphans[0].orphanedAt: is required',
      ],
      [
        'duplicate id',
        s => {
          s.annotations[1].id = s.annotations[0].id;
        },
        'annotations[1].id: duplicate id "a1"',
      ],
      [
        'unknown entity',
        s => {
          s.annotations[0].entity = 'e99';
        },
        'annotations[0].entity: no entity with id "e99"',
      ],
      [
        'entity of another type',
        s => {
          s.annotations[0].entity = 'e2';
        },
        'annotations[0].entity: entity "e2" is a person, the annotation a place',
      ],
      [
        'duplicate entity',
        s => {
          s.entities[1].id = 'e1';
        },
        'entities[1].id: duplicate id "e1"',
      ],
      [
        'version 0',
        s => {
          s.version = 0;
        },
        'version: must be 3',
      ],
      [
        'unknown precision',
        s => {
          s.annotations[1].precision = 'fortnight';
        },
        'annotations[1].precision: must be one of "day", "week", "month", "quarter", "season", "year", "decade", "century", "time", "reference"',
      ],
      [
        'precision on a name',
        s => {
          s.annotations[0].precision = 'day';
        },
        'annotations[0].precision: only a date with a value has a precision',
      ],
      [
        'precision without a value',
        s => {
          s.annotations[1].value = null;
        },
        'annotations[1].precision: only a date with a value has a precision',
      ],
      [
        'impossible reference date',
        s => {
          s.document.referenceDate = '2015-02-30';
        },
        'document.referenceDate: "2015-02-30" is not a real day',
      ],
      [
        'not an object',
        s => {
          s.document = 'a.txt';
        },
        'document: must be an object',
      ],
    ];
    for (const [name, change, expected] of cases) {
      const errors = errorsAfter(change);
      assert.ok(errors.includes(expected), `${name}: expected "${expected}" in ${JSON.stringify(errors)}`);
    }
  });

  it('refuses keys every object inherits (__proto__, constructor, toString, ...) like any unknown key', () => {
    const places: [where: string, opening: string][] = [
      ['', '{'],
      ['document.', '"document": {'],
      ['annotations[0].', '"annotations": [\n    {'],
    ];
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const [where, opening] of places) {
        assert.ok(validText.includes(opening), opening);
        const text = validText.replace(opening, `${opening}"${key}": {},`);
        const e = parseError(text);
        assert.equal(e.kind, 'invalid-schema', `${where}${key}`);
        assert.ok(e.reason.includes(`${where}${key}: is not allowed`), `${where}${key}: ${e.reason}`);
      }
    }
  });

  it('rejects a date annotation that names an entity', () => {
    const errors = errorsAfter(s => {
      const date = s.annotations.find((a: { type: string }) => a.type === 'date');
      date.entity = 'e1';
    });
    assert.ok(
      errors.some(e => /\.entity: a date has no entity$/.test(e)),
      JSON.stringify(errors),
    );
  });

  it('a schema error from parseSidecar says where and lists at most five problems', () => {
    const s = valid() as unknown as Record<string, any>;
    for (const a of s.annotations) a.start = -1;
    const e = parseError(JSON.stringify(s));
    assert.equal(e.kind, 'invalid-schema');
    assert.match(e.reason, /annotations\[0\]\.start: must be an integer >= 0/);
    assert.match(e.reason, /and \d+ more/);
  });

  it('rejects a root that is not an object', () => {
    assert.deepEqual(validateSidecar([]), ['(root): must be an object']);
    assert.equal(parseError('null').kind, 'invalid-schema');
  });

  describe('agrees with media/sidecar.schema.json', () => {
    const defs = schema.definitions;
    const objects: [string, any, (s: Record<string, any>) => Record<string, any>][] = [
      ['(root)', schema, s => s],
      ['document', schema.properties.document, s => s.document],
      ['entities[0]', defs.entity, s => s.entities[0]],
      ['annotations[0]', defs.annotation, s => s.annotations[0]],
      [
        'rejections[0]',
        defs.rejection,
        s => {
          s.rejections = [{ type: 'place', start: 0, end: 6, text: 'MOSCOW', prefix: '', suffix: ', Nove' }];
          return s.rejections[0];
        },
      ],
      [
        'orphans[0]',
        defs.orphan,
        s => {
          s.orphans = [{ ...s.annotations[0], id: 'm9', entity: undefined, orphanedAt: '2026-01-01T00:00:00.000Z' }];
          delete s.orphans[0].entity;
          return s.orphans[0];
        },
      ],
    ];

    it('every required property in the schema is required by the validator', () => {
      for (const [where, def, pick] of objects) {
        for (const key of def.required) {
          const errors = errorsAfter(s => {
            delete pick(s)[key];
          });
          const path = where === '(root)' ? key : `${where}.${key}`;
          assert.ok(errors.includes(`${path}: is required`), `${path}: ${JSON.stringify(errors)}`);
        }
      }
    });

    it('every object refuses properties the schema does not list, and accepts the ones it does', () => {
      for (const [where, def, pick] of objects) {
        const errors = errorsAfter(s => {
          pick(s).surprise = 1;
        });
        const path = where === '(root)' ? 'surprise' : `${where}.surprise`;
        assert.ok(errors.includes(`${path}: is not allowed`), `${path}: ${JSON.stringify(errors)}`);
        assert.equal(def.additionalProperties, false);
      }
      assert.deepEqual(Object.keys(defs.annotation.properties).sort(), Object.keys(defs.annotationProperties).sort());
    });

    it('accepts every enum value the schema lists', () => {
      for (const type of defs.type.enum)
        assert.deepEqual(
          errorsAfter(s => {
            s.annotations = [{ id: 'm1', type, start: 0, end: 6, text: 'MOSCOW', source: 'manual', prefix: '', suffix: '' }];
            s.entities = [];
            s.orphans = [];
          }),
          [],
          type,
        );
      for (const source of defs.annotationProperties.source.enum)
        assert.deepEqual(
          errorsAfter(s => {
            s.annotations[0].source = source;
          }),
          [],
        );
      assert.deepEqual(defs.annotationProperties.precision.enum, [...DATE_PRECISIONS]);
      for (const precision of defs.annotationProperties.precision.enum)
        assert.deepEqual(
          errorsAfter(s => {
            s.annotations[1].precision = precision;
          }),
          [],
          precision,
        );
      for (const ref of schema.properties.document.properties.referenceDateSource.enum) {
        assert.deepEqual(
          errorsAfter(s => {
            s.document.referenceDateSource = ref;
          }),
          [],
        );
      }
    });
  });
});
