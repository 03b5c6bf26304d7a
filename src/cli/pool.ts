// Running the CLI's per-item work (one article, one stream record) on worker threads, results kept in input order.
// Node's worker_threads directly rather than a pool library (piscina, tinypool): those load their own worker script
// from their package folder at run time, which the esbuild bundles (dist/cli.js, dist/worker.js; the VSIX ships no
// node_modules) cannot carry; and the parts that matter here (input order, a bounded window, one task per worker)
// are a few lines either way.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './worker';

/** `--jobs` when not given: one worker per core the process may use. */
export const defaultJobs = (): number => os.availableParallelism();

/**
 * The worker script: dist/worker.js beside the bundled CLI; when running from source (tests under tsx), worker.ts
 * beside this file, loaded through tsx.
 */
function workerScript(): { file: string; execArgv: string[] } | undefined {
  const bundled = path.join(__dirname, 'worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = path.join(__dirname, 'worker.ts');
  return fs.existsSync(source) ? { file: source, execArgv: ['--require', 'tsx/cjs'] } : undefined;
}

/** How many workers to start for `jobs` over `items` items: none (run in this thread) for one job, one item, or a copy of the CLI shipped without dist/worker.js. */
export function workerCount(jobs: number, items = Infinity): number {
  const n = Math.min(jobs, items);
  return n > 1 && workerScript() ? n : 0;
}

/**
 * Tasks handed to one worker before it answers: with two, a worker goes on to its next task the moment it finishes
 * one, instead of idling until the main thread (perhaps not even scheduled on a busy machine) reads the answer and
 * sends more; and the second task's analysis overlaps the first's flush to disk.
 */
const TASKS_PER_WORKER = 2;

/** What goes to a worker and back: the task or reply, numbered so answers can come back in any order. */
export interface TaskMessage {
  id: number;
  task: WorkerTask;
}
export interface ReplyMessage {
  id: number;
  reply: WorkerReply;
}

interface Pending {
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent and not answered yet, by id. */
  busy: Map<number, Pending>;
  /** Failed once ('error' is followed by 'exit'): replaced already. */
  dead?: boolean;
}

/** A fixed number of worker threads, each given up to TASKS_PER_WORKER tasks at a time; the rest wait in a queue. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: ({ task: WorkerTask } & Pending)[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when workers keep dying (e.g. the worker script cannot load): every task then fails with it. */
  private broken: Error | undefined;
  private deaths = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const { file, execArgv } = workerScript()!;
    const slot: Slot = { worker: new Worker(file, { execArgv }), busy: new Map() };
    slot.worker.on('message', ({ id, reply }: ReplyMessage) => {
      const pending = slot.busy.get(id);
      slot.busy.delete(id);
      pending?.resolve(reply);
      this.next(slot);
    });
    // A worker that dies (out of memory, a crash in native code) fails its tasks only; a fresh one takes its place.
    const fail = (e: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      const busy = [...slot.busy.values()];
      slot.busy.clear();
      for (const pending of busy) pending.reject(e);
      if (this.closed || this.broken) return;
      if (++this.deaths > 2 * this.size + 2) {
        this.broken = e;
        for (const job of this.queue.splice(0)) job.reject(e);
        return;
      }
      const replacement = this.spawn();
      this.slots[this.slots.indexOf(slot)] = replacement;
      this.next(replacement);
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', code => {
      if (!this.closed) fail(new Error(`worker thread stopped (exit code ${code})`));
    });
    return slot;
  }

  private next(slot: Slot): void {
    while (slot.busy.size < TASKS_PER_WORKER && !slot.dead) {
      const job = this.queue.shift();
      if (!job) return;
      const id = this.nextId++;
      slot.busy.set(id, { resolve: job.resolve, reject: job.reject });
      slot.worker.postMessage({ id, task: job.task } satisfies TaskMessage);
    }
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      this.queue.push({ task, resolve, reject });
      // the least busy worker: a fresh pool spreads the first tasks over every worker before doubling up
      const slot = this.slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      if (slot.busy.size < TASKS_PER_WORKER) this.next(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map(s => s.worker.terminate()));
  }
}

/**
 * Runs `start` over `items` with at most `window` items started and not yet emitted, and calls `emit` with each
 * result in input order. Memory stays bounded for any number of items: the next item is not even pulled from
 * `items` (e.g. a stdin reader) until the oldest result is out. Items with the same `key` never run at the same time
 * (two articles whose sidecars could be the same file), so the outcome is the one a serial run gives.
 */
export async function mapOrdered<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  window: number,
  start: (item: T) => Promise<R>,
  emit: (result: R, item: T) => void | Promise<void>,
  key?: (item: T) => string,
): Promise<void> {
  const pending: { item: T; key?: string; done: Promise<R> }[] = [];
  const flushOldest = async () => {
    const oldest = pending.shift()!;
    await emit(await oldest.done, oldest.item);
  };
  for await (const item of items) {
    while (pending.length >= window) await flushOldest();
    const k = key?.(item);
    let before: (typeof pending)[number] | undefined;
    for (let i = pending.length - 1; i >= 0 && k !== undefined && !before; i--) if (pending[i].key === k) before = pending[i];
    // settle (not fail) before starting, so a failed twin still lets this one run; its failure is emitted in order
    const done = before
      ? before.done.then(
          () => start(item),
          () => start(item),
        )
      : start(item);
    // emitted in order later; mark handled now so a rejection waiting behind slower items is not reported as unhandled
    done.catch(() => undefined);
    pending.push({ item, key: k, done });
  }
  while (pending.length > 0) await flushOldest();
}
