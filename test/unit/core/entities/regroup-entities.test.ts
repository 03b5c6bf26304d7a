// regroupEntities updates the last grouping's entities after some runs of mentions were replaced: on random runs of
// random names (full names and their short forms, names containing others, ties between full forms, acronyms'
// expansions, names that come and go), a chain of updates must give exactly what a fresh buildEntities gives: the same
// entities (ids, types, names, aliases) and each mention's entity.
import { strict as assert } from 'node:assert';
import { buildEntities } from '../../../../src/core/entities/build';
import { Slots, working, type Working } from '../../../../src/core/entities/mention-set';
import { regroupCounts, regroupEntities, type Replaced } from '../../../../src/core/entities/regroup-entities';
import type { EntityType } from '../../../../src/core/types';
import { prng } from '../../../support/distinct-article';

/** Names sharing words: short forms ("Berg"), several full forms of one ("Anna Berg", "Carl Berg"), an acronym. */
const RELATED: [EntityType, string][] = [
  ['person', 'Anna Berg'],
  ['person', 'Carl Berg'],
  ['person', 'Eva Berg'],
  ['person', 'Eva Lind'],
  ['person', 'Berg'],
  ['person', 'Anna'],
  ['person', 'Dora Lind Berg'],
  ['person', 'Lind'],
  ['person', 'Lind Berg'],
  ['organization', 'Nordic Steel Corp'],
  ['organization', 'Nordic Steel'],
  ['organization', 'Nordic Steel Works'],
  ['organization', 'Corp'],
  ['organization', 'Nordic Corp'],
  ['organization', 'Baltic Corp'],
  ['organization', 'Nordic Corp Holdings'],
  ['organization', 'NSC'],
  ['place', 'New Oslo'],
  ['place', 'Oslo'],
  ['person', 'Oslo'],
];
const TYPES: EntityType[] = ['person', 'organization', 'place'];
const SPACING = 100;

function randomName(rand: () => number): [EntityType, string] {
  if (rand() < 0.3) return RELATED[Math.floor(rand() * RELATED.length)];
  // a distinct name (of one or two words, some of them shared by the next few: they come and go)
  const word = () => 'Q' + 'aeiouxz'[Math.floor(rand() * 7)] + 'rstk'[Math.floor(rand() * 4)];
  const type = TYPES[Math.floor(rand() * TYPES.length)];
  return [type, rand() < 0.5 ? word() : `${word()} ${word()}`];
}

const mention = (start: number, [type, surface]: [EntityType, string]) => working(start, start + surface.length, type, surface, false);

/** What buildEntities gives on copies of the mentions, with slots of its own. */
function fresh(mentions: readonly Working[], expansions: ReadonlyMap<string, string>) {
  const copies = mentions.map(m => working(m.start, m.end, m.type, m.surface, false));
  const entities = buildEntities(copies, expansions, new Slots());
  return { entities: entities.map(e => ({ ...e })), ids: copies.map(m => m.entity) };
}

describe('regroupEntities: the entities after runs of mentions are replaced equal a fresh grouping', function () {
  this.timeout(60000);

  for (let seed = 1; seed <= 60; seed++) {
    it(`on 60 random replacements in a row (seed ${seed})`, () => {
      const rand = prng(seed * 4801);
      const expansions = new Map<string, string>(seed % 4 === 0 ? [['NSC', 'Nordic Steel Corp']] : []);
      const slots = new Slots();
      let mentions: Working[] = [];
      const count = 20 + Math.floor(rand() * 60);
      for (let i = 0; i < count; i++) mentions.push(mention(i * SPACING, randomName(rand)));
      buildEntities(mentions, expansions, slots);
      const before = regroupCounts.updated;
      for (let step = 0; step < 60; step++) {
        const old = mentions;
        // one or two runs replaced: some of their mentions kept (the same objects) or made again with the same name
        const runs = rand() < 0.75 ? 1 : 2;
        // (short runs mostly, as a line's names are; now and then a long one)
        const cuts: number[] = [];
        for (let r = 0; r < runs; r++) {
          const at = Math.floor(rand() * (old.length + 1));
          cuts.push(at, Math.min(old.length, at + Math.floor(rand() < 0.8 ? rand() * 3 : rand() * old.length)));
        }
        cuts.sort((a, b) => a - b);
        const replaced: Replaced[] = [];
        const next: Working[] = [];
        let k = 0;
        for (let r = 0; r < runs; r++) {
          const from = Math.max(k, cuts[2 * r]);
          const to = Math.min(old.length, Math.max(cuts[2 * r + 1], from + (rand() < 0.5 ? 1 : 0)));
          for (; k < from; k++) next.push(old[k]);
          const list: Working[] = [];
          for (let j = from; j < to; j++) {
            const x = rand();
            if (x < 0.35) list.push(old[j]);
            else if (x < 0.6) list.push(mention(0, [old[j].type, old[j].surface]));
            else if (x < 0.85) list.push(mention(0, randomName(rand)));
            if (x > 0.9) list.push(mention(0, randomName(rand)));
            else if (x > 0.86) {
              // a new full name and its short form, at once or a few steps apart (neither among the forms before)
              const type = TYPES[Math.floor(rand() * 2)];
              const last = `Pn${Math.floor(step / 8)}`;
              const y = rand();
              if (y < 0.7) list.push(mention(0, [type, last]));
              if (y > 0.3) list.push(mention(0, [type, `Pm${Math.floor(step / 4)} ${last}`]));
            }
          }
          if (list.length === 0 && rand() < 0.5) list.push(mention(0, randomName(rand)));
          replaced.push({ from, to, list });
          for (const m of list) next.push(m);
          k = to;
        }
        for (; k < old.length; k++) next.push(old[k]);
        // the offsets of the new list (the kept objects moved, as an edit moves them)
        next.forEach((m, i) => {
          m.start = i * SPACING;
          m.end = m.start + m.surface.length;
        });
        mentions = next;
        // now and then the whole grouping, as the analyser's full analysis does
        const entities = rand() < 0.1 ? buildEntities(mentions, expansions, slots) : regroupEntities(old, replaced, mentions, expansions, slots);
        const want = fresh(mentions, expansions);
        assert.deepEqual(
          entities.map(e => ({ ...e })),
          want.entities,
          `entities after step ${step + 1}`,
        );
        assert.deepEqual(
          mentions.map(m => m.entity),
          want.ids,
          `mentions' entities after step ${step + 1}`,
        );
      }
      assert.ok(regroupCounts.updated - before >= 10, `updated only ${regroupCounts.updated - before} times of 60: the short way is hardly tested`);
    });
  }

  it('a short form joining a full name seen between two others makes a later tie go to that one', () => {
    // "Berg" joins the full form seen last: "Carl Berg", until "Anna" (whose only full form is "Anna Berg") is seen after it
    const slots = new Slots();
    const old = [mention(0, ['person', 'Anna Berg']), mention(100, ['person', 'Carl Berg']), mention(200, ['place', 'Qox']), mention(300, ['person', 'Berg'])];
    buildEntities(old, new Map(), slots);
    assert.equal(old[3].entity, old[1].entity);
    const mentions = [old[0], old[1], mention(200, ['person', 'Anna']), old[3]];
    const entities = regroupEntities(old, [{ from: 2, to: 3, list: [mentions[2]] }], mentions, new Map(), slots);
    const want = fresh(mentions, new Map());
    assert.deepEqual(
      entities.map(e => ({ ...e })),
      want.entities,
    );
    assert.deepEqual(
      mentions.map(m => m.entity),
      want.ids,
    );
    assert.equal(mentions[3].entity, mentions[0].entity);
  });

  it('a grouping that is not the last one made with the slots is grouped whole', () => {
    const slots = new Slots();
    const a = [mention(0, ['person', 'Qax Qur']), mention(100, ['place', 'Qex'])];
    buildEntities(a, new Map(), slots);
    const b = [mention(0, ['person', 'Qax Qur']), mention(100, ['place', 'Qix'])];
    buildEntities(b, new Map(), slots);
    const whole = regroupCounts.whole;
    const c = [mention(0, ['person', 'Qox']), a[1]];
    const entities = regroupEntities(a, [{ from: 0, to: 1, list: [c[0]] }], c, new Map(), slots);
    assert.equal(regroupCounts.whole, whole + 1);
    assert.deepEqual(
      entities.map(e => e.name),
      ['Qox', 'Qex'],
    );
  });
});
