// The corpus kept up to date one change at a time (relinking only the names a change can touch) must equal the
// corpus built from scratch out of the same articles, in any order: entities, which entity each article entity
// belongs to, and every finding. Random sequences of set / replace / remove over names chosen to interact (short
// forms, aliases, acronyms, spellings differing in case, shared aliases) and of the user's decisions.
import { strict as assert } from 'node:assert';
import { checkCorpus, Corpus, emptyDecisions, type CorpusArticle, type CorpusDecisions, type EntityDecision, type EntityType } from '../../../../src/core';
import { prng } from '../../../support/distinct-article';
import { handmade, type Mention } from './helpers';

const NAMES: Record<EntityType, string[]> = {
  person: [
    'Vladimir Putin',
    'Putin',
    'Vladimir',
    'vladimir putin',
    'John Smith',
    'Jane Smith',
    'Smith',
    'John',
    'Recep Tayyip Erdogan',
    'Tayyip Erdogan',
    'Erdogan',
  ],
  organization: ['United Nations', 'united nations', 'UN', 'U.N.', 'Nations', 'United', 'European Union', 'EU', 'Union', 'European Commission', 'EC', 'Smith'],
  place: ['United States', 'U.S.', 'US', 'States', 'Paris', 'paris', 'New York', 'York'],
};
const TYPES: EntityType[] = ['person', 'organization', 'place'];
const PATHS = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt'];
const DATES = [null, '2024-01-01', '2024-02-01'];

function randomArticle(rand: () => number, path: string, own: Mention[] = []): CorpusArticle {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const mentions: Mention[] = [...own];
  const entities = 1 + Math.floor(rand() * 5);
  for (let e = 0; e < entities; e++) {
    const type = pick(TYPES);
    const name = pick(NAMES[type]);
    // the entity's mentions: its name, sometimes other names of the type as its aliases (a short form, an acronym)
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) mentions.push({ text: i === 0 || rand() < 0.4 ? name : pick(NAMES[type]), type, entity: name, manual: rand() < 0.15 });
  }
  // two entities of one type and name in an article are one: keep the grouping handmade makes
  const text = `${mentions.map(m => m.text).join('. ')}.`;
  return handmade(path, text, mentions, pick(DATES));
}

/** A few decisions over the same names: renames, merges, splits, external ids and notes, in any order. */
function randomDecisions(rand: () => number): CorpusDecisions {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const ref = (type: EntityType) => ({ type, name: pick(NAMES[type]) });
  const entities: EntityDecision[] = [];
  const count = Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const type = pick(TYPES);
    const r = rand();
    if (r < 0.25) entities.push({ kind: 'rename', entity: ref(type), name: pick(NAMES[type]) });
    else if (r < 0.5) entities.push({ kind: 'merge', entity: ref(type), with: [ref(type)] });
    else if (r < 0.75) entities.push({ kind: 'split', entity: ref(type), name: pick(NAMES[type]), aliases: [pick(NAMES[type])] });
    else if (r < 0.9) entities.push({ kind: 'externalId', entity: ref(type), externalId: `urn:x:${i}` });
    else entities.push({ kind: 'note', entity: ref(type), note: `note ${i}` });
  }
  return { ...emptyDecisions(), entities };
}

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

// The first indexing sets hundreds of articles before the entities are asked for: the linker and the table then take
// their bulk paths (every name's candidates again, the list sorted once), which must equal building one at a time.
describe('corpus built in bulk', () => {
  for (let seed = 1; seed <= 4; seed++) {
    it(`equals the corpus built one article at a time (random corpus ${seed}, 150 articles)`, () => {
      const rand = prng(seed * 7919);
      const decisions = seed % 2 === 0 ? randomDecisions(rand) : emptyDecisions();
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
      const bulk = new Corpus(decisions);
      for (const a of articles) bulk.setArticle(a);
      const oneByOne = new Corpus(decisions);
      for (const a of articles) {
        oneByOne.setArticle({ ...a });
        oneByOne.entities();
      }
      assert.equal(picture(bulk), picture(oneByOne), `seed ${seed}`);
      // then one article changing after the bulk build, as after the editor's first scan
      const changed = randomArticle(rand, articles[75].path);
      bulk.setArticle(changed);
      oneByOne.setArticle({ ...changed });
      assert.equal(picture(bulk), picture(oneByOne), `seed ${seed}, after a change`);
    });
  }
});
