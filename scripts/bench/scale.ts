// The benchmark's whole-process and scale sections (issue 14), kept apart from scripts/bench.ts's in-process
// sections: the CLI as a user runs it (a fresh process per run) against the naive pipeline run the same way,
// `--jobs 1` vs `--jobs N`, `stream` throughput, child peak RSS, and a one-character edit in a large article of
// distinct text. Figures only; never a timed test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { Analyzer } from '../../src/core/analyze';
import { distinctArticle } from '../../test/support/distinct-article';
import { printJobsCeiling } from './ceiling';
import { alternate, fmt, median, mib, runNode, runsText, writeUsageProbe } from './processRuns';
import { seedTexts } from './corpusTexts';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

/**
 * Documents of distinct text, at least `chars` in all, made from `docs`: copy k renames every capitalised word to
 * another one of the corpus (a rotation by k) and shifts every number by k, so no line repeats and the analyzer's
 * caches cannot absorb the work (a repeated text would measure the cache, not the analysis).
 */
export function distinctDocuments(docs: readonly string[], chars: number): string[] {
  const words = [...new Set(docs.flatMap(d => d.match(/\b[A-Z][a-z]+\b/g) ?? []))].sort();
  const index = new Map(words.map((w, i) => [w, i]));
  const out: string[] = [];
  let total = 0;
  for (let k = 0; total < chars; k++) {
    for (const doc of docs) {
      const copy =
        k === 0 ? doc : doc.replace(/\b[A-Z][a-z]+\b/g, w => words[(index.get(w)! + k * 7919) % words.length]).replace(/\d+/g, n => String(Number(n) + k));
      out.push(copy);
      total += copy.length;
      if (total >= chars) break;
    }
  }
  return out;
}

/** Share of '\n'-separated lines that occur once (1 = fully distinct). */
function distinctLineShare(text: string): number {
  const lines = text.split('\n').filter(l => l.trim() !== '');
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  return lines.filter(l => counts.get(l) === 1).length / lines.length;
}

function writeFolder(dir: string, docs: readonly string[]): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(5, '0')}.txt`), d));
}

const removeSidecars = (dir: string) => {
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) fs.rmSync(path.join(dir, f));
};

/** The naive pipeline as a command-line program (bundled like the CLI): reads each file, runs compromise, writes its findings. */
async function buildNaiveCli(tmp: string): Promise<string> {
  const entry = path.join(tmp, 'naive-entry.ts');
  fs.writeFileSync(
    entry,
    `
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nlp } from ${JSON.stringify(path.join(root, 'scripts/compromise'))};
for (const dir of process.argv.slice(2)) {
  for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort()) {
    const file = path.join(dir, name);
    const doc = nlp(fs.readFileSync(file, 'utf8'));
    const found: Record<string, unknown> = { people: doc.people().json(), places: doc.places().json(), organizations: doc.organizations().json() };
    try { found.dates = doc.dates().json(); } catch { found.dates = []; }
    fs.writeFileSync(file + '.naive.json', JSON.stringify(found, null, 2));
  }
}
`,
  );
  const outfile = path.join(tmp, 'naive.js');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return outfile;
}

export interface ScaleInput {
  /** The benchmark corpus, one document each (the CoNLL dev text when present). */
  corpus: readonly string[];
  corpusName: string;
}

export async function runScaleSections({ corpus, corpusName }: ScaleInput): Promise<void> {
  if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'dist/worker.js'))) {
    console.log('\n(whole-process sections skipped: run `node esbuild.mjs` first to build dist/cli.js and dist/worker.js)');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'na-bench-'));
  writeUsageProbe(tmp);
  const cores = os.availableParallelism();
  try {
    // 7. Whole process, one job: what a user waits for, start-up and file I/O included.
    const corpusDir = path.join(tmp, 'corpus');
    writeFolder(corpusDir, corpus);
    const chars = corpus.reduce((n, d) => n + d.length, 0);
    const naiveCli = await buildNaiveCli(tmp);
    console.log(`\n7. Whole process, one file per document, ${corpusName}, ${chars} characters; 5 fresh processes each, alternating`);
    const whole = await alternate(
      5,
      () => runNode(tmp, [cli, 'annotate', '--jobs', '1', corpusDir]),
      () => runNode(tmp, [naiveCli, corpusDir]),
      () => removeSidecars(corpusDir),
    );
    console.log(`   news-annotator annotate --jobs 1: ${runsText(whole.a, chars)}`);
    console.log(`   naive pipeline (compromise + dates, same files, results written): ${runsText(whole.b, chars)}`);
    console.log(
      `   ratio whole process: ${fmt(whole.b.medianMs / whole.a.medianMs, 2)}x by medians, ${fmt(whole.b.bestMs / whole.a.bestMs, 2)}x by best runs, ` +
        `${fmt(1 / whole.pairRatio, 2)}x median within pairs, ${fmt(whole.b.medianCpuMs / whole.a.medianCpuMs, 2)}x in CPU time (target >= 10x)`,
    );
    // the fixed cost of every run: Node's own start, then compiling the CLI's bundle and running its module-level code,
    // data decoded at load included (`--version` analyses nothing; the tagger's weights and the gazetteer wait for use)
    const startup = await alternate(
      5,
      () => runNode(tmp, [cli, '--version']),
      () => runNode(tmp, ['-e', '0']),
    );
    console.log(
      `   of which start-up: node -e 0 CPU ${fmt(startup.b.medianCpuMs, 0)} ms (wall ${fmt(startup.b.medianMs, 0)}), news-annotator --version ` +
        `CPU ${fmt(startup.a.medianCpuMs, 0)} ms (wall ${fmt(startup.a.medianMs, 0)}): the bundle's load ~${fmt(startup.a.medianCpuMs - startup.b.medianCpuMs, 0)} ms CPU`,
    );

    // 8. --jobs 1 vs --jobs N, on a ~4 MB folder of distinct text and on the small sample folder, alternating.
    const big = distinctDocuments(corpus, 4 * 2 ** 20);
    const bigChars = big.reduce((n, d) => n + d.length, 0);
    const bigDir = path.join(tmp, 'big');
    writeFolder(bigDir, big);
    const jobsRun = (dir: string, n: number) => () => runNode(tmp, [cli, 'annotate', '--jobs', String(n), dir]);
    console.log(`\n8. --jobs 1 vs --jobs ${cores} (available cores), fresh processes, alternating (3 pairs on 4 MB, 5 on the samples)`);
    console.log(`   ~4 MB folder: ${big.length} articles, ${bigChars} characters, distinct lines ${fmt(distinctLineShare(big.join('\n')) * 100)}%`);
    const bigJobs = await alternate(3, jobsRun(bigDir, 1), jobsRun(bigDir, cores), () => removeSidecars(bigDir));
    console.log(`   --jobs 1:  ${runsText(bigJobs.a, bigChars)}`);
    console.log(`   --jobs ${cores}:  ${runsText(bigJobs.b, bigChars)}`);
    console.log(
      `   speed-up on 4 MB: ${fmt(bigJobs.a.medianMs / bigJobs.b.medianMs, 2)}x by medians, ${fmt(bigJobs.pairRatio, 2)}x median within pairs (target >= 1.6x with 2 jobs); ` +
        `CPU of --jobs ${cores} over --jobs 1 for the same work ${fmt(bigJobs.b.medianCpuMs / bigJobs.a.medianCpuMs, 2)}x (the load-independent part: ${cores} free cores give at most ${cores}x divided by it); ` +
        `load average ${fmt(os.loadavg()[0], 1)}`,
    );
    if (cores > 1)
      await printJobsCeiling({
        tmp,
        cli,
        docs: big,
        parts: cores,
        whole: () => {
          removeSidecars(bigDir);
          return jobsRun(bigDir, 1)();
        },
        removeSidecars,
      });
    const seedsDir = path.join(tmp, 'seeds');
    const samples = seedTexts();
    writeFolder(seedsDir, samples);
    const sampleChars = samples.reduce((n, d) => n + d.length, 0);
    const smallJobs = await alternate(5, jobsRun(seedsDir, 1), jobsRun(seedsDir, cores), () => removeSidecars(seedsDir));
    console.log(`   small folder (the ${samples.length} sample articles, ${sampleChars} characters):`);
    console.log(`   --jobs 1:  ${runsText(smallJobs.a, sampleChars)}`);
    console.log(`   --jobs ${cores}:  ${runsText(smallJobs.b, sampleChars)}`);
    console.log(
      `   speed-up on the samples: ${fmt(smallJobs.a.medianMs / smallJobs.b.medianMs, 2)}x by medians, ${fmt(smallJobs.pairRatio, 2)}x median within pairs ` +
        `(under 256 KiB of text per job no worker is started: the same work as one job)`,
    );

    // 9. stream: JSONL in, JSONL out, the ~4 MB set.
    const jsonl = big.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
    console.log(`\n9. stream throughput, the ~4 MB set as ${big.length} JSON lines, output to a pipe; one run each`);
    for (const n of [1, cores]) {
      const r = runNode(tmp, [cli, 'stream', '--jobs', String(n)], jsonl);
      console.log(
        `   --jobs ${n}: ${fmt(r.ms, 0)} ms, ${fmt(bigChars / r.ms)}k chars/s (${fmt(big.length / (r.ms / 1000), 0)} articles/s), CPU ${fmt(r.cpuMs, 0)} ms, peak RSS ${mib(r.maxRssBytes)}`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** CPU time of `fn` in ms (this process, every thread): steadier than wall time on a machine shared with other work. */
function cpu(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * 6. A one-character edit in a 250k-character article of distinct text (generated: test/support/distinct-article.ts),
 * re-annotated warm, vs a full pass: a letter typed at 41 places spread over the article, and undone, each timed;
 * anywhere, then in ordinary words (the grouping is kept), then inside names (the grouping is redone).
 */
export function distinctEditSection(time: (fn: () => unknown) => number): void {
  const article = distinctArticle(250_000);
  const fullWall: number[] = [];
  const fullCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    fullWall.push(time(() => new Analyzer(0).analyze(article)));
    fullCpu.push(cpu(() => new Analyzer(0).analyze(article)));
  }
  // one Analyzer given the text only (it compares the texts to find the edit), one given the edit's range as well (as
  // the editor gives it, from its change events), typing and undoing at the same places, alternately
  const warm = new Analyzer();
  const ranged = new Analyzer();
  const { annotations } = warm.analyze(article, { document: 'bench' });
  ranged.analyze(article, { document: 'bench' });
  const places = 41;
  const spots = (starts: readonly number[], shift = 0) => {
    // the one nearest each of `places` evenly spaced points (moved by `shift` of a spacing)
    const out: number[] = [];
    for (let i = 0; i < places; i++) {
      const target = Math.floor((article.length * (i + 0.5 + shift)) / places);
      let best = starts[0];
      for (const x of starts) if (Math.abs(x - target) < Math.abs(best - target)) best = x;
      out.push(best);
    }
    return out;
  };
  const evenly = (shift: number) => Array.from({ length: places }, (_, i) => Math.floor((article.length * (i + 0.5 + shift)) / places));
  const anywhere = evenly(0);
  // a letter typed after the second letter of an ordinary lowercase word, or of a name the analysis found
  const words = [...article.matchAll(/\b\p{Ll}{4,}\b/gu)].map(m => m.index);
  const names = annotations.filter(a => a.type !== 'date' && /^\p{Lu}\p{Ll}{2}/u.test(a.text)).map(a => a.start);
  const ordinary = spots(words.map(x => x + 2));
  const inNames = spots(names.map(x => x + 2));
  // The full pass above is timed warm (the analyzer's code has run many times by then), so the edits are too: a first
  // round of each kind, not counted in the figures below, at other places (a quarter of a spacing on, a letter after
  // the third letter), so the code of each kind of edit is compiled and no edit counted below repeats one made here
  // (no cached line helps). Its median is printed apart: what the first edits of a kind cost, before their code ran.
  const warmUp = [
    evenly(0.25),
    spots(
      words.map(x => x + 3),
      0.25,
    ),
    spots(
      names.map(x => x + 3),
      0.25,
    ),
  ];
  const firstRound = warmUp.map(at => {
    const ms: number[] = [];
    for (const x of at) {
      const edited = article.slice(0, x) + 'x' + article.slice(x);
      edited.charCodeAt(0);
      ms.push(
        time(() => ranged.analyze(edited, { document: 'bench', edit: { previous: article, start: x, end: x, insertedLength: 1 } })),
        time(() => ranged.analyze(article, { document: 'bench', edit: { previous: edited, start: x, end: x + 1, insertedLength: 0 } })),
      );
      warm.analyze(edited, { document: 'bench' });
      warm.analyze(article, { document: 'bench' });
    }
    return median(ms);
  });
  console.log(`\n6. One-character edit in a 250k-character article of distinct text (generated; distinct lines ${fmt(distinctLineShare(article) * 100)}%)`);
  console.log(`   full pass: ${fmt(median(fullWall), 1)} ms wall, ${fmt(median(fullCpu), 1)} ms CPU (median of 3)`);
  // the edited text is made flat before it is timed, as the editor's getText() gives it: `slice + 'x' + slice` is a
  // rope, and the first look into it copies the whole article (timed apart below, it is no work of the analysis)
  const flatten: number[] = [];
  const rows: [string, number[]][] = [
    ['anywhere (evenly spaced)', anywhere],
    ['in ordinary words', ordinary],
    ['inside names', inNames],
  ];
  const ratios: string[] = [];
  for (const [label, at] of rows) {
    const wall = { text: [] as number[], range: [] as number[] };
    const cpus = { text: [] as number[], range: [] as number[] };
    const before = {
      groupings: ranged.groupings,
      regroupings: ranged.regroupings,
      kept: ranged.keptResults,
      regrouped: ranged.regroupedResults,
      rangedEdits: ranged.rangedEdits,
    };
    at.forEach((x, i) => {
      const edited = article.slice(0, x) + 'x' + article.slice(x);
      flatten.push(time(() => edited.charCodeAt(0)));
      const typed = { document: 'bench', edit: { previous: article, start: x, end: x, insertedLength: 1 } };
      const undone = { document: 'bench', edit: { previous: edited, start: x, end: x + 1, insertedLength: 0 } };
      // wall and CPU time alternate between the typing and its undoing, and between the two analyzers
      const measure = i % 2 ? time : cpu;
      const into = i % 2 ? wall : cpus;
      into.text.push(
        measure(() => warm.analyze(edited, { document: 'bench' })),
        measure(() => warm.analyze(article, { document: 'bench' })),
      );
      into.range.push(
        measure(() => ranged.analyze(edited, typed)),
        measure(() => ranged.analyze(article, undone)),
      );
    });
    const line = (how: string, w: number[], c: number[]) =>
      `   a letter typed and undone ${label} (${places} places), ${how}: median ${fmt(median(w), 2)} ms wall, ${fmt(median(c), 2)} ms CPU, longest ${fmt(Math.max(...w), 1)} ms wall`;
    console.log(line('text only', wall.text, cpus.text));
    console.log(
      `${line('with the range', wall.range, cpus.range)}; ${ranged.rangedEdits - before.rangedEdits} of ${places * 2} located by the range, ` +
        `${ranged.groupings - before.groupings} grouped the article again, ${ranged.regroupings - before.regroupings} regrouped only the edited line's names, ` +
        `${ranged.keptResults - before.kept} built on the previous result (${ranged.regroupedResults - before.regrouped} of them after a regrouping)`,
    );
    ratios.push(
      `${label} ${fmt(median(fullWall) / median(wall.range), 0)}x wall, ${fmt(median(fullCpu) / median(cpus.range), 0)}x CPU ` +
        `(text only ${fmt(median(fullWall) / median(wall.text), 0)}x, ${fmt(median(fullCpu) / median(cpus.text), 0)}x)`,
    );
  }
  console.log(`   making the edited text flat (not timed above; the editor's getText pays it): median ${fmt(median(flatten), 2)} ms wall`);
  console.log(
    `   the first round, at other places, not counted above (the code of each kind of edit not yet run; median with the range): ` +
      `anywhere ${fmt(firstRound[0], 2)} ms, in ordinary words ${fmt(firstRound[1], 2)} ms, inside names ${fmt(firstRound[2], 2)} ms wall`,
  );
  console.log(`   speed-up of the median edit with the range over a full pass: ${ratios.join('; ')} (target >= 100x)`);
}
