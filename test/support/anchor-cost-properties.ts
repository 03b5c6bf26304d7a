// Fuzz properties for the cost of re-anchoring orphans (issue 16): whatever the article and the stored quotes, the
// fuzzy step's work stays under a fixed budget per orphan, and what it places is a sound span. Run by `npm run fuzz`
// (scripts/fuzz.ts) and, CI-sized, by test/unit/core/anchor/fuzzy.test.ts.
import fc from 'fast-check';
import { anchorAll, quoteContext, type AnchorTarget } from '../../src/core/anchor';
import { FUZZY_BUDGET } from '../../src/core/anchor/fuzzy';
import type { FuzzProperty } from './fuzz-properties';

/**
 * `copies` copies of `unit` with `count` quotes of `length` code units deleted from each copy, and the quotes as
 * stored against the first copy: orphans whose context recurs in every copy, the costliest case for the fuzzy step.
 */
export function editedCopies(unit: string, copies: number, length: number, count: number): { text: string; targets: AnchorTarget[] } {
  const step = Math.max(length + 1, Math.floor(unit.length / count));
  const starts = Array.from({ length: count }, (_, i) => i * step + 1).filter(s => s + length < unit.length);
  const targets = starts.map(start => {
    const span = { start, end: start + length };
    return { ...span, text: unit.slice(start, start + length), ...quoteContext(unit + unit, span) };
  });
  let cut = unit;
  for (const s of [...starts].reverse()) cut = cut.slice(0, s) + cut.slice(s + length);
  return { text: Array.from({ length: copies }, () => cut).join(''), targets };
}

function fail(message: string, detail: unknown): never {
  throw new Error(`${message}: ${JSON.stringify(detail).slice(0, 300)}`);
}

function checkCost(text: string, targets: readonly AnchorTarget[]): void {
  const cost = { cells: 0 };
  const placed = anchorAll(text, targets, cost);
  if (cost.cells > targets.length * 2 * FUZZY_BUDGET)
    fail(
      `fuzzy work over budget: ${cost.cells} cells for ${targets.length} quotes`,
      targets.map(t => t.text.length),
    );
  placed.forEach(r => {
    if (r && !(r.start >= 0 && r.start < r.end && r.end <= text.length)) fail('unsound span', r);
  });
}

const alphabet = fc.constantFrom('a', 'b', ' ', 'e', '\n', 'Putin ', 'said ', 'ab');
const unitText = fc.array(alphabet, { minLength: 20, maxLength: 300 }).map(p => p.join(''));

export const ANCHOR_COST_PROPERTIES: FuzzProperty[] = [
  {
    name: 'anchor cost: orphans whose context recurs everywhere stay within the fuzzy budget',
    weight: 1,
    property: () =>
      fc.property(
        unitText,
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        (unit, copies, length, count) => {
          const { text, targets } = editedCopies(unit.repeat(Math.ceil((length * 2 + 40) / unit.length)), copies, length, count);
          checkCost(text, targets);
        },
      ),
  },
  {
    name: 'anchor cost: crafted quotes and contexts over repetitive text stay within the fuzzy budget',
    weight: 1,
    property: () =>
      fc.property(
        fc.constantFrom('a', 'ab', 'a ', ' '),
        fc.integer({ min: 1000, max: 100_000 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'ab', ' a'), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('a', 'ab', ' ')), {
          minLength: 1,
          maxLength: 4,
        }),
        (letter, size, quotes) => {
          const text = letter.repeat(Math.ceil(size / letter.length));
          const targets = quotes.map(([q, n, c], i) => ({
            start: 100 * i,
            end: 100 * i + n,
            text: q.repeat(n).slice(0, n),
            prefix: c.repeat(32).slice(0, 32),
            suffix: c.repeat(32).slice(0, 32),
          }));
          checkCost(text, targets);
        },
      ),
  },
];

/** Runs per property for a fuzz run of `total` cases: each case is a full re-anchoring, so a small share. */
export const anchorCostRuns = (total: number) => ANCHOR_COST_PROPERTIES.map(() => Math.max(1, Math.ceil(total / 500)));
