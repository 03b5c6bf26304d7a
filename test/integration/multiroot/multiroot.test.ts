// A workspace of two folders (north: seeds 000-002, south: seeds 003-004 and a decisions file), opened with no
// article: the extension activates by itself and Ctrl+T answers across both folders; one decisions file, south's
// (the first folder that has one), governs the articles of both.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../../src/vscode/extension';
import { makeAwkwardEntries } from '../../support/awkwardEntries';
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

// The Node host lists the workspace folders on its own disk instead of asking workspace.findFiles (which starts the
// search's own process each time); it must find exactly what findFiles finds, whatever the folder holds and the
// settings say. A tree of awkward entries in both folders, compared under several settings.
describe('finding the articles of the workspace folders', () => {
  const probes = () => ['north', 'south'].map(name => vscode.Uri.joinPath(folder(name), 'probe').fsPath);
  const relative = (uris: vscode.Uri[]) => uris.map(u => vscode.workspace.asRelativePath(u, true)).filter(p => p.includes('/probe/'));

  after(async () => {
    await vscode.workspace.getConfiguration('files', folder('north')).update('exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('search').update('followSymlinks', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('newsAnnotator').update('articleFilePatterns', undefined, vscode.ConfigurationTarget.Workspace);
    for (const p of probes()) fs.rmSync(p, { recursive: true, force: true });
  });

  it('the Node host lists the articles findFiles finds: links, loops, FIFOs, hidden folders, files.exclude, patterns with braces', async function () {
    this.timeout(120000);
    const a = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!.exports;
    const [north, south] = probes();
    const make = (root: string, file: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), `${file} was filed in Ankara on 3 March.\n`);
    };
    for (const file of ['A.TXT', 'c.txt', '.hid.txt', '.hdir/a.txt', 'sub/.hdir/a.txt', 'node_modules/a.txt', 'sub/node_modules/a.txt']) make(north, file);
    for (const file of ['x.txt.annotations.json', 'x.txt.annotations.json.bak', 'sp ace#%.txt', 'ünï.md', 'notes/a.news', 'notes/sub/b.news'])
      make(north, file);
    for (const file of [
      'top.wire',
      'sub/deep.NEWS',
      'build/a.txt',
      'sub/build/a.txt',
      'draft/a.draft.txt',
      's/a.txt',
      's/a.md',
      's/b.md',
      's/b.ts',
      'real/r.txt',
    ])
      make(north, file);
    for (const file of ['b.txt', 'build/a.txt', 's/a.txt', 's/a.md', 'x.wire', 'notes/a.news']) make(south, file);
    fs.mkdirSync(path.join(north, 'dir.txt'));
    makeAwkwardEntries(north);

    const both = async (label: string) => {
      const disk = relative(await a.corpus.findArticles('disk'));
      assert.deepEqual(disk, relative(await a.corpus.findArticles('search')), `${label}: listed on disk as findFiles finds`);
      return disk;
    };
    let found = await both('default settings');
    for (const p of ['north/probe/link.txt', 'north/probe/linkdir/r.txt', 'north/probe/s/a.txt', 'north/probe/.hid.txt', 'north/probe/sp ace#%.txt'])
      assert.ok(found.includes(p), `${p} in ${found.join(', ')}`);
    for (const left of ['fifo', 'broken', 'A.TXT', 'node_modules', 'hdir', 'annotations', 'loop', 'dir.txt', '.news'])
      assert.ok(!found.some(p => p.includes(left)), `nothing with "${left}" in ${found.join(', ')}`);

    const northFiles = vscode.workspace.getConfiguration('files', folder('north'));
    // a `when` clause sees only the files found for the same glob (b.ts is no article, so b.md stays), and with one in
    // force the search lists no file whose name starts with a dot
    const exclude = { '**/build': true, 'probe/draft': true, '**/*.txt': { when: '$(basename).md' }, '**/*.md': { when: '$(basename).ts' } };
    await northFiles.update('exclude', exclude, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(
      () => vscode.workspace.getConfiguration('files', folder('north')).get<Record<string, unknown>>('exclude')?.['**/build'],
      'north excludes build',
    );
    found = await both("north's files.exclude");
    for (const gone of ['north/probe/build/a.txt', 'north/probe/sub/build/a.txt', 'north/probe/draft/a.draft.txt', 'north/probe/s/a.txt'])
      assert.ok(!found.includes(gone), `${gone} is excluded`);
    assert.ok(found.includes('north/probe/s/b.md'), 'b.md stays: b.ts is no article');
    assert.ok(found.includes('south/probe/build/a.txt') && found.includes('south/probe/s/a.txt'), "north's setting leaves south alone");
    // a file created in an excluded folder is not indexed either (the file event, as the listing): created first, then
    // one that is indexed, whose indexing is the signal both events were handled
    await waitFor(() => !a.corpus.articles().includes('north/probe/build/a.txt'), 'the index lists the workspace again without build/', 60000);
    make(north, 'build/late.txt');
    make(north, 'late.txt');
    await waitFor(() => a.corpus.articles().includes('north/probe/late.txt'), 'the index reads a new article', 60000);
    await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
    assert.ok(!a.corpus.articles().includes('north/probe/build/late.txt'), 'a new file in an excluded folder is not indexed');
    await northFiles.update('exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder);

    await vscode.workspace.getConfiguration('search').update('followSymlinks', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.workspace.getConfiguration('search').get('followSymlinks') === false, 'links are not followed');
    found = await both('search.followSymlinks off');
    assert.ok(!found.some(p => p.includes('link')), `no link followed: ${found.join(', ')}`);
    await vscode.workspace.getConfiguration('search').update('followSymlinks', undefined, vscode.ConfigurationTarget.Workspace);

    // patterns with braces of their own: joined with the extensions' glob into one {..} they found nothing at all
    const patterns = ['probe/notes/*.news', '**/*.{NEWS,wire}'];
    await vscode.workspace.getConfiguration('newsAnnotator').update('articleFilePatterns', patterns, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.workspace.getConfiguration('newsAnnotator').get<string[]>('articleFilePatterns')?.length === 2, 'the patterns apply');
    found = await both('article file patterns');
    for (const p of ['north/probe/notes/a.news', 'south/probe/notes/a.news', 'north/probe/top.wire', 'north/probe/sub/deep.NEWS', 'north/probe/c.txt'])
      assert.ok(found.includes(p), `${p} in ${found.join(', ')}`);
    assert.ok(!found.includes('north/probe/notes/sub/b.news'), 'probe/notes/*.news stops at its folder');
    // the index follows the new patterns (it once listed the workspace with the settings from before the change)
    const indexed = () =>
      a.corpus
        .articles()
        .filter(p => p.includes('/probe/'))
        .sort();
    await waitFor(() => indexed().includes('north/probe/top.wire'), 'the index reads an article the new patterns name', 60000);
    await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
    const unindexed = a.corpus.unindexed().map(u => `${u.path}: ${u.reason}`);
    assert.deepEqual(indexed(), [...found].sort(), `the index reads what it finds (unindexed: ${unindexed.join('; ')})`);
  });
});

// last: it changes the workspace's folders (north stays first: changing the first folder restarts extension hosts)
describe("the workspace's folders changing", () => {
  it("the index follows the workspace's folders: a folder added is indexed under its name; left with one, the paths lose the folder's name", async function () {
    this.timeout(60000);
    const a = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!.exports;
    const east = vscode.Uri.joinPath(folder('north'), '..', 'east');
    fs.mkdirSync(east.fsPath, { recursive: true });
    fs.copyFileSync(path.join(folder('north').fsPath, SEEDS[0]), path.join(east.fsPath, 'copy.txt'));
    const count = vscode.workspace.workspaceFolders!.length;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: east, name: 'east' }), 'east is added');
    await waitFor(() => a.corpus.articles().includes('east/copy.txt'), `east's article indexed as east/copy.txt (${a.corpus.articles().join(', ')})`, 30000);
    // north alone: a workspace of one folder, whose articles' paths have no folder name
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, vscode.workspace.workspaceFolders!.length - 1), 'south and east are removed');
    await waitFor(
      () => {
        const paths = a.corpus.articles();
        return paths.includes(SEEDS[0]) && paths.every(p => !/^(north|south|east)\//.test(p)) && paths;
      },
      `north's articles indexed without the folder's name (${a.corpus.articles().join(', ')})`,
      30000,
    );
    const found = (await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Putin')) as vscode.SymbolInformation[];
    const files = new Set(found.map(s => vscode.workspace.asRelativePath(s.location.uri)));
    assert.ok(files.has(SEEDS[0]), `Ctrl+T still finds Putin in ${SEEDS[0]} (found in ${[...files].join(', ')})`);
    assert.ok(![...files].some(f => f.startsWith(SEEDS[3])), `nothing of south is left (found in ${[...files].join(', ')})`);
  });
});
