// The Node entry (package.json "main", dist/extension.js): desktop VS Code and code-server's server-side host.
import type * as vscode from 'vscode';
import { activate as compose, deactivate, type NewsAnnotatorApi } from '../extension';
import type { Platform } from '../platform';
import { sha256HexNative } from '../../node/hash';
import { nodeDisk } from './disk';
import { modeIsReadOnly } from './readOnly';

const node: Platform = { readOnlyCheck: modeIsReadOnly, sha256: sha256HexNative, disk: nodeDisk };

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  return compose(context, node);
}

export { deactivate };
