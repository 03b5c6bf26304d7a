// The name patterns after a regrouping, updated for the touched surfaces (patterns-update.ts), must be exactly those
// patternsOf reads from all the first mentions: on random runs of edits over surfaces whose strings compete for the
// same claims (a surname alone and in full names, an acronym and its word form, a last word that is also a first word).
import { strict as assert } from 'node:assert';
import { Slots, working, type Slot } from '../../../../src/core/entities/mention-set';
import { patternsAfter } from '../../../../src/core/entities/patterns-update';
import { patternsOf, type FirstMention, type Patterns, type PropagateKept } from '../../../../src/core/entities/propagate';
import type { EntityType } from '../../../../src/core/types';
import { prng } from '../../../support/distinct-article';

const SURFACES = [
  'Sergey Lavrov',
  'Lavrov',
  'Anna Lavrov',
  'Lavrov Kaplan',
  'Kaplan',
  'Quentin Kaplan',
  'Anna Kaplan',
  'Anna',
  'NATO',
  'Nato',
  'Nato Summit',
  'ISIS',
  'Isis',
  'Isis Kaplan',
  'Daily Sabah',
  'Sabah',
  'Ali Sabah',
  'Bank of England',
  'England',
  'January',
  'X',
  'the minister',
];
const TYPES: EntityType[] = ['person', 'person', 'organization', 'place'];

/** The patterns as plain data, by first word (sorted), each list in order. */
const plain = (patterns: Patterns) =>
  [...patterns.keys()].sort().map(w => [w, patterns.get(w)!.map(p => `${p.words.join(' ')}|${p.type}|${p.surface}|${p.fixed}`)]);

describe('patterns after a regrouping: exactly those read from all the first mentions', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`on 25 random edits (seed ${seed})`, () => {
      const rand = prng(seed * 9173);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
      const slots = new Slots();
      const used = new Set<number>();
      const first = (slot: Slot): FirstMention => {
        let start: number;
        do start = Math.floor(rand() * 1000) * 10;
        while (used.has(start));
        used.add(start);
        return { slot, m: working(start, start + slot.surface.length, pick(TYPES), slot.surface, rand() < 0.1), claimed: 0 };
      };
      const byStart = (a: FirstMention, b: FirstMention) => a.m.start - b.m.start;
      let firsts = SURFACES.filter(() => rand() < 0.6)
        .map(s => first(slots.ofSurface(s)))
        .sort(byStart);
      let kept: PropagateKept = { firsts, patterns: patternsOf(firsts) };
      for (let step = 0; step < 25; step++) {
        const touched = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => slots.ofSurface(pick(SURFACES))))];
        const removed = firsts.filter(f => touched.includes(f.slot));
        const added = touched.filter(() => rand() < 0.7).map(first);
        for (const f of removed) used.delete(f.m.start);
        firsts = [...firsts.filter(f => !touched.includes(f.slot)), ...added].sort(byStart);
        const before = new Map(kept.patterns);
        const update = patternsAfter(kept, touched, removed, added);
        assert.ok(update, 'a few surfaces: updated');
        const got = plain(kept.patterns);
        for (const [w, list] of before) if (!update.previous.has(w)) assert.equal(kept.patterns.get(w), list, `${w}: not made again, the same list`);
        for (const [w, list] of update.previous) assert.equal(list, before.get(w), `${w}: its list before`);
        kept = { firsts, patterns: kept.patterns, claims: kept.claims };
        // (read last: patternsOf marks the first mentions with what they claim, as the update does)
        assert.deepEqual(got, plain(patternsOf(firsts.map(f => ({ ...f })))), `after edit ${step + 1}`);
      }
    });
  }
});
