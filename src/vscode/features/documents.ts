// The editor's events about articles, passed on: views changing, editors shown and hidden, typing, saving,
// closing, sidecar files changed by other tools, the lexicon changing, the workspace becoming trusted.
import * as vscode from 'vscode';
import type { Articles } from '../articles';
import type { WorkspaceLexicon } from '../lexicon';
import type { AutoAnalysis } from './autoAnalysis';
import type { Chrome } from './chrome';
import type { Highlights } from './highlights';
import type { LanguageProviders } from './providers';

export interface DocumentParts {
  articles: Articles;
  lexicon: WorkspaceLexicon;
  auto: AutoAnalysis;
  highlights: Highlights;
  providers: LanguageProviders;
  chrome: Chrome;
}

export function registerDocumentEvents({ articles, lexicon, auto, highlights, providers, chrome }: DocumentParts): vscode.Disposable[] {
  const { highlighter } = highlights;
  const sidecarWatcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.json', false, false, true);
  return [
    articles.onDidChange(uri => {
      highlights.decorate(uri);
      providers.refreshSymbols();
      chrome.articleChanged(uri);
    }),
    vscode.window.onDidChangeVisibleTextEditors(editors => {
      articles.cancelHidden(new Set(editors.map(e => e.document.uri.toString())));
      for (const e of editors) {
        if (!articles.isArticle(e.document)) {
          articles.activity.record(e.document.uri, { kind: 'notAnalyzed', reason: 'notArticle' });
          continue;
        }
        if (articles.get(e.document.uri)) highlighter.apply(e, articles.get(e.document.uri));
        else auto.ensure(e.document);
      }
    }),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (articles.isArticle(e.document)) articles.onEdit(e);
    }),
    vscode.workspace.onDidSaveTextDocument(doc => {
      if (articles.isArticle(doc) && articles.hasSidecar(doc.uri)) void articles.saved(doc);
    }),
    vscode.workspace.onDidCloseTextDocument(doc => {
      articles.forget(doc.uri);
      highlighter.forget(doc.uri);
    }),
    lexicon.onDidChange(() => auto.reanalyzeAll()),
    sidecarWatcher,
    sidecarWatcher.onDidChange(uri => void articles.sidecarChanged(uri)),
    sidecarWatcher.onDidCreate(uri => void articles.sidecarChanged(uri)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void auto.loadLexicon()),
  ];
}
