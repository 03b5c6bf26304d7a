// The user's annotation changes in the editor: each edit, undo and redo waits for the article to settle, goes
// through the article's session (which keeps the labelled history), is shown at once and then saved.
import type * as vscode from 'vscode';
import type { SidecarChange } from '../../core';
import type { ArticleRegistry } from './registry';
import type { AnalysisScheduler } from './scheduler';
import type { SidecarSync } from './sidecarSync';
import type { ArticleView } from './view';

export class AnnotationHistory {
  constructor(
    private readonly registry: ArticleRegistry,
    private readonly scheduler: AnalysisScheduler,
    private readonly sync: SidecarSync,
  ) {}

  /**
   * Applies a user edit: the session records the undo step and re-analyzes (so e.g. dates re-resolve after a new
   * reference date); then the sidecar is saved.
   */
  async edit(doc: vscode.TextDocument, label: string, change: SidecarChange): Promise<ArticleView | undefined> {
    await this.scheduler.settled(doc.uri);
    const entry = this.registry.entry(doc.uri);
    if (!entry.session.sidecar) await this.scheduler.analyze(doc, true);
    entry.session.edit(label, doc.getText(), change, { version: doc.version });
    return this.changed(doc);
  }

  /** Undoes the last annotation change of this article; returns its label, or undefined when there is none. */
  async undo(doc: vscode.TextDocument): Promise<string | undefined> {
    await this.scheduler.settled(doc.uri);
    const label = this.registry.entry(doc.uri).session.undo(doc.getText(), { version: doc.version });
    if (label !== undefined) await this.changed(doc);
    return label;
  }

  /** Makes the last undone change again; returns its label, or undefined when there is none. */
  async redo(doc: vscode.TextDocument): Promise<string | undefined> {
    await this.scheduler.settled(doc.uri);
    const label = this.registry.entry(doc.uri).session.redo(doc.getText(), { version: doc.version });
    if (label !== undefined) await this.changed(doc);
    return label;
  }

  private async changed(doc: vscode.TextDocument): Promise<ArticleView | undefined> {
    this.scheduler.supersede(doc.uri); // an analysis in flight started from the sidecar before the change
    const entry = this.registry.entry(doc.uri);
    this.registry.publish(entry);
    await this.sync.save(doc);
    return entry.view;
  }
}
