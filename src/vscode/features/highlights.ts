// The highlights in the editors: drawn from each article's view, shown or hidden by the user.
import * as vscode from 'vscode';
import type { Articles } from '../articles';
import { CONTEXT } from '../commands/contributions';
import { Highlighter, isHighContrast } from './decorations';
import type { ContextKeys } from './contextKeys';
import type { LiveSettings } from './settings';

export class Highlights implements vscode.Disposable {
  readonly highlighter: Highlighter;
  private readonly toggled = new vscode.EventEmitter<boolean>();
  private readonly themeWatch: vscode.Disposable;
  /** Fires when the highlights are shown or hidden (or redrawn in a new style). */
  readonly onDidToggle = this.toggled.event;

  constructor(
    private readonly articles: Articles,
    settings: LiveSettings,
    private readonly keys: ContextKeys,
  ) {
    this.highlighter = new Highlighter(settings.current.highlightStyle, isHighContrast(vscode.window.activeColorTheme.kind));
    keys.set(CONTEXT.highlightsVisible, this.highlighter.visible);
    // High Contrast themes get borders that differ per type: redraw in them when the theme changes kind
    this.themeWatch = vscode.window.onDidChangeActiveColorTheme(theme => {
      if (this.highlighter.setHighContrast(isHighContrast(theme.kind))) this.toggle(this.visible);
    });
  }

  get visible(): boolean {
    return this.highlighter.visible;
  }

  /** Draws the article's highlights in every visible editor that shows it. */
  decorate(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) this.highlighter.apply(editor, this.articles.get(uri));
    }
  }

  /** Shows (true), hides (false) or flips the highlights in every visible article; returns whether they show. */
  toggle(visible?: boolean): boolean {
    this.highlighter.visible = visible ?? !this.highlighter.visible;
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.articles.isArticle(editor.document)) this.highlighter.apply(editor, this.articles.get(editor.document.uri));
    }
    this.keys.set(CONTEXT.highlightsVisible, this.highlighter.visible);
    this.toggled.fire(this.highlighter.visible);
    return this.highlighter.visible;
  }

  dispose(): void {
    this.themeWatch.dispose();
    this.highlighter.dispose();
    this.toggled.dispose();
  }
}
