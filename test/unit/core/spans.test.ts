// Span operations: each checked against a direct (quadratic) reading of its contract on random lists.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { firstOfOverlapping, overlapLookup, overlaps, overlapSweep, withoutOverlapsWith } from '../../../src/core/spans';
import type { Span } from '../../../src/core/types';

const span = fc.tuple(fc.nat(60), fc.nat(12)).map(([start, length]): Span => ({ start, end: start + length }));
const byStart = (a: Span, b: Span) => a.start - b.start || b.end - a.end;
const sortedSpans = fc.array(span, { maxLength: 25 }).map(list => list.sort(byStart));
/** Sorted and pairwise disjoint, as the analysis's blockers usually are. */
const disjointSpans = sortedSpans.map(list => list.filter((s, i) => list.slice(0, i).every(t => !overlaps(s, t))));

describe('core/spans', () => {
  it('overlaps: shared code units only; touching spans do not overlap', () => {
    assert.equal(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }), true);
    assert.equal(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }), false);
    assert.equal(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 }), true);
  });

  it('withoutOverlapsWith keeps exactly the candidates that overlap no blocker (blockers overlapping or not)', () => {
    for (const blockers of [sortedSpans, disjointSpans]) {
      fc.assert(
        fc.property(sortedSpans, blockers, (candidates, bs) => {
          assert.deepEqual(
            withoutOverlapsWith(candidates, bs),
            candidates.filter(c => !bs.some(b => overlaps(c, b))),
          );
        }),
      );
    }
  });

  it('withoutOverlapsWith: a blocker that starts early and ends late still blocks', () => {
    const kept = withoutOverlapsWith(
      [
        { start: 5, end: 6 },
        { start: 20, end: 22 },
      ],
      [
        { start: 0, end: 10 },
        { start: 1, end: 2 },
      ],
    );
    assert.deepEqual(kept, [{ start: 20, end: 22 }]);
  });

  it('overlapSweep answers questions asked in order of start like a scan of every blocker', () => {
    fc.assert(
      fc.property(sortedSpans, sortedSpans, (questions, blockers) => {
        const ask = overlapSweep(blockers);
        for (const q of questions)
          assert.equal(
            ask(q.start, q.end),
            blockers.some(b => overlaps(q, b)),
            JSON.stringify(q),
          );
      }),
    );
  });

  it('overlapLookup answers questions in any order like a scan of every span', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 25 }), fc.array(span, { maxLength: 25 }), (spans, questions) => {
        const ask = overlapLookup(spans);
        for (const q of questions)
          assert.equal(
            ask(q),
            spans.some(s => overlaps(q, s)),
            JSON.stringify(q),
          );
      }),
    );
  });

  it('firstOfOverlapping keeps the first of overlapping spans and reports each one left out', () => {
    const a = { start: 0, end: 10, id: 'a' };
    const b = { start: 2, end: 4, id: 'b' };
    const c = { start: 9, end: 12, id: 'c' };
    const d = { start: 10, end: 11, id: 'd' };
    const dropped: string[] = [];
    const kept = firstOfOverlapping([a, b, c, d], { dropped: (s, over) => dropped.push(`${s.id}<${over.id}`) });
    assert.deepEqual(
      kept.map(s => s.id),
      ['a', 'd'],
    );
    assert.deepEqual(dropped, ['b<a', 'c<a']);
  });

  it('firstOfOverlapping lets a later span replace the kept one when asked to', () => {
    const model = { start: 0, end: 10, fixed: false };
    const lexicon = { start: 3, end: 6, fixed: true };
    const after = { start: 7, end: 9, fixed: false };
    const kept = firstOfOverlapping([model, lexicon, after], { replaces: (later, k) => later.fixed && !k.fixed });
    // the replacement ends earlier, so what follows it no longer overlaps
    assert.deepEqual(kept, [lexicon, after]);
  });

  it('firstOfOverlapping: the result never overlaps itself, keeps order, and is what a greedy scan keeps', () => {
    fc.assert(
      fc.property(sortedSpans, list => {
        const kept = firstOfOverlapping(list);
        for (let i = 1; i < kept.length; i++) assert.ok(kept[i - 1].end <= kept[i].start);
        const greedy: Span[] = [];
        for (const s of list) if (greedy.length === 0 || greedy[greedy.length - 1].end <= s.start) greedy.push(s);
        assert.deepEqual(kept, greedy);
      }),
    );
  });
});
