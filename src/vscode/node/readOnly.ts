// The one place the editor glue asks the local disk (Node built-ins are allowed under src/vscode/node/ only).
import { promises as nodeFs } from 'node:fs';
import type * as vscode from 'vscode';

/**
 * The file's mode bits say nobody may write it (chmod a-w). Asked of the local disk because VS Code does not report
 * FilePermission.Readonly for such a file when it runs as root (root may write anyway); only for the schemes whose
 * path is a path on the extension host's machine (file, and vscode-remote, where this extension runs remotely).
 */
export async function modeIsReadOnly(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
  try {
    return ((await nodeFs.stat(uri.fsPath)).mode & 0o222) === 0;
  } catch {
    return false; // not on this machine: the workbench's own check is all there is
  }
}
