// The corpus in the editor, composed: the index of every workspace article (corpusIndex.ts), the decisions file
// (decisionsFile.ts), and what they read with (the sidecar files, the lexicon with the every-article corrections, an
// analyzer of its own, so background indexing never competes with the open articles' cache and timings).
import * as vscode from 'vscode';
import { Analyzer, reflectDecisions, rejectedNames, sha256Hex, withoutRejectedNames, type AnalysisResult, type AnalyzeOptions } from '../../core';
import type { Articles } from '../articles';
import type { LiveSettings } from '../features/settings';
import type { WorkspaceLexicon } from '../lexicon';
import type { SidecarFiles } from '../persistence';
import { CorpusIndex } from './corpusIndex';
import { CorpusTreeProvider } from './corpusTree';
import { CorpusDecider } from './decide';
import { CorpusDiagnostics } from './diagnostics';
import { CorpusNavigation } from './navigation';
import { DecisionsFile } from './decisionsFile';
import type { ArticleReader } from './readArticle';

export { CorpusIndex } from './corpusIndex';
export type { ArticleReader } from './readArticle';

export class WorkspaceCorpus implements vscode.Disposable {
  readonly index: CorpusIndex;
  readonly decisions: DecisionsFile;
  readonly reader: ArticleReader;
  readonly tree: CorpusTreeProvider;
  readonly navigation: CorpusNavigation;
  readonly decider = new CorpusDecider(this);
  readonly diagnostics: CorpusDiagnostics;
  private readonly analyzer = new Analyzer();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly articles: Articles,
    readonly files: SidecarFiles,
    lexicon: WorkspaceLexicon,
    settings: LiveSettings,
    generator: string,
    sha256: (text: string) => string = sha256Hex,
    /** The extension's storage for this workspace (context.storageUri): where the corpus snapshot is kept. */
    storage?: vscode.Uri,
  ) {
    this.decisions = new DecisionsFile(files.storage);
    this.reader = {
      articles,
      files,
      generator,
      sha256,
      analyze: (text: string, options: AnalyzeOptions) => this.followDecisions(undefined, this.analyzer.analyze(text, options)),
      options: uri => ({ lexicon: lexicon.for(uri, settings.current.lexicon) }),
    };
    this.index = new CorpusIndex(this.reader, () => settings.current, storage);
    articles.afterAnalysis = (uri, result) => this.followDecisions(uri, result);
    this.tree = new CorpusTreeProvider(this.index);
    this.navigation = new CorpusNavigation(this.index, () => this.started);
    this.diagnostics = new CorpusDiagnostics(this.index);
    this.disposables.push(
      this.tree,
      this.diagnostics,
      this.decisions,
      this.index,
      articles.onDidChange(uri => this.index.follow(uri)),
      // after the settings are read again (LiveSettings), so the scan lists the workspace with the new ones
      settings.onDidChange(({ event }) => {
        const keys = ['articleLanguages', 'articleFilePatterns', 'sidecarLocation', 'sidecarFolder', 'lexicon'];
        if (keys.some(k => event.affectsConfiguration(`newsAnnotator.${k}`))) void this.index.scan();
      }),
      // the file search's own settings change which files are articles too (CorpusIndex.findArticles reads them)
      vscode.workspace.onDidChangeConfiguration(event => {
        if (['files.exclude', 'search.followSymlinks'].some(k => event.affectsConfiguration(k))) void this.index.scan();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.start()),
      this.decisions.onDidChange(d => {
        lexicon.setCorrections(this.decisions.lexicon());
        this.index.setDecisions(d);
      }),
    );
  }

  /**
   * An analysis with the decisions applied: names rejected in every article left out, and (for an indexed article)
   * its entities' corpus names, so a re-analysis writes the renamed names again.
   */
  private followDecisions(uri: vscode.Uri | undefined, result: AnalysisResult): AnalysisResult {
    const { decisions } = this.decisions;
    const rejected = decisions.corrections.length ? rejectedNames(decisions) : [];
    const out = rejected.length ? withoutRejectedNames(result, rejected) : result;
    if (!uri || decisions.entities.length === 0) return out;
    const path = this.index.keyOf(uri);
    if (!this.index.corpus.article(path)) return out;
    const entities = reflectDecisions(this.index.corpus, path, out.entities);
    return entities === out.entities ? out : { ...out, entities: [...entities] };
  }

  private started: Promise<void> = Promise.resolve();

  /** Reads the decisions, then indexes the workspace, from the corpus snapshot where it can (in the background; resolves when done). */
  start(): Promise<void> {
    this.started = this.decisions.load().then(() => this.index.reopen());
    return this.started;
  }

  /** Resolves when the start and everything queued since are indexed. */
  async whenIdle(): Promise<void> {
    await this.started.catch(() => undefined);
    await this.index.whenIdle();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
