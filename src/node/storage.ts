// SidecarStorage on Node's fs, for the CLI and tests. Writes go to a temporary file in the same folder (same file
// system, so the rename is atomic) which is then renamed over the target: a crash or a full disk mid-write leaves
// the old sidecar whole.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { SidecarStorage } from '../core/sidecar/storage';

const isNotFound = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

let counter = 0;

export class NodeSidecarStorage implements SidecarStorage {
  async readText(file: string): Promise<string | undefined> {
    try {
      return await fsp.readFile(file, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async writeTextAtomic(file: string, text: string): Promise<void> {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
    // A rename replaces a read-only file as if it were writable (and root passes every access check): the user
    // made it read-only, so refuse, by its mode bits.
    const existing = await fsp.stat(file).catch(() => undefined);
    if (existing && existing.isFile() && (existing.mode & 0o222) === 0) {
      throw Object.assign(new Error(`EACCES: permission denied, '${file}' is read-only`), { code: 'EACCES', path: file });
    }
    try {
      await this.writeTemp(temp, text);
      if (existing?.isFile()) await fsp.chmod(temp, existing.mode & 0o7777);
      await fsp.rename(temp, file);
    } catch (e) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw e;
    }
  }

  /** Writes and flushes the temporary file (separate so tests can simulate a disk filling up mid-write). */
  protected async writeTemp(temp: string, text: string): Promise<void> {
    const handle = await fsp.open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async copy(from: string, to: string): Promise<void> {
    // COPYFILE_EXCL: never clobber a backup that appeared in the meantime
    await fsp.copyFile(from, to, 1);
  }

  async exists(file: string): Promise<boolean> {
    try {
      await fsp.lstat(file);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async mtime(file: string): Promise<number | undefined> {
    try {
      return (await fsp.stat(file)).mtimeMs;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
