// `npm run bench:edit`: only the benchmark's incremental-edit section (6), for working on the cost of an edit in a
// large article without running the whole benchmark.
import { distinctEditSection } from './bench/scale';

const time = (fn: () => unknown): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
distinctEditSection(time);
