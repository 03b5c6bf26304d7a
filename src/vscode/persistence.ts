// Where an article's sidecar lives, and the core's SidecarStorage over VS Code's file system (so it works for remote
// and virtual workspaces too); the article session loads and saves through it. URIs only, never fsPath: in the web
// and in a virtual workspace (a GitHub repository in github.dev) there is no local path.
import * as vscode from 'vscode';
import { NOT_UTF8, SIDECAR_SUFFIX, SidecarError, type SidecarStorage } from '../core';
import type { SidecarLocation } from './config';
import type { ListingRules } from './corpus/articleFilter';
import type { Platform } from './platform';

export function sidecarUri(article: vscode.Uri, location: SidecarLocation, folderSetting: string): vscode.Uri {
  if (location === 'folder') {
    const folder = vscode.workspace.getWorkspaceFolder(article);
    if (folder) {
      const rel = vscode.workspace.asRelativePath(article, false);
      return vscode.Uri.joinPath(folder.uri, ...folderSetting.split(/[\\/]+/).filter(Boolean), rel + SIDECAR_SUFFIX);
    }
  }
  return article.with({ path: article.path + SIDECAR_SUFFIX });
}

/** The bytes one to one as characters: two such texts are equal exactly when the bytes are (backups compare them). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

const isNotFound = (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';

/** The core's SidecarStorage over workspace.fs; paths are URI strings. */
export class WorkspaceStorage implements SidecarStorage {
  /**
   * @param readOnlyCheck the host's own check beyond FilePermission.Readonly (the Node host's mode bits).
   * @param disk the host's own disk, which reads and replaces `file:` URIs (Platform.disk); copies go through workspace.fs.
   */
  constructor(
    private readonly readOnlyCheck: Platform['readOnlyCheck'] = undefined,
    private readonly disk: Platform['disk'] = undefined,
  ) {}

  /** The file's bytes (a FileSystemError FileNotFound when there is none). */
  readBytes(uri: vscode.Uri): Promise<Uint8Array> {
    return this.disk && uri.scheme === 'file' ? this.disk.readFile(uri) : Promise.resolve(vscode.workspace.fs.readFile(uri));
  }

  /**
   * The article files under a workspace folder, listed on the host's own disk; undefined where the host has none or
   * the folder is not a `file:` URI (the caller asks workspace.findFiles).
   */
  listFolder(folder: vscode.Uri, rules: ListingRules): Promise<vscode.Uri[]> | undefined {
    return this.disk && folder.scheme === 'file' ? this.disk.listFolder(folder, rules) : undefined;
  }

  /** The file's size and modification time (a FileSystemError FileNotFound when there is none). */
  stat(uri: vscode.Uri): Promise<{ size: number; mtime: number }> {
    return this.disk && uri.scheme === 'file' ? this.disk.stat(uri) : Promise.resolve(vscode.workspace.fs.stat(uri));
  }

  async readText(path: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await this.readBytes(vscode.Uri.parse(path));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Decoding with replacement characters would turn a hand-edited Latin-1 note into U+FFFD and the next save
      // would rewrite the file: a sidecar that is not UTF-8 is corrupt (kept, backed up, reported), as in the CLI.
      throw Object.assign(new Error(`${path}: not UTF-8 text (a byte that is not UTF-8, e.g. Latin-1 from a hand edit)`), {
        code: NOT_UTF8,
        text: latin1(bytes),
      });
    }
  }

  async writeTextAtomic(path: string, text: string): Promise<void> {
    const target = vscode.Uri.parse(path);
    if (this.disk && target.scheme === 'file') return this.disk.replaceFile(target, text);
    const parent = vscode.Uri.joinPath(target, '..');
    await vscode.workspace.fs.createDirectory(parent);
    // A rename would replace a read-only sidecar as if it were writable: the user made it read-only, so refuse.
    const existing = await vscode.workspace.fs.stat(target).then(
      s => s,
      () => undefined,
    );
    if (existing && ((existing.permissions ?? 0) & vscode.FilePermission.Readonly || (await this.readOnlyCheck?.(target)))) {
      throw vscode.FileSystemError.NoPermissions('the file is read-only');
    }
    const tmp = target.with({ path: `${target.path}.tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` });
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
    try {
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
  }

  async copy(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.copy(vscode.Uri.parse(from), vscode.Uri.parse(to), { overwrite: false });
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.stat(vscode.Uri.parse(path));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async mtime(path: string): Promise<number | undefined> {
    try {
      return (await this.stat(vscode.Uri.parse(path))).mtime;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}

export class SidecarFiles {
  readonly storage: WorkspaceStorage;

  constructor(
    private readonly where: () => { location: SidecarLocation; folder: string },
    readOnlyCheck?: Platform['readOnlyCheck'],
    disk?: Platform['disk'],
  ) {
    this.storage = new WorkspaceStorage(readOnlyCheck, disk);
  }

  locate(article: vscode.Uri): vscode.Uri {
    const w = this.where();
    return sidecarUri(article, w.location, w.folder);
  }

  /**
   * Refuses (a SidecarError 'conflict') to write a sidecar that has unsaved changes in an editor tab: the user's
   * edits there win. Run by the article session inside its save lock, just before writing.
   */
  refuseIfOpenAndDirty(sidecar: string): void {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === sidecar);
    if (open?.isDirty) {
      throw new SidecarError('conflict', sidecar, 'it has unsaved changes in an editor tab; save or revert that tab first');
    }
  }

  /** A SidecarError's message with the URI shown as a workspace-relative path. */
  describe(e: unknown): string {
    if (e instanceof SidecarError) {
      const rel = (s: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(s));
      return `${rel(e.file)}: ${e.reason}${e.backup ? ` (a copy is in ${rel(e.backup)})` : ''}`;
    }
    return (e as Error)?.message ?? String(e);
  }
}
