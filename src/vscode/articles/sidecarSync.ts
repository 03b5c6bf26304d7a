// Keeps each article's sidecar file and its session in step: saves (not for untitled articles, nor in Restricted
// Mode, nor over a sidecar that could not be used), the conflict prompts, and reloading when the file changes on disk.
import * as vscode from 'vscode';
import { notify } from '../notices';
import type { SidecarFiles } from '../persistence';
import type { ActivityLog } from './activity';
import type { ArticleEntry, ArticleRegistry } from './registry';

export class SidecarSync {
  private restrictedNoticeShown = false;

  constructor(
    private readonly registry: ArticleRegistry,
    private readonly files: SidecarFiles,
    private readonly activity: ActivityLog,
    /** Analyzes the article again (after a reload, the size limit lifted: the user chose it). */
    private readonly reanalyze: (doc: vscode.TextDocument, force?: boolean) => Promise<unknown>,
  ) {}

  /** Tells the user why the stored sidecar cannot be used; the article shows a fresh analysis that is not saved. */
  reportLoadError(doc: vscode.TextDocument): void {
    const error = this.registry.find(doc.uri)?.session.loadError;
    if (!error) return;
    void notify(
      'warning',
      `News Annotator: the annotations file cannot be used, so ${vscode.workspace.asRelativePath(doc.uri)} shows a fresh analysis that will not be saved. ${this.files.describe(error)}`,
    );
  }

  /** Writes the article's sidecar (after an edit, and when the article is saved). Resolves whether it is saved. */
  save(doc: vscode.TextDocument): Promise<boolean> {
    return this.write(doc, false);
  }

  private async write(doc: vscode.TextDocument, overwrite: boolean): Promise<boolean> {
    const entry = this.registry.find(doc.uri);
    if (!entry?.session.sidecar) return false;
    if (doc.uri.scheme === 'untitled') return this.skipped(entry, 'untitled');
    if (!vscode.workspace.isTrusted) {
      // restricted mode: highlight, but write nothing
      if (!this.restrictedNoticeShown) {
        this.restrictedNoticeShown = true;
        void notify(
          'info',
          'News Annotator: this workspace is in Restricted Mode, so annotation changes are kept in memory and not saved to sidecar files. Trust the workspace to save them.',
        );
      }
      return this.skipped(entry, 'restricted');
    }
    const name = vscode.workspace.asRelativePath(doc.uri);
    if (entry.session.loadError) {
      void notify('warning', `News Annotator: annotations of ${name} not saved: ${this.files.describe(entry.session.loadError)}`);
      return this.skipped(entry, 'unusableSidecar');
    }
    let outcome;
    try {
      outcome = await entry.session.save({ overwrite });
    } catch (e) {
      void notify('error', `News Annotator: could not save the annotations of ${name}: ${this.files.describe(e)}`);
      return this.skipped(entry, 'error');
    }
    if (outcome.saved) {
      this.activity.record(doc.uri, { kind: 'saved', written: outcome.written });
      return true;
    }
    if (outcome.reason === 'noSidecar') return false;
    const message = `News Annotator: could not save the annotations of ${name}: ${this.files.describe(outcome.error)}`;
    if (outcome.reason === 'conflict') this.askAfterConflict(doc, entry, message);
    else void notify('error', message);
    return this.skipped(entry, outcome.reason);
  }

  private skipped(entry: ArticleEntry, reason: 'untitled' | 'restricted' | 'unusableSidecar' | 'conflict' | 'error'): false {
    this.activity.record(entry.uri, { kind: 'saveSkipped', reason });
    return false;
  }

  private askAfterConflict(doc: vscode.TextDocument, entry: ArticleEntry, message: string): void {
    void notify('error', message, 'Reload From Disk', 'Overwrite').then(async choice => {
      if (choice === 'Reload From Disk') await this.reload(doc, entry);
      else if (choice === 'Overwrite') await this.write(doc, true);
    });
  }

  /** Drops what the editor holds for the article and shows what the file says. */
  private async reload(doc: vscode.TextDocument, entry: ArticleEntry): Promise<void> {
    entry.session.reset(this.files.locate(doc.uri).toString());
    await this.reanalyze(doc, true);
  }

  /**
   * A sidecar changed on disk (git pull, another tool, the user editing the JSON): when it is not our own write,
   * reload it so the editor shows what the file now says. Our edits are saved as they happen, so usually nothing in
   * memory is lost by this; when they are not (a save failed), both changed: ask, and change nothing until answered.
   */
  async sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    for (const doc of vscode.workspace.textDocuments) {
      const entry = this.registry.find(doc.uri);
      if (!entry?.view || this.files.locate(doc.uri).toString() !== sidecar.toString()) continue;
      await entry.session.whenSaved(); // a write of ours in flight records what it wrote first
      const now = await this.files.storage.readText(sidecar.toString()).catch(() => undefined);
      if (now !== undefined && now === entry.session.disk.text) {
        this.activity.record(doc.uri, { kind: 'diskChange', outcome: 'ownWrite' });
        return;
      }
      if (entry.session.unsaved) {
        this.activity.record(doc.uri, { kind: 'diskChange', outcome: 'asked' });
        const choice = await notify(
          'warning',
          `News Annotator: ${vscode.workspace.asRelativePath(sidecar)} changed on disk, and the annotation changes made here to ${vscode.workspace.asRelativePath(doc.uri)} are not saved. Reload the file (losing them), or overwrite it with them?`,
          'Reload From Disk',
          'Overwrite',
        );
        if (choice === 'Overwrite') await this.write(doc, true);
        if (choice !== 'Reload From Disk') continue;
      }
      await this.reload(doc, entry);
      this.activity.record(doc.uri, { kind: 'diskChange', outcome: 'reloaded' });
    }
  }
}
