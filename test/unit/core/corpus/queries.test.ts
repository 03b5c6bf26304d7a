// Queries over the corpus: symbols by alias, references, previews, "Appears with".
import { strict as assert } from 'node:assert';
import {
  addEntityDecision,
  appearsWith,
  cooccurrencePairs,
  cooccurrenceTable,
  Corpus,
  emptyDecisions,
  entitiesContaining,
  findEntities,
  mentionsOf,
  previewMerge,
  nameKey,
  previewRename,
} from '../../../../src/core';
import { prng } from '../../../support/distinct-article';
import { handmade, NAMES, PATHS, randomArticle, randomDecisions, TYPES, type Mention } from './helpers';

function corpus(): Corpus {
  const c = new Corpus();
  c.setArticle(
    handmade('b/two.txt', 'Putin met Erdogan in Ankara. Later Erdogan left.\nPutin stayed.', [
      { text: 'Putin', type: 'person' },
      { text: 'Erdogan', type: 'person' },
      { text: 'Ankara', type: 'place' },
      { text: 'Erdogan', type: 'person' },
      { text: 'Putin', type: 'person' },
    ]),
  );
  c.setArticle(
    handmade('a/one.txt', 'Vladimir Putin spoke in Moscow. Recep Tayyip Erdogan answered.', [
      { text: 'Vladimir Putin', type: 'person' },
      { text: 'Moscow', type: 'place' },
      { text: 'Recep Tayyip Erdogan', type: 'person' },
    ]),
  );
  c.setArticle(handmade('c.txt', 'Putinism is not Putin.', [{ text: 'Putin', type: 'person' }]));
  return c;
}

describe('corpus queries', () => {
  it('finds entities by any alias, case folded: prefixes first, then by mentions', () => {
    const c = corpus();
    assert.deepEqual(
      findEntities(c, 'putin').map(m => [m.entity.id, m.alias]),
      [['person:vladimir putin', 'Vladimir Putin']],
    );
    assert.deepEqual(
      findEntities(c, 'ERDO').map(m => m.alias),
      ['Recep Tayyip Erdogan'],
    );
    // "an" is inside "Ankara" at its start and inside "Erdogan" (not a word start)
    assert.deepEqual(
      findEntities(c, 'an').map(m => m.entity.name),
      ['Ankara', 'Recep Tayyip Erdogan'],
    );
    assert.equal(findEntities(c, '').length, c.entities().length);
    assert.equal(findEntities(c, '', 1).length, 1);
    assert.deepEqual(findEntities(c, 'zz'), []);
  });

  it('finds the same before any entity aliases are read (the members own keys) as after (the merged lists)', () => {
    // Moscow merged into Ankara: "mosc" is an alias of one of its members only, not of its name
    const merged = () => {
      const c = new Corpus(
        addEntityDecision(emptyDecisions(), { kind: 'merge', entity: { type: 'place', name: 'Ankara' }, with: [{ type: 'place', name: 'Moscow' }] }),
      );
      for (const a of corpus().articles()) c.setArticle(a);
      return c;
    };
    const found = (c: Corpus, q: string) => findEntities(c, q).map(m => [m.entity.id, m.alias, m.entity.aliases]);
    const read = merged();
    for (const e of read.entities()) void e.aliases;
    for (const q of ['mosc', 'ank', 'recep', 'putin', 'tin', 'an', 'zz']) assert.deepEqual(found(merged(), q), found(read, q), q);
    assert.deepEqual(found(merged(), 'mosc'), [['place:ankara', 'Moscow', ['Ankara', 'Moscow']]]);
  });

  it('finds every entity whose name or an alias contains the query, decided ones too (a rename, a merge, a split)', () => {
    let decisions = emptyDecisions();
    decisions = addEntityDecision(decisions, { kind: 'rename', entity: { type: 'person', name: 'Putin' }, name: 'V. V. Putin' });
    decisions = addEntityDecision(decisions, { kind: 'merge', entity: { type: 'place', name: 'Ankara' }, with: [{ type: 'place', name: 'Moscow' }] });
    decisions = addEntityDecision(decisions, { kind: 'split', entity: { type: 'person', name: 'Erdogan' }, name: 'Erdogan of b', articles: ['b/two.txt'] });
    const c = new Corpus(decisions);
    for (const a of corpus().articles()) c.setArticle(a);
    const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    // what the search must find: every entity, every key of its name and aliases tested
    const everyKey = (q: string) =>
      c
        .entities()
        .filter(e => [e.name, ...e.aliases].some(a => key(a).includes(q)))
        .map(e => e.id)
        .sort();
    for (const q of ['v. v', 'putin', 'mosc', 'ank', 'erdogan of', 'erdo', 'of b', 'a', 'zz']) {
      assert.deepEqual(
        findEntities(c, q)
          .map(m => m.entity.id)
          .sort(),
        everyKey(q),
        q,
      );
    }
    assert.deepEqual(
      findEntities(c, 'v. v.').map(m => [m.entity.id, m.alias]),
      [['person:vladimir putin', 'V. V. Putin']],
    );
    assert.deepEqual(
      findEntities(c, 'erdogan of').map(m => m.entity.name),
      ['Erdogan of b'],
    );
  });

  it("the Corpus view's filter: every entity whose name or an alias contains the text, in the corpus's order (random corpora with decisions)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed * 31337);
      const c = new Corpus(seed % 2 === 0 ? randomDecisions(rand) : emptyDecisions());
      for (const path of PATHS) if (rand() < 0.8) c.setArticle(randomArticle(rand, path));
      const texts = ['', ' ', 'zz', 'U.S', '  united  ', ...Object.values(NAMES).flatMap(names => names.map(n => n.slice(Math.floor(n.length / 3))))];
      for (const text of texts) {
        const q = nameKey(text);
        const expected = c.entities().filter(e => [e.name, ...e.aliases].some(a => nameKey(a).includes(q)));
        assert.deepEqual(
          entitiesContaining(c, text).map(e => e.id),
          expected.map(e => e.id),
          `seed ${seed}, "${text}"`,
        );
      }
    }
  });

  it('lists every mention of an entity in every article, by path then offset', () => {
    const c = corpus();
    assert.deepEqual(mentionsOf(c, 'person:vladimir putin'), [
      { path: 'a/one.txt', start: 0, end: 14, text: 'Vladimir Putin', annotation: 'a1' },
      { path: 'b/two.txt', start: 0, end: 5, text: 'Putin', annotation: 'a1' },
      { path: 'b/two.txt', start: 49, end: 54, text: 'Putin', annotation: 'a5' },
      { path: 'c.txt', start: 16, end: 21, text: 'Putin', annotation: 'a1' },
    ]);
    assert.deepEqual(mentionsOf(c, 'person:nobody'), []);
    assert.deepEqual(c.entity('person:vladimir putin')!.firstMention, mentionsOf(c, 'person:vladimir putin')[0]);
  });

  it('previews what a rename or a merge touches', () => {
    const c = corpus();
    assert.deepEqual(previewRename(c, 'person:vladimir putin'), { mentions: 4, articles: 3, paths: ['a/one.txt', 'b/two.txt', 'c.txt'] });
    assert.deepEqual(previewMerge(c, ['place:ankara', 'place:moscow', 'place:ankara', 'nothing']), {
      mentions: 2,
      articles: 2,
      paths: ['a/one.txt', 'b/two.txt'],
    });
    const merged = new Corpus(
      addEntityDecision(emptyDecisions(), { kind: 'merge', entity: { type: 'place', name: 'Ankara' }, with: [{ type: 'place', name: 'Moscow' }] }),
    );
    for (const a of c.articles()) merged.setArticle(a);
    assert.equal(merged.entity('place:ankara')!.mentions, 2);
  });

  it('"Appears with": shared articles, then shared sentences (a line break ends one)', () => {
    const c = corpus();
    const putin = appearsWith(c, 'person:vladimir putin');
    assert.deepEqual(
      putin.map(x => [x.entity.name, x.articles, x.sentences]),
      [
        ['Recep Tayyip Erdogan', 2, 1],
        ['Ankara', 1, 1],
        ['Moscow', 1, 1],
      ],
    );
    assert.deepEqual(
      appearsWith(c, 'place:ankara').map(x => [x.entity.name, x.articles, x.sentences]),
      [
        ['Recep Tayyip Erdogan', 1, 1],
        ['Vladimir Putin', 1, 1],
      ],
    );
    assert.equal(appearsWith(c, 'person:vladimir putin', 1).length, 1);
    assert.deepEqual(appearsWith(c, 'nothing'), []);
  });

  it('"Appears with" asked again after a change that relinks an unchanged article follows it (its memo is per version)', () => {
    const c = corpus();
    const id = 'person:vladimir putin';
    const shape = (found: ReturnType<typeof appearsWith>) => found.map(x => [x.entity.id, x.articles, x.sentences]);
    const before = shape(appearsWith(c, id));
    // another Erdogan: "Erdogan" alone in b/two.txt (not changed, and still one of Vladimir Putin's articles) is no
    // longer Recep Tayyip Erdogan's
    c.setArticle(handmade('d.txt', 'Mehmet Erdogan came.', [{ text: 'Mehmet Erdogan', type: 'person' }]));
    const fresh = new Corpus();
    for (const a of c.articles()) fresh.setArticle(a);
    const after = shape(appearsWith(c, id));
    assert.deepEqual(after, shape(appearsWith(fresh, id)));
    assert.notDeepEqual(after, before, 'the change matters to the answer');
  });

  it('co-occurrence pairs: each pair once, with the counts "Appears with" gives for either entity', () => {
    const c = corpus();
    const pairs = cooccurrencePairs(c);
    assert.deepEqual(
      pairs.map(p => [p.entity.name, p.with.name, p.articles, p.sentences]),
      [
        ['Recep Tayyip Erdogan', 'Vladimir Putin', 2, 1],
        ['Ankara', 'Recep Tayyip Erdogan', 1, 1],
        ['Ankara', 'Vladimir Putin', 1, 1],
        ['Moscow', 'Vladimir Putin', 1, 1],
        ['Moscow', 'Recep Tayyip Erdogan', 1, 0],
      ],
    );
    for (const p of pairs) {
      for (const [x, y] of [
        [p.entity, p.with],
        [p.with, p.entity],
      ]) {
        const seen = appearsWith(c, x.id).find(o => o.entity.id === y.id);
        assert.deepEqual(seen && [seen.articles, seen.sentences], [p.articles, p.sentences], `${x.name} with ${y.name}`);
      }
    }
    assert.deepEqual(cooccurrencePairs(new Corpus()), []);
  });

  // The pairs are counted from lists of numbers, the entities numbered in name order (cooccurrence.ts); "Appears
  // with" reads each of the entity's articles: the two must agree on every pair, and the order must be the one the
  // names give (keys compared as text, then ids).
  for (let seed = 1; seed <= 12; seed++) {
    it(`the co-occurrence table equals "Appears with" of every entity, in name order (random corpus ${seed})`, () => {
      const rand = prng(seed * 15485863);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
      const c = new Corpus(seed % 2 === 0 ? randomDecisions(rand) : emptyDecisions());
      for (let i = 0; i < 40; i++) {
        const mentions: Mention[] = [];
        for (let m = 1 + Math.floor(rand() * 9); m > 0; m--) {
          const type = pick(TYPES);
          mentions.push({ text: pick(NAMES[type]), type });
        }
        // mentions sometimes in one sentence, sometimes not
        const text = mentions.map((m, k) => (k === 0 ? '' : rand() < 0.5 ? ', ' : '. ') + m.text).join('') + '.';
        c.setArticle(handmade(`story/${i}.txt`, text, mentions));
      }
      const table = cooccurrenceTable(c);
      const keyOf = (id: string) => `${nameKey(c.entity(id)!.name)}\u0000${id}`;
      const byName = (a: string, b: string) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
      const expected: [string, string, number, number][] = [];
      for (const e of c.entities()) {
        const all = appearsWith(c, e.id, Infinity);
        for (const limit of [1, 3, 20, Infinity])
          assert.deepEqual(
            table.appearsWith(e.id, limit).map(x => [x.entity.id, x.articles, x.sentences]),
            all.slice(0, limit).map(x => [x.entity.id, x.articles, x.sentences]),
            `${e.id}, ${limit}`,
          );
        for (const x of all) if (byName(e.id, x.entity.id) < 0) expected.push([e.id, x.entity.id, x.articles, x.sentences]);
      }
      expected.sort((p, q) => q[2] - p[2] || q[3] - p[3] || byName(p[0], q[0]) || byName(p[1], q[1]));
      assert.ok(expected.length > 50 && expected.some(p => p[3] > 0) && expected.some(p => p[3] === 0));
      assert.deepEqual(
        table.pairs.map(p => [p.entity.id, p.with.id, p.articles, p.sentences]),
        expected,
      );
      assert.deepEqual(table.appearsWith('nothing'), []);
    });
  }
});
