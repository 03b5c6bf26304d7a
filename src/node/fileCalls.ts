// The file calls a write makes (./safeFs.ts makeFolders, ./storage.ts writeChunksAtomic), in two kinds. The CLI makes
// them synchronously: on a local disk each takes microseconds, while a call through libuv's thread pool costs more than
// the call itself (issue 14). The editor's extension host makes them asynchronously: it is one thread for every
// extension, and a disk that stops answering (a network share) must hold one of libuv's threads, not that one. The
// flush to the disk (syncFile) is asynchronous in both.
import * as fs from 'node:fs';
import type { Stats } from 'node:fs';

export interface FileCalls {
  /** The file's stats, a link followed; undefined when there is none. */
  stat(file: string): Promise<Stats | undefined>;
  mkdir(dir: string): Promise<void>;
  open(file: string, flags: string): Promise<number>;
  /** Writes from `bytes[at]` on; how many bytes were taken. */
  write(fd: number, bytes: Uint8Array, at: number): Promise<number>;
  close(fd: number): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

/** Synchronous calls behind the async signatures. */
export const syncCalls: FileCalls = {
  stat: async file => fs.statSync(file, { throwIfNoEntry: false }),
  mkdir: async dir => void fs.mkdirSync(dir),
  open: async (file, flags) => fs.openSync(file, flags),
  write: async (fd, bytes, at) => fs.writeSync(fd, bytes, at, bytes.length - at),
  close: async fd => fs.closeSync(fd),
  chmod: async (file, mode) => fs.chmodSync(file, mode),
  rename: async (from, to) => fs.renameSync(from, to),
};

/** Each call on libuv's thread pool. */
export const asyncCalls: FileCalls = {
  stat: file =>
    fs.promises.stat(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    }),
  mkdir: dir => fs.promises.mkdir(dir).then(() => undefined),
  open: (file, flags) => new Promise((resolve, reject) => fs.open(file, flags, (e, fd) => (e ? reject(e) : resolve(fd)))),
  write: (fd, bytes, at) => new Promise((resolve, reject) => fs.write(fd, bytes, at, bytes.length - at, null, (e, n) => (e ? reject(e) : resolve(n)))),
  close: fd => new Promise((resolve, reject) => fs.close(fd, e => (e ? reject(e) : resolve()))),
  chmod: (file, mode) => fs.promises.chmod(file, mode),
  rename: (from, to) => fs.promises.rename(from, to),
};
