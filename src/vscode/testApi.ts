// The API activate() returns: what the integration tests (and other extensions) read to see exactly what the
// editor shows, and the signals they wait on instead of sleeping.
import type * as vscode from 'vscode';
import type { AnalysisResult, CorpusDecisions, CorpusEntity, IndexingCounts, Lexicon, Sidecar, UnindexedArticle } from '../core';
import type { ArticleActivity, ArticleView, Articles } from './articles';
import type { HighlightStyle } from './config';
import type { DecoratedRanges } from './features/decorations';
import type { EntityNode } from './features/entityTree';
import type { AnnotationMode } from './features/annotationMode';
import type { Chrome } from './features/chrome';
import type { WorkspaceCorpus } from './corpus';
import type { CorpusNode } from './corpus/treeModel';
import type { Highlights } from './features/highlights';
import type { LiveSettings } from './features/settings';
import type { WorkspaceLexicon } from './lexicon';
import { recentNotices, type Notice } from './notices';
import type { TimelinePanel } from './timeline';

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
  /** The review status bar item's text ("$(checklist) 3 of 51 reviewed"), or undefined when it is hidden. */
  reviewStatusText(): string | undefined;
  /** The Entities view's description: the article's name, its counts (the status bar's words) and its review progress. */
  entitiesDescription(): string | undefined;
  /** Whether annotation mode is on. */
  annotationMode(): boolean;
  /** Resolves with the next change of annotation mode (on: true, off: false). */
  nextAnnotationMode(): Promise<boolean>;
  entityTree: {
    getChildren(node?: EntityNode): EntityNode[];
    getTreeItem(node: EntityNode): vscode.TreeItem;
    article: vscode.Uri | undefined;
    /** The view's description (the article and its counts, in the status bar's words). */
    description: string | undefined;
  };
  highlightsVisible(): boolean;
  highlightStyle(): HighlightStyle;
  /** Whether the highlights are drawn for a High Contrast theme (a border style and weight per type). */
  highlightsHighContrast(): boolean;
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
  /**
   * Longest synchronous analysis step (what could hold up the extension host), last analysis time, paragraphs detected,
   * edits the analyzer located by the range the editor's change events gave (not by comparing texts).
   */
  stats(): { longestStepMs: number; lastAnalysisMs: number; detectedUnits: number; rangedEdits: number };
  resetStats(): void;
  /** The latest notifications shown (oldest first), as the user read them. */
  notices(): Notice[];
  /** The Timeline view: what it was sent, what its DOM holds, and its message handling. */
  timeline: Pick<TimelinePanel, 'data' | 'rendered' | 'inspect' | 'click' | 'receive' | 'visible' | 'handled'>;
  /** The workspace corpus: its index, the Corpus view, the decisions in force. */
  corpus: {
    /** Resolves when nothing is queued or being indexed (after a file event, a save, Refresh Corpus...). */
    whenIdle(): Promise<void>;
    /** Bumped by every change of the index (articles or decisions). */
    generation(): number;
    entities(): readonly CorpusEntity[];
    unindexed(): UnindexedArticle[];
    /** The workspace-relative paths of the indexed articles. */
    articles(): string[];
    /** The article files as the index finds them: listed on the host's own disk, or by workspace.findFiles. */
    findArticles(way: 'disk' | 'search'): Promise<vscode.Uri[]>;
    decisions(): CorpusDecisions;
    /** Resolves once the consistency diagnostics reflect the index as it is now. */
    whenDiagnosed(): Promise<void>;
    /** The corpus entity at an offset of an indexed article (undefined: none, or the index holds another text). */
    entityAt(uri: vscode.Uri, offset: number): CorpusEntity | undefined;
    tree: {
      getChildren(node?: CorpusNode): CorpusNode[];
      getTreeItem(node: CorpusNode): vscode.TreeItem;
      readonly filter: string;
      readonly description: string | undefined;
    };
    /** The corpus snapshot (the index's cache in the extension's storage). */
    snapshot: {
      /** Where it is kept (undefined: no workspace storage). */
      uri(): vscode.Uri | undefined;
      /** Records the last load found, and articles taken from them since. */
      loaded(): number;
      used(): number;
      /** Snapshots written in this session; whenWritten(n) resolves once n were. */
      writes(): number;
      whenWritten(count: number): Promise<void>;
      /** Writes now what the debounced write would (nothing when nothing changed since the last). */
      flush(): Promise<void>;
      /** Reads the snapshot file again and indexes every article anew, as re-opening the workspace does. */
      reopen(): Promise<void>;
      /** How the last re-opening (the session's first indexing is one) read the workspace, and how long it took. */
      lastOpening(): (IndexingCounts & { ms: number }) | undefined;
      /**
       * Whether the index's linking of names across articles was last made from nothing with the snapshot's record
       * of it (re-opening onto exactly the snapshot's articles, each unchanged), not worked out in full.
       */
      linkedFromSnapshot(): boolean;
      /** Resolves once the index is prepared for changes after its last batch (Corpus.prepareChanges, on a timer). */
      whenPrepared(): Promise<void>;
      /** Whether the linking's rule indexes are made (a linking taken from the snapshot's record leaves them until prepared). */
      linkingIndexed(): boolean;
    };
  };
}

export interface ApiParts {
  settings: LiveSettings;
  articles: Articles;
  lexicon: WorkspaceLexicon;
  highlights: Highlights;
  chrome: Chrome;
  timeline: TimelinePanel;
  mode: AnnotationMode;
  corpus: WorkspaceCorpus;
}

export function createApi({ settings, articles, lexicon, highlights, chrome, timeline, mode, corpus }: ApiParts): NewsAnnotatorApi {
  const { highlighter } = highlights;
  const { tree } = chrome;
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
    statusBarText: () => {
      const editor = chrome.activeArticle();
      return editor && articles.get(editor.document.uri) ? chrome.status.item.text : undefined;
    },
    reviewStatusText: () => (chrome.activeArticle() && articles.get(chrome.activeArticle()!.document.uri) ? mode.item.text : undefined),
    entitiesDescription: () => chrome.entityViewDescription,
    annotationMode: () => mode.active,
    nextAnnotationMode: () =>
      new Promise(resolve => {
        const listener = mode.onDidChange(on => {
          listener.dispose();
          resolve(on);
        });
      }),
    entityTree: {
      getChildren: node => tree.getChildren(node),
      getTreeItem: node => tree.getTreeItem(node),
      get article() {
        return tree.article;
      },
      get description() {
        return chrome.entityViewDescription;
      },
    },
    highlightsVisible: () => highlighter.visible,
    highlightStyle: () => highlighter.currentStyle,
    highlightsHighContrast: () => highlighter.isHighContrast,
    undoLabels: uri => articles.historyLabels(uri),
    redoLabels: uri => articles.redoLabels(uri),
    activity: uri => articles.activity.list(uri),
    activitySeq: () => articles.activity.latest(),
    nextActivity: (uri, matches, since) => articles.activity.next(uri, matches, since),
    lexiconFor: uri => lexicon.for(uri, settings.current.lexicon),
    resetStats: () => {
      articles.metrics.longestStepMs = 0;
    },
    notices: () => recentNotices(),
    timeline,
    corpus: {
      whenIdle: () => corpus.whenIdle(),
      generation: () => corpus.index.generation,
      entities: () => corpus.index.corpus.entities(),
      unindexed: () => corpus.index.corpus.unindexed(),
      articles: () => corpus.index.corpus.articles().map(a => a.path),
      findArticles: way => corpus.index.findArticles(way),
      decisions: () => corpus.decisions.decisions,
      whenDiagnosed: () => corpus.diagnostics.whenCurrent(),
      entityAt: (uri, offset) => corpus.index.corpus.entityAt(corpus.index.keyOf(uri), offset),
      tree: {
        getChildren: node => corpus.tree.getChildren(node),
        getTreeItem: node => corpus.tree.getTreeItem(node),
        get filter() {
          return corpus.tree.filter;
        },
        get description() {
          return corpus.tree.view.description;
        },
      },
      snapshot: {
        uri: () => corpus.index.snapshot.uri,
        loaded: () => corpus.index.snapshot.loaded,
        used: () => corpus.index.snapshot.used,
        writes: () => corpus.index.snapshot.writes,
        whenWritten: count => corpus.index.snapshot.whenWritten(count),
        flush: () => corpus.index.snapshot.flush(),
        reopen: () => corpus.index.reopen(),
        lastOpening: () => corpus.index.lastOpening,
        linkedFromSnapshot: () => corpus.index.corpus.linkedFromSnapshot,
        whenPrepared: () => corpus.index.whenPrepared(),
        linkingIndexed: () => corpus.index.corpus.linkingIndexed,
      },
    },
    stats: () => ({
      longestStepMs: articles.metrics.longestStepMs,
      lastAnalysisMs: articles.metrics.lastAnalysisMs,
      detectedUnits: articles.analyzer.detectedUnits,
      rangedEdits: articles.analyzer.rangedEdits,
    }),
  };
}
