// File access for the CLI and the Node storage that cannot hang or leak: only regular files are read or written
// (opening a FIFO for reading blocks until a writer comes, a device never ends), folders are created one level at a
// time (Node's recursive mkdir loops forever under /proc), new files are created exclusively (never through a
// symbolic link planted at the name) and replaced files are swapped in by a rename (which replaces a link, never
// writes through it).
//
// The calls are synchronous, behind async signatures: on a local disk each takes microseconds, while an awaited call
// is a round trip through libuv's thread pool that cost more than the call itself (17 of them per article were a
// third of `annotate`'s run, issue 14), and a missing file is answered without building an exception. Only the one
// slow call, the flush of a written file to the disk, still runs off the thread (syncFile). The editor's Node host
// writes sidecars through ./storage.ts with the asynchronous calls instead (./fileCalls.ts says why).
import * as fs from 'node:fs';
import { constants, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { TargetKind } from '../core';
import { syncCalls, type FileCalls } from './fileCalls';

/** A file that is not what it must be (a FIFO, a link out of its folder): the message names the file and the reason. */
export class UnsafeFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code = 'EUNSAFE',
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnsafeFileError';
  }
}

/** What a non-regular file is, in words. */
export function describeStats(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** What is at `file`, without following a symbolic link. */
export async function kindOf(file: string): Promise<TargetKind> {
  let s: Stats | undefined;
  try {
    s = fs.lstatSync(file, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return 'missing';
    throw e;
  }
  if (!s) return 'missing';
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'folder';
  return s.isFile() ? 'file' : 'other';
}

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer (then fstat refuses it)
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file (following a symbolic link, as for an article named on the command line). Anything else
 * (FIFO, device, socket, folder) is an UnsafeFileError; `maxBytes` is checked before reading.
 */
export async function readRegularFile(file: string, options: { maxBytes?: number; tooLarge?: (size: number) => string } = {}): Promise<Buffer> {
  return readRegularFileSync(file, options);
}

/** readRegularFile, for callers that are synchronous themselves. */
export function readRegularFileSync(file: string, options: { maxBytes?: number; tooLarge?: (size: number) => string } = {}): Buffer {
  const fd = fs.openSync(file, READ_FLAGS);
  try {
    const s = fs.fstatSync(fd);
    if (!s.isFile()) throw new UnsafeFileError(file, `${describeStats(s)}, not a regular file: only regular files are read`, 'ENOTREG');
    if (options.maxBytes !== undefined && s.size > options.maxBytes)
      throw new UnsafeFileError(file, options.tooLarge?.(s.size) ?? `too large (${s.size} bytes)`, 'ETOOBIG');
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates `dir` and its missing parents, one level at a time; every existing one must be a folder (a link to one
 * counts). Refuses where the file system does not let a folder be made (e.g. /proc), instead of looping.
 */
export async function makeFolders(dir: string, calls: FileCalls = syncCalls): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let s: Stats | undefined;
    try {
      s = await calls.stat(at);
    } catch (e) {
      // ENOTDIR: a file further up is in the way, found as the walk goes up
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
    }
    if (s) {
      if (!s.isDirectory()) throw new UnsafeFileError(at, `${describeStats(s)} is in the way of the folder ${dir}`, 'ENOTDIR');
      break;
    }
    const parent = path.dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const d of missing) {
    try {
      await calls.mkdir(d);
    } catch (e) {
      const { code, message } = e as NodeJS.ErrnoException;
      if (code !== 'EEXIST') throw new UnsafeFileError(d, `cannot create the folder: ${message}`, code);
    }
  }
}

let counter = 0;

/** A free temporary name beside `file`, on the same file system so a rename is atomic. */
export const tempNameFor = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${counter++}.tmp`);

/** Creates `file` with `content`; fails (EEXIST) if anything, even a dangling link, is already there. */
export async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeFileSync(fd, content, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces the regular file `file`: writes a temporary file beside it and renames it over (never through a link). */
export async function replaceFile(file: string, content: string): Promise<void> {
  const temp = tempNameFor(file);
  try {
    await writeNewFile(temp, content);
    fs.renameSync(temp, file);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
}

/** Removes a temporary file after a failure, which is what gets reported (not a second failure to remove). */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the failure being reported matters more; a stray temporary file is named for what it is
  }
}

/** Flushes an open file's data to the disk, on libuv's thread pool: the one file call slow enough to keep off the thread. */
export const syncFile = (fd: number): Promise<void> => new Promise((resolve, reject) => fs.fsync(fd, e => (e ? reject(e) : resolve())));

/**
 * Flushes each folder's entries (the renames that put files in place) to the disk, so that what was written in them
 * survives a power cut. A folder that cannot be opened or flushed (a file system that refuses fsync on a folder) is
 * skipped: its files were flushed one by one and only the timing of the rename's durability is in question.
 */
export async function syncFolders(folders: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(folders)].map(async folder => {
      let fd: number;
      try {
        fd = fs.openSync(folder, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
      } catch {
        return;
      }
      try {
        await syncFile(fd);
      } catch {
        // EINVAL/EBADF: the file system does not flush folders (and may not need to)
      } finally {
        fs.closeSync(fd);
      }
    }),
  );
}
