// Running the CLI's per-item work (one article, one stream record) on worker threads, results kept in input order.
// Node's worker_threads directly rather than a pool library (piscina, tinypool): those load their own worker script
// from their package folder at run time, which the esbuild bundles (dist/cli.js, dist/worker.js; the VSIX ships no
// node_modules) cannot carry; and the parts that matter here (input order, a bounded window, one task per worker)
// are a few lines either way.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './worker';

/**
 * Node's worker_threads, loaded when the first worker starts: most runs start none (one job, or too little text), and
 * loading the module costs every fresh CLI process ~5-8 ms of CPU (issue 14).
 */
function workerThreads(): typeof import('node:worker_threads') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

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

/**
 * Test hook: `NEWS_ANNOTATOR_JOBS=workers` sends every item to the worker threads (the main thread analyses none and
 * the size policy below is off), so the tests of `--jobs` exercise the workers whatever the machine's speed. Not for
 * users: the output is the same either way, only slower on small inputs.
 */
export const workersOnly = (): boolean => process.env.NEWS_ANNOTATOR_JOBS === 'workers';

/**
 * Characters of text a job should have before it is worth a worker thread of its own: a fresh worker costs about
 * 0.15 s of CPU to start (Node's bootstrap, the 1 MB bundle, the model) and its first articles run cold (every
 * isolate compiles the analyzer anew: about a second of CPU on V8's threads), while the warm analysis does ~400k
 * chars/s. Below this much text per job, a second job costs more CPU than it saves time.
 */
export const CHARS_PER_JOB = 256 * 1024;

/**
 * Worker threads to start for `jobs` jobs over `items` items of `chars` characters in all (unknown: as many as the
 * jobs ask): the main thread is one of the jobs, so `jobs - 1` at most, none for one item, none when the text is too
 * little to pay for a worker's start (CHARS_PER_JOB), none when the CLI was shipped without dist/worker.js.
 */
export function workerCount(jobs: number, items = Infinity, chars = Infinity): number {
  if (workersOnly()) {
    const n = Math.min(jobs, items);
    return n > 1 && workerScript() ? n : 0;
  }
  const byText = Math.floor(chars / CHARS_PER_JOB);
  const n = Math.min(jobs, items, Math.max(1, byText)) - 1;
  return n > 0 && workerScript() ? n : 0;
}

/**
 * Tasks handed to one worker before it answers: with two, a worker goes on to its next task the moment it finishes
 * one, instead of idling until the main thread (busy with an article of its own, or not even scheduled on a busy
 * machine) reads the answer and sends more; and the second task's analysis overlaps the first's flush to disk.
 */
const TASKS_PER_WORKER = 2;

/** Tasks the main thread runs at a time when it is one of the jobs: it analyses one while the other's sidecar is flushed. */
const TASKS_IN_THREAD = 2;

/** What goes to a worker and back: the task or reply, numbered so answers can come back in any order. */
export interface TaskMessage {
  id: number;
  task: WorkerTask;
}
/** A worker's first message, once its script has loaded: tasks are handed to it from then on. */
export interface ReadyMessage {
  ready: true;
}
export interface ReplyMessage {
  id: number;
  reply: WorkerReply;
}

/** A worker thread that failed (it died, or its script would not load); distinct from a failure of the main thread's own work. */
export class WorkerFailure extends Error {}

interface Pending {
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent and not answered yet, by id. */
  busy: Map<number, Pending>;
  /** Its script has loaded (ReadyMessage): until then it is given nothing, and the main thread takes the work. */
  ready?: boolean;
  /** Failed once ('error' is followed by 'exit'): replaced already. */
  dead?: boolean;
}

/**
 * Runs tasks on worker threads and, when given `inThread`, in the main thread too, which then counts as one of the
 * jobs. Tasks wait in one queue and go to whoever is free: a worker only once its script has loaded, so a small input
 * is done by the main thread before a worker is even ready, instead of waiting for it.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: ({ task: WorkerTask } & Pending)[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when workers keep dying (e.g. the worker script cannot load): every task then fails with it. */
  private broken: Error | undefined;
  private deaths = 0;
  private inThreadBusy = 0;

  /**
   * @param size worker threads to start (more may be added with `grow`)
   * @param inThread runs one task in this thread; absent, every task goes to a worker
   */
  constructor(
    size: number,
    private readonly inThread?: (task: WorkerTask) => Promise<WorkerReply>,
  ) {
    this.grow(size);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts workers until there are `size`. */
  grow(size: number): void {
    while (this.slots.length < size && !this.closed && !this.broken) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const { file, execArgv } = workerScript()!;
    const slot: Slot = { worker: new (workerThreads().Worker)(file, { execArgv }), busy: new Map() };
    slot.worker.on('message', (message: ReplyMessage | ReadyMessage) => {
      if ('ready' in message) {
        slot.ready = true;
      } else {
        const pending = slot.busy.get(message.id);
        slot.busy.delete(message.id);
        pending?.resolve(message.reply);
      }
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash in native code) fails its tasks only; a fresh one takes its place.
    const fail = (e: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      const busy = [...slot.busy.values()];
      slot.busy.clear();
      const failure = new WorkerFailure(e.message);
      for (const pending of busy) pending.reject(failure);
      if (this.closed || this.broken) return;
      if (++this.deaths > 2 * this.slots.length + 2) {
        this.broken = failure;
        // the main thread, when it is one of the jobs, still takes what is queued
        if (!this.inThread) for (const job of this.queue.splice(0)) job.reject(failure);
        this.dispatch();
        return;
      }
      this.slots[this.slots.indexOf(slot)] = this.spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', code => {
      if (!this.closed) fail(new Error(`worker thread stopped (exit code ${code})`));
    });
    return slot;
  }

  /** Hands queued tasks to free workers first (the main thread stays free to read their answers), then to this thread. */
  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.ready && !slot.dead && !this.broken && slot.busy.size < TASKS_PER_WORKER) {
        const job = this.queue.shift();
        if (!job) return;
        const id = this.nextId++;
        slot.busy.set(id, { resolve: job.resolve, reject: job.reject });
        slot.worker.postMessage({ id, task: job.task } satisfies TaskMessage);
      }
    }
    const inThread = this.inThread;
    while (inThread && this.inThreadBusy < TASKS_IN_THREAD) {
      const job = this.queue.shift();
      if (!job) return;
      this.inThreadBusy++;
      // started on the next turn: a synchronous analysis must not run inside dispatch (called from a worker's answer)
      void Promise.resolve()
        .then(() => inThread(job.task))
        .then(job.resolve, job.reject)
        .finally(() => {
          this.inThreadBusy--;
          this.dispatch();
        });
    }
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      if (this.broken && !this.inThread) return reject(this.broken);
      this.queue.push({ task, resolve, reject });
      this.dispatch();
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
