// The corpus decisions file `.news-annotator/entities.json` (in a multi-root workspace: of the first folder that has
// one, else of the first folder; decisionsLocation.ts): read (and re-read when it or the folders change) into the
// index's Corpus, written atomically through the sidecar storage. In Restricted Mode it is not read (it steers the
// analysis, as the workspace lexicon does) and never written. A broken file is reported once and ignored until it
// changes, never overwritten. Split decisions' article paths are relative to the file's folder in the file and
// corpus keys in memory (decisionsPaths.ts), keyed again when the folders change.
import * as vscode from 'vscode';
import {
  correctionsLexicon,
  DECISIONS_PATH,
  emptyDecisions,
  parseDecisions,
  rekeyArticles,
  serializeDecisions,
  type CorpusDecisions,
  type Lexicon,
} from '../../core';
import { UserError } from '../commands/userError';
import { notify } from '../notices';
import type { WorkspaceStorage } from '../persistence';
import { decisionsLocation } from './decisionsLocation';
import { filePathOfKey, keyOfFilePath, type DecisionsPlace } from './decisionsPaths';

export class DecisionsFile implements vscode.Disposable {
  private current: CorpusDecisions = emptyDecisions();
  /** The file's text as last read or written (undo writes it back byte for byte); undefined: no file. */
  private text: string | undefined;
  private broken: string | undefined;
  /** Where the file is read from and written to, as last located (undefined: no workspace folder). */
  private location: vscode.Uri | undefined;
  /** The folders and the file's folder its split decisions' article paths were keyed against (decisionsPaths.ts). */
  private keyedFor = '';
  /** The ignored files last reported (several folders holding one), so each set is named once. */
  private reportedIgnored = '';
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${DECISIONS_PATH}`);
  private readonly changed = new vscode.EventEmitter<CorpusDecisions>();
  readonly onDidChange = this.changed.event;

  private readonly folders: vscode.Disposable;

  constructor(private readonly storage: WorkspaceStorage) {
    const reload = () => void this.load();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
    this.folders = vscode.workspace.onDidChangeWorkspaceFolders(reload);
  }

  get decisions(): CorpusDecisions {
    return this.current;
  }

  /** The file's text now (undefined: there is none), to restore it on undo. */
  get snapshot(): string | undefined {
    return this.text;
  }

  /** The "every article" corrections as a lexicon (over the user lexicon: the user's corpus choice wins). */
  lexicon(): Lexicon {
    return this.current.corrections.length ? correctionsLexicon(this.current) : {};
  }

  /** The decisions file in force (located by the last load; before any, the first folder's). */
  uri(): vscode.Uri | undefined {
    const first = vscode.workspace.workspaceFolders?.[0];
    return this.location ?? (first && fileIn(first.uri));
  }

  /** Finds which folder's file governs the corpus; names the files of other folders that are not read. */
  private async locate(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    // Restricted Mode reads no decisions: nothing to look for
    const probed =
      folders.length > 1 && vscode.workspace.isTrusted
        ? await Promise.all(folders.map(async f => ({ folder: f, hasFile: await exists(fileIn(f.uri)) })))
        : folders.map(f => ({ folder: f, hasFile: false }));
    const { folder, ignored } = decisionsLocation(probed);
    this.location = folder && fileIn(folder.uri);
    const report = ignored.map(f => f.name).join(', ');
    if (report && report !== this.reportedIgnored)
      void notify(
        'warning',
        `News Annotator: the corpus decisions of this workspace are in ${folder!.name}/${DECISIONS_PATH}; the one${ignored.length > 1 ? 's' : ''} in ${report} ${ignored.length > 1 ? 'are' : 'is'} not read (one file governs every folder's articles: merge them into it).`,
      );
    this.reportedIgnored = report;
  }

  async load(): Promise<void> {
    await this.locate();
    const uri = this.uri();
    let text: string | undefined;
    if (uri && vscode.workspace.isTrusted) text = await this.storage.readText(uri.toString()).catch(() => undefined);
    const place = this.place();
    const keyedFor = JSON.stringify(place);
    if (text === this.text && !this.broken && keyedFor === this.keyedFor) return;
    this.keyedFor = keyedFor;
    let next = emptyDecisions();
    if (text !== undefined) {
      try {
        next = this.toCorpus(parseDecisions(text, DECISIONS_PATH));
        this.broken = undefined;
      } catch (e) {
        if (this.broken !== text) void notify('warning', `News Annotator: ignoring ${DECISIONS_PATH}: ${(e as Error).message}`);
        this.broken = text;
      }
    }
    this.text = text;
    this.current = next;
    this.changed.fire(next);
  }

  /** Writes the decisions (atomically); refuses in Restricted Mode and over a file that could not be read. */
  async write(decisions: CorpusDecisions): Promise<void> {
    const place = this.place();
    await this.writeText(serializeDecisions(place ? rekeyArticles(decisions, key => filePathOfKey(key, place)) : decisions));
  }

  /** The workspace folders and the file's folder, which article paths are relative to (undefined: no folder). */
  private place(): DecisionsPlace | undefined {
    const file = this.uri();
    if (!file) return undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).map(f => ({ name: f.name, uri: f.uri.toString() }));
    return { folders, decisionsFolder: vscode.Uri.joinPath(file, '..', '..').toString() };
  }

  /** The decisions as the file holds them, with split article paths made corpus keys. */
  private toCorpus(decisions: CorpusDecisions): CorpusDecisions {
    const place = this.place();
    return place ? rekeyArticles(decisions, path => keyOfFilePath(path, place)) : decisions;
  }

  /** Puts back a snapshot (undefined: the file did not exist, so it is deleted). */
  async restore(snapshot: string | undefined): Promise<void> {
    const uri = this.uri();
    if (snapshot === undefined && uri) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      this.text = undefined;
      this.current = emptyDecisions();
      this.changed.fire(this.current);
      return;
    }
    if (snapshot !== undefined) await this.writeText(snapshot);
  }

  private async writeText(text: string): Promise<void> {
    const uri = this.uri();
    if (!uri) throw new UserError('Open a folder first: the corpus decisions are kept in the workspace folder.');
    if (!vscode.workspace.isTrusted) throw new UserError('This workspace is in Restricted Mode: corpus decisions are not saved. Trust the workspace first.');
    if (this.broken !== undefined) throw new UserError(`${DECISIONS_PATH} could not be read; fix or remove it first (it is never overwritten).`);
    await this.storage.writeTextAtomic(uri.toString(), text);
    this.text = text;
    this.current = this.toCorpus(parseDecisions(text, DECISIONS_PATH));
    this.changed.fire(this.current);
  }

  dispose(): void {
    this.folders.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }
}

const fileIn = (folder: vscode.Uri) => vscode.Uri.joinPath(folder, ...DECISIONS_PATH.split('/'));

const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
