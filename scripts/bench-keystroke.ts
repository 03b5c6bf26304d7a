// `npm run bench:keystroke`: only the benchmark's editor section (10), for working on the per-keystroke cost
// without running the whole benchmark. `--chars N` sizes the article (default 1.5 million, as in `npm run bench`).
import { keystrokeSection } from './bench/keystroke';

const at = process.argv.indexOf('--chars');
const chars = at >= 0 ? Number(process.argv[at + 1]) : 1_500_000;
const time = (fn: () => unknown): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
keystrokeSection(time, chars).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
