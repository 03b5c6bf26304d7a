// File access for the CLI and the Node storage that cannot hang or leak: only regular files are read or written
// (opening a FIFO for reading blocks until a writer comes, a device never ends), folders are created one level at a
// time (Node's recursive mkdir loops forever under /proc), new files are created exclusively (never through a
// symbolic link planted at the name) and replaced files are swapped in by a rename (which replaces a link, never
// writes through it).
import { constants, promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { TargetKind } from '../core';

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
  let s: Stats;
  try {
    s = await fsp.lstat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw e;
  }
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
  const handle = await fsp.open(file, READ_FLAGS);
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new UnsafeFileError(file, `${describeStats(s)}, not a regular file: only regular files are read`, 'ENOTREG');
    if (options.maxBytes !== undefined && s.size > options.maxBytes)
      throw new UnsafeFileError(file, options.tooLarge?.(s.size) ?? `too large (${s.size} bytes)`, 'ETOOBIG');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` and its missing parents, one level at a time; every existing one must be a folder (a link to one
 * counts). Refuses where the file system does not let a folder be made (e.g. /proc), instead of looping.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const s = await fsp.stat(at).catch((e: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up is in the way, found as the walk goes up
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw e;
    });
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
    await fsp.mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw new UnsafeFileError(d, `cannot create the folder: ${e.message}`, e.code);
    });
  }
}

let counter = 0;

/** A free temporary name beside `file`, on the same file system so a rename is atomic. */
export const tempNameFor = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${counter++}.tmp`);

/** Creates `file` with `content`; fails (EEXIST) if anything, even a dangling link, is already there. */
export async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** Replaces the regular file `file`: writes a temporary file beside it and renames it over (never through a link). */
export async function replaceFile(file: string, content: string): Promise<void> {
  const temp = tempNameFor(file);
  try {
    await writeNewFile(temp, content);
    await fsp.rename(temp, file);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
