// firstsWithout (regroup-search.ts) finds the touched surfaces' first mentions by the place of their first mention
// before the edit, and walks the whole list when one is not where it looks: either way the same lists as a walk.
import { strict as assert } from 'node:assert';
import { Slots, working, type Slot } from '../../../../src/core/entities/mention-set';
import type { FirstMention } from '../../../../src/core/entities/propagate';
import { firstsWithout } from '../../../../src/core/entities/regroup-search';
import type { Touched } from '../../../../src/core/entities/regroup-types';
import { prng } from '../../../support/distinct-article';

const SURFACES = ['Anna Kaplan', 'Kaplan', 'Lima', 'NATO', 'Sergey Lavrov', 'Lavrov', 'Daily Sabah', 'Oslo', 'Greta', 'Bank of England'];

/** The kept first mentions without the touched surfaces', and those, by a walk over all of them. */
const walked = (kept: readonly FirstMention[], touched: ReadonlySet<Slot>) => ({
  firsts: kept.filter(f => !touched.has(f.slot)),
  removed: kept.filter(f => touched.has(f.slot)),
});

describe('firstsWithout: the touched surfaces taken out of the first mentions, as a walk over all of them would', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`on random first mentions (seed ${seed})`, () => {
      const rand = prng(seed * 4099);
      const slots = new Slots();
      // first mentions in order, some at the same place (candidates of one span); each surface's slot visited
      const kept: FirstMention[] = [];
      let at = 0;
      for (const s of SURFACES) {
        if (rand() < 0.3) continue;
        if (rand() < 0.8) at += 1 + Math.floor(rand() * 50);
        const slot = slots.ofSurface(s);
        slot.visited = true;
        kept.push({ slot, m: working(at, at + s.length, 'person', s, false), claimed: 0 });
      }
      const touched = new Map<string, Touched>();
      for (const s of SURFACES) {
        if (rand() < 0.6) continue;
        const slot = slots.ofSurface(s);
        const f = kept.find(x => x.slot === slot);
        // its first mention before the edit: the kept one's, or (rarely) another at another place, or none
        const r = rand();
        const first = f && r < 0.8 ? f.m : r < 0.9 ? working(at + 7, at + 9, 'person', s, false) : undefined;
        touched.set(s, { slot, before: [], after: [], local: false, same: false, first });
      }
      // a line shortened by the edit: a touched one's first mention left out of order among the kept ones
      if (kept.length > 2 && rand() < 0.3) {
        const k = Math.floor(rand() * (kept.length - 1));
        kept[k].m.start = kept[kept.length - 1].m.start + 5;
      }
      const got = firstsWithout(kept, touched);
      const want = walked(kept, new Set([...touched.values()].map(t => t.slot)));
      assert.deepEqual(got.firsts, want.firsts);
      assert.deepEqual(got.removed.map(f => f.slot.surface).sort(), want.removed.map(f => f.slot.surface).sort());
    });
  }
  it('a surface that is not visited has no first mention there: none taken out, no walk', () => {
    const slots = new Slots();
    const a = slots.ofSurface('Lima');
    const b = slots.ofSurface('Oslo');
    a.visited = true;
    const kept: FirstMention[] = [{ slot: a, m: working(0, 4, 'place', 'Lima', false), claimed: 0 }];
    const touched = new Map<string, Touched>([['Oslo', { slot: b, before: [], after: [], local: false, same: false, first: undefined }]]);
    const got = firstsWithout(kept, touched);
    assert.deepEqual(got.firsts, kept);
    assert.deepEqual(got.removed, []);
  });
});
