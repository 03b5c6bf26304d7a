// When articles are analyzed: debounced while typing, at once when asked, and a big article's first analysis chunk
// by chunk (yielding in between, so the extension host stays responsive), each run cancelled as soon as it is for
// an older text. It also tells waiters when an article has settled (no analysis queued or running).
import * as vscode from 'vscode';
import { type Analyzer, type AnnotationType, segment } from '../../core';
import type { Settings } from '../config';
import type { WorkspaceLexicon } from '../lexicon';
import { notify } from '../notices';
import { unreadableText } from '../textCheck';
import type { ActivityLog } from './activity';
import { AnalysisNotices } from './analysisNotices';
import { documentFormat } from './format';
import { OrphanNotices } from './orphanNotices';
import { TASK_BUDGET_MS, type AnalysisMetrics } from './metrics';
import type { ArticleEntry, ArticleRegistry } from './registry';
import type { ArticleView } from './view';

/** Above this many characters the first analysis warms the cache chunk by chunk, yielding in between. */
const CHUNKED_FROM = 30_000;
/** Characters detected between two yields. */
const CHUNK = 8_000;

/** Lets the extension host run what is queued (keystrokes, other extensions) before going on. */
const nextTurn = () => new Promise<void>(resolve => setTimeout(resolve, 0));

interface Schedule {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each new analysis request (or edit), so a stale run stops at its next chunk. */
  generation: number;
  /** Runs started and not finished. */
  running: number;
  /** An analysis was asked for (or scheduled) at least once: typing is then kept in step. */
  started: boolean;
  /** The user asked to annotate although the article is above the size limit (or has undecodable characters). */
  allowLarge: boolean;
  /** A big article's first analysis is filling the cache chunk by chunk. */
  chunking: boolean;
  /** Resolved when the article settles. */
  waiters: (() => void)[];
}

export class AnalysisScheduler implements vscode.Disposable {
  private readonly schedules = new Map<string, Schedule>();
  private readonly notices = new AnalysisNotices(doc => void this.analyze(doc, true));
  private readonly orphanNotices = new OrphanNotices();

  constructor(
    private readonly registry: ArticleRegistry,
    private readonly analyzer: Analyzer,
    private readonly settings: () => Settings,
    private readonly lexicon: WorkspaceLexicon,
    private readonly metrics: AnalysisMetrics,
    private readonly activity: ActivityLog,
    /** Tells the user the stored sidecar cannot be used (once per load). */
    private readonly reportLoadError: (doc: vscode.TextDocument) => void,
  ) {}

  private schedule(uri: vscode.Uri): Schedule {
    let s = this.schedules.get(uri.toString());
    if (!s) {
      s = { timer: undefined, generation: 0, running: 0, started: false, allowLarge: false, chunking: false, waiters: [] };
      this.schedules.set(uri.toString(), s);
    }
    return s;
  }

  /** Whether an analysis of this article was ever asked for. */
  started(uri: vscode.Uri): boolean {
    return this.schedules.get(uri.toString())?.started ?? false;
  }

  /** Re-analyzes after the debounce delay (typing). */
  later(doc: vscode.TextDocument): void {
    const s = this.schedule(doc.uri);
    s.started = true;
    if (s.timer) clearTimeout(s.timer);
    s.generation++; // an analysis in flight is for an older text: let it stop
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void this.analyze(doc);
    }, this.settings().debounceDelay);
  }

  /** A change of the sidecar (an edit, undo, redo) supersedes any analysis in flight. */
  supersede(uri: vscode.Uri): void {
    this.schedule(uri).generation++;
  }

  /** Analyzes now. `force` lifts the size limit (the user asked explicitly). */
  analyze(doc: vscode.TextDocument, force = false): Promise<ArticleView | undefined> {
    const s = this.schedule(doc.uri);
    s.started = true;
    if (force) {
      s.allowLarge = true;
      this.notices.askedAgain(doc.uri);
    }
    s.running++; // before clearing the timer, so the article never looks settled in between
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    const generation = ++s.generation;
    return this.run(doc, s, generation)
      .catch(e => {
        void notify('error', `News Annotator: could not annotate ${vscode.workspace.asRelativePath(doc.uri)}: ${(e as Error).message}`);
        return undefined;
      })
      .finally(() => {
        s.running--;
        this.checkSettled(s);
      });
  }

  /** Resolves when no analysis is queued or running for this article (at once when there is none). */
  settled(uri: vscode.Uri): Promise<void> {
    const s = this.schedules.get(uri.toString());
    if (!s || (!s.timer && s.running === 0)) return Promise.resolve();
    return new Promise(resolve => s.waiters.push(resolve));
  }

  private checkSettled(s: Schedule): void {
    if (s.timer || s.running > 0) return;
    for (const resolve of s.waiters.splice(0)) resolve();
  }

  private async run(doc: vscode.TextDocument, s: Schedule, generation: number): Promise<ArticleView | undefined> {
    const entry = this.registry.entry(doc.uri);
    const session = entry.session;
    const settings = this.settings();
    const text = doc.getText();
    const version = doc.version;
    const unreadable = unreadableText(text);
    if (unreadable && !(unreadable.overridable && s.allowLarge)) {
      // no garbage annotations: drop what was shown for an earlier, readable text
      this.registry.clear(entry);
      session.markRefused('unreadable');
      this.activity.record(doc.uri, { kind: 'notAnalyzed', reason: 'unreadable' });
      this.notices.unreadable(doc, unreadable.reason, unreadable.overridable);
      return undefined;
    }
    if (text.length > settings.maxArticleSize && !s.allowLarge) {
      session.markRefused('tooLarge');
      this.activity.record(doc.uri, { kind: 'notAnalyzed', reason: 'tooLarge' });
      this.notices.tooLarge(doc, text.length, settings.maxArticleSize);
      return entry.view;
    }
    const stale = () => generation !== s.generation || doc.isClosed || doc.version !== version;
    if (!session.loaded) {
      if ((await session.load()) && session.loadError) this.reportLoadError(doc);
      if (stale()) return entry.view;
    }
    this.orphanNotices.start(doc.uri, session.sidecar?.orphans ?? []);
    // a first analysis (or a big paste) would detect many paragraphs at once; later edits touch a few
    const lastLength = session.sidecar?.document.length;
    if (text.length >= CHUNKED_FROM && (lastLength === undefined || Math.abs(text.length - lastLength) > CHUNK || !entry.view)) {
      if (!entry.view) this.showVisiblePart(doc, entry, text, version);
      // Fill the per-paragraph cache a few paragraphs at a time, yielding in between, so the extension host stays
      // responsive; the whole-text analysis below then only runs the document-level steps.
      session.markAnalyzing();
      let done = 0;
      s.chunking = true;
      try {
        // the units the whole-text analysis will read: a Markdown article's with its markup blanked
        for (const unit of segment(this.analyzer.source(text, documentFormat(doc)))) {
          this.metrics.timed(() => this.analyzer.analyze(unit.text));
          done += unit.text.length;
          if (done >= CHUNK) {
            done = 0;
            await nextTurn();
            if (stale()) return entry.view;
          }
        }
      } finally {
        s.chunking = false;
      }
    }
    if (stale()) return entry.view;
    // A big article's re-analysis runs as several tasks, yielding in between, so none blocks the extension host for
    // long (1.5 MB: some 100 ms of analysis, 60-150 ms of reconcile, then its view and highlights): the analysis, then
    // its reconcile into the session, a few bounded steps per task (Analyzer.analyzeSteps, reconcileSteps; dropped
    // when a newer text or an edit came meanwhile), and showing it.
    const big = text.length >= CHUNKED_FROM;
    const pending = session.startAnalysis(text, { version });
    let analysisMs = 0;
    for (let done = false; !done;) {
      const t0 = Date.now();
      do done = pending.step();
      while (!done && big && !pending.stale && Date.now() - t0 < TASK_BUDGET_MS);
      analysisMs += Date.now() - t0;
      // a small article's analysis and reconcile run in one task: finish runs what is left
      if (!big) break;
      await nextTurn();
      if (stale() || pending.stale) return entry.view;
    }
    const t1 = Date.now();
    // (a big article's steps ran it all: this hands out the result)
    const out = pending.finish();
    // the session changed meanwhile (typing, an edit, a reload): each of those also made this run stale, and its own
    // analysis follows
    if (!out) return entry.view;
    const { sidecar } = out;
    this.metrics.lastAnalysisMs = analysisMs + Date.now() - t1;
    if (big) {
      await nextTurn();
      // the reconciled sidecar is in the session (typing since moved it along): show it unless the article is gone
      if (doc.isClosed) return entry.view;
    }
    this.registry.publish(entry);
    this.activity.record(doc.uri, { kind: 'analyzed', version });
    const orphaned = this.orphanNotices.analyzed(doc, sidecar.orphans);
    if (orphaned.length > 0) this.activity.record(doc.uri, { kind: 'orphaned', ids: orphaned.map(o => o.id) });
    return entry.view;
  }

  /** Highlights what is on screen first (a provisional, partial view) while a big article is analyzed. */
  private showVisiblePart(doc: vscode.TextDocument, entry: ArticleEntry, text: string, version: number): void {
    const ranges = vscode.window.visibleTextEditors.filter(e => e.document === doc).flatMap(e => e.visibleRanges);
    if (ranges.length === 0) return;
    const first = Math.max(0, Math.min(...ranges.map(r => r.start.line)) - 5);
    const last = Math.min(doc.lineCount - 1, Math.max(...ranges.map(r => r.end.line)) + 5);
    const start = doc.offsetAt(new vscode.Position(first, 0));
    const end = doc.offsetAt(doc.lineAt(last).rangeIncludingLineBreak.end);
    const part = this.metrics.timed(() =>
      this.analyzer.analyze(text.slice(start, end), { lexicon: this.lexicon.for(doc.uri, this.settings().lexicon), format: documentFormat(doc) }),
    );
    const enabled = new Set<AnnotationType>(this.settings().enabledTypes);
    this.registry.publish(entry, {
      uri: doc.uri,
      version,
      partial: true,
      orphans: [],
      referenceDate: part.referenceDate,
      entities: part.entities.filter(e => enabled.has(e.type)),
      annotations: part.annotations.filter(a => enabled.has(a.type)).map(a => ({ ...a, start: a.start + start, end: a.end + start })),
    });
  }

  /**
   * Stops the chunked first analysis of big articles no longer on screen (a closed tab's document stays open for a
   * while, and finishing a 10 MB analysis nobody looks at costs a minute of CPU): the provisional view is dropped,
   * and the analysis starts again, on a warm cache, when the article is shown again.
   */
  cancelHidden(visible: ReadonlySet<string>): void {
    for (const [key, s] of this.schedules) {
      if (!s.chunking || visible.has(key)) continue;
      s.generation++;
      const entry = this.registry.find(vscode.Uri.parse(key));
      if (entry?.view?.partial) this.registry.clear(entry);
    }
  }

  /** The article was closed: nothing queued, nothing running on; notices may show again. */
  forget(uri: vscode.Uri): void {
    const s = this.schedules.get(uri.toString());
    if (s) {
      if (s.timer) clearTimeout(s.timer);
      s.timer = undefined;
      s.generation++;
      this.checkSettled(s);
    }
    this.notices.forget(uri);
    this.orphanNotices.forget(uri);
  }

  dispose(): void {
    for (const s of this.schedules.values()) if (s.timer) clearTimeout(s.timer);
  }
}
