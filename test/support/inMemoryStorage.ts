// A SidecarStorage held in memory: a real implementation of the interface (atomic writes are one assignment, mtimes
// a clock that only moves forward), so session tests run fast in Node and can change "the disk" under a session the
// way another tool would. Like vscode-markdown-languageservice's InMemoryDocument, it is small enough to trust.
import type { SidecarStorage } from '../../src/core/sidecar';

export class InMemoryStorage implements SidecarStorage {
  private readonly files = new Map<string, { text: string; mtime: number }>();
  private clock = 1_000;
  /** Every write, in order (path and text), to check what a session wrote and when. */
  readonly writes: { path: string; text: string }[] = [];
  /** 'start' and 'end' of each write, in order: overlapping writes show as two starts in a row. */
  readonly events: ('start' | 'end')[] = [];
  private held: Promise<void> | undefined;
  private started: (() => void)[] = [];

  /** Holds every write from now on at its start until the returned function is called. */
  holdWrites(): () => void {
    let release!: () => void;
    this.held = new Promise(r => (release = r));
    return () => {
      this.held = undefined;
      release();
    };
  }

  /** Resolves when the next write starts. */
  nextWriteStarted(): Promise<void> {
    return new Promise(r => this.started.push(r));
  }

  /** Puts a file there as another tool would (a new mtime). */
  put(path: string, text: string): void {
    this.files.set(path, { text, mtime: ++this.clock });
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  async readText(path: string): Promise<string | undefined> {
    return this.files.get(path)?.text;
  }

  async writeTextAtomic(path: string, text: string): Promise<void> {
    this.events.push('start');
    for (const r of this.started.splice(0)) r();
    // a turn of the event loop, as a real file system takes: two unserialised saves would interleave here
    await new Promise(r => setTimeout(r, 0));
    await this.held;
    this.writes.push({ path, text });
    this.put(path, text);
    this.events.push('end');
  }

  async copy(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new Error(`ENOENT: ${from}`);
    if (this.files.has(to)) throw new Error(`EEXIST: ${to}`);
    this.put(to, f.text);
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path);
  }

  async mtime(path: string): Promise<number | undefined> {
    return this.files.get(path)?.mtime;
  }
}
