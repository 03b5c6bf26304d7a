// SidecarStorage on Node's fs, for the CLI and tests. Writes go to a temporary file in the same folder (same file
// system, so the rename is atomic) which is then renamed over the target: a crash or a full disk mid-write leaves
// the old sidecar whole. Only regular files are read (a FIFO would block forever), a sidecar or backup that is a
// symbolic link leading out of its folder is never followed (a repository can carry a link to ~/.ssh/id_rsa), and a
// file that is not UTF-8 is reported as such (EILSEQ) instead of being decoded with replacement characters.
// The file calls are synchronous but for the flush to disk (see ./safeFs.ts for why); a missing sidecar, the
// common case on a first run, is answered without an exception.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOT_UTF8, type SidecarStorage } from '../core';
import { syncCalls, type FileCalls } from './fileCalls';
import { makeFolders, readRegularFileSync, removeQuietly, syncFile, UnsafeFileError, writeNewFile } from './safeFs';

const isNotFound = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

let counter = 0;

/** The write was refused because the file's mode bits make it read-only (not an error the system gave). */
export const isReadOnlyRefusal = (e: unknown): boolean => (e as { readOnly?: unknown } | null)?.readOnly === true;

export class NodeSidecarStorage implements SidecarStorage {
  /** @param calls how a write makes its file calls: synchronously (the CLI) or not (the editor's host, fileCalls.ts). */
  constructor(private readonly calls: FileCalls = syncCalls) {}

  async readText(file: string): Promise<string | undefined> {
    const bytes = await this.readBytes(file);
    if (bytes === undefined) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      // the bytes one to one as characters: two such files compare equal exactly when their bytes do
      throw Object.assign(new Error(`${file}: not UTF-8 text (a byte that is not UTF-8, e.g. Latin-1 from a hand edit)`), {
        code: NOT_UTF8,
        text: bytes.toString('latin1'),
      });
    }
  }

  /** The file's bytes, or undefined when it does not exist; refuses links out of its folder and non-regular files. */
  private async readBytes(file: string): Promise<Buffer | undefined> {
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!link) return undefined;
    if (link.isSymbolicLink()) this.refuseLinkOutOfFolder(file);
    try {
      return readRegularFileSync(file);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** A link is followed only when it resolves inside the folder that holds it. */
  private refuseLinkOutOfFolder(file: string): void {
    const folder = fs.realpathSync(path.dirname(file));
    let target: string | undefined;
    try {
      target = fs.realpathSync(file);
    } catch {
      target = undefined;
    }
    if (target === undefined || path.dirname(target) !== folder) {
      throw new UnsafeFileError(
        file,
        `a symbolic link${target ? ` to ${target}` : ''} outside its own folder: not followed (nothing was read, copied or written)`,
        'ELINKOUT',
      );
    }
  }

  writeTextAtomic(file: string, text: string): Promise<void> {
    return this.writeChunksAtomic(file, [text]);
  }

  /** Each piece is encoded and written as it comes: a big sidecar is never held whole, as text or as bytes. */
  async writeChunksAtomic(file: string, chunks: Iterable<string>): Promise<void> {
    const { calls } = this;
    await makeFolders(path.dirname(file), calls);
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
    // A rename replaces a read-only file as if it were writable (and root passes every access check): the user
    // made it read-only, so refuse, by its mode bits.
    let existing: fs.Stats | undefined;
    try {
      existing = await calls.stat(file);
    } catch {
      existing = undefined; // e.g. a dangling link at the name: the rename replaces it
    }
    if (existing && existing.isFile() && (existing.mode & 0o222) === 0) {
      throw Object.assign(new Error(`EACCES: permission denied, '${file}' is read-only`), { code: 'EACCES', path: file, readOnly: true });
    }
    try {
      await this.writeTemp(temp, chunks);
      if (existing?.isFile()) await calls.chmod(temp, existing.mode & 0o7777);
      await calls.rename(temp, file);
    } catch (e) {
      removeQuietly(temp);
      throw e;
    }
  }

  /** Writes and flushes the temporary file (separate so tests can simulate a disk filling up mid-write). */
  protected async writeTemp(temp: string, chunks: Iterable<string>): Promise<void> {
    const { calls } = this;
    const fd = await calls.open(temp, 'wx');
    try {
      for (const chunk of chunks) {
        const bytes = Buffer.from(chunk, 'utf8');
        // write() may take fewer bytes than offered: go on from where it stopped
        for (let at = 0; at < bytes.length;) at += await calls.write(fd, bytes, at);
      }
      // on the disk before the rename puts it in place: a power cut leaves the old sidecar or the new one, never a
      // torn or empty file (the flush waits on the disk, off this thread: the next article is analysed meanwhile)
      await syncFile(fd);
    } finally {
      await calls.close(fd);
    }
  }

  async copy(from: string, to: string): Promise<void> {
    const bytes = await this.readBytes(from);
    if (bytes === undefined) throw Object.assign(new Error(`ENOENT: no such file, '${from}'`), { code: 'ENOENT', path: from });
    // exclusive: never clobber a backup (or follow a link) that appeared in the meantime
    await writeNewFile(to, bytes);
  }

  async exists(file: string): Promise<boolean> {
    return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  }

  async mtime(file: string): Promise<number | undefined> {
    return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  }
}
