// Reconcile keeps the auto annotations it finds again unchanged instead of building them again, matches ids in one
// walk, and hashes nothing when the session knows the text: it must give exactly what the straightforward version
// gives (test/support/reconcile-reference.ts), on every sidecar the session can hold (manual work, reviews,
// rejections, typing moved through applyTextChanges, context edited by hand), for edits anywhere.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { acceptAnnotations } from '../../../../src/core/session/review';
import { ArticleSession } from '../../../../src/core/session/session';
import { analyzeOptionsFor, applyTextChanges, reconcile, removeAnnotation, serializeSidecar, type Sidecar } from '../../../../src/core/sidecar';
import type { AnalysisResult } from '../../../../src/core/types';
import { articleText, editFractions, editsIn, spanFractions } from '../../../support/arbitraries';
import { distinctArticle } from '../../../support/distinct-article';
import { analyzeText, sidecarWithManual } from '../../../support/fuzz-properties';
import { InMemoryStorage } from '../../../support/inMemoryStorage';
import { referenceReconcile } from '../../../support/reconcile-reference';

const NOW = '2026-11-29T00:00:00.000Z';
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/**
 * Both reconciles of `text` against `previous`: the same sidecar, report and bytes; told whether `text` is `hashed` (the
 * text previous's hash names), the same but the hash left as it was.
 */
function compare(text: string, previous: Sidecar, hashed: string): void {
  const analysis = analyzeText(text, analyzeOptionsFor(previous));
  const input = { text, file: 'a.txt', analysis, previous, now: NOW };
  const copy = structuredClone(previous);
  const expected = referenceReconcile({ ...input, previous: copy });
  const fast = reconcile(input);
  assert.deepStrictEqual(fast, expected);
  assert.equal(serializeSidecar(fast.sidecar), serializeSidecar(expected.sidecar));
  // as the session calls it: it knows whether the text is the one previous's hash names, and hashes when it saves
  const known = reconcile({ ...input, sameText: hashed === text });
  assert.deepStrictEqual(known.report, expected.report);
  assert.equal(known.sidecar.document.sha256, previous.document.sha256);
  assert.deepStrictEqual(
    { ...known.sidecar, document: { ...known.sidecar.document, sha256: '' } },
    { ...expected.sidecar, document: { ...expected.sidecar.document, sha256: '' } },
  );
  assert.deepStrictEqual(previous, copy, 'reconcile changed the sidecar it was given');
}

/** Some of the user's decisions on automatic mentions: accepted (reviewed) and rejected ones, picked by fractions. */
function decide(s: Sidecar, text: string, accept: readonly number[], reject: readonly number[]): Sidecar {
  const autos = s.annotations.filter(a => a.source === 'auto');
  if (autos.length === 0) return s;
  let out = acceptAnnotations(s, [...new Set(accept.map(f => autos[Math.floor(f * autos.length)].id))]);
  for (const f of reject) {
    const id = autos[Math.floor(f * autos.length)].id;
    if (out.annotations.some(a => a.id === id)) out = removeAnnotation(out, text, id);
  }
  return out;
}

describe('reconcile gives what the straightforward version gives', () => {
  it('for any article, the user decisions, and edits kept in step or not', () => {
    fc.assert(
      fc.property(
        articleText,
        spanFractions,
        fc.array(fraction, { maxLength: 4 }),
        fc.array(fraction, { maxLength: 3 }),
        editFractions,
        fc.boolean(),
        fc.array(fraction, { maxLength: 3 }),
        (text, spans, accept, reject, edits, inStep, spoil) => {
          let s = decide(sidecarWithManual(text, spans), text, accept, reject);
          compare(text, s, text);
          const { changes, newText } = editsIn(text, edits);
          // typing kept the spans in step (the session; the hash still names the text before), or the file changed
          // outside the editor (the CLI, a pull)
          if (inStep) s = applyTextChanges(s, newText, changes, NOW);
          // a sidecar edited by hand: a context that no longer matches the text is built again, never kept
          if (spoil.length > 0 && s.annotations.length > 0) {
            s = structuredClone(s);
            for (const f of spoil) {
              const a = s.annotations[Math.floor(f * s.annotations.length)];
              a.prefix = a.prefix.slice(1) + 'x';
            }
          }
          compare(newText, s, text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for a session typing words and names into a longer article, analysed after each pause', () => {
    const text = distinctArticle(20_000, 5);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fraction, fc.constantFrom(' and so', ' Mr Kowalczyk said', 'x', '', ' Moskva.'), fc.nat(4)), { minLength: 1, maxLength: 5 }),
        steps => {
          let last: AnalysisResult | undefined;
          const session = new ArticleSession({
            storage: new InMemoryStorage(),
            sidecarPath: 'a.txt.annotations.json',
            file: 'a.txt',
            analyzer: { analyze: (t, o) => (last = analyzeText(t, o)) },
            now: () => NOW,
          });
          let current = text;
          session.analyze(current, { version: 1 });
          steps.forEach(([at, typed, cut], k) => {
            const { changes, newText } = editsIn(current, [[at, cut, typed]]);
            session.textChanged(newText, changes, k + 2);
            current = newText;
            const previous = structuredClone(session.sidecar!);
            const out = session.analyze(current, { version: k + 2 });
            const expected = referenceReconcile({ text: current, file: 'a.txt', analysis: last!, previous, now: NOW });
            assert.deepStrictEqual(out.report, expected.report);
            const noHash = (x: Sidecar) => ({ ...x, document: { ...x.document, sha256: '' } });
            assert.deepStrictEqual(noHash(out.sidecar), noHash(expected.sidecar));
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
