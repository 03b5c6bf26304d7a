// Long fuzzing runs of the core (issue 7): `npm run fuzz` runs 100,000 cases over every property in
// test/support/fuzz-properties.ts; `npm run fuzz -- --runs 1000000 --seed 42 --long-line 1000000`.
// Prints the cases run per property and the total; exits 1 on the first failing property, with its counterexample.
// The presentation properties (test/support/present-properties.ts: Markdown escaping, hovers) run too.
import fc from 'fast-check';
import { EXPORT_PROPERTIES, exportRunsFor } from '../test/support/export-properties';
import { ANCHOR_COST_PROPERTIES, anchorCostRuns } from '../test/support/anchor-cost-properties';
import { PROPERTIES, runsFor } from '../test/support/fuzz-properties';
import { PRESENT_PROPERTIES } from '../test/support/present-properties';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} needs a whole number, got "${process.argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return v;
}

const total = option('runs', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
const longLine = option('long-line', 1_000_000);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

// the presentation properties are cheap per case and guard a security boundary: each runs the full count
const properties = [...PROPERTIES, ...EXPORT_PROPERTIES, ...ANCHOR_COST_PROPERTIES, ...PRESENT_PROPERTIES];
const runs = [...runsFor(total), ...exportRunsFor(total), ...anchorCostRuns(total), ...PRESENT_PROPERTIES.map(() => total)];
console.log(`fuzzing with seed ${seed}, ${total} cases, long lines up to ${longLine} code units`);
let done = 0;
let failed = false;
const started = Date.now();
// one after the other: some properties touch the file system (export targets, links, FIFOs) and are async
async function fuzzAll(): Promise<void> {
  for (const [i, p] of properties.entries()) {
    if (only && !p.name.includes(only)) continue;
    const t0 = Date.now();
    const result = await fc.check(p.property({ longLine }) as fc.IProperty<unknown[]>, { numRuns: runs[i], seed, endOnFailure: false });
    done += result.numRuns;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (result.failed) {
      failed = true;
      console.log(`FAIL ${p.name}: after ${result.numRuns} cases (${secs} s)`);
      console.log(fc.defaultReportMessage(result));
      if (result.errorInstance instanceof Error) console.log(result.errorInstance.stack?.split('\n').slice(0, 6).join('\n'));
    } else {
      console.log(`ok   ${p.name}: ${result.numRuns} cases (${secs} s)`);
    }
  }
}
void fuzzAll().then(() => {
  console.log(`${done} cases in total, ${failed ? 'with failures' : 'no failure'} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(failed ? 1 : 0);
});
