// Reads of many small files (a corpus's articles and sidecars). fs.promises' readFile and stat cost two to three
// times the callback versions' in Node 20 (a FileHandle makes each step of a read a promise of its own): 2,000
// articles read 64 at once took 63-116 ms against 21-50 ms, their stats 14-26 ms against 6-14 ms.
// The `Now` versions are synchronous, for the editor's extension host: there each asynchronous step (readFile's open,
// fstat, read, close; a stat) cost the host's thread 10-15 us to hand to libuv's pool and take back on a two-core
// machine, more than the step itself, so reading 2,000 articles and stat-ing their sidecars took 86-154 ms of the
// corpus index's re-opening, against 57-65 ms synchronously. Their callers give the editor its turn between slices.
import * as fs from 'node:fs';

// Opened non-blocking: a FIFO given an article's name (a file watcher reports one as created) then reads as empty
// instead of blocking the read, and every read queued behind it, until something writes to it. A regular file reads
// the same either way.
// (@types/node types `flag` as a string; fs.open, behind readFile, takes the numbers too)
const READ_FLAGS = (fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)) as unknown as string;

export const readFileQuick = (file: string): Promise<Buffer> =>
  new Promise((resolve, reject) => fs.readFile(file, { flag: READ_FLAGS }, (e, bytes) => (e ? reject(e) : resolve(bytes))));

export const statQuick = (file: string): Promise<fs.Stats> => new Promise((resolve, reject) => fs.stat(file, (e, s) => (e ? reject(e) : resolve(s))));

export const readFileNow = (file: string): Buffer => fs.readFileSync(file, { flag: READ_FLAGS });

export const statNow = (file: string): fs.Stats => fs.statSync(file);

/**
 * A synchronous call slower than this means a slow disk (a network share that stalls, a disk spinning up):
 * asynchronous from then on. Well above a garbage collection's pause, which a call's time can include.
 */
export const SLOW_SYNC_MS = 50;

/**
 * A file call made synchronously while each is quick, and asynchronously for good after one that was not: on a
 * network share or a busy disk a synchronous call holds up the whole extension host (every extension's work) for as
 * long as it waits, which an asynchronous one does not. `clock` is for tests.
 */
export function quickWhileFast<T>(
  now: (file: string) => T,
  later: (file: string) => Promise<T>,
  clock: () => number = () => performance.now(),
): (file: string) => Promise<T> {
  let slow = false;
  return file => {
    if (slow) return later(file);
    const started = clock();
    try {
      return Promise.resolve(now(file));
    } catch (e) {
      return Promise.reject(e as Error);
    } finally {
      if (clock() - started > SLOW_SYNC_MS) slow = true;
    }
  };
}
