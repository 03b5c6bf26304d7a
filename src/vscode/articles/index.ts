// The open articles in the editor: one core ArticleSession each (registry), analyzed when due (scheduler), their
// sidecar files kept in step (sidecarSync), the user's changes with undo and redo (history). This facade composes
// them for the extension, the commands and the tests.
import * as vscode from 'vscode';
import { Analyzer, ArticleSession, type AnalysisResult, type Sidecar, type SidecarChange } from '../../core';
import type { Settings } from '../config';
import type { WorkspaceLexicon } from '../lexicon';
import type { SidecarFiles } from '../persistence';
import { ActivityLog } from './activity';
import { AnnotationHistory } from './history';
import { AnalysisMetrics } from './metrics';
import { ArticleRegistry } from './registry';
import { AnalysisScheduler } from './scheduler';
import { SidecarSync } from './sidecarSync';
import { formatOf } from './format';
import { hostSha256 } from './hostHash';
import { baseName, type ArticleView } from './view';

export type { ArticleActivity, ArticleEvent } from './activity';
export type { ArticleViews } from './registry';
export { baseName, type ArticleView } from './view';

/**
 * Paragraphs the shared Analyzer keeps. The chunked first analysis warms the cache one paragraph at a time, so the
 * cache must hold a whole big article, or the final whole-text step re-detects what was evicted in one synchronous
 * block (10 MB, 80,000 paragraphs: 11 s frozen with the core's default of 20,000; 0.9 s with room for all of them).
 */
const CACHE_UNITS = 250_000;

const ARTICLE_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'memfs', 'vscode-test-web'];

export class Articles implements vscode.Disposable {
  /** One Analyzer for every open article, so re-analysis after typing only detects the changed paragraphs. */
  readonly analyzer = new Analyzer(CACHE_UNITS);
  readonly metrics = new AnalysisMetrics();
  readonly activity = new ActivityLog();
  private readonly registry: ArticleRegistry;
  private readonly scheduler: AnalysisScheduler;
  private readonly sync: SidecarSync;
  private readonly history: AnnotationHistory;
  /** Fires when an article's view changed (analysis, edit, undo, redo). */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /**
   * Applied to each analysis before it is reconciled: the corpus's every-article decisions (rejected names left out,
   * renamed entities keep their corpus name), so re-analysis follows them.
   */
  afterAnalysis: ((uri: vscode.Uri, result: AnalysisResult) => AnalysisResult) | undefined;

  constructor(
    private readonly settings: () => Settings,
    lexicon: WorkspaceLexicon,
    private readonly files: SidecarFiles,
    generator: string,
  ) {
    this.registry = new ArticleRegistry(
      uri =>
        new ArticleSession({
          storage: files.storage,
          sidecarPath: files.locate(uri).toString(),
          file: baseName(uri),
          analyzer: {
            analyze: (text, options) => {
              const result = this.metrics.timed(() => this.analyzer.analyze(text, options));
              return this.afterAnalysis ? this.afterAnalysis(uri, result) : result;
            },
            // the scheduler runs these a few at a time between yields; each step is timed on its own
            analyzeSteps: (text, options) => {
              const steps = this.analyzer.analyzeSteps(text, options);
              return {
                get superseded() {
                  return steps.superseded;
                },
                step: () => {
                  const result = this.metrics.timed(() => steps.step());
                  return result && this.afterAnalysis ? this.afterAnalysis(uri, result) : result;
                },
              };
            },
          },
          generator,
          analyzeOptions: () => ({ lexicon: lexicon.for(uri, settings().lexicon), document: uri.toString(), format: formatOf(uri) }),
          beforeSave: path => files.refuseIfOpenAndDirty(path),
          hashText: hostSha256,
        }),
      () => settings().enabledTypes,
    );
    this.onDidChange = this.registry.onDidChange;
    this.sync = new SidecarSync(this.registry, files, this.activity, (doc, force) => this.analyze(doc, force));
    this.scheduler = new AnalysisScheduler(this.registry, this.analyzer, settings, lexicon, this.metrics, this.activity, doc => this.sync.reportLoadError(doc));
    this.history = new AnnotationHistory(this.registry, this.scheduler, this.sync);
  }

  isArticle(doc: vscode.TextDocument): boolean {
    if (doc.uri.path.endsWith('.annotations.json')) return false;
    if (!ARTICLE_SCHEMES.includes(doc.uri.scheme)) return false;
    const s = this.settings();
    if (s.articleLanguages.includes(doc.languageId)) return true;
    return s.articleFilePatterns.some(pattern => vscode.languages.match({ pattern }, doc) > 0);
  }

  get(uri: vscode.Uri): ArticleView | undefined {
    return this.registry.get(uri);
  }

  /** Whether `offset` is on a mention of an enabled type (cheap while typing: no view is derived). */
  onMention(uri: vscode.Uri, offset: number): boolean {
    return this.registry.onMention(uri, offset);
  }

  /** The article's sidecar as held in memory (what the next save writes), its hash naming the text it follows. */
  sidecar(uri: vscode.Uri): Sidecar | null {
    return this.registry.sidecar(uri);
  }

  /** Whether the article has a sidecar in memory (cheaper than sidecar(): nothing hashed). */
  hasSidecar(uri: vscode.Uri): boolean {
    return this.registry.hasSidecar(uri);
  }

  historyLabels(uri: vscode.Uri): string[] {
    return this.registry.find(uri)?.session.undoLabels() ?? [];
  }

  redoLabels(uri: vscode.Uri): string[] {
    return this.registry.find(uri)?.session.redoLabels() ?? [];
  }

  /** Analyzes now. `force` lifts the size limit (the user asked explicitly). */
  analyze(doc: vscode.TextDocument, force = false): Promise<ArticleView | undefined> {
    return this.scheduler.analyze(doc, force);
  }

  /** Resolves, with the view then shown, when no analysis is queued or running for this article. */
  async settled(uri: vscode.Uri): Promise<ArticleView | undefined> {
    await this.scheduler.settled(uri);
    return this.registry.get(uri);
  }

  /** Re-derives every view (after a setting such as the enabled types changed). */
  republishAll(): void {
    this.registry.republishAll();
  }

  /** Keeps stored spans in step with typing until the debounced re-analysis runs. */
  onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!this.scheduler.started(e.document.uri)) return; // never annotated: nothing to keep in step
    const entry = this.registry.entry(e.document.uri);
    if (entry.session.followsText) {
      const changes = e.contentChanges.map(c => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      if (entry.session.textChanged(e.document.getText(), changes, e.document.version)) this.registry.publish(entry, undefined, true);
    }
    if (e.contentChanges.length > 0) this.scheduler.later(e.document);
  }

  edit(doc: vscode.TextDocument, label: string, change: SidecarChange): Promise<ArticleView | undefined> {
    return this.history.edit(doc, label, change);
  }

  undo(doc: vscode.TextDocument): Promise<string | undefined> {
    return this.history.undo(doc);
  }

  redo(doc: vscode.TextDocument): Promise<string | undefined> {
    return this.history.redo(doc);
  }

  /** Writes the article's sidecar; resolves whether it is saved. */
  save(doc: vscode.TextDocument): Promise<boolean> {
    return this.sync.save(doc);
  }

  /** The article was saved: bring its sidecar up to date with the saved text (unless it is) and write it. */
  async saved(doc: vscode.TextDocument): Promise<void> {
    const entry = this.registry.find(doc.uri);
    if (!entry) return;
    // an auto-save usually follows the debounced analysis of the same text: analyzing it again would only stall
    if (!entry.session.analyzedAt(doc.version)) await this.analyze(doc);
    await this.sync.save(doc);
  }

  sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    return this.sync.sidecarChanged(sidecar);
  }

  sidecarUri(uri: vscode.Uri): vscode.Uri {
    return this.files.locate(uri);
  }

  cancelHidden(visible: ReadonlySet<string>): void {
    this.scheduler.cancelHidden(visible);
  }

  /** The article was closed (or its sidecar moved): drop the view and the sidecar; the undo history stays. */
  forget(uri: vscode.Uri): void {
    this.scheduler.forget(uri);
    const entry = this.registry.find(uri);
    if (!entry) return;
    this.registry.clear(entry, true);
    entry.session.reset(this.files.locate(uri).toString());
  }

  dispose(): void {
    this.scheduler.dispose();
    this.registry.dispose();
    this.activity.dispose();
  }
}
