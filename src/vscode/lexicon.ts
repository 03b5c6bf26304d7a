// The user lexicon: `newsAnnotator.lexicon` in settings plus `.news-annotator/lexicon.json` in each workspace
// folder (settings win on a clash, being the more deliberate, per-user choice), and the corpus corrections the user
// chose to apply in every article (.news-annotator/entities.json), which win over both.
import * as vscode from 'vscode';
import { parseLexiconFile, type Lexicon } from '../core';
import { notify } from './notices';

export const LEXICON_FILE = '.news-annotator/lexicon.json';

export class WorkspaceLexicon implements vscode.Disposable {
  private fromFiles: Record<string, Lexicon> = {};
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly reported = new Set<string>();
  /** The corpus's "every article" corrections (.news-annotator/entities.json), over the file and the settings. */
  private corrections: Lexicon = {};

  constructor() {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`);
    const reload = () => void this.load().then(() => this.changed.fire());
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  /** Reads every folder's lexicon file; a broken file is reported once and ignored, never fatal. */
  async load(): Promise<void> {
    const next: Record<string, Lexicon> = {};
    // Restricted mode: workspace files are not trusted to steer the analysis.
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const uri = vscode.Uri.joinPath(folder.uri, LEXICON_FILE);
        let raw: string;
        try {
          raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // no lexicon file in this folder
        }
        try {
          next[folder.uri.toString()] = parseLexiconFile(raw);
          this.reported.delete(uri.toString());
        } catch (e) {
          if (!this.reported.has(uri.toString())) {
            this.reported.add(uri.toString());
            void notify(
              'warning',
              `News Annotator: ignoring ${vscode.workspace.asRelativePath(uri)}: it is not valid JSON (${(e as Error).message}). Expected {"Name": "person" | "place" | "organization" | "date"}.`,
            );
          }
        }
      }
    }
    this.fromFiles = next;
  }

  /** The lexicon in force for a document: its folder's file, then the settings, then the corpus corrections on top. */
  for(uri: vscode.Uri, settingsLexicon: Lexicon): Lexicon {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = folder ? (this.fromFiles[folder.uri.toString()] ?? {}) : {};
    return { ...file, ...settingsLexicon, ...this.corrections };
  }

  /** The corpus corrections changed: open articles are analyzed again with them (the change event). */
  setCorrections(corrections: Lexicon): void {
    const same = JSON.stringify(corrections) === JSON.stringify(this.corrections);
    this.corrections = corrections;
    if (!same) this.changed.fire();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
