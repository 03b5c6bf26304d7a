// A change of the extension's settings reaches what reads them: highlight style, which documents are articles,
// enabled types, the analysis inputs, where sidecars live, annotate-on-open.
import * as vscode from 'vscode';
import type { Articles } from '../articles';
import { SECTION } from '../config';
import type { AutoAnalysis } from './autoAnalysis';
import type { Chrome } from './chrome';
import type { Highlights } from './highlights';
import type { LanguageProviders } from './providers';
import type { LiveSettings } from './settings';

export interface ConfigurationParts {
  settings: LiveSettings;
  articles: Articles;
  auto: AutoAnalysis;
  highlights: Highlights;
  providers: LanguageProviders;
  chrome: Chrome;
}

export function registerConfigurationChanges({ settings, articles, auto, highlights, providers, chrome }: ConfigurationParts): vscode.Disposable {
  const affects = (e: vscode.ConfigurationChangeEvent, ...keys: string[]) => keys.some(k => e.affectsConfiguration(`${SECTION}.${k}`));
  return settings.onDidChange(({ event: e, before }) => {
    const now = settings.current;
    if (highlights.highlighter.setStyle(now.highlightStyle)) highlights.toggle(highlights.visible);
    if (affects(e, 'articleLanguages', 'articleFilePatterns')) {
      providers.register();
      for (const editor of vscode.window.visibleTextEditors) {
        const view = articles.isArticle(editor.document) ? articles.get(editor.document.uri) : undefined;
        highlights.highlighter.apply(editor, view);
        if (!view) auto.ensure(editor.document);
      }
    }
    if (affects(e, 'enabledTypes')) articles.republishAll();
    if (affects(e, 'lexicon') || before.maxArticleSize !== now.maxArticleSize) auto.reanalyzeAll();
    if (affects(e, 'sidecarLocation', 'sidecarFolder')) {
      // the next save goes to the new place; reload so an existing sidecar there is honoured
      for (const doc of vscode.workspace.textDocuments) if (articles.isArticle(doc) && articles.get(doc.uri)) articles.forget(doc.uri);
      auto.ensureVisible();
    }
    if (affects(e, 'annotateOnOpen')) auto.ensureVisible();
    chrome.update();
  });
}
