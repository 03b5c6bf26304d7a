// The decisions file: validation with path: reason errors, agreement with media/entities.schema.json,
// deterministic text, edits, and applying the decisions to the corpus.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addEntityDecision,
  Corpus,
  DecisionsError,
  emptyDecisions,
  isAbsoluteUri,
  parseDecisions,
  removeCorrection,
  serializeDecisions,
  setCorrection,
  validateDecisions,
  type CorpusDecisions,
} from '../../../../src/core';
import { handmade } from './helpers';

// decisions edited into shapes the types forbid, to see the validator refuse them
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../media/entities.schema.json'), 'utf8'));

const full: CorpusDecisions = {
  version: 1,
  entities: [
    { kind: 'rename', entity: { type: 'person', name: 'Putin' }, name: 'Vladimir V. Putin' },
    { kind: 'merge', entity: { type: 'place', name: 'United States' }, with: [{ type: 'place', name: 'US' }] },
    { kind: 'split', entity: { type: 'person', name: 'Assad' }, name: 'Hafez al-Assad', aliases: ['Hafez al-Assad'], articles: ['1970/coup.txt'] },
    { kind: 'externalId', entity: { type: 'person', name: 'Putin' }, externalId: 'https://www.wikidata.org/wiki/Q7747' },
    { kind: 'note', entity: { type: 'person', name: 'Putin' }, note: 'President of Russia' },
  ],
  corrections: [
    { name: 'Hemeimeem', action: 'retype', type: 'place' },
    { name: 'Apple', action: 'reject' },
    { name: 'Daily Sabah', action: 'accept', type: 'organization' },
  ],
};

const errorsOf = (change: (d: Loose) => void) => {
  const d = structuredClone(full) as Loose;
  change(d);
  return validateDecisions(d);
};

describe('decisions file', () => {
  it('accepts every kind of decision and correction', () => {
    assert.deepEqual(validateDecisions(full), []);
    assert.deepEqual(validateDecisions(emptyDecisions()), []);
  });

  it('names the path and the reason of each problem', () => {
    assert.deepEqual(
      errorsOf(d => (d.entities[3].externalId = 'Q7747')),
      ['entities[3].externalId: must be an absolute URI (scheme:..., e.g. https://www.wikidata.org/wiki/Q7747)'],
    );
    assert.deepEqual(
      errorsOf(d => (d.entities[0].kind = 'retitle')),
      ['entities[0].kind: must be one of "rename", "merge", "split", "externalId", "note"'],
    );
    assert.deepEqual(
      errorsOf(d => (d.entities[1].with = [])),
      ['entities[1].with: must have at least 1 item'],
    );
    assert.deepEqual(
      errorsOf(d => {
        delete d.entities[2].aliases;
        delete d.entities[2].articles;
      }),
      ['entities[2]: a split needs "aliases", "articles" or both'],
    );
    assert.deepEqual(
      errorsOf(d => (d.entities[0].entity.type = 'date')),
      ['entities[0].entity.type: must be one of "person", "place", "organization"'],
    );
    assert.deepEqual(
      errorsOf(d => (d.entities[0].name = '  ')),
      ['entities[0].name: must not be blank'],
    );
    assert.deepEqual(
      errorsOf(d => d.corrections.push({ name: 'Hemeimeem', action: 'reject' })),
      ['corrections[3].name: "Hemeimeem" is already corrected by corrections[0]'],
    );
    assert.deepEqual(
      errorsOf(d => (d.corrections[1].type = 'place')),
      ['corrections[1].type: is not allowed'],
    );
    assert.deepEqual(
      errorsOf(d => (d.version = 2)),
      ['version: must be 1'],
    );
    assert.deepEqual(validateDecisions([]), ['(root): must be an object']);
  });

  it('parse: not JSON, a newer version and schema errors are DecisionsErrors naming the file', () => {
    const fail = (text: string) => {
      try {
        parseDecisions(text, 'x/entities.json');
      } catch (e) {
        assert.ok(e instanceof DecisionsError);
        return e.message;
      }
      assert.fail('parsed');
    };
    assert.match(fail('{'), /^x\/entities\.json: not valid JSON/);
    assert.match(fail('{"version": 7, "entities": [], "corrections": []}'), /newer News Annotator \(format version 7/);
    assert.equal(fail('{"version": 1, "entities": {}}'), 'x/entities.json: entities: must be an array; corrections: is required');
    assert.equal(serializeDecisions(parseDecisions(`\ufeff${serializeDecisions(full)}`)), serializeDecisions(full));
  });

  it('absolute URIs: a scheme, a colon and no spaces', () => {
    for (const ok of ['https://www.wikidata.org/wiki/Q7747', 'urn:isbn:0451450523', 'db:people/42', 'mailto:a@b.c']) assert.ok(isAbsoluteUri(ok), ok);
    for (const bad of ['Q7747', '/wiki/Q7747', 'https://a b', '1http://x', ':x', 'http:', 'x:\u0000']) assert.ok(!isAbsoluteUri(bad), bad);
  });

  it('serializes deterministically: fixed key order, corrections by name, entity decisions in order', () => {
    const text = serializeDecisions(full);
    assert.equal(serializeDecisions(parseDecisions(text)), text);
    const shuffled = { ...full, corrections: [...full.corrections].reverse() };
    assert.equal(serializeDecisions(shuffled), text);
    const parsed = JSON.parse(text);
    assert.deepEqual(
      parsed.corrections.map((c: { name: string }) => c.name),
      ['Apple', 'Daily Sabah', 'Hemeimeem'],
    );
    assert.deepEqual(Object.keys(parsed), ['version', 'entities', 'corrections']);
    assert.ok(text.endsWith('}\n'));
  });

  it('edits return new decisions; a correction of a name replaces the earlier one', () => {
    let d = emptyDecisions();
    const before = serializeDecisions(d);
    d = setCorrection(d, { name: 'Hemeimeem\u00a0Air Base', action: 'retype', type: 'place' });
    d = setCorrection(d, { name: 'Hemeimeem Air Base', action: 'reject' });
    assert.deepEqual(d.corrections, [{ name: 'Hemeimeem Air Base', action: 'reject' }]);
    d = addEntityDecision(d, { kind: 'note', entity: { type: 'person', name: 'Putin' }, note: 'n' });
    assert.equal(d.entities.length, 1);
    assert.equal(removeCorrection(d, 'Hemeimeem Air Base').corrections.length, 0);
    assert.equal(serializeDecisions(emptyDecisions()), before);
  });

  describe('agrees with media/entities.schema.json', () => {
    it('lists the same decision kinds, correction actions and required keys', () => {
      const defs = schema.definitions;
      assert.deepEqual(schema.required, ['version', 'entities', 'corrections']);
      for (const kind of ['rename', 'merge', 'split', 'externalId', 'note']) {
        assert.equal(defs[kind].properties.kind.const, kind);
        const sample = full.entities.find(e => e.kind === kind)!;
        for (const key of defs[kind].required) {
          const d = structuredClone(full) as Loose;
          const i = full.entities.indexOf(sample);
          delete d.entities[i][key];
          const errors = validateDecisions(d);
          assert.ok(errors.length > 0, `${kind}.${key}`);
        }
        // the validator refuses what the schema does not list
        const d = structuredClone(full) as Loose;
        d.entities[full.entities.indexOf(sample)].surprise = 1;
        assert.deepEqual(validateDecisions(d), [`entities[${full.entities.indexOf(sample)}].surprise: is not allowed`]);
        assert.equal(defs[kind].additionalProperties, false);
      }
      assert.deepEqual(defs.typeCorrection.properties.action.enum, ['retype', 'accept']);
      assert.equal(defs.reject.properties.action.const, 'reject');
      assert.deepEqual(defs.entityType.enum, ['person', 'place', 'organization']);
      assert.equal(schema.properties.version.const, 1);
    });
  });
});

describe('applying decisions', () => {
  const corpus = (decisions: CorpusDecisions = emptyDecisions()) => {
    const c = new Corpus(decisions);
    c.setArticle(
      handmade('a.txt', 'Vladimir Putin. Putin. The United States.', [
        { text: 'Vladimir Putin', type: 'person' },
        { text: 'Putin', type: 'person', entity: 'Vladimir Putin' },
        { text: 'United States', type: 'place' },
      ]),
    );
    c.setArticle(
      handmade('b.txt', 'Putin and the US.', [
        { text: 'Putin', type: 'person' },
        { text: 'US', type: 'place' },
      ]),
    );
    c.setArticle(
      handmade('c.txt', 'Hafez al-Assad and Bashar al-Assad', [
        { text: 'Hafez al-Assad', type: 'person' },
        { text: 'Bashar al-Assad', type: 'person', entity: 'Bashar al-Assad' },
      ]),
    );
    return c;
  };

  it('rename keeps the id; external id and note attach; a later decision finds the entity by its new name', () => {
    let d = addEntityDecision(emptyDecisions(), { kind: 'rename', entity: { type: 'person', name: 'putin' }, name: 'Vladimir\u00a0V. Putin' });
    d = addEntityDecision(d, { kind: 'externalId', entity: { type: 'person', name: 'Vladimir V. Putin' }, externalId: 'https://www.wikidata.org/wiki/Q7747' });
    d = addEntityDecision(d, { kind: 'note', entity: { type: 'person', name: 'Putin' }, note: 'President' });
    const c = corpus(d);
    const e = c.entity('person:vladimir putin')!;
    assert.equal(e.name, 'Vladimir V. Putin');
    assert.equal(e.externalId, 'https://www.wikidata.org/wiki/Q7747');
    assert.equal(e.note, 'President');
    assert.equal(e.articles.length, 2);
  });

  it('merge makes one entity of two; split takes aliases or articles out again', () => {
    const merged = corpus(
      addEntityDecision(emptyDecisions(), {
        kind: 'merge',
        entity: { type: 'person', name: 'Hafez al-Assad' },
        with: [{ type: 'person', name: 'Bashar al-Assad' }],
      }),
    );
    const assad = merged.entity('person:hafez al-assad')!;
    assert.deepEqual(assad.aliases, ['Bashar al-Assad', 'Hafez al-Assad']);
    assert.equal(merged.entity('person:bashar al-assad'), undefined);
    assert.equal(merged.entityOf('c.txt', 'e2'), assad);

    const split = corpus(
      addEntityDecision(emptyDecisions(), { kind: 'split', entity: { type: 'person', name: 'Putin' }, name: 'Putin (b)', articles: ['b.txt'] }),
    );
    assert.deepEqual(
      split.entity('person:vladimir putin')!.articles.map(a => a.path),
      ['a.txt'],
    );
    const b = split.entity('person:putin (b)')!;
    assert.equal(b.name, 'Putin (b)');
    assert.deepEqual(
      b.articles.map(a => a.path),
      ['b.txt'],
    );

    const byAlias = corpus(
      addEntityDecision(emptyDecisions(), { kind: 'split', entity: { type: 'place', name: 'United States' }, name: 'US', aliases: ['us'] }),
    );
    assert.deepEqual(
      byAlias.entity('place:us')!.articles.map(a => a.path),
      ['b.txt'],
    );
    assert.deepEqual(byAlias.entity('place:united states')!.aliases, ['United States']);
  });

  it('a decision about an entity not in the corpus does nothing; a split of everything does nothing', () => {
    const c = corpus({
      version: 1,
      entities: [
        { kind: 'rename', entity: { type: 'person', name: 'Angela Merkel' }, name: 'Merkel' },
        { kind: 'split', entity: { type: 'person', name: 'Putin' }, name: 'All', articles: ['a.txt', 'b.txt'] },
      ],
      corrections: [],
    });
    assert.deepEqual(c.entities(), corpus().entities());
  });
});
