// The browser entry (package.json "browser", dist/web/extension.js): the web worker extension host of
// vscode.dev, github.dev and code-server's browser. No Node built-ins reach this bundle (lint and a unit test on the
// build's metafile check it); sidecars go through workspace.fs like everywhere else.
import type * as vscode from 'vscode';
import { activate as compose, deactivate, type NewsAnnotatorApi } from '../extension';
import type { Platform } from '../platform';

// No disk of its own: read-only sidecars are recognised by the workbench's FilePermission.Readonly only.
const web: Platform = {};

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  return compose(context, web);
}

export { deactivate };
