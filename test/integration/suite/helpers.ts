import * as vscode from 'vscode';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder, ...segments);
}

export async function openSeed(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri('seeds', name));
  return vscode.window.showTextDocument(doc);
}

/** Polls until `probe` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 15000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

// ---- shared by the editor tests ----

export const EXTENSION_ID = 'news-annotator.news-annotator';

export async function api(): Promise<import('../../../src/vscode/extension').NewsAnnotatorApi> {
  const ext = vscode.extensions.getExtension<import('../../../src/vscode/extension').NewsAnnotatorApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Writes a scratch article (a fresh copy, so tests that edit never touch the seeds other tests read) and opens it. */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export async function seedText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('seeds', name)));
}

/** Resolves as `signal` does, or fails with `what` after `timeoutMs` (so a signal that never comes names itself). */
export async function within<T>(signal: Promise<T>, what: string, timeoutMs = 15000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting: ${what}`)), timeoutMs)));
  try {
    return await Promise.race([signal, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The analysed view of an open document, once its analysis has settled. */
export async function settledView(uri: vscode.Uri) {
  const a = await api();
  await within(
    a.nextActivity(uri, x => x.kind === 'analyzed'),
    `${uri.path} is analysed`,
  );
  const view = await a.whenSettled(uri);
  if (!view) throw new Error(`${uri.path} has no view`);
  return view;
}

/** The sidecar file on disk, parsed, or undefined when there is none. */
export async function readSidecar(article: vscode.Uri): Promise<import('../../../src/core/sidecar').Sidecar | undefined> {
  const uri = (await api()).sidecarUri(article);
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** Puts the cursor (or a selection) on the `nth` occurrence of `needle` in the editor. */
export function select(editor: vscode.TextEditor, needle: string, nth = 0, whole = true): vscode.Range {
  const text = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in ${editor.document.uri.path}`);
  }
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
  editor.selection = whole ? new vscode.Selection(range.start, range.end) : new vscode.Selection(range.start.translate(0, 1), range.start.translate(0, 1));
  return range;
}

export const rangeKey = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('newsAnnotator').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Like waitFor, for an async probe. */
export async function waitForAsync<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
