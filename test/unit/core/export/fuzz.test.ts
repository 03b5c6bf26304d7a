// The export, CLI-output and sidecar-file fuzz properties (test/support/export-properties.ts), CI-sized with a fixed
// seed so a failure reproduces; `npm run fuzz` runs them longer.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EXPORT_PROPERTIES, exportRunsFor } from '../../../support/export-properties';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const TOTAL = Number(process.env.FUZZ_RUNS ?? 3000);

describe('fuzz: export targets, links and FIFOs, printed text, line readers', function () {
  this.timeout(120_000);
  const runs = exportRunsFor(TOTAL);
  EXPORT_PROPERTIES.forEach((p, i) => {
    it(`${p.name} (${runs[i]} cases)`, async () => {
      const result = await fc.check(p.property({ longLine: 0 }) as fc.IProperty<unknown[]>, { numRuns: runs[i], seed: SEED });
      if (result.failed) {
        const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        assert.fail(`${error}\n${fc.defaultReportMessage(result)}\n(seed ${SEED}; re-run with FUZZ_SEED=${SEED})`);
      }
    });
  });
});
