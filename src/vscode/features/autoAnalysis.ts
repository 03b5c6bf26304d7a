// When articles are analyzed without the user asking: on screen (if annotate-on-open is on), and again when the
// lexicon or a setting the analysis reads changes.
import * as vscode from 'vscode';
import type { Articles } from '../articles';
import type { WorkspaceLexicon } from '../lexicon';
import type { LiveSettings } from './settings';

export class AutoAnalysis {
  constructor(
    private readonly articles: Articles,
    private readonly settings: LiveSettings,
    private readonly lexicon: WorkspaceLexicon,
  ) {}

  /** Analyzes an article that is on screen and not analyzed yet (when annotate-on-open is on). */
  ensure(doc: vscode.TextDocument): void {
    if (!this.articles.isArticle(doc) || this.articles.get(doc.uri)) return;
    if (!this.settings.current.annotateOnOpen) {
      this.articles.activity.record(doc.uri, { kind: 'notAnalyzed', reason: 'annotateOnOpenOff' });
      return;
    }
    void this.articles.analyze(doc);
  }

  ensureVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.ensure(editor.document);
  }

  /** Analyzes again every open article that was analyzed. */
  reanalyzeAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.articles.isArticle(doc) && this.articles.get(doc.uri)) void this.articles.analyze(doc);
  }

  /** Loads the workspace lexicon, then redoes analyses done without it (the first ones may not wait for it). */
  async loadLexicon(): Promise<void> {
    await this.lexicon.load();
    this.reanalyzeAll();
  }
}
