// `npm run bench:throughput`: only the benchmark's throughput section (1), for working on the analysis hot path
// without running the whole benchmark. `--base DIR` also times the analyzer of another checkout (DIR/src, e.g. a
// copy of main's src) in the same process, alternating pass by pass, so that both see the same load; `--rounds N`
// passes each (default 7); `--naive N` passes of the naive pipeline (default 1; 0 skips it). CPU time is printed
// beside wall time: on a shared machine the CPU time is the steadier figure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../src/core/analyze';
import { nlp } from './compromise';
import { readConll } from './eval/conll-reader';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const root = path.resolve(__dirname, '..');
const dataDir = process.env.NEWS_ANNOTATOR_DATA ?? path.resolve(root, '../shared/data');
const conll = path.join(dataDir, 'conll2003/eng.testa');
if (!fs.existsSync(conll)) {
  console.error(`bench:throughput: no CoNLL-2003 development text at ${conll} (set NEWS_ANNOTATOR_DATA)`);
  process.exit(1);
}
const docs = readConll(conll).map(d => d.text);
const chars = docs.reduce((n, d) => n + d.length, 0);
const rounds = Number(arg('--rounds') ?? 7);
const naiveRounds = Number(arg('--naive') ?? 1);
const baseDir = arg('--base');
type AnalyzerClass = new (maxCacheEntries?: number) => { analyze(text: string): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a checkout chosen at run time
const Base: AnalyzerClass | undefined = baseDir ? require(path.resolve(baseDir, 'src/core/analyze')).Analyzer : undefined;

function naive(text: string): number {
  const doc = nlp(text);
  let n = doc.people().json().length + doc.places().json().length + doc.organizations().json().length;
  try {
    n += doc.dates().json().length;
  } catch {
    /* compromise-dates can throw on a bad match; the naive way loses the document's dates (as in bench.ts) */
  }
  return n;
}

interface Pass {
  cpu: number;
  wall: number;
}
function timed(fn: () => void): Pass {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e3, wall: Number(process.hrtime.bigint() - t0) / 1e6 };
}
const analyzerPass = (C: AnalyzerClass) => () =>
  timed(() => {
    const a = new C(0); // cache disabled, as in bench.ts: every unit is analysed
    for (const d of docs) a.analyze(d);
  });

const runners: { name: string; pass: () => Pass; rounds: number; passes: Pass[] }[] = [
  ...(Base ? [{ name: `base (${baseDir})`, pass: analyzerPass(Base), rounds, passes: [] }] : []),
  { name: 'this checkout', pass: analyzerPass(Analyzer), rounds, passes: [] },
  { name: 'naive pipeline', pass: () => timed(() => docs.forEach(naive)), rounds: naiveRounds, passes: [] },
];
docs.slice(0, 5).forEach(d => {
  naive(d);
  new Analyzer(0).analyze(d);
  if (Base) new Base(0).analyze(d);
}); // warm up the JIT
for (let i = 0; i < rounds; i++) for (const r of runners) if (i < r.rounds) r.passes.push(r.pass());

const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kcps = (ms: number) => `${(chars / ms).toFixed(0)}k chars/s`;
console.log(`Throughput on the CoNLL-2003 development text (${docs.length} documents, ${chars} characters), ${rounds} passes each, alternating`);
for (const r of runners) {
  if (r.passes.length === 0) continue;
  const cpu = r.passes.map(p => p.cpu);
  const wall = r.passes.map(p => p.wall);
  console.log(
    `   ${r.name}: CPU best ${best(cpu).toFixed(0)} ms (${kcps(best(cpu))}), median ${median(cpu).toFixed(0)} ms (${kcps(median(cpu))}); wall best ${best(wall).toFixed(0)} ms (${kcps(best(wall))})`,
  );
}
const [mine, naiveRunner] = runners.slice(-2);
if (naiveRunner.passes.length > 0) {
  for (const r of runners.slice(0, -1)) {
    const ratio = best(naiveRunner.passes.map(p => p.cpu)) / best(r.passes.map(p => p.cpu));
    console.log(`   ratio to the naive pipeline (best CPU), ${r.name}: ${ratio.toFixed(1)}x`);
  }
}
if (Base) {
  const b = runners[0].passes;
  console.log(
    `   this checkout vs base: ${(best(b.map(p => p.cpu)) / best(mine.passes.map(p => p.cpu))).toFixed(2)}x by best CPU, ${(median(b.map(p => p.cpu)) / median(mine.passes.map(p => p.cpu))).toFixed(2)}x by median CPU`,
  );
}
