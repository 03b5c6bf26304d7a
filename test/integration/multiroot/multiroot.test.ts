// A workspace of two folders (north: seeds 000-002, south: seeds 003-004 and a decisions file), opened with no
// article: the extension activates by itself and Ctrl+T answers across both folders; one decisions file, south's
// (the first folder that has one), governs the articles of both.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../../src/vscode/extension';
import { EXTENSION_ID, settledView, waitFor, within } from '../suite/helpers';

const SEEDS = ['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', '002_ebd0e1da6b7cb76d.txt', '003_898b1a19d0db9912.txt', '004_143ff3a28b64ebed.txt'];
const folder = (name: string) => {
  const f = vscode.workspace.workspaceFolders?.find(w => w.name === name);
  if (!f) throw new Error(`no workspace folder ${name}`);
  return f.uri;
};
const decisionsIn = (name: string) => vscode.Uri.joinPath(folder(name), '.news-annotator', 'entities.json');
const isArticle = (d: vscode.TextDocument) => /\.(txt|md)$/.test(d.uri.path);

describe('multi-root workspace, no article opened', () => {
  it('activates without an article being opened, and Ctrl+T "Putin" finds him in the articles of both folders', async function () {
    // a fresh profile: the workbench's first start and the first indexing take long on a loaded machine
    this.timeout(120000);
    assert.deepEqual(
      vscode.workspace.textDocuments.filter(isArticle).map(d => d.uri.path),
      [],
      'no article is open',
    );
    const ext = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!;
    // never ext.activate(): only the extension's activation events may start it
    await waitFor(() => ext.isActive, 'the extension activates with no article open (its activation events)', 60000);
    // asked at once, as a user pressing Ctrl+T right after opening the workspace: the answer waits for the first
    // indexing instead of coming from the articles read so far
    const found = (await within(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Putin')),
      'the workspace symbols',
      60000,
    )) as vscode.SymbolInformation[];
    const files = new Set(found.filter(s => s.name.includes('Vladimir Putin')).map(s => vscode.workspace.asRelativePath(s.location.uri)));
    for (const f of [`north/${SEEDS[0]}`, `north/${SEEDS[2]}`, `south/${SEEDS[3]}`])
      assert.ok(files.has(f), `Putin in ${f} (found in ${[...files].join(', ')})`);
    assert.deepEqual(vscode.workspace.textDocuments.filter(isArticle).length, 0, 'still no article open');
  });

  it("one decisions file governs both folders: south's, the first that has one; a correction made in north is written there", async () => {
    const a = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!.exports;
    assert.deepEqual(a.corpus.decisions().corrections, [{ name: 'Moskva', action: 'reject' }], "south's decisions are read");
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder('north'), SEEDS[0]));
    const uri = editor.document.uri;
    const view = await settledView(uri);
    assert.ok(editor.document.getText().includes('Moskva'));
    assert.ok(!view.annotations.some(x => x.text === 'Moskva'), "south's correction holds in a north article");

    const fort = view.annotations.find(x => x.text === 'Fort');
    assert.ok(fort, `the analysis takes "Fort" for a name (${view.annotations.map(x => x.text).join(', ')})`);
    const at = editor.document.positionAt(fort.start + 1);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('newsAnnotator.removeAnnotation', { scope: 'corpus' });
    await waitFor(() => a.corpus.decisions().corrections.length === 2, 'the correction is in force');
    const south = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(decisionsIn('south'))));
    assert.deepEqual(south.corrections, [
      { name: 'Fort', action: 'reject' },
      { name: 'Moskva', action: 'reject' },
    ]);
    assert.deepEqual(
      south.entities[0].articles,
      ['../north/001_aa74a8b8cfacc576.txt'],
      "the split's article stays relative to south's folder when the file is written again",
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(decisionsIn('north'))), 'north gets no decisions file of its own');
  });

  it("a split naming an article of another folder by a path relative to south's file applies to that article", async () => {
    const a = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!.exports;
    await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
    const split = a.corpus.entities().find(e => e.name === 'Islamic State (north 001)');
    assert.ok(split, 'the split-off entity exists');
    assert.deepEqual(
      split.articles.map(x => x.path),
      [`north/${SEEDS[1]}`],
    );
    const rest = a.corpus.entities().find(e => e.name === 'Islamic State');
    assert.ok(rest && !rest.articles.some(x => x.path === `north/${SEEDS[1]}`), 'the rest of Islamic State keeps the other articles');
  });
});
