// What differs between the hosts the extension runs in. The Node entry (src/vscode/node/extension.ts) and the
// browser entry (src/vscode/web/extension.ts) both hand one of these to the same composition, activate() in
// extension.ts; everything else is written once, against vscode's API and URIs only.
import type * as vscode from 'vscode';
import type { ListingRules } from './corpus/articleFilter';

export interface Platform {
  /**
   * A read-only check beyond the workbench's FilePermission.Readonly (mode bits on the host's own disk). Absent where
   * the host has no disk of its own (the web): there FilePermission.Readonly is all there is.
   */
  readonly readOnlyCheck?: (uri: vscode.Uri) => Promise<boolean>;
  /**
   * SHA-256 of a text (lowercase hex), native where the host has it: indexing the corpus hashes every article to
   * know its sidecar is up to date. Absent: the core's sha256Hex (pure JS, the same digest).
   */
  readonly sha256?: (text: string) => string;
  /**
   * The host's own disk, for `file:` URIs (the Node host). Indexing a corpus reads thousands of files, and through
   * workspace.fs each read is a request to the editor's file service (in code-server, to its server, the bytes coming
   * back over its compressed channel). Absent (the web), and for other schemes: workspace.fs.
   */
  readonly disk?: HostDisk;
}

/** The host's disk, as workspace.fs gives it: a missing file is a FileSystemError FileNotFound. */
export interface HostDisk {
  readFile(uri: vscode.Uri): Promise<Uint8Array>;
  /** Size and modification time in whole milliseconds (workspace.fs's FileStat.mtime). */
  stat(uri: vscode.Uri): Promise<{ size: number; mtime: number }>;
  /**
   * The article files under a workspace folder, as workspace.findFiles finds them (articleFilter.ts), which starts
   * the editor's search process (ripgrep) each time: 60-280 ms for a folder of 4,000 files.
   */
  listFolder(folder: vscode.Uri, rules: ListingRules): Promise<vscode.Uri[]>;
  /**
   * Replaces the file with `text` (UTF-8) as the CLI writes a sidecar (src/node/storage.ts): a temporary file beside
   * it, flushed to the disk, then renamed over it; the folders made; a file whose mode bits make it read-only refused
   * (a FileSystemError NoPermissions). Through workspace.fs the same write is four requests to the editor's file
   * service (folder, stat, write, rename), 3 ms each in code-server even 16 at a time: renaming an entity in 306
   * articles waited 1.8-2.4 s on them.
   */
  replaceFile(uri: vscode.Uri, text: string): Promise<void>;
}
