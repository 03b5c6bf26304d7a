// Wires the editor features to the open articles and returns the API the integration tests (and other
// extensions) use to see exactly what the editor shows.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, type AnalysisResult, type AnnotationType, type Lexicon } from '../core';
import type { Sidecar } from '../core/sidecar';
import { Articles, baseName, type ArticleActivity, type ArticleView } from './articles';
import { registerCommands } from './commands';
import { readSettings, SECTION, type HighlightStyle, type Settings } from './config';
import { Highlighter, type DecoratedRanges } from './decorations';
import { EntityTreeProvider, type EntityNode } from './entityTree';
import { Exporter } from './exporting';
import { AnnotationHoverProvider } from './hover';
import { ArticleLanguageFeatures } from './languageFeatures';
import { WorkspaceLexicon } from './lexicon';
import { annotationAt, TYPE_PLURAL } from '../core';
import { recentNotices, type Notice } from './notices';
import { SidecarFiles } from './persistence';
import type { Platform } from './platform';
import { ArticleStatus } from './statusBar';

export interface NewsAnnotatorApi {
  /** The annotations, entities and reference date the editor shows for a document (undefined: not analysed). */
  getAnalysis(uri: vscode.Uri): AnalysisResult | undefined;
  getView(uri: vscode.Uri): ArticleView | undefined;
  /** The article's sidecar as held in memory (what the next save writes). */
  getSidecar(uri: vscode.Uri): Sidecar | null;
  sidecarUri(uri: vscode.Uri): vscode.Uri;
  /** The ranges last drawn per type and source in the document's visible editors. */
  getDecorations(uri: vscode.Uri): DecoratedRanges | undefined;
  /** Resolves once no analysis is pending for the document. */
  whenSettled(uri: vscode.Uri): Promise<ArticleView | undefined>;
  /** The status bar item's text, or undefined when it is hidden. */
  statusBarText(): string | undefined;
  entityTree: { getChildren(node?: EntityNode): EntityNode[]; getTreeItem(node: EntityNode): vscode.TreeItem; article: vscode.Uri | undefined };
  highlightsVisible(): boolean;
  highlightStyle(): HighlightStyle;
  undoLabels(uri: vscode.Uri): string[];
  redoLabels(uri: vscode.Uri): string[];
  /**
   * What happened to an article so far (analyses done or not and why, saves done or skipped and why, sidecar
   * changes on disk handled), oldest first, each with a sequence number.
   */
  activity(uri: vscode.Uri): ArticleActivity[];
  /** The sequence number of the latest activity of any article: pass it to nextActivity to wait for what follows. */
  activitySeq(): number;
  /** Resolves with the first activity of the article after `since` that `matches` (at once if there is one). */
  nextActivity(uri: vscode.Uri, matches: (a: ArticleActivity) => boolean, since?: number): Promise<ArticleActivity>;
  /** The lexicon passed to the analysis for a document (workspace file + settings). */
  lexiconFor(uri: vscode.Uri): Lexicon;
  /** Longest synchronous analysis step (what could hold up the extension host), last analysis time, paragraphs detected. */
  stats(): { longestStepMs: number; lastAnalysisMs: number; detectedUnits: number };
  resetStats(): void;
  /** The latest notifications shown (oldest first), as the user read them. */
  notices(): Notice[];
}

/** The composition both entries call (node/extension.ts, web/extension.ts) with what differs between their hosts. */
export function activate(context: vscode.ExtensionContext, platform: Platform = {}): NewsAnnotatorApi {
  let settings: Settings = readSettings();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0');
  const lexicon = new WorkspaceLexicon();
  const files = new SidecarFiles(() => ({ location: settings.sidecarLocation, folder: settings.sidecarFolder }), platform.readOnlyCheck);
  const articles = new Articles(() => settings, lexicon, files, `news-annotator ${version}`);
  const highlighter = new Highlighter(settings.highlightStyle);
  const status = new ArticleStatus();
  const tree = new EntityTreeProvider(articles);
  const treeView = vscode.window.createTreeView('newsAnnotator.entities', { treeDataProvider: tree, showCollapseAll: true });
  const features = new ArticleLanguageFeatures(articles);
  const hover = new AnnotationHoverProvider(articles);
  context.subscriptions.push(lexicon, articles, highlighter, status, tree, treeView);

  const sidecarWatcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.json', false, false, true);
  const isArticle = (doc: vscode.TextDocument) => articles.isArticle(doc);
  const activeArticle = () => {
    const e = vscode.window.activeTextEditor;
    return e && isArticle(e.document) ? e : undefined;
  };

  // Language features follow the article languages/patterns setting, so they are re-registered when it changes.
  let providers: vscode.Disposable[] = [];
  const articleSelector = (): vscode.DocumentFilter[] => [
    ...settings.articleLanguages.map(language => ({ language })),
    ...settings.articleFilePatterns.map(pattern => ({ pattern })),
  ];
  const registerProviders = () => {
    for (const p of providers) p.dispose();
    const selector = articleSelector();
    providers = [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerDefinitionProvider(selector, features),
      vscode.languages.registerReferenceProvider(selector, features),
      vscode.languages.registerDocumentHighlightProvider(selector, features),
    ];
  };
  // The workbench caches symbols per document version, and annotations change without the text changing (analysis
  // finishing, the user's edits). Re-registering the provider is the signal that drops that cache.
  let symbols: vscode.Disposable | undefined;
  const registerSymbols = () => {
    symbols?.dispose();
    symbols = vscode.languages.registerDocumentSymbolProvider(articleSelector(), features, { label: 'News Annotator' });
  };
  registerProviders();
  registerSymbols();
  context.subscriptions.push({ dispose: () => [...providers, symbols].forEach(p => p?.dispose()) });

  const decorate = (uri: vscode.Uri) => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) highlighter.apply(editor, articles.get(uri));
    }
  };
  const updateChrome = () => {
    const editor = activeArticle();
    const view = editor && articles.get(editor.document.uri);
    status.show(view, settings.enabledTypes, highlighter.visible);
    if (tree.article?.toString() !== editor?.document.uri.toString() && editor) tree.show(editor.document.uri);
    else tree.refresh();
    treeView.description = tree.article ? baseName(tree.article) : undefined;
    const hidden = ANNOTATION_TYPES.filter(t => !tree.filter.has(t));
    treeView.message = hidden.length ? `Filtered: ${hidden.map(t => TYPE_PLURAL[t].toLowerCase()).join(', ')} hidden.` : undefined;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.isArticle', !!editor);
    updateMentionContext();
  };
  let onMention: boolean | undefined;
  const updateMentionContext = () => {
    const editor = activeArticle();
    const view = editor && articles.get(editor.document.uri);
    const on = !!(editor && view && annotationAt(view, editor.document.offsetAt(editor.selection.active)));
    // selection changes are frequent: tell the workbench only when the answer changes
    if (on === onMention) return;
    onMention = on;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.onMention', on);
  };

  /** Analyzes an article that is on screen and not analyzed yet (when annotate-on-open is on). */
  const ensure = (doc: vscode.TextDocument) => {
    if (!isArticle(doc) || articles.get(doc.uri)) return;
    if (!settings.annotateOnOpen) {
      articles.activity.record(doc.uri, { kind: 'notAnalyzed', reason: 'annotateOnOpenOff' });
      return;
    }
    void articles.analyze(doc);
  };
  const toggleHighlights = (visible?: boolean) => {
    highlighter.visible = visible ?? !highlighter.visible;
    for (const editor of vscode.window.visibleTextEditors) if (isArticle(editor.document)) highlighter.apply(editor, articles.get(editor.document.uri));
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.highlightsVisible', highlighter.visible);
    updateChrome();
    return highlighter.visible;
  };
  const reanalyzeAll = () => {
    for (const doc of vscode.workspace.textDocuments) if (isArticle(doc) && articles.get(doc.uri)) void articles.analyze(doc);
  };

  context.subscriptions.push(
    articles.onDidChange(uri => {
      decorate(uri);
      registerSymbols();
      const active = vscode.window.activeTextEditor?.document.uri;
      if (active?.toString() === uri.toString() || tree.article?.toString() === uri.toString()) updateChrome();
    }),
    vscode.window.onDidChangeVisibleTextEditors(editors => {
      articles.cancelHidden(new Set(editors.map(e => e.document.uri.toString())));
      for (const e of editors) {
        if (!isArticle(e.document)) {
          articles.activity.record(e.document.uri, { kind: 'notAnalyzed', reason: 'notArticle' });
          continue;
        }
        if (articles.get(e.document.uri)) highlighter.apply(e, articles.get(e.document.uri));
        else ensure(e.document);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateChrome()),
    tree.onDidChangeFilter(() => updateChrome()),
    vscode.window.onDidChangeTextEditorSelection(() => updateMentionContext()),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (isArticle(e.document)) articles.onEdit(e);
    }),
    vscode.workspace.onDidSaveTextDocument(doc => {
      if (isArticle(doc) && articles.sidecar(doc.uri)) void articles.saved(doc);
    }),
    vscode.workspace.onDidCloseTextDocument(doc => {
      articles.forget(doc.uri);
      highlighter.forget(doc.uri);
    }),
    lexicon.onDidChange(reanalyzeAll),
    sidecarWatcher,
    sidecarWatcher.onDidChange(uri => void articles.sidecarChanged(uri)),
    sidecarWatcher.onDidCreate(uri => void articles.sidecarChanged(uri)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void lexicon.load().then(reanalyzeAll)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration(SECTION)) return;
      const before = settings;
      settings = readSettings();
      if (highlighter.setStyle(settings.highlightStyle)) toggleHighlights(highlighter.visible);
      if (e.affectsConfiguration(`${SECTION}.articleLanguages`) || e.affectsConfiguration(`${SECTION}.articleFilePatterns`)) {
        registerProviders();
        registerSymbols();
        for (const editor of vscode.window.visibleTextEditors) {
          const view = isArticle(editor.document) ? articles.get(editor.document.uri) : undefined;
          highlighter.apply(editor, view);
          if (!view) ensure(editor.document);
        }
      }
      if (e.affectsConfiguration(`${SECTION}.enabledTypes`)) articles.republishAll();
      if (e.affectsConfiguration(`${SECTION}.lexicon`) || before.maxArticleSize !== settings.maxArticleSize) reanalyzeAll();
      if (e.affectsConfiguration(`${SECTION}.sidecarLocation`) || e.affectsConfiguration(`${SECTION}.sidecarFolder`)) {
        // the next save goes to the new place; reload so an existing sidecar there is honoured
        for (const doc of vscode.workspace.textDocuments) if (isArticle(doc) && articles.get(doc.uri)) articles.forget(doc.uri);
        for (const editor of vscode.window.visibleTextEditors) ensure(editor.document);
      }
      if (e.affectsConfiguration(`${SECTION}.annotateOnOpen`)) for (const editor of vscode.window.visibleTextEditors) ensure(editor.document);
      updateChrome();
    }),
    ...registerCommands({
      articles, tree, exporter: new Exporter(), toggleHighlights,
      reannotate: doc => articles.analyze(doc, true),
    }),
  );

  void vscode.commands.executeCommand('setContext', 'newsAnnotator.highlightsVisible', true);
  void lexicon.load().then(() => {
    // analyses already done without the workspace lexicon are redone with it
    reanalyzeAll();
  });
  for (const editor of vscode.window.visibleTextEditors) ensure(editor.document);
  updateChrome();

  return {
    getAnalysis: uri => {
      const v = articles.get(uri);
      return v && { annotations: v.annotations, entities: v.entities, referenceDate: v.referenceDate };
    },
    getView: uri => articles.get(uri),
    getSidecar: uri => articles.sidecar(uri),
    sidecarUri: uri => articles.sidecarUri(uri),
    getDecorations: uri => highlighter.decorated(uri),
    whenSettled: uri => articles.settled(uri),
    statusBarText: () => (activeArticle() && articles.get(activeArticle()!.document.uri) ? status.item.text : undefined),
    entityTree: {
      getChildren: node => tree.getChildren(node),
      getTreeItem: node => tree.getTreeItem(node),
      get article() {
        return tree.article;
      },
    },
    highlightsVisible: () => highlighter.visible,
    highlightStyle: () => highlighter.currentStyle,
    undoLabels: uri => articles.historyLabels(uri),
    redoLabels: uri => articles.redoLabels(uri),
    activity: uri => articles.activity.list(uri),
    activitySeq: () => articles.activity.latest(),
    nextActivity: (uri, matches, since) => articles.activity.next(uri, matches, since),
    lexiconFor: uri => lexicon.for(uri, settings.lexicon),
    resetStats: () => {
      articles.metrics.longestStepMs = 0;
    },
    notices: () => recentNotices(),
    stats: () => ({ longestStepMs: articles.metrics.longestStepMs, lastAnalysisMs: articles.metrics.lastAnalysisMs, detectedUnits: articles.analyzer.detectedUnits }),
  };
}

export function deactivate(): void {}

export type { AnnotationType, DecoratedRanges, EntityNode };
