// The corpus index in the editor: every article of the workspace folders in the core's Corpus, read by
// readArticle.ts, kept up to date from file events, saves and the open articles' analyses. Articles whose sidecar is
// stale are analyzed in the background under a cancellable progress notification, one at a time, the editor given
// its turn every 20 ms so it stays responsive. Files that cannot be indexed are kept in the Corpus's unindexed list
// and written to the output channel. Nothing is written into the workspace (Restricted Mode included); the snapshot
// (snapshotStore.ts) is in the extension's storage. An article taken from it has its sidecar read when needed (loadSidecars).
import * as vscode from 'vscode';
import {
  corpusArticleFromSidecar,
  Corpus,
  countIndexing,
  describeIndexing,
  readAhead,
  type CorpusArticle,
  type CorpusDecisions,
  type IndexingCounts,
  type IndexingWay,
  type LoadResult,
  type Sidecar,
} from '../../core';
import type { Settings } from '../config';
import { filesExcludeTest, type FilesExclude, type ListingRules } from './articleFilter';
import { articleGlobs, isExcludedPath, NOT_ARTICLES } from './articleGlobs';
import { analyzeIndexed, readIndexed, sidecarFor, type ArticleReader, type ReadOutcome } from './readArticle';
import { SnapshotStore } from './snapshotStore';

/** Open articles change on every analysis after typing: the index follows them after this pause. */
const EDITOR_FOLLOW_MS = 400;

const yieldToEditor = () => new Promise<void>(resolve => setTimeout(resolve, 0));
/** How long the background analysis, or reading the articles, runs before the editor gets its turn (the typing target is 100 ms a task). */
const ANALYZE_SLICE_MS = 20;
/** How often the views follow the background analysis (the diagnostics wait for its end). */
const PUBLISH_EVERY_MS = 500;

/** An article the index analyzes in the background, with its sidecar as read (readIndexed). */
interface Stale {
  uri: vscode.Uri;
  text: string;
  stored?: LoadResult;
}
const failed = (e: Error) => ({ ok: false as const, reason: e?.message ?? String(e) });

/**
 * How many articles the index reads at once. Each read is a few requests (the article, its sidecar's time, its
 * sidecar), which one at a time left the extension host mostly waiting: through code-server's file service,
 * re-reading 2,000 unchanged articles from their sidecars took 21 s one at a time, 2.7 s sixteen at once, 1.5 s at 64
 * and 1.3 s at 256 (more texts held at once for little more). `npm run bench:editor` times the index.
 */
const INDEX_READ_AHEAD = 64;

/** How many URIs' keys keyOf keeps (a bound for a long session over a folder whose files come and go). */
const KEYS_KEPT = 100_000;

/** How long after a batch is indexed the index is prepared for changes (Corpus.prepareChanges): after the first diagnostics. */
const PREPARE_AFTER_MS = 1000;

export class CorpusIndex implements vscode.Disposable {
  readonly corpus = new Corpus();
  /** The host's key (Corpus path) -> the article's URI, and the sidecar each article was indexed from. */
  private readonly uris = new Map<string, vscode.Uri>();
  /** keyOf's answers by URI string, for the workspace folders as they are (emptied when they change). */
  private readonly keys = new Map<string, string>();
  private readonly sidecars = new Map<string, Sidecar>();
  /** The articles taken from the corpus snapshot, whose sidecar is not held (read by loadSidecars when needed). */
  private readonly fromSnapshot = new Set<string>();
  private readonly pending = new Set<string>();
  private running: Promise<void> | undefined;
  /** The background analysis under way, if any (analyzeStale). */
  private analysis: Promise<void> | undefined;
  /** How each article of the re-opening under way was read, the last way (undefined: none under way). */
  private opening: Map<string, IndexingWay> | undefined;
  /** How the last re-opening (the first indexing of a session is one) read the workspace, and how long it took. */
  lastOpening: (IndexingCounts & { ms: number }) | undefined;
  private readonly scans = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  /** How many whileWriting calls are under way (reading is held while any is). */
  private writing = 0;
  private readonly followTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Prepares the index for changes once a batch is indexed and the views and diagnostics had their turn (PREPARE_AFTER_MS). */
  private prepareTimer: ReturnType<typeof setTimeout> | undefined;
  private preparedWaiters: (() => void)[] = [];
  /** The articles read in the batch being drained, indexed together at its end (one linking pass for a first scan). */
  private batchRead: Map<string, CorpusArticle> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each batch of index changes (views, symbols and diagnostics follow it). */
  readonly onDidChange = this.changed.event;
  readonly output = vscode.window.createOutputChannel('News Annotator Corpus');
  readonly snapshot: SnapshotStore;
  private watchers: vscode.FileSystemWatcher[] = [];
  /** files.exclude's tests by the setting's value (filesExcluded). */
  private readonly excludeTests = new Map<string, (relative: string) => boolean>();
  /** The indexed articles by their sidecars' URIs (ownersNow), for the sidecars' place `where`; undefined: to be made. */
  private owners: { where: string; byUri: Map<string, vscode.Uri> } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Bumped by every batch, so tests and callers can tell a fresh state from an older one. */
  generation = 0;

  constructor(
    private readonly reader: ArticleReader,
    private readonly settings: () => Settings,
    /** The extension's storage for this workspace (none: no folder open, no snapshot). */
    storage?: vscode.Uri,
  ) {
    this.snapshot = new SnapshotStore(
      storage,
      reader.files.storage,
      // the generator (the extension's version) is part of it: the snapshot records the linking's outcome, which a
      // release may work out differently, so a snapshot from another version is no snapshot (one full read)
      () => `${reader.generator}:${settings().sidecarLocation}:${settings().sidecarFolder}`,
      path => this.corpus.article(path),
      line => this.output.appendLine(line),
      () => this.corpus,
    );
    const sidecars = vscode.workspace.createFileSystemWatcher('**/*.annotations.json');
    this.disposables.push(
      sidecars,
      this.snapshot,
      sidecars.onDidChange(uri => this.sidecarChanged(uri)),
      sidecars.onDidCreate(uri => this.sidecarChanged(uri)),
      sidecars.onDidDelete(uri => this.sidecarChanged(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.keys.clear();
        void this.scan();
      }),
      vscode.workspace.onDidSaveTextDocument(doc => this.isCandidate(doc.uri) && this.update(doc.uri)),
      vscode.workspace.onDidCloseTextDocument(doc => this.uris.has(this.keyOf(doc.uri)) && this.update(doc.uri)),
    );
    this.watch();
  }

  /** The Corpus path of an article: workspace-relative, '/'-separated (with the folder's name in a multi-root workspace). */
  keyOf(uri: vscode.Uri): string {
    // kept per URI until the workspace folders change: asked several times for each article as the workspace is
    // indexed, asRelativePath took 75 ms of a fresh extension host's first index of 2,000 articles
    const id = uri.toString();
    let key = this.keys.get(id);
    if (key === undefined) {
      if (this.keys.size >= KEYS_KEPT) this.keys.clear();
      key = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      this.keys.set(id, key);
    }
    return key;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  /** The sidecar the article was indexed from (the open editor's, the file's, or an in-memory analysis). */
  sidecarOf(path: string): Sidecar | undefined {
    return this.sidecars.get(path);
  }

  /**
   * Reads the sidecars of the articles taken from the snapshot (renaming, merging and exporting need whole
   * sidecars); an article whose sidecar is no longer the one indexed is indexed again instead.
   */
  async loadSidecars(): Promise<void> {
    const read = (path: string) => {
      const uri = this.uris.get(path);
      const article = this.corpus.article(path);
      return uri && article ? sidecarFor(this.reader, uri, article.sha256) : Promise.resolve(undefined);
    };
    // several read at once: one after another, each was a round trip to the file service in the web
    for await (const [path, sidecar] of readAhead([...this.fromSnapshot], read, INDEX_READ_AHEAD)) {
      const uri = this.uris.get(path);
      if (!this.fromSnapshot.delete(path)) continue;
      if (sidecar) this.sidecars.set(path, sidecar);
      else if (uri) this.update(uri);
    }
  }

  /** Reads the snapshot file and indexes every article anew: the workspace opened (and tests). */
  async reopen(): Promise<void> {
    const started = performance.now();
    const ways = new Map<string, IndexingWay>();
    this.opening = ways;
    await this.snapshot.load();
    // from an empty index, as a workspace opens: the Corpus uses the snapshot's linking only when it starts empty,
    // so a re-open over a held index (tests) would otherwise always work the linking out in full
    for (const path of this.uris.keys()) this.snapshot.forget(path);
    this.uris.clear();
    this.owners = undefined;
    this.sidecars.clear();
    this.fromSnapshot.clear();
    this.batchRead?.clear();
    this.corpus.clear();
    try {
      await this.scan();
    } finally {
      // the corpus holds the articles taken: the records would only be memory from now on
      this.snapshot.release();
      if (this.opening === ways) this.opening = undefined;
      const counts = countIndexing(ways);
      const ms = performance.now() - started;
      this.lastOpening = { ...counts, ms };
      this.output.appendLine(describeIndexing(counts, ms));
    }
  }

  /** Whether the URI (found by the article globs, or an open document) is an article the corpus indexes. */
  isCandidate(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (isExcludedPath(relative) || this.filesExcluded(folder, relative)) return false;
    // an open document is an article by the editor's rules; a closed file came from the article globs
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    return doc ? this.reader.articles.isArticle(doc) : true;
  }

  /** What `files.exclude` leaves out (as listing the workspace does), the test made again when the setting changes. */
  private filesExcluded(folder: vscode.WorkspaceFolder, relative: string): boolean {
    const setting = vscode.workspace.getConfiguration('files', folder.uri).get<FilesExclude>('exclude');
    const key = JSON.stringify(setting ?? {});
    let test = this.excludeTests.get(key);
    if (!test) {
      // one a folder's setting as it was: a few at most, unless the setting is changed again and again
      if (this.excludeTests.size >= 16) this.excludeTests.clear();
      this.excludeTests.set(key, (test = filesExcludeTest(setting)));
    }
    return test(relative);
  }

  private globs() {
    const s = this.settings();
    return articleGlobs(s.articleLanguages, s.articleFilePatterns);
  }

  /** (Re-)creates the article file watchers for the current settings (one a glob: see articleGlobs). */
  watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = this.globs().globs.map(glob => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidCreate(uri => this.isCandidate(uri) && this.update(uri));
      watcher.onDidChange(uri => this.isCandidate(uri) && this.update(uri));
      watcher.onDidDelete(uri => this.remove(uri));
      return watcher;
    });
  }

  /**
   * Every article file in the workspace folders now, sorted by path. Listed on the host's own disk where it has one
   * and every folder is on it, else by workspace.findFiles; `way` forces one (tests compare the two).
   */
  async findArticles(way?: 'disk' | 'search'): Promise<vscode.Uri[]> {
    const { globs, unmapped } = this.globs();
    if (unmapped.length)
      this.output.appendLine(`Files of the languages ${unmapped.join(', ')} are indexed only when opened (their file extensions are not known).`);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!globs.length || !folders.length) return [];
    const storage = this.reader.files.storage;
    const listings = way === 'search' ? undefined : folders.map(f => storage.listFolder(f.uri, this.listingRules(f, globs)));
    if (way === 'disk' && listings?.some(l => !l)) throw new Error('this host cannot list the workspace folders on its own disk');
    const listed = listings?.every(l => l !== undefined) ? (await Promise.all(listings)).flat() : undefined;
    // (the listing applied isExcludedPath to each file already)
    const found =
      listed ??
      (await Promise.all(globs.map(glob => vscode.workspace.findFiles(glob, NOT_ARTICLES))))
        .flat()
        .filter(u => !isExcludedPath(vscode.workspace.asRelativePath(u, false)));
    // one file found twice (by two globs, or in nested workspace folders) is one article
    const unique = new Map(found.map(u => [u.toString(), u]));
    return [...unique.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  /** The globs, and what the editor's file search leaves out of the folder: its `files.exclude`, `search.followSymlinks`. */
  private listingRules(folder: vscode.WorkspaceFolder, globs: string[]): ListingRules {
    return {
      globs,
      filesExclude: vscode.workspace.getConfiguration('files', folder.uri).get<FilesExclude>('exclude'),
      followSymlinks: vscode.workspace.getConfiguration('search', folder.uri).get<boolean>('followSymlinks', true),
    };
  }

  /** Indexes every article in the workspace again (and forgets files no longer there). */
  scan(): Promise<void> {
    const job = this.scanNow();
    this.scans.add(job);
    void job.finally(() => this.scans.delete(job));
    return job;
  }

  private async scanNow(): Promise<void> {
    this.watch();
    const found = await this.findArticles();
    const keys = new Set(found.map(u => this.keyOf(u)));
    for (const path of [...this.uris.keys()]) if (!keys.has(path)) this.forget(path);
    for (const a of this.corpus.unindexed()) if (!keys.has(a.path)) this.corpus.removeArticle(a.path);
    for (const uri of found) this.enqueue(uri);
    await this.kick();
  }

  /** Re-reads one article (a file event, a save, a sidecar changed). */
  update(uri: vscode.Uri): void {
    this.enqueue(uri);
    void this.kick();
  }

  /** The open article's analysis changed: follow it after a pause (typing re-analyzes often). */
  follow(uri: vscode.Uri): void {
    if (!this.isCandidate(uri)) return;
    const key = uri.toString();
    clearTimeout(this.followTimers.get(key));
    this.followTimers.set(
      key,
      setTimeout(() => {
        this.followTimers.delete(key);
        this.update(uri);
      }, EDITOR_FOLLOW_MS),
    );
  }

  remove(uri: vscode.Uri): void {
    const path = this.keyOf(uri);
    this.pending.delete(uri.toString());
    if (this.forget(path)) this.publish();
  }

  private forget(path: string): boolean {
    this.batchRead?.delete(path);
    if (this.uris.delete(path)) this.owners = undefined;
    this.sidecars.delete(path);
    this.fromSnapshot.delete(path);
    this.snapshot.forget(path);
    return this.corpus.removeArticle(path);
  }

  private sidecarChanged(sidecar: vscode.Uri): void {
    // a new article's own creation event indexes it; here only the articles already known
    const article = this.ownersNow().get(sidecar.toString());
    if (article) this.update(article);
  }

  private setUri(path: string, uri: vscode.Uri): void {
    if (this.uris.get(path)?.toString() !== uri.toString()) this.owners = undefined;
    this.uris.set(path, uri);
  }

  /**
   * Each indexed article by its sidecar's URI, made again after the articles or the sidecars' place changed. A sidecar
   * event looked its article up among all of them: writing or checking out 2,000 sidecars (Annotate All, a git pull)
   * made four million lookups, seconds of the extension host's time.
   */
  private ownersNow(): Map<string, vscode.Uri> {
    const s = this.settings();
    const where = `${s.sidecarLocation}\n${s.sidecarFolder}`;
    if (this.owners?.where !== where) {
      const byUri = new Map<string, vscode.Uri>();
      for (const uri of this.uris.values()) byUri.set(this.reader.files.locate(uri).toString(), uri);
      this.owners = { where, byUri };
    }
    return this.owners.byUri;
  }

  /** The decisions changed (file read, or the user decided): corpus entities are derived anew. */
  setDecisions(decisions: CorpusDecisions): void {
    this.corpus.setDecisions(decisions);
    this.publish();
  }

  /**
   * The background analysis of articles without an up-to-date sidecar, while one runs (it publishes a batch every
   * half second): the diagnostics wait for it rather than check a half-indexed corpus again at every batch.
   */
  get backgroundAnalysis(): Promise<void> | undefined {
    return this.analysis;
  }

  /** Resolves when nothing is queued, being scanned or being indexed. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.scans.size > 0) await Promise.allSettled([...this.scans]);
      else if (this.running) await this.running.catch(() => undefined);
      else if (this.pending.size > 0 || this.followTimers.size > 0) await new Promise<void>(resolve => this.idleWaiters.push(resolve));
      else return;
    }
  }

  private enqueue(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
  }

  /**
   * Runs `work`, which writes sidecars (a corpus change, Annotate All Articles), with the index's reading held: the
   * articles it is told of meanwhile (their sidecars' file events, updates) are queued and read in one batch at its
   * end. Read as each event came, between the writes, renaming an entity in 306 of 2,000 articles took 2.8 s instead
   * of 0.6 s: 306 batches of one article, each linked again and published.
   */
  async whileWriting<T>(work: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await work();
    } finally {
      if (--this.writing === 0 && this.pending.size > 0) void this.kick();
    }
  }

  private kick(): Promise<void> {
    // held (whileWriting): the queue is read when the writing ends
    if (this.writing > 0 && !this.running) return Promise.resolve();
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.pending.size > 0) void this.kick();
      else if (this.followTimers.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const stale: Stale[] = [];
    while (this.pending.size > 0) {
      const batch = [...this.pending].map(s => vscode.Uri.parse(s));
      this.pending.clear();
      const read = (this.batchRead = new Map());
      try {
        // the next articles read while one is recorded (readAhead): one at a time, each article's file, its sidecar's
        // time and its sidecar were round trips to the editor's file service waited for in turn
        let turn = performance.now();
        for await (const [uri, outcome] of readAhead(batch, u => readIndexed(this.reader, u, this.keyOf(u), this.snapshot).catch(failed), INDEX_READ_AHEAD)) {
          if (outcome.ok === 'stale') stale.push({ uri, text: outcome.text, stored: outcome.stored });
          else if (outcome.ok !== 'later') this.record(uri, outcome);
          // the Node host reads synchronously (Platform.disk): the editor gets its turn between slices
          if (performance.now() - turn >= ANALYZE_SLICE_MS) {
            await yieldToEditor();
            turn = performance.now();
          }
        }
      } finally {
        this.batchRead = undefined;
        // with the snapshot loaded: when the batch is exactly its articles (the first indexing), its linking is used
        this.corpus.setArticles(read.values(), this.snapshot.loadedSnapshot);
      }
      this.publish();
    }
    // what the first save would otherwise make (the linking's rule indexes after a first indexing from the snapshot),
    // made while the user reads rather than when they save
    clearTimeout(this.prepareTimer);
    this.prepareTimer = setTimeout(() => {
      this.prepareTimer = undefined;
      this.corpus.prepareChanges();
      for (const w of this.preparedWaiters.splice(0)) w();
    }, PREPARE_AFTER_MS);
    if (stale.length > 0) {
      const analysis = Promise.resolve(this.analyzeStale(stale));
      this.analysis = analysis;
      try {
        await analysis;
      } finally {
        if (this.analysis === analysis) this.analysis = undefined;
      }
    }
  }

  /** Analyzes the articles whose sidecar is missing or stale, under a progress notification the user can cancel. */
  private analyzeStale(stale: Stale[]): Thenable<void> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'News Annotator: indexing articles', cancellable: true },
      async (progress, token) => {
        // the editor gets its turn (and the progress its news) every ANALYZE_SLICE_MS, the views every PUBLISH_EVERY_MS:
        // an article's analysis takes about a millisecond, and a turn given after each one (a timer's at least) and
        // the views refreshed after every eighth took longer than the analyses
        let turn = performance.now();
        let published = turn;
        let reported = 0;
        for (let i = 0; i < stale.length; i++) {
          const { uri, text, stored } = stale[i];
          if (performance.now() - turn >= ANALYZE_SLICE_MS) {
            progress.report({ message: `${i + 1}/${stale.length} ${this.keyOf(uri)}`, increment: (100 * (i - reported)) / stale.length });
            reported = i;
            await yieldToEditor();
            turn = performance.now();
          }
          if (token.isCancellationRequested) {
            for (const rest of stale.slice(i))
              this.record(rest.uri, { ok: false, reason: 'not indexed: indexing was cancelled (run "Refresh Corpus" to index it)' });
            break;
          }
          const outcome = await analyzeIndexed(this.reader, uri, text, stored).catch(failed);
          this.record(uri, outcome);
          if (performance.now() - published >= PUBLISH_EVERY_MS) {
            this.publish();
            published = performance.now();
          }
        }
        this.publish();
      },
    );
  }

  private record(uri: vscode.Uri, outcome: Exclude<ReadOutcome, { ok: 'later' }>): void {
    const path = this.keyOf(uri);
    this.opening?.set(path, outcome.ok === 'snapshot' ? 'snapshot' : outcome.ok === true ? outcome.from : 'unindexed');
    this.fromSnapshot.delete(path);
    if (outcome.ok === true || outcome.ok === 'snapshot') {
      this.setUri(path, uri);
      if (outcome.ok === 'snapshot') this.fromSnapshot.add(path);
      if (outcome.ok === 'snapshot') this.sidecars.delete(path);
      else this.sidecars.set(path, outcome.sidecar);
      this.snapshot.indexed(path, outcome);
      const article = outcome.ok === 'snapshot' ? outcome.article : corpusArticleFromSidecar(path, outcome.text, outcome.sidecar);
      if (this.batchRead) this.batchRead.set(path, article);
      else this.corpus.setArticle(article);
      if (outcome.ok === true && outcome.problem) this.output.appendLine(`${path}: ${outcome.problem}`);
    } else if (outcome.ok === false) {
      this.setUri(path, uri);
      this.sidecars.delete(path);
      this.snapshot.forget(path);
      this.batchRead?.delete(path);
      this.corpus.setUnindexed(path, outcome.reason);
      this.output.appendLine(`${path}: ${outcome.reason}`);
    }
  }

  /** Resolves once the index is prepared for changes after the last batch (at once when it is). */
  whenPrepared(): Promise<void> {
    return this.prepareTimer === undefined ? Promise.resolve() : new Promise(resolve => this.preparedWaiters.push(resolve));
  }

  private publish(): void {
    this.generation++;
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.followTimers.values()) clearTimeout(t);
    clearTimeout(this.prepareTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.output.dispose();
  }
}
