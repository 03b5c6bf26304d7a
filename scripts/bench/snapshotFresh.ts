// The benchmark's corpus section, the snapshot's line in fresh processes: the index the editor builds when a session
// starts is the first its process builds (no code compiled yet, no name worked out before, the heap's young
// generation at its smallest), unlike the in-process runs above it, which are warm. Each run is a fresh process of the
// code bundled as the editor's is (./snapshotFreshEntry.ts), from the snapshot or analysing, alternating.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { fmt, median } from './processRuns';

/** Pairs of fresh processes (one from the snapshot, one analysing): a fresh process's time swings more than a warm run's. */
const PAIRS = 5;

interface FreshRun {
  ms: number;
  cpu: number;
  entities: number;
}

/** `dir` is a temporary folder (the sidecar files' one); `files` are the sidecar files the snapshot's records stat. */
export function freshProcessLines(dir: string, snapshot: string, texts: readonly string[], paths: readonly string[], files: readonly string[]): void {
  const bundle = path.join(dir, 'fresh-entry.js');
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'snapshotFreshEntry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // as esbuild.mjs bundles the extension
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(dir, 'corpus-snapshot.json'), snapshot);
  fs.writeFileSync(path.join(dir, 'fresh.json'), JSON.stringify({ texts, paths, files }));
  const run = (mode: 'snapshot' | 'analyze'): FreshRun => {
    const r = spawnSync(process.execPath, [bundle, mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`the fresh-process ${mode} run exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
    return JSON.parse(r.stdout) as FreshRun;
  };
  const snap: FreshRun[] = [];
  const analysed: FreshRun[] = [];
  for (let i = 0; i < PAIRS; i++) {
    snap.push(run('snapshot'));
    analysed.push(run('analyze'));
  }
  if (snap.some(r => r.entities !== analysed[0].entities)) throw new Error('the fresh-process runs made different corpora');
  const s = { ms: median(snap.map(r => r.ms)), cpu: median(snap.map(r => r.cpu)) };
  const a = { ms: median(analysed.map(r => r.ms)), cpu: median(analysed.map(r => r.cpu)) };
  console.log(
    `   in a fresh process each (the first index of an editor session; bundled; medians of ${PAIRS}, alternating): from the snapshot ${fmt(s.ms, 0)} ms (CPU ${fmt(s.cpu, 0)} ms) vs analysing ${fmt(a.ms, 0)} ms (CPU ${fmt(a.cpu, 0)} ms; the models loaded before): ${fmt(a.ms / s.ms, 1)}x (CPU ${fmt(a.cpu / s.cpu, 1)}x) [snapshot runs: ${snap.map(r => fmt(r.ms, 0)).join(', ')}]`,
  );
}
