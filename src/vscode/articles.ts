// Keeps each open article's annotations: analyses it (debounced while typing, through one shared Analyzer so
// only changed paragraphs are re-detected), merges the user's manual work, saves edits, keeps the undo history.
import * as vscode from 'vscode';
import { Analyzer, type Annotation, type AnnotationType, type Entity, type ReferenceDate } from '../core';
import { SidecarError, type Orphan } from '../core/sidecar';
import { segment } from '../core/segment';
import type { Settings } from './config';
import type { WorkspaceLexicon } from './lexicon';
import { analysisOptions, reconcileModel, shiftForEdits, type EditableSidecar } from './model';
import { notify } from './notices';
import type { DiskState, SidecarFiles } from './persistence';
import { unreadableText } from './textCheck';

/** What the editor shows for an article. */
export interface ArticleView {
  uri: vscode.Uri;
  /** The document version the view was computed for. */
  version: number;
  /** Annotations of the enabled types, sorted by start. */
  annotations: Annotation[];
  entities: Entity[];
  referenceDate: ReferenceDate | null;
  orphans: Orphan[];
  /** Only the part on screen, while a big article is still being analysed (no edits until it is complete). */
  partial?: boolean;
}

interface ArticleState {
  sidecar: EditableSidecar | null;
  view: ArticleView | undefined;
  history: { label: string; sidecar: EditableSidecar | null }[];
  timer: ReturnType<typeof setTimeout> | undefined;
  saving: Promise<void> | undefined;
  /** The document version the sidecar's offsets match. */
  version: number;
  /** Bumped by each new analysis request, so a stale one stops at its next chunk. */
  generation: number;
  loaded: boolean;
  /** The user asked to annotate although the article is above the size limit (or has undecodable characters). */
  allowLarge: boolean;
  pending: Promise<ArticleView | undefined> | undefined;
  /** The sidecar file as last read or written (mtime undefined: no file yet). */
  disk: DiskState;
  /** Why the stored sidecar could not be used: it is never overwritten; the view is a fresh, unsaved analysis. */
  loadError: string | undefined;
  /** A big article's first analysis is filling the cache chunk by chunk. */
  chunking: boolean;
  /** The user's annotation changes are not in the file yet (the last save failed or was not allowed). */
  unsaved: boolean;
}

const HISTORY_LIMIT = 100;
/** Above this many characters the first analysis warms the cache chunk by chunk, yielding in between. */
const CHUNKED_FROM = 30_000;
/** Characters detected between two yields. */
const CHUNK = 8_000;

/**
 * Paragraphs the shared Analyzer keeps. The chunked first analysis warms the cache one paragraph at a time, so the
 * cache must hold a whole big article, or the final whole-text step re-detects what was evicted in one synchronous
 * block (10 MB, 80,000 paragraphs: 11 s frozen with the core's default of 20,000; 0.9 s with room for all of them).
 */
const CACHE_UNITS = 250_000;

export class ArticleManager implements vscode.Disposable {
  readonly analyzer = new Analyzer(CACHE_UNITS);
  private readonly states = new Map<string, ArticleState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when an article's view changed (analysis, edit, undo). */
  readonly onDidChange = this.changed.event;
  private readonly sizeNoticeShown = new Set<string>();
  private readonly unreadableNoticeShown = new Set<string>();
  private restrictedNoticeShown = false;
  /** Longest single synchronous analysis step so far (ms): what could stall the extension host. */
  longestStepMs = 0;
  lastAnalysisMs = 0;

  constructor(
    private settings: () => Settings,
    private readonly lexicon: WorkspaceLexicon,
    private readonly files: SidecarFiles,
    private readonly generator: string,
  ) {}

  isArticle(doc: vscode.TextDocument): boolean {
    if (doc.uri.path.endsWith('.annotations.json')) return false;
    if (!['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'memfs', 'vscode-test-web'].includes(doc.uri.scheme)) return false;
    const s = this.settings();
    if (s.articleLanguages.includes(doc.languageId)) return true;
    return s.articleFilePatterns.some(pattern => vscode.languages.match({ pattern }, doc) > 0);
  }

  get(uri: vscode.Uri): ArticleView | undefined {
    return this.states.get(uri.toString())?.view;
  }

  sidecar(uri: vscode.Uri): EditableSidecar | null {
    return this.states.get(uri.toString())?.sidecar ?? null;
  }

  historyLabels(uri: vscode.Uri): string[] {
    return (this.states.get(uri.toString())?.history ?? []).map(h => h.label);
  }

  private state(uri: vscode.Uri): ArticleState {
    let s = this.states.get(uri.toString());
    if (!s) {
      s = { sidecar: null, view: undefined, history: [], timer: undefined, generation: 0, loaded: false, allowLarge: false, pending: undefined, disk: { mtime: undefined, text: undefined }, loadError: undefined, version: -1, saving: undefined, chunking: false, unsaved: false };
      this.states.set(uri.toString(), s);
    }
    return s;
  }

  /** Re-analyses after the debounce delay (typing). */
  schedule(doc: vscode.TextDocument): void {
    const st = this.state(doc.uri);
    if (st.timer) clearTimeout(st.timer);
    st.generation++; // an analysis in flight is for an older text: let it stop
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.analyse(doc);
    }, this.settings().debounceDelay);
  }

  /** Analyses now. `force` lifts the size limit (the user asked explicitly). */
  analyse(doc: vscode.TextDocument, force = false): Promise<ArticleView | undefined> {
    const st = this.state(doc.uri);
    if (force) {
      st.allowLarge = true;
      this.unreadableNoticeShown.delete(doc.uri.toString()); // asked explicitly: say again why not
    }
    if (st.timer) {
      clearTimeout(st.timer);
      st.timer = undefined;
    }
    const generation = ++st.generation;
    const run = this.run(doc, st, generation).catch(e => {
      void notify('error', `News Annotator: could not annotate ${vscode.workspace.asRelativePath(doc.uri)}: ${(e as Error).message}`);
      return undefined;
    });
    st.pending = run;
    return run;
  }

  /** Resolves when no analysis is queued or running for this article. */
  async settled(uri: vscode.Uri): Promise<ArticleView | undefined> {
    const st = this.states.get(uri.toString());
    for (;;) {
      if (!st) return undefined;
      if (st.timer) await new Promise(r => setTimeout(r, 20));
      else {
        const p = st.pending;
        await p;
        // the current view, not what that run returned: edits may have happened since
        if (p === st.pending && !st.timer) return st.view;
      }
    }
  }

  private async run(doc: vscode.TextDocument, st: ArticleState, generation: number): Promise<ArticleView | undefined> {
    const settings = this.settings();
    const text = doc.getText();
    const version = doc.version;
    const unreadable = unreadableText(text);
    if (unreadable && !(unreadable.overridable && st.allowLarge)) {
      // no garbage annotations: drop what was shown for an earlier, readable text
      if (st.view) {
        st.view = undefined;
        this.changed.fire(doc.uri);
      }
      this.noticeUnreadable(doc, unreadable.reason, unreadable.overridable);
      return undefined;
    }
    if (text.length > settings.maxArticleSize && !st.allowLarge) {
      this.noticeTooLarge(doc, text.length, settings.maxArticleSize);
      return st.view;
    }
    const stale = () => generation !== st.generation || doc.isClosed || doc.version !== version;
    if (!st.loaded) {
      st.loaded = true;
      await this.load(doc, st);
      if (stale()) return st.view;
    }
    // a first analysis (or a big paste) would detect many paragraphs at once; later edits touch a few
    const lastLength = st.sidecar?.document.length;
    if (text.length >= CHUNKED_FROM && (lastLength === undefined || Math.abs(text.length - lastLength) > CHUNK || !st.view)) {
      if (!st.view) this.showVisiblePart(doc, st, text, version);
      // Fill the per-paragraph cache a few paragraphs at a time, yielding in between, so the extension host stays
      // responsive; the whole-text analysis below then only runs the document-level steps.
      let done = 0;
      st.chunking = true;
      try {
        for (const unit of segment(text)) {
          this.timed(() => this.analyzer.analyze(unit.text));
          done += unit.text.length;
          if (done >= CHUNK) {
            done = 0;
            await new Promise(r => setTimeout(r, 0));
            if (stale()) return st.view;
          }
        }
      } finally {
        st.chunking = false;
      }
    }
    if (stale()) return st.view;
    const t0 = Date.now();
    this.reconcileNow(doc, st, text, version, settings);
    this.lastAnalysisMs = Date.now() - t0;
    this.publish(doc, st);
    return st.view;
  }

  /** The value of a date the user marked by hand, when the analysis can read the whole expression. */
  resolveDate(surface: string, referenceDate: string | null): string | null {
    const r = this.analyzer.analyze(surface, { referenceDate, types: ['date'] });
    const d = r.annotations.find(a => a.type === 'date' && a.start === 0 && a.end === surface.length);
    return d?.value ?? null;
  }

  /** Highlights what is on screen first (a provisional, partial view) while a big article is analysed. */
  private showVisiblePart(doc: vscode.TextDocument, st: ArticleState, text: string, version: number): void {
    const ranges = vscode.window.visibleTextEditors.filter(e => e.document === doc).flatMap(e => e.visibleRanges);
    if (ranges.length === 0) return;
    const first = Math.max(0, Math.min(...ranges.map(r => r.start.line)) - 5);
    const last = Math.min(doc.lineCount - 1, Math.max(...ranges.map(r => r.end.line)) + 5);
    const start = doc.offsetAt(new vscode.Position(first, 0));
    const end = doc.offsetAt(doc.lineAt(last).rangeIncludingLineBreak.end);
    const part = this.timed(() => this.analyzer.analyze(text.slice(start, end), { lexicon: this.lexicon.for(doc.uri, this.settings().lexicon) }));
    const enabled = new Set<AnnotationType>(this.settings().enabledTypes);
    st.view = {
      uri: doc.uri, version, partial: true, orphans: [], referenceDate: part.referenceDate,
      entities: part.entities.filter(e => enabled.has(e.type)),
      annotations: part.annotations.filter(a => enabled.has(a.type)).map(a => ({ ...a, start: a.start + start, end: a.end + start })),
    };
    this.changed.fire(doc.uri);
  }

  private reconcileNow(doc: vscode.TextDocument, st: ArticleState, text: string, version: number, settings: Settings): void {
    const options = analysisOptions(st.sidecar, { lexicon: this.lexicon.for(doc.uri, settings.lexicon) });
    const analysis = this.timed(() => this.analyzer.analyze(text, { ...options, document: doc.uri.toString() }));
    st.sidecar = reconcileModel(text, analysis, st.sidecar, baseName(doc.uri), this.generator);
    st.version = version;
  }

  private async load(doc: vscode.TextDocument, st: ArticleState): Promise<void> {
    let loaded;
    try {
      loaded = await this.files.load(doc.uri);
    } catch (e) {
      loaded = { status: 'error' as const, message: this.files.describe(e) };
    }
    st.loadError = undefined;
    st.disk = { mtime: undefined, text: undefined };
    if (loaded.status === 'ok') {
      st.sidecar = loaded.sidecar;
      st.disk = loaded.disk;
    } else if (loaded.status === 'error') {
      st.loadError = loaded.message;
      void notify('warning', `News Annotator: the annotations file cannot be used, so ${vscode.workspace.asRelativePath(doc.uri)} shows a fresh analysis that will not be saved. ${loaded.message}`);
    }
  }

  private timed<T>(f: () => T): T {
    const t0 = Date.now();
    try {
      return f();
    } finally {
      this.longestStepMs = Math.max(this.longestStepMs, Date.now() - t0);
    }
  }

  private noticeTooLarge(doc: vscode.TextDocument, length: number, max: number): void {
    const key = doc.uri.toString();
    if (this.sizeNoticeShown.has(key)) return;
    this.sizeNoticeShown.add(key);
    void notify('info',
      `News Annotator: ${vscode.workspace.asRelativePath(doc.uri)} has ${length.toLocaleString('en')} characters, above the newsAnnotator.maxArticleSize setting (${max.toLocaleString('en')}), so it is not annotated automatically.`,
      'Annotate Anyway',
    ).then(choice => {
      if (choice === 'Annotate Anyway') void this.analyse(doc, true);
    });
  }

  private noticeUnreadable(doc: vscode.TextDocument, reason: string, overridable: boolean): void {
    const key = doc.uri.toString();
    if (this.unreadableNoticeShown.has(key)) return;
    this.unreadableNoticeShown.add(key);
    void notify('warning', `News Annotator: ${vscode.workspace.asRelativePath(doc.uri)} is not annotated: ${reason}.`, ...(overridable ? ['Annotate Anyway'] : []))
      .then(choice => {
        if (choice === 'Annotate Anyway') void this.analyse(doc, true);
      });
  }

  private publish(doc: vscode.TextDocument, st: ArticleState): void {
    st.view = this.toView(doc, st.sidecar, st.version);
    this.changed.fire(doc.uri);
  }

  private toView(doc: vscode.TextDocument, s: EditableSidecar | null, version: number): ArticleView {
    const enabled = new Set<AnnotationType>(this.settings().enabledTypes);
    const annotations: Annotation[] = (s?.annotations ?? []).filter(a => enabled.has(a.type)).map(a => {
      const { prefix: _p, suffix: _s, ...rest } = a;
      return rest;
    }).sort((a, b) => a.start - b.start || a.end - b.end);
    const entities = (s?.entities ?? []).filter(e => enabled.has(e.type));
    const ref = s?.document.referenceDate ? { value: s.document.referenceDate, source: s.document.referenceDateSource ?? 'detected' } : null;
    return { uri: doc.uri, version, annotations, entities, referenceDate: ref, orphans: s?.orphans ?? [] };
  }

  /** Re-derives every view (after a setting such as the enabled types changed). */
  republishAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const st = this.states.get(doc.uri.toString());
      if (st?.view) this.publish(doc, st);
    }
  }

  /** Keeps stored spans in step with typing until the debounced re-analysis runs. */
  onEdit(e: vscode.TextDocumentChangeEvent): void {
    const st = this.states.get(e.document.uri.toString());
    if (!st || (!st.sidecar && !st.pending)) return; // never annotated: nothing to keep in step
    if (st.sidecar && st.version >= 0) {
      st.sidecar = shiftForEdits(st.sidecar, e.contentChanges.map(c => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text })));
      // offsets now follow the new text (the texts of touched spans are re-checked by the coming reconcile)
      st.version = e.document.version;
      st.view = this.toView(e.document, st.sidecar, st.version);
    }
    if (e.contentChanges.length > 0) this.schedule(e.document);
  }

  /**
   * Applies a user edit: records the undo step, re-merges with the analysis (so e.g. dates re-resolve after a
   * new reference date), saves the sidecar.
   */
  async edit(doc: vscode.TextDocument, label: string, change: (s: EditableSidecar, text: string) => EditableSidecar): Promise<ArticleView | undefined> {
    await this.settled(doc.uri);
    const st = this.state(doc.uri);
    if (!st.sidecar) await this.analyse(doc, true);
    if (!st.sidecar) throw new Error('This article has not been annotated yet.');
    const text = doc.getText();
    // the edit operations need a sidecar that matches the text as it is now
    if (st.version !== doc.version || st.sidecar!.document.length !== text.length) this.reconcileNow(doc, st, text, doc.version, this.settings());
    const before = st.sidecar!;
    const after = change(before, text);
    st.history.push({ label, sidecar: before });
    if (st.history.length > HISTORY_LIMIT) st.history.shift();
    st.sidecar = after;
    return this.afterEdit(doc, st, text);
  }

  /** Undoes the last annotation change of this article; returns its label, or undefined when there is none. */
  async undo(doc: vscode.TextDocument): Promise<string | undefined> {
    await this.settled(doc.uri);
    const st = this.state(doc.uri);
    const last = st.history.pop();
    if (!last) return undefined;
    st.sidecar = last.sidecar;
    await this.afterEdit(doc, st, doc.getText());
    return last.label;
  }

  private async afterEdit(doc: vscode.TextDocument, st: ArticleState, text: string): Promise<ArticleView | undefined> {
    // re-analysed so that, e.g., dates re-resolve against a new reference date
    st.generation++;
    st.unsaved = true;
    this.reconcileNow(doc, st, text, doc.version, this.settings());
    this.publish(doc, st);
    await this.save(doc);
    return st.view;
  }

  /** Writes the article's sidecar (after an edit, and when the article is saved). */
  async save(doc: vscode.TextDocument): Promise<boolean> {
    const st = this.states.get(doc.uri.toString());
    if (!st?.sidecar || doc.uri.scheme === 'untitled') return false;
    if (!vscode.workspace.isTrusted) {
      // restricted mode: highlight, but write nothing
      if (!this.restrictedNoticeShown) {
        this.restrictedNoticeShown = true;
        void notify('info', 'News Annotator: this workspace is in Restricted Mode, so annotation changes are kept in memory and not saved to sidecar files. Trust the workspace to save them.');
      }
      return false;
    }
    const name = vscode.workspace.asRelativePath(doc.uri);
    if (st.loadError) {
      void notify('warning', `News Annotator: annotations of ${name} not saved: ${st.loadError}`);
      return false;
    }
    // one write at a time per article: two racing renames over the same file would fail or lose the later one
    const previous = st.saving;
    let release!: () => void;
    st.saving = new Promise<void>(r => (release = r));
    await previous;
    try {
      if (!st.sidecar) return false;
      st.disk = await this.files.save(doc.uri, st.sidecar, st.disk);
      st.unsaved = false;
      return true;
    } catch (e) {
      const message = `News Annotator: could not save the annotations of ${name}: ${this.files.describe(e)}`;
      if (e instanceof SidecarError && e.kind === 'conflict') {
        void notify('error', message, 'Reload From Disk', 'Overwrite').then(async choice => {
          if (choice === 'Reload From Disk') {
            st.loaded = false;
            st.sidecar = null;
            await this.analyse(doc, true);
          } else if (choice === 'Overwrite') {
            await this.overwrite(doc, st);
          }
        });
      } else {
        void notify('error', message);
      }
      return false;
    } finally {
      release();
    }
  }

  /** Saves what the editor holds over what the file now holds (the user chose to). */
  private async overwrite(doc: vscode.TextDocument, st: ArticleState): Promise<void> {
    const path = this.files.locate(doc.uri).toString();
    st.disk = {
      mtime: await this.files.storage.mtime(path).catch(() => undefined),
      text: await this.files.storage.readText(path).catch(() => undefined),
    };
    await this.save(doc);
  }

  /**
   * A sidecar changed on disk (git pull, another tool, the user editing the JSON): when it is not our own write,
   * reload it so the editor shows what the file now says. Our edits are saved as they happen, so usually nothing in
   * memory is lost by this; when they are not (a save failed), both changed: ask, and change nothing until answered.
   */
  async sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    for (const doc of vscode.workspace.textDocuments) {
      const st = this.states.get(doc.uri.toString());
      if (!st?.view || this.files.locate(doc.uri).toString() !== sidecar.toString()) continue;
      await st.saving; // a write of ours in flight records what it wrote first
      const now = await this.files.storage.readText(sidecar.toString()).catch(() => undefined);
      if (now !== undefined && now === st.disk.text) return; // our own write
      if (st.unsaved) {
        const choice = await notify('warning',
          `News Annotator: ${vscode.workspace.asRelativePath(sidecar)} changed on disk, and the annotation changes made here to ${vscode.workspace.asRelativePath(doc.uri)} are not saved. Reload the file (losing them), or overwrite it with them?`,
          'Reload From Disk', 'Overwrite');
        if (choice === 'Overwrite') await this.overwrite(doc, st);
        if (choice !== 'Reload From Disk') continue;
      }
      st.unsaved = false;
      st.loaded = false;
      st.sidecar = null;
      await this.analyse(doc, true);
    }
  }

  /** The article was saved: bring its sidecar up to date with the saved text and write it. */
  async saved(doc: vscode.TextDocument): Promise<void> {
    const st = this.states.get(doc.uri.toString());
    if (!st) return;
    await this.analyse(doc);
    await this.save(doc);
  }

  sidecarUri(uri: vscode.Uri): vscode.Uri {
    return this.files.locate(uri);
  }

  /**
   * Stops the chunked first analysis of big articles no longer on screen (a closed tab's document stays open for a
   * while, and finishing a 10 MB analysis nobody looks at costs a minute of CPU): the provisional view is dropped,
   * and the analysis starts again, on a warm cache, when the article is shown again.
   */
  cancelHidden(visible: ReadonlySet<string>): void {
    for (const [key, st] of this.states) {
      if (!st.chunking || visible.has(key)) continue;
      st.generation++;
      if (st.view?.partial) {
        st.view = undefined;
        this.changed.fire(vscode.Uri.parse(key));
      }
    }
  }

  forget(uri: vscode.Uri): void {
    const st = this.states.get(uri.toString());
    if (st?.timer) clearTimeout(st.timer);
    if (st) st.generation++;
    // The undo history lives as long as VS Code does, so keep the state but drop the derived view.
    if (st) {
      st.view = undefined;
      st.loaded = false;
      st.sidecar = null;
    }
    this.sizeNoticeShown.delete(uri.toString());
    this.unreadableNoticeShown.delete(uri.toString());
  }

  dispose(): void {
    for (const st of this.states.values()) if (st.timer) clearTimeout(st.timer);
    this.changed.dispose();
  }
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
