// What surrounds the active article: the status bar counts, the Entities view (following the article, with its
// filter), and the context keys that offer the commands (on an article, on a mention).
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, countWords, reviewProgressText, TYPE_PLURAL } from '../../core';
import { baseName, type Articles } from '../articles';
import { CONTEXT, ENTITY_VIEW } from '../commands/contributions';
import type { AnnotationMode } from './annotationMode';
import { EntityTreeProvider } from './entityTree';
import { ArticleStatus } from './statusBar';
import type { ContextKeys } from './contextKeys';
import type { Highlights } from './highlights';
import type { LiveSettings } from './settings';

export class Chrome implements vscode.Disposable {
  readonly status = new ArticleStatus();
  readonly tree: EntityTreeProvider;
  private readonly treeView: vscode.TreeView<unknown>;

  constructor(
    private readonly articles: Articles,
    private readonly settings: LiveSettings,
    private readonly highlights: Highlights,
    private readonly keys: ContextKeys,
    private readonly mode: AnnotationMode,
  ) {
    this.tree = new EntityTreeProvider(articles);
    this.treeView = vscode.window.createTreeView(ENTITY_VIEW, { treeDataProvider: this.tree, showCollapseAll: true });
  }

  /** The Entities view's description: the article, its counts and its review progress. */
  get entityViewDescription(): string | undefined {
    return this.treeView.description;
  }

  /** The active editor, when it shows an article. */
  activeArticle(): vscode.TextEditor | undefined {
    const e = vscode.window.activeTextEditor;
    return e && this.articles.isArticle(e.document) ? e : undefined;
  }

  /** Brings the status bar, the Entities view and the context keys up to date with the active editor. */
  update(): void {
    const editor = this.activeArticle();
    const view = editor && this.articles.get(editor.document.uri);
    this.status.show(view, this.settings.current.enabledTypes, this.highlights.visible);
    if (this.tree.article?.toString() !== editor?.document.uri.toString() && editor) this.tree.show(editor.document.uri);
    else this.tree.refresh();
    const shown = this.tree.article && this.articles.get(this.tree.article);
    // the article, the status bar's counts in the same words, and the review progress:
    // "a.txt · 12 entities · 31 mentions · 5 dates · 34 of 51 reviewed"
    this.treeView.description = this.tree.article
      ? `${baseName(this.tree.article)}${
          shown ? ` · ${countWords(shown, this.settings.current.enabledTypes, vscode.env.language)} · ${reviewProgressText(shown)}` : ''
        }`
      : undefined;
    this.mode.update();
    const hidden = ANNOTATION_TYPES.filter(t => !this.tree.filter.has(t));
    this.treeView.message = hidden.length ? `Filtered: ${hidden.map(t => TYPE_PLURAL[t].toLowerCase()).join(', ')} hidden.` : undefined;
    this.keys.set(CONTEXT.isArticle, !!editor);
    this.updateMentionContext();
  }

  /** Whether the cursor is on a mention (offers Change Type, Remove Annotation...). */
  updateMentionContext(): void {
    const editor = this.activeArticle();
    // on every cursor move, so typing included: asked without deriving the article's view (ArticleRegistry.onMention)
    this.keys.set(CONTEXT.onMention, !!editor && this.articles.onMention(editor.document.uri, editor.document.offsetAt(editor.selection.active)));
  }

  /** The article's view changed: update what shows it. */
  articleChanged(uri: vscode.Uri): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active?.toString() === uri.toString() || this.tree.article?.toString() === uri.toString()) this.update();
  }

  dispose(): void {
    this.status.dispose();
    this.tree.dispose();
    this.treeView.dispose();
  }
}

/** Keeps the chrome in step with the active editor, the cursor, the Entities filter and the highlights. */
export function registerChrome(chrome: Chrome, highlights: Highlights, mode: AnnotationMode): vscode.Disposable[] {
  return [
    chrome,
    mode,
    vscode.window.onDidChangeActiveTextEditor(() => chrome.update()),
    vscode.window.onDidChangeActiveTextEditor(editor => void mode.activeEditorChanged(editor)),
    vscode.window.onDidChangeTextEditorSelection(() => chrome.updateMentionContext()),
    chrome.tree.onDidChangeFilter(() => chrome.update()),
    highlights.onDidToggle(() => chrome.update()),
  ];
}
