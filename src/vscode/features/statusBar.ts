// The status bar item on an article: counts per type in words (src/core/present/statusText.ts); a click opens the
// Entities view.
import * as vscode from 'vscode';
import { statusText, type AnnotationType } from '../../core';
import type { ArticleView } from '../articles';

export class ArticleStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('newsAnnotator.counts', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'News Annotator';
    this.item.command = 'newsAnnotator.showEntities';
  }

  show(view: ArticleView | undefined, enabled: readonly AnnotationType[], highlightsVisible: boolean): void {
    if (!view) {
      this.item.hide();
      return;
    }
    const status = statusText(view, enabled, highlightsVisible, vscode.env.language);
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.accessibilityInformation = { label: status.accessibilityLabel, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
