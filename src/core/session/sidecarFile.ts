// The sidecar file as one article session sees it: where it is, what it held when last read or written (a save
// insists it still does, so changes made by others are never overwritten), and the one save lock.
import { loadSidecar, saveSidecar, type LoadResult, type SidecarStorage } from '../sidecar/storage';
import { SidecarError, type Sidecar } from '../sidecar/types';
import type { DiskState, SaveOutcome } from './status';

export class SidecarFile {
  /** The file as last read or written. */
  disk: DiskState = { mtime: undefined, text: undefined };
  /** Each save starts when the previous one finished, and sees the disk state it left. */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: SidecarStorage,
    public path: string,
    private readonly options: { backupUnusable?: boolean; beforeSave?: (sidecarPath: string) => void | Promise<void> },
  ) {}

  /** Reads the stored sidecar (a failure to read is an `error` result, not a throw). Call `loaded` with it to keep its state. */
  async read(): Promise<LoadResult> {
    const path = this.path;
    try {
      return await loadSidecar(this.storage, path, { backup: this.options.backupUnusable !== false });
    } catch (e) {
      return { status: 'error', error: new SidecarError('io', path, `could not read it: ${(e as Error)?.message ?? String(e)}`) };
    }
  }

  /** What `read` found is what the session now holds. */
  loaded(result: LoadResult): void {
    this.disk = result.status === 'ok' ? { mtime: result.mtime, text: result.text } : { mtime: undefined, text: undefined };
  }

  /** Runs `job` once the saves queued before it are done. */
  queue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.saving.then(job);
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Resolves when the saves queued so far are done (their disk state recorded). */
  idle(): Promise<void> {
    return this.saving.then(() => undefined);
  }

  /** The user chose to replace what the file now holds: its current state is what the next write expects. */
  async accept(path: string): Promise<void> {
    this.disk = {
      mtime: await this.storage.mtime(path).catch(() => undefined),
      text: await this.storage.readText(path).catch(() => undefined),
    };
  }

  /**
   * Writes `sidecar` to `path` (the path when the save began) unless the host refuses (beforeSave) or the file
   * changed since it was last read or written.
   */
  async write(sidecar: Sidecar, path: string): Promise<SaveOutcome> {
    try {
      await this.options.beforeSave?.(path);
      const r = await saveSidecar(this.storage, path, sidecar, { checkMtime: true, expectedMtime: this.disk.mtime, expectedText: this.disk.text });
      // r.text is built on first read (the write streamed it): only a later save compares against it, so a one-shot
      // run (the CLI) never holds a big article's whole sidecar text (sidecars are never changed in place)
      this.disk = {
        mtime: r.mtime,
        get text() {
          return r.text;
        },
      };
      return { saved: true, written: r.written };
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      return { saved: false, reason: e.kind === 'conflict' ? 'conflict' : 'error', error: e };
    }
  }
}
