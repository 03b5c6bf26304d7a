// The extension's entry: composes the articles, the editor features and the commands, and returns the API the
// integration tests (and other extensions) use to see exactly what the editor shows (testApi.ts).
import type * as vscode from 'vscode';
import { Articles } from './articles';
import { registerCommands } from './commands';
import { WorkspaceCorpus } from './corpus';
import { Exporter } from './exporting';
import { AutoAnalysis } from './features/autoAnalysis';
import { AnnotationMode } from './features/annotationMode';
import { Chrome, registerChrome } from './features/chrome';
import { registerConfigurationChanges } from './features/configuration';
import { ContextKeys } from './features/contextKeys';
import { registerDocumentEvents } from './features/documents';
import { Highlights } from './features/highlights';
import { LanguageProviders } from './features/providers';
import { LiveSettings } from './features/settings';
import { WorkspaceLexicon } from './lexicon';
import { SidecarFiles } from './persistence';
import type { Platform } from './platform';
import { createApi, type NewsAnnotatorApi } from './testApi';
import { TimelinePanel } from './timeline';

/** The composition both entries call (node/extension.ts, web/extension.ts) with what differs between their hosts. */
export function activate(context: vscode.ExtensionContext, platform: Platform = {}): NewsAnnotatorApi {
  const settings = new LiveSettings();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0');
  const lexicon = new WorkspaceLexicon();
  const files = new SidecarFiles(
    () => ({ location: settings.current.sidecarLocation, folder: settings.current.sidecarFolder }),
    platform.readOnlyCheck,
    platform.disk,
  );
  const articles = new Articles(() => settings.current, lexicon, files, `news-annotator ${version}`);
  const keys = new ContextKeys();
  const highlights = new Highlights(articles, settings, keys);
  const mode = new AnnotationMode(articles, keys);
  const chrome = new Chrome(articles, settings, highlights, keys, mode);
  const corpus = new WorkspaceCorpus(articles, files, lexicon, settings, `news-annotator ${version}`, platform.sha256, context.storageUri);
  const providers = new LanguageProviders(articles, settings, corpus);
  const auto = new AutoAnalysis(articles, settings, lexicon);
  const timeline = new TimelinePanel(context.extensionUri, articles);
  const parts = { settings, articles, lexicon, auto, highlights, providers, chrome, timeline, mode, corpus };

  context.subscriptions.push(
    settings,
    lexicon,
    articles,
    highlights,
    providers,
    timeline,
    corpus,
    ...registerChrome(chrome, highlights, mode),
    ...registerDocumentEvents(parts),
    registerConfigurationChanges(parts),
    ...registerCommands({
      articles,
      tree: chrome.tree,
      exporter: new Exporter(),
      corpus,
      timeline,
      mode,
      toggleHighlights: visible => highlights.toggle(visible),
      reannotate: doc => articles.analyze(doc, true),
    }),
  );

  // analyses already done without the workspace lexicon are redone with it
  void auto.loadLexicon();
  auto.ensureVisible();
  chrome.update();
  // the workspace's articles, indexed in the background (reading sidecars first, analyzing only the stale ones)
  void corpus.start();
  return createApi(parts);
}

export function deactivate(): void {}

export type { NewsAnnotatorApi } from './testApi';
export type { AnnotationType } from '../core';
export type { DecoratedRanges } from './features/decorations';
export type { EntityNode } from './features/entityTree';
