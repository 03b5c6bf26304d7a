// The corpus in the editor, composed: the index of every workspace article (corpusIndex.ts), the decisions file
// (decisionsFile.ts), and what they read with (the sidecar files, the lexicon with the every-article corrections, an
// analyzer of its own, so background indexing never competes with the open articles' cache and timings).
import * as vscode from 'vscode';
import { Analyzer, rejectedNames, withoutRejectedNames, type AnalyzeOptions } from '../../core';
import type { Articles } from '../articles';
import type { LiveSettings } from '../features/settings';
import type { WorkspaceLexicon } from '../lexicon';
import type { SidecarFiles } from '../persistence';
import { CorpusIndex } from './corpusIndex';
import { CorpusTreeProvider } from './corpusTree';
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
  private readonly analyzer = new Analyzer();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly articles: Articles,
    readonly files: SidecarFiles,
    lexicon: WorkspaceLexicon,
    settings: LiveSettings,
    generator: string,
  ) {
    this.decisions = new DecisionsFile(files.storage);
    this.reader = {
      articles,
      files,
      generator,
      analyze: (text: string, options: AnalyzeOptions) => {
        const result = this.analyzer.analyze(text, options);
        const rejected = this.decisions.decisions.corrections.length ? rejectedNames(this.decisions.decisions) : [];
        return rejected.length ? withoutRejectedNames(result, rejected) : result;
      },
      options: uri => ({ lexicon: lexicon.for(uri, settings.current.lexicon) }),
    };
    this.index = new CorpusIndex(this.reader, () => settings.current);
    this.tree = new CorpusTreeProvider(this.index);
    this.navigation = new CorpusNavigation(this.index);
    this.disposables.push(
      this.tree,
      this.decisions,
      this.index,
      articles.onDidChange(uri => this.index.follow(uri)),
      vscode.workspace.onDidChangeConfiguration(e => {
        const keys = ['articleLanguages', 'articleFilePatterns', 'sidecarLocation', 'sidecarFolder', 'lexicon'];
        if (keys.some(k => e.affectsConfiguration(`newsAnnotator.${k}`))) void this.index.scan();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.start()),
      this.decisions.onDidChange(d => {
        lexicon.setCorrections(this.decisions.lexicon());
        this.index.setDecisions(d);
      }),
    );
  }

  private started: Promise<void> = Promise.resolve();

  /** Reads the decisions, then indexes the workspace (in the background; resolves when done). */
  start(): Promise<void> {
    this.started = this.decisions.load().then(() => this.index.scan());
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
