// The corpus kept up to date one change at a time (relinking only the names a change can touch) must equal the
// corpus built from scratch out of the same articles, in any order: entities, which entity each article entity
// belongs to, and every finding. Random sequences of set / replace / remove over names chosen to interact (short
// forms, aliases, acronyms, spellings differing in case, shared aliases) and of the user's decisions. The same for
// the corpus built in bulk (setArticles: every name linked in one pass), then changed one article at a time.
import { strict as assert } from 'node:assert';
import { appearsWith, checkCorpus, cooccurrencePairs, Corpus, emptyDecisions, findEntities, mentionsOf, reflectDecisions } from '../../../../src/core';
import { prng } from '../../../support/distinct-article';
import { handmade, NAMES, PATHS, randomArticle, randomDecisions, TYPES, type Mention } from './helpers';

/** What must be equal: entities, each article entity's corpus entity, findings. */
function picture(c: Corpus): string {
  const membership = c.articles().flatMap(a => a.entities.map(e => `${a.path}#${e.id}=${c.entityOf(a.path, e.id)?.id ?? '-'}`));
  return JSON.stringify({ entities: c.entities(), membership, findings: checkCorpus(c), unindexed: c.unindexed() }, null, 1);
}

function fromScratch(c: Corpus, rand: () => number): Corpus {
  const fresh = new Corpus(c.decisions);
  const articles = c.articles().map(a => ({ ...a }));
  for (let i = articles.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [articles[i], articles[j]] = [articles[j], articles[i]];
  }
  for (const a of articles) fresh.setArticle(a);
  for (const u of c.unindexed()) fresh.setUnindexed(u.path, u.reason);
  return fresh;
}

describe('corpus kept up to date incrementally', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`equals the corpus built from scratch after each change (random sequence ${seed})`, () => {
      const rand = prng(seed * 104729);
      const c = new Corpus();
      for (let step = 0; step < 40; step++) {
        const path = PATHS[Math.floor(rand() * PATHS.length)];
        const r = rand();
        let what: string;
        if (r < 0.65) {
          c.setArticle(randomArticle(rand, path));
          what = `set ${path}`;
        } else if (r < 0.8) {
          // the same names, other counts: a save that only adds mentions
          const a = c.article(path);
          if (!a) continue;
          c.setArticle({ ...a, annotations: a.annotations.slice(0, Math.max(1, a.annotations.length - 1)) });
          what = `trim ${path}`;
        } else if (r < 0.9) {
          c.removeArticle(path);
          what = `remove ${path}`;
        } else if (r < 0.95) {
          c.setDecisions(randomDecisions(rand));
          what = `decisions ${JSON.stringify(c.decisions.entities)}`;
        } else {
          c.setUnindexed(path, 'unreadable');
          what = `unindexed ${path}`;
        }
        // sometimes several changes before the corpus is looked at (the index reads a batch of files)
        if (rand() < 0.3) continue;
        assert.equal(picture(c), picture(fromScratch(c, rand)), `seed ${seed}, step ${step} (${what})`);
      }
      assert.equal(picture(c), picture(fromScratch(c, rand)), `seed ${seed}, at the end`);
    });
  }
});

/** The picture and every query's answers: symbols, references, "Appears with", co-occurrence, decisions reflected into the sidecars. */
function answers(c: Corpus): string {
  const queries = ['', 'put', 'u', 'smith', 'nations', 'name1'].map(q => findEntities(c, q).map(m => `${m.entity.id}/${m.alias}`));
  const perEntity = c
    .entities()
    .map(e => ({ id: e.id, mentions: mentionsOf(c, e.id), with: appearsWith(c, e.id).map(x => [x.entity.id, x.articles, x.sentences]) }));
  const pairs = cooccurrencePairs(c).map(p => [p.entity.id, p.with.id, p.articles, p.sentences]);
  const reflected = c.articles().map(a => reflectDecisions(c, a.path, a.entities));
  return `${picture(c)}\n${JSON.stringify({ queries, perEntity, pairs, reflected }, null, 1)}`;
}

/** The article list shuffled (setArticles must not depend on the order it is given). */
function shuffled<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Corpus.clear forgets everything at once (the editor's index re-opened): the corpus must then be a new one with the
// same decisions, and stay so through what follows.
describe('corpus cleared', () => {
  for (let seed = 1; seed <= 6; seed++) {
    it(`equals a new corpus with the same decisions, and the corpus built afresh after it (random corpus ${seed})`, () => {
      const rand = prng(seed * 7907);
      const decisions = seed % 2 === 0 ? randomDecisions(rand) : emptyDecisions();
      const c = new Corpus(decisions);
      for (let i = 0; i < 12; i++) c.setArticle(randomArticle(rand, PATHS[i % PATHS.length]));
      c.setUnindexed('broken.txt', 'not UTF-8');
      c.entities();
      c.clear();
      const fresh = new Corpus(decisions);
      assert.equal(answers(c), answers(fresh));
      assert.equal(c.size, 0);
      // then filled again, in bulk and one at a time, as a corpus never used before would be
      const again = PATHS.map(p => randomArticle(rand, p));
      c.setArticles(again);
      for (const a of again) fresh.setArticle(a);
      assert.equal(answers(c), answers(fresh));
      c.setArticle(randomArticle(rand, PATHS[0]));
      fresh.setArticle(c.article(PATHS[0])!);
      assert.equal(answers(c), answers(fresh));
    });
  }
});

// The first indexing sets hundreds of articles before the entities are asked for: setArticles links them all in one
// pass, and setArticle one at a time without looking takes the linker's and the table's bulk paths (every name's
// candidates again, the list sorted once); both must equal building one at a time, looking after each.
describe('corpus built in bulk', () => {
  for (let seed = 1; seed <= 5; seed++) {
    it(`equals the corpus built one article at a time, before and after changes (random corpus ${seed}, 150 articles)`, () => {
      const rand = prng(seed * 7919);
      // decisions of every kind for most corpora (renames, merges, splits, external ids, notes), none for some
      const decisions = seed % 3 === 0 ? emptyDecisions() : randomDecisions(rand);
      // names of their own besides the shared ones (hundreds of names: the bulk paths' thresholds are passed), some
      // sharing a word with a shared name ("Anna Putin" makes "Putin" ambiguous)
      const ownNames = (i: number): Mention[] => {
        const type = TYPES[i % 3];
        const name = i % 4 === 0 ? `Name${i} ${NAMES[type][i % NAMES[type].length].split(' ').pop()}` : `Name${i} Other${i % 7}`;
        return [{ text: name, type, entity: name, manual: false }];
      };
      const articles = Array.from({ length: 150 }, (_, i) =>
        randomArticle(rand, `p${String(i).padStart(3, '0')}.txt`, [...ownNames(i), ...ownNames(i + 1000)]),
      );
      const oneByOne = new Corpus(decisions);
      for (const a of articles) {
        oneByOne.setArticle({ ...a });
        oneByOne.entities();
      }
      const unlooked = new Corpus(decisions);
      for (const a of articles) unlooked.setArticle(a);
      const bulk = new Corpus(decisions);
      // an unindexed file the bulk build then indexes, and a path given twice (the later article counts)
      bulk.setUnindexed(articles[3].path, 'unreadable');
      bulk.setArticles([randomArticle(rand, articles[7].path), ...shuffled(articles, rand)]);
      const expected = answers(oneByOne);
      assert.equal(answers(unlooked), expected, `seed ${seed}: set one at a time, looked at once`);
      assert.equal(answers(bulk), expected, `seed ${seed}: setArticles`);
      // then the corpus changing after the bulk build, as after the editor's first scan: each change relinks incrementally
      for (let step = 0; step < 10; step++) {
        const r = rand();
        const path = articles[Math.floor(rand() * articles.length)].path;
        let what: string;
        if (r < 0.5) {
          const changed = randomArticle(rand, path, ownNames(2000 + step));
          bulk.setArticle(changed);
          oneByOne.setArticle({ ...changed });
          what = `set ${path}`;
        } else if (r < 0.7) {
          bulk.removeArticle(path);
          oneByOne.removeArticle(path);
          what = `remove ${path}`;
        } else if (r < 0.85) {
          const next = randomDecisions(rand);
          bulk.setDecisions(next);
          oneByOne.setDecisions(next);
          what = `decisions ${JSON.stringify(next.entities)}`;
        } else {
          // a rescan: most of the corpus set again in one call (linked again from nothing)
          const again = articles.filter(() => rand() < 0.8).map(a => (rand() < 0.1 ? randomArticle(rand, a.path) : a));
          bulk.setArticles(again);
          for (const a of again) oneByOne.setArticle({ ...a });
          what = `setArticles of ${again.length}`;
        }
        assert.equal(answers(bulk), answers(oneByOne), `seed ${seed}, step ${step} (${what})`);
      }
    });
  }

  it('links in linking order, not in the order the articles come (a tie between two names of one group)', () => {
    // "John Smith" is met first (a.txt) but "Jane Smith" names the group: equally long, in as many articles, first by key
    const articles = Array.from({ length: 70 }, (_, i) =>
      i === 0
        ? handmade('a.txt', 'John Smith.', [{ text: 'John Smith', type: 'person' }])
        : i === 1
          ? handmade('b.txt', 'Jane Smith and John Smith.', [
              { text: 'Jane Smith', type: 'person' },
              { text: 'John Smith', type: 'person', entity: 'Jane Smith' },
            ])
          : handmade(`z${i}.txt`, `Other${i} Person.`, [{ text: `Other${i} Person`, type: 'person' }]),
    );
    const bulk = new Corpus();
    bulk.setArticles(articles);
    const oneByOne = new Corpus();
    for (const a of articles) oneByOne.setArticle(a);
    assert.equal(bulk.entityOf('a.txt', 'e1')?.id, 'person:jane smith');
    assert.equal(answers(bulk), answers(oneByOne));
  });

  it('counts an alias once for its entity when two of its spellings share a key (no alias shared with itself)', () => {
    const one = handmade('a.txt', 'UN. United Nations. united nations.', [
      { text: 'UN', type: 'organization' },
      { text: 'United Nations', type: 'organization', entity: 'UN' },
      { text: 'united nations', type: 'organization', entity: 'UN' },
    ]);
    const c = new Corpus();
    c.setArticle(one);
    assert.equal(c.hasSharedAliases, false);
    assert.deepEqual(checkCorpus(c), []);
  });

  it('names an entity by the spelling most articles use, after a name lost every member and came back spelled otherwise', () => {
    const lower = (path: string) => handmade(path, 'vladimir putin spoke.', [{ text: 'vladimir putin', type: 'person' }]);
    const upper = (path: string) => handmade(path, 'Vladimir Putin spoke.', [{ text: 'Vladimir Putin', type: 'person' }]);
    const c = new Corpus();
    c.setArticles(
      ['a.txt', 'b.txt'].map(lower).concat(Array.from({ length: 70 }, (_, i) => handmade(`z${i}.txt`, 'Paris.', [{ text: 'Paris', type: 'place' }]))),
    );
    assert.equal(c.entity('person:vladimir putin')?.name, 'vladimir putin');
    // every member of the name replaced before the corpus is looked at again: the name's one spelling is the new one
    c.setArticle(upper('a.txt'));
    c.setArticle(upper('b.txt'));
    assert.equal(c.entity('person:vladimir putin')?.name, 'Vladimir Putin');
    // two spellings: the one most articles use
    c.setArticle(lower('c.txt'));
    c.setArticle(lower('d.txt'));
    c.setArticle(lower('e.txt'));
    assert.equal(c.entity('person:vladimir putin')?.name, 'vladimir putin');
    c.removeArticle('d.txt');
    c.removeArticle('e.txt');
    assert.equal(c.entity('person:vladimir putin')?.name, 'Vladimir Putin');
    // a name in one article only, spelled otherwise when the article is saved: its only member replaced
    c.setArticle(handmade('x.txt', 'john smith left.', [{ text: 'john smith', type: 'person' }]));
    assert.equal(c.entity('person:john smith')?.name, 'john smith');
    c.setArticle(handmade('x.txt', 'John Smith left.', [{ text: 'John Smith', type: 'person' }]));
    assert.equal(c.entity('person:john smith')?.name, 'John Smith');
    assert.equal(picture(c), picture(fromScratch(c, prng(7))));
  });

  it('sets a few articles one at a time (nothing linked again from scratch), with the same result', () => {
    const rand = prng(5);
    const c = new Corpus();
    c.setArticles(PATHS.map(p => randomArticle(rand, p)));
    const expected = new Corpus();
    for (const p of PATHS) expected.setArticle(c.article(p)!);
    assert.equal(answers(c), answers(expected));
    c.setArticles([]);
    assert.equal(c.size, PATHS.length);
  });
});
