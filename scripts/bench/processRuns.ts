// Running the CLI in fresh processes for the benchmark's whole-process sections (scripts/bench/scale.ts, ./ceiling.ts):
// wall time, CPU time of every thread and peak RSS per run, summaries, and runs of two commands alternating.
// `tmp` must hold usage.cjs (written by writeUsageProbe), which reports the child's resource usage at exit.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const fmt = (x: number, d = 1) => x.toFixed(d);
export const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MiB`;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Writes the probe each child loads with `-r`: its resource usage (CPU of every thread, peak RSS) to a file at exit. */
export function writeUsageProbe(tmp: string): void {
  fs.writeFileSync(
    path.join(tmp, 'usage.cjs'),
    "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())));\n",
  );
}

const readUsage = (usageFile: string) => JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };

export interface ProcessRun {
  ms: number;
  /** CPU time of the whole process (every thread), user + system: steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssBytes: number;
}

/** Runs node with `args` in a fresh process; wall time, CPU time and the process's peak RSS (worker threads included). */
export function runNode(tmp: string, args: string[], input?: string): ProcessRun {
  const usageFile = path.join(tmp, 'usage.json');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(tmp, 'usage.cjs'), ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = readUsage(usageFile);
  return { ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssBytes: usage.maxRSS * 1024 };
}

/** Runs of one command, summarised: medians, the best (least disturbed) wall time, the peak RSS of all. */
export interface Runs {
  runs: ProcessRun[];
  medianMs: number;
  bestMs: number;
  medianCpuMs: number;
  maxRssBytes: number;
}

export function summarise(runs: ProcessRun[]): Runs {
  return {
    runs,
    medianMs: median(runs.map(r => r.ms)),
    bestMs: Math.min(...runs.map(r => r.ms)),
    medianCpuMs: median(runs.map(r => r.cpuMs)),
    maxRssBytes: Math.max(...runs.map(r => r.maxRssBytes)),
  };
}

/**
 * Runs commands `a` and `b` `pairs` times each, alternating (a b, b a, a b, ...), so a change in the machine's load
 * during the measurement weighs on both alike; `before` resets the state each run starts from. Also the median of
 * the ratios b/a within each pair, the figure least moved by load that drifts between pairs.
 */
export async function alternate(
  pairs: number,
  a: () => ProcessRun | Promise<ProcessRun>,
  b: () => ProcessRun | Promise<ProcessRun>,
  before?: () => void,
): Promise<{ a: Runs; b: Runs; pairRatio: number }> {
  const ra: ProcessRun[] = [];
  const rb: ProcessRun[] = [];
  for (let i = 0; i < pairs; i++) {
    for (const which of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
      before?.();
      (which === 'a' ? ra : rb).push(await (which === 'a' ? a() : b()));
    }
  }
  return { a: summarise(ra), b: summarise(rb), pairRatio: median(ra.map((r, i) => r.ms / rb[i].ms)) };
}

export const runsText = (r: Runs, chars: number) =>
  `median ${fmt(r.medianMs, 0)} ms (best ${fmt(r.bestMs, 0)}; ${fmt(chars / r.medianMs)}k chars/s), CPU ${fmt(r.medianCpuMs, 0)} ms, peak RSS ${mib(r.maxRssBytes)} [runs: ${r.runs.map(x => fmt(x.ms, 0)).join(', ')}]`;

/**
 * Runs node with each of `argLists` in its own fresh process, all started at once: the wall time until the last one
 * ends, the CPU time of all of them, the largest peak RSS. What fully independent jobs give on this machine (no
 * shared process, heap or queue between them): the ceiling of any in-process way of sharing the work.
 */
export async function runNodeTogether(tmp: string, argLists: string[][]): Promise<ProcessRun> {
  const t0 = process.hrtime.bigint();
  const usages = await Promise.all(
    argLists.map(
      (args, i) =>
        new Promise<ReturnType<typeof readUsage>>((resolve, reject) => {
          const usageFile = path.join(tmp, `usage-${i}.json`);
          const child = spawn(process.execPath, ['-r', path.join(tmp, 'usage.cjs'), ...args], {
            env: { ...process.env, BENCH_USAGE_FILE: usageFile },
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('error', reject);
          child.on('close', code =>
            code === 0 ? resolve(readUsage(usageFile)) : reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 2000)}`)),
          );
        }),
    ),
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    ms,
    cpuMs: usages.reduce((n, u) => n + (u.userCPUTime + u.systemCPUTime) / 1000, 0),
    maxRssBytes: Math.max(...usages.map(u => u.maxRSS * 1024)),
  };
}
