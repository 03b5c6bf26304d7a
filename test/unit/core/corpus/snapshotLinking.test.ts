// The corpus snapshot's record of the linking (src/core/corpus/snapshotLinks.ts): an index built again from the
// snapshot with it must be the index built without it, then stay so through any later change (articles set, replaced,
// removed, set again in bulk, decisions changed; each change relinks incrementally from what the first linking left).
// The record is used only for exactly the snapshot's articles, each taken from its record; any other batch, and a
// record that does not hold, gives the linking worked out whole. An older snapshot is refused (snapshot.test.ts).
import { strict as assert } from 'node:assert';
import {
  appearsWith,
  checkCorpus,
  cooccurrencePairs,
  Corpus,
  corpusArticleFromSnapshot,
  emptyDecisions,
  findEntities,
  mentionsOf,
  parseCorpusSnapshot,
  reflectDecisions,
  serializeCorpusSnapshot,
  type CorpusArticle,
  type CorpusDecisions,
  type CorpusSnapshot,
  type EntityDecision,
  type EntityType,
} from '../../../../src/core';
import { NumberDecoder, NumberWriter } from '../../../../src/core/corpus/snapshotNumbers';
import { checksumsOf } from '../../../../src/core/corpus/snapshotJson';
import { prng } from '../../../support/distinct-article';
import { handmade, type Mention } from './helpers';

// names chosen to interact, in families of one thing's names (short forms, acronyms, spellings differing in case): an
// entity's other mentions are mostly of its family (the names then join), now and then of another (ambiguity)
const FAMILIES: Record<EntityType, string[][]> = {
  person: [['Vladimir Putin', 'Putin', 'vladimir putin'], ['John Smith', 'Smith'], ['Jane Smith'], ['Recep Tayyip Erdogan', 'Tayyip Erdogan', 'Erdogan']],
  organization: [
    ['United Nations', 'UN', 'U.N.', 'Nations'],
    ['European Union', 'EU', 'Union'],
    ['European Commission', 'EC'],
  ],
  place: [
    ['United States', 'U.S.', 'US'],
    ['Paris', 'paris'],
    ['New York', 'York'],
  ],
};
const NAMES: Record<EntityType, string[]> = {
  person: FAMILIES.person.flat(),
  organization: FAMILIES.organization.flat(),
  place: FAMILIES.place.flat(),
};
const TYPES: EntityType[] = ['person', 'organization', 'place'];

/** An article of a few entities of the shared names (with others of their family as aliases) and a name of its own. */
function randomArticle(rand: () => number, path: string, own: number): CorpusArticle {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const mentions: Mention[] = [];
  for (let e = 0, count = 1 + Math.floor(rand() * 4); e < count; e++) {
    const type = pick(TYPES);
    const family = pick(FAMILIES[type]);
    const name = pick(family);
    for (let i = 0, n = 1 + Math.floor(rand() * 3); i < n; i++)
      mentions.push({ text: i === 0 ? name : rand() < 0.05 ? pick(NAMES[type]) : pick(family), type, entity: name });
  }
  // names of its own (hundreds in the corpus); those of the later changes (`own` from 500) sometimes sharing a word
  // with a shared name ("Name504 Putin" makes "Putin" ambiguous: its group splits), which the first corpus never does,
  // so its short forms join their long names
  const type = TYPES[own % 3];
  const name = own >= 500 && own % 4 === 0 ? `Name${own} ${NAMES[type][own % NAMES[type].length].split(' ').pop()}` : `Name${own} Other${own % 7}`;
  mentions.push({ text: name, type, entity: name });
  return handmade(path, `${mentions.map(m => m.text).join('. ')}.`, mentions);
}

function randomDecisions(rand: () => number): CorpusDecisions {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const ref = (type: EntityType) => ({ type, name: pick(NAMES[type]) });
  const entities: EntityDecision[] = [];
  for (let i = 0, count = 1 + Math.floor(rand() * 3); i < count; i++) {
    const type = pick(TYPES);
    const r = rand();
    if (r < 0.3) entities.push({ kind: 'rename', entity: ref(type), name: pick(NAMES[type]) });
    else if (r < 0.6) entities.push({ kind: 'merge', entity: ref(type), with: [ref(type)] });
    else if (r < 0.8) entities.push({ kind: 'split', entity: ref(type), name: pick(NAMES[type]), aliases: [pick(NAMES[type])] });
    else entities.push({ kind: 'externalId', entity: ref(type), externalId: `urn:x:${i}` });
  }
  return { ...emptyDecisions(), entities };
}

/** Everything a later operation can read: entities, membership, findings, symbol and reference queries, co-occurrence, reflections. */
function answers(c: Corpus): string {
  const membership = c.articles().flatMap(a => a.entities.map(e => `${a.path}#${e.id}=${c.entityOf(a.path, e.id)?.id ?? '-'}`));
  const queries = ['', 'put', 'u', 'smith', 'nations', 'name1'].map(q => findEntities(c, q).map(m => `${m.entity.id}/${m.alias}`));
  const perEntity = c.entities().map(e => ({ id: e.id, same: c.entity(e.id) === e, mentions: mentionsOf(c, e.id), with: appearsWith(c, e.id) }));
  const reflected = c.articles().map(a => reflectDecisions(c, a.path, a.entities));
  return JSON.stringify(
    { entities: c.entities(), membership, findings: checkCorpus(c), unindexed: c.unindexed(), queries, perEntity, pairs: cooccurrencePairs(c), reflected },
    null,
    1,
  );
}

const shuffled = <T>(list: readonly T[], rand: () => number): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

const WRITTEN_AT = 1_700_000_200_000;
/** The snapshot of the corpus's articles as the editor writes it (with the corpus: its linking recorded). */
const snapshotOf = (c: Corpus, withLinking = true) =>
  serializeCorpusSnapshot(
    c.articles().map(article => ({ article, stamp: { size: 100, mtime: 1_700_000_000_000 }, seen: 1_700_000_100_000 })),
    WRITTEN_AT,
    '',
    withLinking ? c : undefined,
  );
/** Each article of the snapshot taken from its record, as the editor takes them (the text is the article's). */
const takeAll = (snapshot: CorpusSnapshot, texts: ReadonlyMap<string, string>) =>
  [...snapshot.records.values()].map(r => corpusArticleFromSnapshot(r, texts.get(r.path)!)!);

/** A corpus of `n` random articles, built as the editor's first indexing builds it (setArticles). */
function corpusOf(seed: number, n = 120): { articles: CorpusArticle[]; decisions: CorpusDecisions; texts: Map<string, string> } {
  const rand = prng(seed * 7919);
  const decisions = seed % 3 === 0 ? emptyDecisions() : randomDecisions(rand);
  const articles = Array.from({ length: n }, (_, i) => randomArticle(rand, `p${String(i).padStart(3, '0')}.txt`, i));
  return { articles, decisions, texts: new Map(articles.map(a => [a.path, a.text])) };
}

describe("corpus snapshot: the linking's record", () => {
  for (let seed = 1; seed <= 6; seed++) {
    it(`restores the corpus built without it, and stays equal to it through later changes (random corpus ${seed})`, () => {
      const { articles, decisions, texts } = corpusOf(seed);
      const fresh = new Corpus(decisions);
      fresh.setArticles(articles);
      const snapshot = parseCorpusSnapshot(snapshotOf(fresh))!;
      assert.ok(snapshot.links && snapshot.links.length > 0, 'the snapshot records which names have candidates');
      assert.ok(snapshot.groups && snapshot.groups.length > 0, 'and the groups of several names');
      const rand = prng(seed);
      const restored = new Corpus(decisions);
      restored.setArticles(shuffled(takeAll(snapshot, texts), rand), snapshot);
      assert.equal(restored.linkedFromSnapshot, true, 'linked with the record');
      assert.equal(fresh.linkedFromSnapshot, false);
      assert.equal(restored.linkingIndexed, false, "the rules' indexes are left to the first change");
      assert.equal(answers(restored), answers(fresh), `seed ${seed}: as loaded`);
      // as a host does when idle after indexing, or not (the first change makes them)
      if (seed % 2 === 0) {
        restored.prepareChanges();
        assert.equal(restored.linkingIndexed, true);
        assert.equal(answers(restored), answers(fresh), `seed ${seed}: prepared for changes`);
      }
      // the record is what that linking went by: one of no names and no groups links nothing
      const blank = new Corpus(decisions);
      blank.setArticles(takeAll(snapshot, texts), { ...snapshot, links: new Int32Array(0), groups: new Int32Array(0) });
      assert.equal(blank.linkedFromSnapshot, true);
      assert.notEqual(answers(blank), answers(fresh), `seed ${seed}: the corpus has names that join others`);
      // then the same changes to both, compared after each (or after a few: the index reads batches)
      for (let step = 0; step < 16; step++) {
        const r = rand();
        const path = articles[Math.floor(rand() * articles.length)].path;
        let what: string;
        if (r < 0.3) {
          const changed = randomArticle(rand, path, 500 + step);
          restored.setArticle(changed);
          fresh.setArticle(changed);
          what = `replace ${path}`;
        } else if (r < 0.4) {
          const added = randomArticle(rand, `q${step}.txt`, 600 + step);
          restored.setArticle(added);
          fresh.setArticle(added);
          what = `add q${step}.txt`;
        } else if (r < 0.5) {
          // the same names, other counts (a save that only changes mentions)
          const a = restored.article(path);
          if (!a) continue;
          const trimmed = { ...a, annotations: a.annotations.slice(0, Math.max(1, a.annotations.length - 1)) };
          restored.setArticle(trimmed);
          fresh.setArticle(trimmed);
          what = `trim ${path}`;
        } else if (r < 0.65) {
          restored.removeArticle(path);
          fresh.removeArticle(path);
          what = `remove ${path}`;
        } else if (r < 0.8) {
          const next = randomDecisions(rand);
          restored.setDecisions(next);
          fresh.setDecisions(next);
          what = `decisions ${JSON.stringify(next.entities)}`;
        } else if (r < 0.9) {
          // a rescan: most of the corpus set again in one call
          const again = articles.filter(() => rand() < 0.8).map(a => (rand() < 0.1 ? randomArticle(rand, a.path, 700 + step) : a));
          restored.setArticles(again);
          fresh.setArticles(again);
          what = `setArticles of ${again.length}`;
        } else {
          restored.setUnindexed(path, 'unreadable');
          fresh.setUnindexed(path, 'unreadable');
          what = `unindexed ${path}`;
        }
        if (rand() < 0.3) continue;
        assert.equal(answers(restored), answers(fresh), `seed ${seed}, step ${step} (${what})`);
      }
      assert.equal(answers(restored), answers(fresh), `seed ${seed}, at the end`);
      // the snapshot the editor writes after such changes (from an index kept up to date, not built at once) restores
      // the corpus built from its articles as well
      const again = parseCorpusSnapshot(snapshotOf(restored))!;
      const reloaded = new Corpus(restored.decisions);
      reloaded.setArticles(takeAll(again, new Map(restored.articles().map(a => [a.path, a.text]))), again);
      const built = new Corpus(restored.decisions);
      built.setArticles(restored.articles());
      assert.equal(reloaded.linkedFromSnapshot, true);
      assert.equal(answers(reloaded), answers(built), `seed ${seed}: from the snapshot written after the changes`);
    });
  }

  it('is used only for exactly the snapshot articles, each taken from its record, into an empty index', () => {
    const { articles, decisions, texts } = corpusOf(11);
    const fresh = new Corpus(decisions);
    fresh.setArticles(articles);
    const json = snapshotOf(fresh);
    const snapshot = parseCorpusSnapshot(json)!;
    const taken = takeAll(snapshot, texts);
    const other = randomArticle(prng(3), taken[5].path, 900);
    const cases: [string, CorpusArticle[], CorpusSnapshot | undefined, ((c: Corpus) => void)?][] = [
      ['an article changed (not the one taken from its record)', taken.map((a, i) => (i === 5 ? other : a)), snapshot],
      ['an article fewer', taken.slice(1), snapshot],
      ['an article more', [...taken, randomArticle(prng(4), 'zz.txt', 901)], snapshot],
      ['articles taken from another reading of the snapshot', takeAll(parseCorpusSnapshot(json)!, texts), snapshot],
      ['an index not empty', taken, snapshot, c => c.setArticle(other)],
      ['a snapshot written without the index', taken, parseCorpusSnapshot(snapshotOf(fresh, false))!],
    ];
    for (const [what, batch, from, before] of cases) {
      const c = new Corpus(decisions);
      before?.(c);
      c.setArticles(batch, from);
      const expected = new Corpus(decisions);
      before?.(expected);
      expected.setArticles(batch);
      assert.equal(c.linkedFromSnapshot, false, what);
      assert.equal(answers(c), answers(expected), what);
    }
    // and with the articles the snapshot's records gave last: used
    const c = new Corpus(decisions);
    c.setArticles(takeAll(snapshot, texts), snapshot);
    assert.equal(c.linkedFromSnapshot, true);
    assert.equal(answers(c), answers(fresh));
  });

  it('records no linking when the entries are not all of the index, or one of them is not written', () => {
    const { articles, texts } = corpusOf(12);
    const fresh = new Corpus();
    fresh.setArticles(articles);
    const entry = (article: CorpusArticle) => ({ article, stamp: { size: 1, mtime: 1 }, seen: 2 });
    const some = parseCorpusSnapshot(serializeCorpusSnapshot(fresh.articles().slice(1).map(entry), WRITTEN_AT, '', fresh))!;
    assert.equal(some.links, undefined);
    // an article whose annotation's text is not its text's slice is left out of the snapshot
    const odd = fresh.articles().map((a, i) => (i === 0 ? { ...a, annotations: a.annotations.map(x => ({ ...x, text: `${x.text}x` })) } : a));
    const oddIndex = new Corpus();
    oddIndex.setArticles(odd);
    const leftOut = parseCorpusSnapshot(serializeCorpusSnapshot(oddIndex.articles().map(entry), WRITTEN_AT, '', oddIndex))!;
    assert.equal(leftOut.records.size, articles.length - 1);
    assert.equal(leftOut.links, undefined);
    // without a record, the snapshot's articles are linked whole: the same corpus
    const c = new Corpus();
    c.setArticles(takeAll(some, texts), some);
    assert.equal(c.linkedFromSnapshot, false);
  });

  it('falls back to the whole linking when the record does not hold (a name in two groups, a group out of order, a member not there)', () => {
    const { articles, decisions, texts } = corpusOf(13);
    const fresh = new Corpus(decisions);
    fresh.setArticles(articles);
    const json = snapshotOf(fresh);
    const groups = parseCorpusSnapshot(json)!.groups!;
    // the groups as lists of [article place, member place]
    const lists: number[][] = [];
    for (let i = 0; i < groups.length; i += 1 + 2 * groups[i]) lists.push([...groups.subarray(i + 1, i + 1 + 2 * groups[i])]);
    assert.ok(lists.length >= 2, 'the corpus has groups of several names');
    const flat = (ls: number[][]) => Int32Array.from(ls.flatMap(l => [l.length / 2, ...l]));
    const changes: [string, Int32Array][] = [
      ["a name in two groups (the first group's first name added to the second)", flat(lists.map((l, i) => (i === 1 ? [...l, lists[0][0], lists[0][1]] : l)))],
      ["a group's names out of linking order", flat(lists.map((l, i) => (i === 0 ? [...l.slice(2), l[0], l[1]] : l)))],
      ['a member past its article', flat(lists.map((l, i) => (i === 0 ? [l[0], 999, ...l.slice(2)] : l)))],
    ];
    for (const [what, changed] of changes) {
      const snapshot = parseCorpusSnapshot(json)!;
      snapshot.groups = changed;
      const c = new Corpus(decisions);
      c.setArticles(takeAll(snapshot, texts), snapshot);
      assert.equal(c.linkedFromSnapshot, false, what);
      assert.equal(answers(c), answers(fresh), what);
    }
  });

  it("links every name again at the first change when the record's names said to have candidates do not hold", () => {
    const { articles, decisions, texts } = corpusOf(15);
    const fresh = new Corpus(decisions);
    fresh.setArticles(articles);
    const json = snapshotOf(fresh);
    const links = parseCorpusSnapshot(json)!.links!;
    // a name without candidates: one of an article's members not among the recorded ones (its own name, "Name7 Other0")
    const recorded = new Set<string>();
    for (let i = 0; i < links.length; i += 2) recorded.add(`${links[i]}:${links[i + 1]}`);
    const snapshotPaths = [...parseCorpusSnapshot(json)!.records.keys()];
    let without: [number, number] | undefined;
    for (let a = 0; a < snapshotPaths.length && !without; a++) {
      const members = fresh.membersOf(snapshotPaths[a]);
      for (let k = 0; k < members.length && !without; k++) if (!recorded.has(`${a}:${k}`) && members[k].linked!.candidates.length === 0) without = [a, k];
    }
    assert.ok(without, 'a member whose name has no candidates');
    const changes: [string, (l: number[]) => number[]][] = [
      // first in the list: the names after it are not looked at (they keep no candidates unless linked again)
      ['a name twice', l => [l[0], l[1], ...l]],
      ['a name without candidates', l => [...without!, ...l]],
      // a name that has candidates left out: nothing to check it by, so it keeps none until it changes (the record is
      // the index's own, kept with the articles it was taken from, see snapshotLinks.ts)
    ];
    for (const [what, change] of changes) {
      const snapshot = parseCorpusSnapshot(json)!;
      snapshot.links = Int32Array.from(change([...snapshot.links!]));
      const c = new Corpus(decisions);
      c.setArticles(takeAll(snapshot, texts), snapshot);
      const expected = new Corpus(decisions);
      expected.setArticles(articles);
      // the groups are the record's, right as they are; the names' candidates are worked out at the first change
      assert.equal(c.linkedFromSnapshot, true, what);
      assert.equal(answers(c), answers(expected), `${what}: as loaded`);
      // a change that makes "Putin" ambiguous: its group splits by the candidates worked out again
      const changed = randomArticle(prng(5), articles[3].path, 504);
      c.setArticle(changed);
      expected.setArticle(changed);
      assert.equal(answers(c), answers(expected), `${what}: after a change`);
    }
  });

  it('turns down a snapshot whose linking record does not fit its articles or whose numbers changed', () => {
    const { articles } = corpusOf(14, 70);
    const fresh = new Corpus();
    fresh.setArticles(articles);
    const json = snapshotOf(fresh);
    const split = json.indexOf('\n');
    const decoder = new NumberDecoder(json, split + 1);
    const numbers: number[] = [];
    while (decoder.at < json.length) numbers.push(decoder.read(1)![0]);
    const parsed = parseCorpusSnapshot(json)!;
    const names = parsed.links!.length / 2;
    const groups = parsed.groups!;
    // the record is the last numbers: the count of names + 1, then an article's place and a member's for each; the
    // count of groups, then each group's count of names and their places
    const at = numbers.length - 2 - 2 * names - groups.length;
    assert.equal(numbers[at], names + 1);
    const g = at + 1 + 2 * names;
    assert.ok(numbers[g] > 0 && numbers[g + 1] >= 2, 'a group of several names recorded');
    const write = (n: number[], keepCheck = false) => {
      const w = new NumberWriter();
      for (const x of n) w.push(x);
      const text = w.toString();
      const d = JSON.parse(json.slice(0, split)) as { strings: string[]; articles: unknown[][]; check: number };
      const sums = keepCheck ? undefined : checksumsOf(text, d.articles.length, d.strings);
      if (sums) d.check = sums.check;
      return `${JSON.stringify(d)}\n${text}`;
    };
    assert.equal(write(numbers), json, 'the edits start from the snapshot as written');
    const edit = (change: (n: number[]) => void, keepCheck = false) => {
      const n = [...numbers];
      change(n);
      return write(n, keepCheck);
    };
    const corrupt: [string, string][] = [
      ['an article past the records', edit(n => (n[at + 1] = articles.length))],
      ['a member past its article', edit(n => (n[at + 2] = 1000))],
      ['a count of names larger than written', edit(n => (n[at] += 1))],
      ['a count of names smaller than written', edit(n => (n[at] -= 1))],
      ['no record at all', edit(n => (n.length = at))],
      ['no count of groups', edit(n => (n.length = g))],
      ['a count of groups larger than written', edit(n => (n[g] += 1))],
      ['a group of one name', edit(n => n.splice(g + 1, 3, 1))],
      ["a group's member past its article", edit(n => (n[g + 3] = 1000))],
      ["a group's article past the records", edit(n => (n[g + 2] = articles.length))],
      ['a number changed', edit(n => (n[at + 1] = (n[at + 1] + 1) % articles.length), true)],
    ];
    for (const [what, text] of corrupt) assert.equal(parseCorpusSnapshot(text), undefined, what);
    // "none recorded" reads as none
    const none = parseCorpusSnapshot(edit(n => n.splice(at, n.length - at, 0)))!;
    assert.equal(none.links, undefined);
    assert.equal(none.records.size, articles.length);
  });
});
