// "Every article" corrections as analysis input, and decisions reflected into a sidecar's entities.
import { strict as assert } from 'node:assert';
import {
  addEntityDecision,
  analyze,
  Corpus,
  correctionsLexicon,
  emptyDecisions,
  reflectDecisions,
  rejectedNames,
  setCorrection,
  withoutRejectedNames,
} from '../../../../src/core';
import { analyzed, handmade } from './helpers';

const TEXT = 'Apple said on Monday that Hemeimeem would close. Tim Cook met Vladimir Putin in Moscow. Putin smiled.';

describe('carry-over corrections', () => {
  it('retype and accept become a lexicon the analysis follows; reject takes the name out, and keeps it out', () => {
    let d = setCorrection(emptyDecisions(), { name: 'Hemeimeem', action: 'retype', type: 'place' });
    d = setCorrection(d, { name: 'Moscow', action: 'accept', type: 'organization' });
    d = setCorrection(d, { name: 'Vladimir Putin', action: 'reject' });
    assert.deepEqual(correctionsLexicon(d), { Hemeimeem: 'place', Moscow: 'organization' });
    assert.deepEqual(rejectedNames(d), ['Vladimir Putin']);

    const plain = analyze(TEXT);
    const result = withoutRejectedNames(analyze(TEXT, { lexicon: correctionsLexicon(d) }), rejectedNames(d));
    const typeOf = (r: typeof plain, text: string) => r.annotations.find(a => a.text === text)?.type;
    assert.equal(typeOf(result, 'Hemeimeem'), 'place');
    assert.equal(typeOf(result, 'Moscow'), 'organization');
    assert.ok(typeOf(plain, 'Vladimir Putin'), 'the analysis finds it without the correction');
    assert.equal(typeOf(result, 'Vladimir Putin'), undefined);
    // "Putin" alone is another name: still there, and its entity no longer carries the rejected alias
    const putin = result.entities.find(e => e.aliases.includes('Putin'))!;
    assert.ok(putin);
    assert.ok(!putin.aliases.includes('Vladimir Putin'));
    assert.equal(putin.name, 'Putin');
    for (const a of result.annotations)
      if (a.entity)
        assert.ok(
          result.entities.some(e => e.id === a.entity),
          a.text,
        );
  });

  it('returns the result itself when nothing is rejected or nothing matches', () => {
    const r = analyze(TEXT);
    assert.equal(withoutRejectedNames(r, []), r);
    assert.equal(withoutRejectedNames(r, ['Angela Merkel']), r);
  });

  it('compares rejected names with spaces collapsed, case kept (as the lexicon does)', () => {
    const r = analyze('Vladimir\u00a0Putin spoke. VLADIMIR PUTIN');
    const out = withoutRejectedNames(r, ['Vladimir Putin']);
    assert.ok(!out.annotations.some(a => a.text === 'Vladimir\u00a0Putin'));
  });
});

describe('reflecting decisions into sidecar entities', () => {
  const article = () =>
    handmade('a.txt', 'Vladimir Putin. Putin. Moscow.', [
      { text: 'Vladimir Putin', type: 'person' },
      { text: 'Putin', type: 'person', entity: 'Vladimir Putin' },
      { text: 'Moscow', type: 'place' },
    ]);

  it('sets the renamed name, external id and note; leaves the rest; the same array when nothing changes', () => {
    let d = addEntityDecision(emptyDecisions(), { kind: 'rename', entity: { type: 'person', name: 'Putin' }, name: 'Vladimir V. Putin' });
    d = addEntityDecision(d, { kind: 'externalId', entity: { type: 'person', name: 'Putin' }, externalId: 'https://www.wikidata.org/wiki/Q7747' });
    d = addEntityDecision(d, { kind: 'note', entity: { type: 'place', name: 'Moscow' }, note: 'capital' });
    const a = article();
    const c = new Corpus(d);
    c.setArticle(a);
    const out = reflectDecisions(c, 'a.txt', a.entities);
    assert.deepEqual(out, [
      { id: 'e1', type: 'person', name: 'Vladimir V. Putin', aliases: ['Putin', 'Vladimir Putin'], externalId: 'https://www.wikidata.org/wiki/Q7747' },
      { id: 'e2', type: 'place', name: 'Moscow', aliases: ['Moscow'], note: 'capital' },
    ]);
    // indexed again from the reflected sidecar: the same corpus entity, the same id
    c.setArticle({ ...a, entities: out });
    assert.equal(c.entityOf('a.txt', 'e1')!.id, 'person:vladimir putin');
    assert.equal(reflectDecisions(c, 'a.txt', out), out, 'nothing more to change');
  });

  it('takes a decision back out: the own name returns, the external id goes', () => {
    const a = article();
    const c = new Corpus();
    const stale = [{ ...a.entities[0], name: 'Vladimir V. Putin', externalId: 'urn:x:1' }, a.entities[1]];
    c.setArticle({ ...a, entities: stale });
    assert.deepEqual(reflectDecisions(c, 'a.txt', stale), a.entities);
  });

  it('a real analysis round trip keeps every entity', () => {
    const c = new Corpus(addEntityDecision(emptyDecisions(), { kind: 'note', entity: { type: 'person', name: 'Putin' }, note: 'n' }));
    const a = analyzed('x.txt', TEXT);
    c.setArticle(a);
    const out = reflectDecisions(c, 'x.txt', a.entities);
    assert.equal(out.length, a.entities.length);
    assert.equal(out.filter(e => e.note === 'n').length, 1);
  });
});
