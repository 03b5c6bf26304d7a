// The Node host's disk for `file:` URIs (Platform.disk): the corpus index's reads and every sidecar write without a
// request to the editor's file service each, and synchronous while the disk is quick (quickFs.ts: cheaper for the host's thread than
// asynchronous reads of small files; the index gives the editor its turn between slices of reads). Errors as workspace.fs gives them where callers
// tell them apart: a missing file is FileNotFound.
import * as vscode from 'vscode';
import { listFolder } from '../../node/listFolder';
import { articleFilter } from '../corpus/articleFilter';
import { quickWhileFast, readFileNow, readFileQuick, statNow, statQuick } from '../../node/quickFs';
import { asyncCalls } from '../../node/fileCalls';
import { isReadOnlyRefusal, NodeSidecarStorage } from '../../node/storage';
import type { HostDisk } from '../platform';

// ENOENT only: a path through a file (ENOTDIR) is an error, as the editor's own disk provider gives it (a sidecar
// folder blocked by a file is then unusable, never written into)
const isMissing = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ENOENT';

function onDisk<T>(uri: vscode.Uri, read: (file: string) => Promise<T>): Promise<T> {
  return read(uri.fsPath).catch((e: unknown) => {
    throw isMissing(e) ? vscode.FileSystemError.FileNotFound(uri) : e;
  });
}

const readFile = quickWhileFast(readFileNow, readFileQuick);
// asynchronous file calls: a disk that stops answering holds a thread of libuv's pool, not the extension host's
const files = new NodeSidecarStorage(asyncCalls);
const stat = quickWhileFast(statNow, statQuick);

export const nodeDisk: HostDisk = {
  readFile: uri => onDisk(uri, readFile),
  // whole milliseconds, as the editor's own disk provider gives them (a Date's time): a sidecar's time read here and
  // one read through workspace.fs are the same number
  stat: uri => onDisk(uri, stat).then(s => ({ size: s.size, mtime: Math.trunc(s.mtimeMs) })),
  listFolder: async (folder, rules) => {
    const filter = articleFilter(rules.globs, rules.filesExclude);
    const found = await listFolder(folder.fsPath, filter, { followSymlinks: rules.followSymlinks });
    return found.map(relative => vscode.Uri.joinPath(folder, ...relative.split('/')));
  },
  replaceFile: (uri, text) =>
    files.writeTextAtomic(uri.fsPath, text).catch((e: unknown) => {
      // the refusal as workspace.fs's write gave it (the user reads "the file is read-only")
      throw isReadOnlyRefusal(e) ? vscode.FileSystemError.NoPermissions('the file is read-only') : e;
    }),
};
