// The language features on articles (hover, definition, references, highlights, outline) and the corpus's workspace
// symbols. They follow the article languages and file patterns, so they are registered again when those change.
import * as vscode from 'vscode';
import type { Articles } from '../articles';
import type { CorpusDiagnostics } from '../corpus/diagnostics';
import type { CorpusNavigation } from '../corpus/navigation';
import { AnnotationHoverProvider } from './hover';
import { ArticleLanguageFeatures } from './languageFeatures';
import type { LiveSettings } from './settings';

export class LanguageProviders implements vscode.Disposable {
  private readonly hover: AnnotationHoverProvider;
  private readonly features: ArticleLanguageFeatures;
  private providers: vscode.Disposable[] = [];
  private symbols: vscode.Disposable | undefined;

  constructor(
    articles: Articles,
    private readonly settings: LiveSettings,
    private readonly corpus?: { navigation: CorpusNavigation; diagnostics: CorpusDiagnostics },
  ) {
    this.hover = new AnnotationHoverProvider(articles);
    this.features = new ArticleLanguageFeatures(articles, corpus?.navigation);
    this.register();
  }

  private selector(): vscode.DocumentFilter[] {
    const s = this.settings.current;
    return [...s.articleLanguages.map(language => ({ language })), ...s.articleFilePatterns.map(pattern => ({ pattern }))];
  }

  /** (Re-)registers every provider for the articles the settings now describe. */
  register(): void {
    for (const p of this.providers) p.dispose();
    const selector = this.selector();
    this.providers = [
      vscode.languages.registerHoverProvider(selector, this.hover),
      vscode.languages.registerDefinitionProvider(selector, this.features),
      vscode.languages.registerReferenceProvider(selector, this.features),
      vscode.languages.registerDocumentHighlightProvider(selector, this.features),
      ...(this.corpus
        ? [
            vscode.languages.registerWorkspaceSymbolProvider(this.corpus.navigation),
            vscode.languages.registerCodeActionsProvider(selector, this.corpus.diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
          ]
        : []),
    ];
    this.refreshSymbols();
  }

  /**
   * The workbench caches symbols per document version, and annotations change without the text changing (analysis
   * finishing, the user's edits). Re-registering the provider is the signal that drops that cache.
   */
  refreshSymbols(): void {
    this.symbols?.dispose();
    this.symbols = vscode.languages.registerDocumentSymbolProvider(this.selector(), this.features, { label: 'News Annotator' });
  }

  dispose(): void {
    for (const p of [...this.providers, this.symbols]) p?.dispose();
  }
}
