// The corpus index snapshot in the editor: a private cache of the index's per-article records in the extension's
// workspace storage (context.storageUri, through workspace.fs so the web host has it too), never in the workspace.
// Re-opening a workspace takes each article whose record is still valid (src/core/corpus/snapshot.ts: same text
// hash, same sidecar size and mtime, an mtime not racily recent) from it instead of parsing its sidecar. It is
// written atomically after the first indexing and after changes (debounced, made in tasks of STEP_MS), never in
// Restricted Mode (nothing is written there); a snapshot that cannot be read or parsed is a line in the output
// channel and the full read.
import * as vscode from 'vscode';
import {
  CorpusSnapshotWriter,
  parseCorpusSnapshot,
  type Corpus,
  type CorpusArticle,
  type CorpusSnapshot,
  type SidecarStamp,
  type SnapshotEntry,
  type SnapshotRecord,
} from '../../core';
import type { WorkspaceStorage } from '../persistence';

/** Changes come in bursts (a scan, a folder of sidecars rewritten): one write after they settle. */
const WRITE_DELAY_MS = 2000;
/**
 * The longest task of writing the snapshot (some 0.1 s for 2,000 articles, 2 s after the first opening of an article,
 * likely while the user types in it): the rest goes on in a later task.
 */
const STEP_MS = 20;
const yieldToEditor = () => new Promise<void>(resolve => setTimeout(resolve, 0));
const FILE = 'corpus-snapshot.json';

/** What the index tells the store about an article indexed from its sidecar file. */
export interface SidecarSeen {
  stamp: SidecarStamp;
  /** The host clock when the stamp was taken (before the sidecar was read). */
  seen: number;
}

export class SnapshotStore implements vscode.Disposable {
  /** The records read from the snapshot file, kept for the indexing that follows the load (then released). */
  private records = new Map<string, SnapshotRecord>();
  /** The snapshot read, for the first indexing (its linking: Corpus.setArticles); released with the records. */
  private read: CorpusSnapshot | undefined;
  /** The articles indexed from their sidecar file (read, or taken from a record) and what the sidecar was then. */
  private readonly current = new Map<string, SidecarSeen>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private writeWaiters: { count: number; resolve: () => void }[] = [];
  /**
   * The articles taken from the snapshot since it was last loaded, each once: an update that comes while the first
   * indexing runs (a file event) can take an article from its record again.
   */
  private readonly taken = new Set<string>();
  /** Records the last load found (0: no snapshot, or one that could not be used). */
  loaded = 0;
  /** Snapshots written in this session. */
  writes = 0;

  constructor(
    private readonly folder: vscode.Uri | undefined,
    private readonly storage: WorkspaceStorage,
    /** What else the records depend on (where the sidecars are): a snapshot written under another is not used. */
    private readonly context: () => string,
    /** The index's articles, to write their records. */
    private readonly article: (path: string) => CorpusArticle | undefined,
    private readonly log: (line: string) => void,
    /** The index itself: when the records are all of its articles, the snapshot records its linking too. */
    private readonly index?: () => Corpus,
  ) {}

  /** How many articles were taken from the snapshot since it was last loaded. */
  get used(): number {
    return this.taken.size;
  }

  get uri(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE);
  }

  /** Reads the snapshot file (a missing one is no snapshot, silently). Never throws. */
  async load(): Promise<void> {
    this.records = new Map();
    this.read = undefined;
    this.taken.clear();
    this.loaded = 0;
    const uri = this.uri;
    if (!uri) return;
    let text: string | undefined;
    try {
      text = await this.storage.readText(uri.toString());
    } catch (e) {
      this.log(`The corpus snapshot ${uri.toString(true)} could not be read (${(e as Error)?.message ?? String(e)}); every article is read from its sidecar.`);
      return;
    }
    if (text === undefined) return;
    const snapshot = parseCorpusSnapshot(text);
    if (!snapshot) {
      this.log(`The corpus snapshot ${uri.toString(true)} is corrupt or of another version; every article is read from its sidecar (it is written again).`);
      return;
    }
    if (snapshot.context !== this.context()) return;
    this.records = snapshot.records;
    this.read = snapshot;
    this.loaded = snapshot.records.size;
  }

  /** The snapshot loaded, until released (the articles taken from it are given with it to Corpus.setArticles). */
  get loadedSnapshot(): CorpusSnapshot | undefined {
    return this.read;
  }

  /** The sidecar's size and mtime now (undefined: no sidecar, or no snapshot to keep). */
  async stampOf(sidecar: vscode.Uri): Promise<SidecarSeen | undefined> {
    if (!this.folder) return undefined;
    const seen = Date.now();
    try {
      const s = await this.storage.stat(sidecar);
      return { stamp: { size: s.size, mtime: s.mtime }, seen };
    } catch {
      return undefined;
    }
  }

  /** Forgets the records read (after the indexing that used them): articles read later come from their sidecars. */
  release(): void {
    this.records = new Map();
    this.read = undefined;
  }

  record(path: string): SnapshotRecord | undefined {
    return this.records.get(path);
  }

  /** The index took the article from its record, or read it from its sidecar (as it was at `seen`), or from elsewhere. */
  indexed(path: string, outcome: { ok: 'snapshot'; record: SnapshotRecord } | { ok: true; seen?: SidecarSeen }): void {
    if (outcome.ok === 'snapshot') this.taken.add(path);
    const seen = outcome.ok === 'snapshot' ? { stamp: outcome.record.stamp, seen: outcome.record.seen } : outcome.seen;
    if (seen) this.set(path, seen);
    else this.forget(path);
  }

  private set(path: string, seen: SidecarSeen): void {
    const was = this.current.get(path);
    if (was && was.stamp.size === seen.stamp.size && was.stamp.mtime === seen.stamp.mtime) return;
    this.current.set(path, seen);
    this.changed();
  }

  /** The article is gone, or indexed from elsewhere (the open editor, an analysis): no record for it. */
  forget(path: string): void {
    if (this.current.delete(path)) this.changed();
  }

  private changed(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, WRITE_DELAY_MS);
  }

  /** Writes the snapshot now if anything changed (atomically: a temporary file renamed over it). Never throws. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Resolves once `count` snapshots were written in this session (tests wait on it). */
  whenWritten(count: number): Promise<void> {
    if (this.writes >= count) return Promise.resolve();
    return new Promise(resolve => this.writeWaiters.push({ count, resolve }));
  }

  private async write(): Promise<void> {
    const uri = this.uri;
    // Restricted Mode writes nothing, not even outside the workspace
    if (!uri || !this.dirty || !vscode.workspace.isTrusted) return;
    this.dirty = false;
    const entries: SnapshotEntry[] = [];
    for (const [path, { stamp, seen }] of this.current) {
      const article = this.article(path);
      if (article) entries.push({ article, stamp, seen });
    }
    try {
      const writer = new CorpusSnapshotWriter(entries, Date.now(), this.context(), this.index?.());
      let text: string | undefined;
      for (;;) {
        const started = performance.now();
        text = writer.step(() => performance.now() - started >= STEP_MS);
        if (text !== undefined) break;
        await yieldToEditor();
      }
      await this.storage.writeTextAtomic(uri.toString(), text);
    } catch (e) {
      this.log(`The corpus snapshot ${uri.toString(true)} could not be written (${(e as Error)?.message ?? String(e)}); the next session reads every sidecar.`);
      return;
    }
    this.writes++;
    const ready = this.writeWaiters.filter(w => w.count <= this.writes);
    this.writeWaiters = this.writeWaiters.filter(w => w.count > this.writes);
    for (const w of ready) w.resolve();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
