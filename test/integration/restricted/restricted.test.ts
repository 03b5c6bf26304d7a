// Restricted Mode, in a real untrusted workspace (run.mjs: trust enabled, fresh profile, no prompt). The workspace
// (restricted/workspace) carries a lexicon file and workspace settings that would change the analysis and move the
// sidecars if they were obeyed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, readSidecar, select, settledView, waitFor, workspaceUri } from '../suite/helpers';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

async function openArticle(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('article.txt')));
}

/** Every file under the workspace folder, as workspace-relative paths. */
async function listFiles(dir = workspaceUri(), prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, kind] of await vscode.workspace.fs.readDirectory(dir)) {
    if (kind === vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(dir, name), `${prefix}${name}/`)));
    else out.push(prefix + name);
  }
  return out;
}

describe('Restricted Mode (untrusted workspace)', () => {
  before(() => {
    // everything below is meaningless in a trusted window: fail loudly if the harness did not set it up
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace must be untrusted in this session');
  });

  it('the extension is active (declared limited support) and the workspace is untrusted', async () => {
    const a = await api();
    assert.ok(a, 'activate() returned the API');
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('highlights and hovers still work', async () => {
    const editor = await openArticle();
    const view = await settledView(editor.document.uri);
    assert.ok(
      view.annotations.some(x => x.text === 'Angela Merkel' && x.type === 'person'),
      JSON.stringify(view.annotations.map(x => x.text)),
    );
    const a = await api();
    await waitFor(() => a.getDecorations(editor.document.uri)?.person.auto.length, 'person highlights drawn');
    assert.ok(a.getDecorations(editor.document.uri)!.place.auto.length > 0, 'place highlights drawn');
    const at = editor.document.positionAt(editor.document.getText().indexOf('Vladimir Putin') + 2);
    const hovers = await run<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const ours = hovers
      .flatMap(h => h.contents)
      .filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('Mentions in this article'));
    assert.equal(ours.length, 1, 'our hover answers');
    assert.match(ours[0].value, /\*\*Person\*\*: Vladimir Putin/);
  });

  it('the workspace lexicon file is not read', async () => {
    const editor = await openArticle();
    const a = await api();
    const view = await settledView(editor.document.uri);
    // the file exists and is valid: only trust decides
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.news-annotator', 'lexicon.json')));
    assert.deepEqual(JSON.parse(raw), { Zorblat: 'place' });
    assert.equal(a.lexiconFor(editor.document.uri).Zorblat, undefined, 'not in the lexicon the analysis gets');
    assert.ok(!view.annotations.some(x => x.text === 'Zorblat' && x.type === 'place'), 'Zorblat is not made a place');
  });

  it('the workspace values of newsAnnotator.lexicon / sidecarLocation / sidecarFolder are ignored', async () => {
    const editor = await openArticle();
    const a = await api();
    const view = await settledView(editor.document.uri);
    const config = vscode.workspace.getConfiguration('newsAnnotator');
    const lexicon = config.get<Record<string, string>>('lexicon', {});
    assert.equal(lexicon.Quorvex, undefined, `VS Code withholds the workspace value (got ${JSON.stringify(lexicon)})`);
    assert.equal(a.lexiconFor(editor.document.uri).Quorvex, undefined);
    assert.ok(!view.annotations.some(x => x.text === 'Quorvex' && x.type === 'person'), 'Quorvex is not made a person');
    // the sidecar would go beside the article, not to the workspace's "../escaped-sidecars"
    assert.equal(a.sidecarUri(editor.document.uri).toString(), workspaceUri('article.txt.annotations.json').toString());
  });

  it('Add Annotation, Set Reference Date and saving the article write no sidecar file', async () => {
    const before = await listFiles();
    const editor = await openArticle();
    const a = await api();
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    const view = await run<{ annotations: { text: string; source: string }[] }>('newsAnnotator.addAnnotation', { type: 'place' });
    assert.ok(
      view?.annotations.some(x => x.text === 'Hemeimeem base' && x.source === 'manual'),
      'the edit shows (kept in memory)',
    );
    await run('newsAnnotator.setReferenceDate', '2015-11-25');
    assert.equal(a.getSidecar(editor.document.uri)?.document.referenceDate, '2015-11-25', 'kept in memory');
    assert.ok(
      a.notices().some(n => n.level === 'info' && /Restricted Mode, so annotation changes are kept in memory and not saved/.test(n.message)),
      'the user is told why nothing is saved',
    );
    // Open Sidecar shows what would be saved, in an untitled tab, instead of writing the file
    const shown = await run<vscode.TextEditor>('newsAnnotator.openSidecar');
    assert.equal(shown?.document.uri.scheme, 'untitled');
    assert.equal(JSON.parse(shown!.document.getText()).document.referenceDate, '2015-11-25');
    await vscode.window.showTextDocument(editor.document);
    // saving the article itself is allowed in Restricted Mode; it must not bring a sidecar with it
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Update: '));
    const since = a.activitySeq();
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !editor.document.isDirty, 'the article is saved');
    // the article's save brought a sidecar save, which Restricted Mode refused
    await a.nextActivity(editor.document.uri, x => x.kind === 'saveSkipped' && x.reason === 'restricted', since);
    await a.whenSettled(editor.document.uri);
    assert.equal(await readSidecar(editor.document.uri), undefined, 'no sidecar beside the article');
    const after = await listFiles();
    assert.deepEqual(after, before, 'no file created anywhere in the workspace (sidecar, temp file, backup)');
    const outside = vscode.Uri.joinPath(workspaceUri(), '..', 'escaped-sidecars');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(outside)), 'nothing written next to the workspace either');
  });

  it('the corpus indexes the articles in memory; Annotate All Articles and corpus decisions write nothing', async () => {
    const a = await api();
    await a.corpus.whenIdle();
    assert.ok(a.corpus.articles().includes('article.txt'), a.corpus.articles().join(', '));
    const before = await listFiles();
    assert.equal(await run('newsAnnotator.annotateAllArticles'), undefined);
    assert.ok(a.notices().some(n => /Restricted Mode/.test(n.message) && /annotate all articles/.test(n.message)));
    const merkel = a.corpus.entities().find(e => e.name === 'Angela Merkel');
    assert.ok(merkel, 'Angela Merkel is a corpus entity');
    assert.equal(await run('newsAnnotator.renameEntity', { entity: merkel.id, name: 'A. Merkel', confirm: false }), undefined);
    assert.ok(a.notices().some(n => /Restricted Mode: corpus decisions are not saved/.test(n.message)));
    assert.deepEqual(await listFiles(), before, 'no file written');
  });
});
