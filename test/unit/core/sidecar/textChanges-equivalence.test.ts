// The per-keystroke applyTextChanges skips work (spans far from every edit, entities whose mentions kept their name
// forms): it must give exactly what the straightforward version gives (test/support/textChanges-reference.ts), on
// every sidecar the session can hold, for edits anywhere, one after the other as typing makes them.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyTextChanges, reconcile, type Sidecar } from '../../../../src/core/sidecar';
import { articleText, editFractions, editsIn, spanFractions } from '../../../support/arbitraries';
import { analyzeText, sidecarWithManual } from '../../../support/fuzz-properties';
import { referenceApplyTextChanges } from '../../../support/textChanges-reference';
import { distinctArticle } from '../../../support/distinct-article';

const NOW = '2026-11-29T00:00:00.000Z';

/** Applies each step with both versions, asserting the same sidecar after each; returns the last one. */
function typeSteps(text: string, first: Sidecar, steps: readonly (readonly [number, number, string][])[]): Sidecar {
  let s = first;
  let current = text;
  for (const edits of steps) {
    const { changes, newText } = editsIn(current, edits);
    const fast = applyTextChanges(s, newText, changes, NOW);
    assert.deepStrictEqual(fast, referenceApplyTextChanges(s, newText, changes, NOW));
    s = fast;
    current = newText;
  }
  return s;
}

describe('applyTextChanges gives what the straightforward version gives', () => {
  it('for any article, manual annotations and successive edits', () => {
    fc.assert(
      fc.property(articleText, spanFractions, fc.array(editFractions, { minLength: 1, maxLength: 4 }), (text, spans, steps) => {
        typeSteps(text, sidecarWithManual(text, spans), steps);
      }),
      { numRuns: 300 },
    );
  });

  it('for typing a character at a time before, inside and after the names of a longer article', () => {
    const text = distinctArticle(6_000, 3);
    const s = reconcile({ text, file: 'a.txt', analysis: analyzeText(text) }).sidecar;
    assert.ok(s.annotations.length > 20, 'the article has mentions to move');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.constantFrom('a', ' ', 'Kowalczyk', '', 'é'),
        fc.nat(3),
        (at, typed, cut) => {
          // a run of keystrokes at one place (each after the last), sometimes deleting a few characters too
          const steps = Array.from({ length: 6 }, (_, k) => [
            [Math.min(0.999, at + k / text.length), k % 3 === 2 ? cut : 0, typed] as [number, number, string],
          ]);
          typeSteps(text, s, steps);
        },
      ),
      { numRuns: 200 },
    );
  });
});
