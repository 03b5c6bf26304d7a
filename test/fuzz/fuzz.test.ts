// Property-based fuzzing of the core, CI-sized (issue 7): a few thousand generated articles, edits and sidecars
// with a fixed seed, so a failure reproduces. `npm run fuzz` runs the same properties for 100,000+ cases.
// The properties and generators live in test/support (shared with scripts/fuzz.ts).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { resolveDate } from '../../src/core/dates';
import { snapToGraphemes } from '../../src/core/graphemes';
import { applyTextChanges, reconcile } from '../../src/core/sidecar';
import { editsIn } from '../support/arbitraries';
import { checkAnalysis, checkExports, checkNothingLost, checkSidecar, PROPERTIES, runsFor, sidecarWithManual } from '../support/fuzz-properties';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const TOTAL = Number(process.env.FUZZ_RUNS ?? 5000);

describe('fuzz: core properties', function () {
  this.timeout(120_000);
  const runs = runsFor(TOTAL);
  PROPERTIES.forEach((p, i) => {
    it(`${p.name} (${runs[i]} cases)`, () => {
      const result = fc.check(p.property({ longLine: 200_000 }) as fc.IProperty<unknown[]>, { numRuns: runs[i], seed: SEED });
      if (result.failed) {
        const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        // the seed and path replay exactly this case: fc.check(..., { seed, path })
        assert.fail(`${error}\n${fc.defaultReportMessage(result)}\n(seed ${SEED}; re-run with FUZZ_SEED=${SEED})`);
      }
    });
  });

  it('a 1 MB single line of noise is analysed without breaking a rule', () => {
    const unit = 'Putin😀e\u0301 \u202eموسكو\u200d Nov. 24, 2015 ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    checkAnalysis(text, analyze(text, { referenceDate: '2015-11-24' }), { referenceDate: '2015-11-24' });
  });
});

describe('fuzz: regressions (cases the fuzzer found)', () => {
  it('a mark after an astral character does not leave a span starting inside the surrogate pair', () => {
    const text = '\u{10000}\u093fVladimir Putin';
    assert.deepEqual(snapToGraphemes(text, { start: 2, end: text.length }), { start: 0, end: text.length });
    checkAnalysis(text, analyze(text), {});
  });

  it('a date past year 9999 (far reference date) is unresolved, not a five-digit year', () => {
    const text = 'Dr. Smith will travel to New York next month.';
    const r = analyze(text, { referenceDate: '9999-12-01' });
    checkAnalysis(text, r, { referenceDate: '9999-12-01' });
    const next = r.annotations.find(a => a.text === 'next month');
    assert.ok(next, 'next month is still found');
    assert.equal(next.value, null);
    assert.equal(analyze(text, { referenceDate: '2015-11-24' }).annotations.find(a => a.text === 'next month')?.value, '2015-12');
  });

  it('a date before year 0 is unresolved, not a value with the sign dropped', () => {
    assert.equal(resolveDate({ kind: 'relative', unit: 'decade', offset: -1, tense: 'none' } as never, '0005-06-01').value, null);
  });

  it('a lexicon name on a date does not give overlapping annotations: the lexicon wins', () => {
    const text = 'The Bank of England raised rates in Q3 2015, the first rise since the 1990s.';
    const r = analyze(text, { lexicon: { the: 'person' } });
    checkAnalysis(text, r, { lexicon: { the: 'person' } });
    assert.ok(r.annotations.some(a => a.text === 'the' && a.type === 'person'));
    assert.ok(!r.annotations.some(a => a.text === 'the 1990s'));
    assert.ok(
      analyze(text).annotations.some(a => a.text === 'the 1990s'),
      'without the lexicon the date stays',
    );
  });

  it('exports hold on a sidecar full of hostile text', () => {
    const text = '=HYPERLINK("x") Putin\t+1 @Moscow 😀\u202e\r\n-2015';
    checkExports(
      'a.txt',
      text,
      sidecarWithManual(text, [
        [0, 15, 'organization'],
        [0.4, 5, 'person'],
        [0.6, 7, 'place'],
        [0.95, 5, 'date'],
      ]),
    );
  });
});

describe('fuzz: re-anchoring regressions', () => {
  it("a quote found again inside another character's combining sequence is not taken (reconcile)", () => {
    const text = '\ufeff\u2066\u034fVladimir Putin';
    const s = sidecarWithManual(text, [[0, 2, 'person']]);
    const { newText } = editsIn(text, [[0, 2, '']]);
    const after = reconcile({ text: newText, file: 'a.txt', analysis: analyze(newText), previous: s }).sidecar;
    const back = reconcile({ text, file: 'a.txt', analysis: analyze(text), previous: after }).sidecar;
    checkSidecar(text, back, 'back');
    checkNothingLost(after, back, text, 'back');
  });

  it('typing just before a span that starts with a combining mark does not leave it starting inside a character', () => {
    const s = sidecarWithManual('\u034f', [[0, 1, 'person']]);
    const after = applyTextChanges(s, ' \u034f', [{ start: 0, end: 0, text: ' ' }]);
    checkSidecar(' \u034f', after, 'applyTextChanges');
    checkNothingLost(s, after, ' \u034f', 'applyTextChanges');
  });
});

describe('fuzz: hand-edited sidecar regressions', () => {
  const text = 'Vladimir Putin';
  const withSpan = (start: number, end: number, quote: string, length = text.length) => {
    const s = sidecarWithManual(text, [[0, 14, 'person']]);
    return { ...s, document: { ...s.document, length }, annotations: s.annotations.map(a => ({ ...a, start, end, text: quote })) };
  };

  for (const [what, s] of [
    ['an empty span', withSpan(0, 0, '')],
    ['an empty span at the end, its context intact', withSpan(14, 14, '')],
    ['a span past the end of the text (slice would clamp it)', withSpan(0, 15, 'Vladimir Putin', 15)],
  ] as const) {
    it(`${what}: orphaned on reconcile, not kept as an impossible annotation`, () => {
      const after = reconcile({ text, file: 'a.txt', analysis: analyze(text), previous: s }).sidecar;
      checkSidecar(text, after, what);
      checkNothingLost(s, after, text, what);
    });
  }

  it('an empty rejection is dropped (it rejects nothing), not kept for ever', () => {
    const s = sidecarWithManual(text, []);
    const withRejection = { ...s, rejections: [{ type: 'person' as const, start: 9, end: 9, text: '', prefix: 'Vladimir ', suffix: 'Putin' }] };
    const after = reconcile({ text, file: 'a.txt', analysis: analyze(text), previous: withRejection }).sidecar;
    assert.deepEqual(after.rejections, []);
  });
});
