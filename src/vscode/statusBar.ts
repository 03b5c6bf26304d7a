// The status bar item on an article: counts per type in words; a click opens the Entities view.
import * as vscode from 'vscode';
import { ANNOTATION_TYPES, type AnnotationType } from '../core';
import type { ArticleView } from './articles';

const SHORT: Record<AnnotationType, string> = { person: 'People', place: 'Places', organization: 'Orgs', date: 'Dates' };

/** Mentions per enabled type, e.g. `$(tag) People 4 · Places 2 · Orgs 0 · Dates 1`. */
export function statusText(view: ArticleView, enabled: readonly AnnotationType[]): string {
  const counts = ANNOTATION_TYPES.filter(t => enabled.includes(t))
    .map(t => `${SHORT[t]} ${view.annotations.filter(a => a.type === t).length}`);
  return `$(tag) ${counts.join(' · ')}`;
}

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
    this.item.text = statusText(view, enabled);
    const orphans = view.orphans.length ? `\n${view.orphans.length} orphaned annotation(s): run News Annotator: Show Orphaned Annotations` : '';
    const ref = view.referenceDate ? `Reference date ${view.referenceDate.value} (${view.referenceDate.source === 'user' ? 'set by you' : 'detected'})` : 'No reference date';
    this.item.tooltip = `News Annotator: mentions per type in this article${highlightsVisible ? '' : ' (highlights hidden)'}\n${ref}${orphans}\nClick to open the Entities view.`;
    this.item.accessibilityInformation = { label: `News Annotator: ${this.item.text.replace(/\$\([^)]*\)\s*/g, '')}`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
