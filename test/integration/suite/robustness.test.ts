// Huge and odd files in the real editor: a 10 MB article, binary and non-UTF-8 text, a read-only sidecar, a sidecar
// that cannot be created. Timings are measured and printed, not asserted.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, openScratch, readSidecar, seedText, select, settledView, setSetting, waitFor, within, workspaceUri } from './helpers';

const ARTICLE = 'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\n' + 'The Hemeimeem base in Syria was discussed. Merkel said Hemeimeem matters.\n';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
/** The latest notification matching `pattern` (waits for it). */
async function noticeAbout(pattern: RegExp, what: string) {
  const a = await api();
  try {
    return await waitFor(() => [...a.notices()].reverse().find(n => pattern.test(n.message)), what, 10000);
  } catch (e) {
    throw new Error(`${(e as Error).message}; the latest notices: ${JSON.stringify(a.notices().slice(-4))}`, { cause: e });
  }
}

describe('a 10 MB article in the editor', function () {
  this.timeout(180000);

  it('gets the size notice, then a forced analysis shows the visible part first, keeps the host responsive and stops when closed', async () => {
    const seeds = await Promise.all(['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', '002_ebd0e1da6b7cb76d.txt'].map(seedText));
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 10_000_000; i++) {
      const p = seeds[i % seeds.length].replace(/\n/g, ` (${i})\n`) + '\n';
      parts.push(p);
      length += p.length;
    }
    const text = parts.join('');
    const a = await api();
    const t0 = Date.now();
    const editor = await openScratch('huge-10mb.txt', text);
    console.log(`      opened ${(text.length / 1e6).toFixed(1)}M characters in ${Date.now() - t0} ms`);
    const uri = editor.document.uri;

    // above newsAnnotator.maxArticleSize (2,000,000 by default): a clear notice, no automatic analysis
    const notice = await noticeAbout(/huge-10mb\.txt has [\d,]+ characters, above the newsAnnotator\.maxArticleSize setting/, 'the size notice');
    assert.equal(notice.level, 'info');
    assert.equal(a.getView(uri), undefined, 'not annotated automatically');

    // Annotate Article lifts the limit; while it runs, requests through the workbench keep being answered
    a.resetStats();
    let done = false;
    const t1 = Date.now();
    const annotating = Promise.resolve(run('newsAnnotator.annotate')).finally(() => (done = true));
    const partial = await waitFor(() => a.getView(uri), 'the visible part is highlighted', 60000);
    console.log(`      visible part highlighted after ${Date.now() - t1} ms (partial: ${partial.partial === true})`);
    assert.equal(partial.partial, true, 'the first view covers what is on screen');
    assert.ok(partial.annotations.length > 0);
    const roundTrips: number[] = [];
    while (!done && roundTrips.length < 5) {
      const r0 = Date.now();
      await run('vscode.executeHoverProvider', uri, new vscode.Position(0, 0));
      if (!done) roundTrips.push(Date.now() - r0);
    }
    console.log(`      hover round-trips during the analysis: ${roundTrips.join(', ')} ms; longest analysis step so far ${a.stats().longestStepMs} ms`);
    assert.ok(roundTrips.length > 0, 'a workbench round-trip completed while the analysis was running');

    // closing the article cancels the analysis at its next chunk
    const c0 = Date.now();
    await run('workbench.action.revertAndCloseActiveEditor');
    console.log(`      closed after ${Date.now() - c0} ms; document closed: ${editor.document.isClosed}`);
    await annotating;
    console.log(`      analysis stopped ${Date.now() - c0} ms after the article was closed (${Date.now() - t1} ms after it started)`);
    assert.equal(a.getView(uri), undefined, 'nothing kept for the closed article');
  });
});

describe('binary and non-UTF-8 text', () => {
  it('a document with NUL characters gets a clear message and no annotations, even when asked', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${ARTICLE}\u0000\u0001\u0002PK\u0003\u0004 Angela Merkel\u0000` });
    await vscode.window.showTextDocument(doc);
    const a = await api();
    await noticeAbout(/Untitled.* is not annotated: it looks like a binary file \(it contains NUL characters\)/, 'the binary notice');
    await a.whenSettled(doc.uri);
    assert.equal(a.getView(doc.uri), undefined, 'no annotations');
    // the list of recent notices is cut at 50, so a new notice is told by its sequence number, not by the list's length
    const before = a.notices().at(-1)?.seq ?? 0;
    await run('newsAnnotator.annotate');
    assert.equal(a.getView(doc.uri), undefined, 'Annotate Article does not annotate a binary file either');
    await noticeAbout(/is not annotated: it looks like a binary file/, 'told again');
    assert.ok(
      a.notices().some(n => n.seq > before && /is not annotated: it looks like a binary file/.test(n.message)),
      'told again when asked explicitly',
    );
    assert.equal(a.getDecorations(doc.uri)?.person.auto.length ?? 0, 0, 'nothing highlighted');
    await run('workbench.action.revertAndCloseActiveEditor');
  });

  it('a .txt file with NUL bytes on disk is refused (by VS Code, or by the extension with a message)', async () => {
    const uri = workspaceUri('scratch', 'binary.txt');
    const bytes = new Uint8Array([...new TextEncoder().encode(ARTICLE), 0, 0, 1, 2, 0xff, 0xfe, 0, 3, ...new TextEncoder().encode('Angela Merkel')]);
    await vscode.workspace.fs.writeFile(uri, bytes);
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch (e) {
      console.log(`      VS Code refuses to open it as text: ${(e as Error).message.split('\n')[0]}`);
      return;
    }
    await vscode.window.showTextDocument(doc);
    await noticeAbout(/binary\.txt is not annotated: it looks like a binary file/, 'the binary notice');
    await (await api()).whenSettled(uri);
    assert.equal((await api()).getView(uri), undefined);
    await run('workbench.action.revertAndCloseActiveEditor');
  });

  it('a Latin-1 file (not UTF-8) gets a clear message instead of garbage annotations; Annotate Article overrides', async () => {
    const latin1 = 'Fran\xe7ois Hollande et Angela Merkel \xe0 Berlin, mardi. Le pr\xe9sident fran\xe7ais a parl\xe9 \xe0 la presse.\n';
    const uri = workspaceUri('scratch', 'latin1.txt');
    await vscode.workspace.fs.writeFile(
      uri,
      Uint8Array.from(latin1, ch => ch.charCodeAt(0)),
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().includes('\uFFFD'), 'VS Code decoded it as UTF-8 with replacement characters');
    const a = await api();
    const notice = await noticeAbout(/latin1\.txt is not annotated: \d+ character\(s\) could not be decoded/, 'the encoding notice');
    assert.match(notice.message, /Reopen with Encoding/);
    await a.whenSettled(uri);
    assert.equal(a.getView(uri), undefined, 'no annotations');
    await run('newsAnnotator.annotate');
    assert.ok(a.getView(uri), 'annotated when the user asks anyway');
    await run('workbench.action.closeActiveEditor');
  });

  it('an article that becomes binary while edited loses its highlights and says why', async () => {
    const editor = await openScratch('turns-binary.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    await editor.edit(b => b.insert(new vscode.Position(1, 0), '\u0000\u0000'));
    await waitFor(() => a.getView(editor.document.uri) === undefined, 'the view is dropped');
    await noticeAbout(/turns-binary\.txt is not annotated: it looks like a binary file/, 'the binary notice');
    await waitFor(() => (a.getDecorations(editor.document.uri)?.person.auto.length ?? 0) === 0, 'highlights removed');
    await run('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('sidecar writes that fail', () => {
  afterEach(async () => {
    await setSetting('sidecarLocation', undefined);
    await setSetting('sidecarFolder', undefined);
  });

  it('a read-only sidecar (mode 0444) is not replaced: a clear error naming it, the edit stays in the editor', async () => {
    const editor = await openScratch('readonly.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const sidecar = a.sidecarUri(editor.document.uri);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    fs.chmodSync(sidecar.fsPath, 0o444);
    try {
      const stat = await vscode.workspace.fs.stat(sidecar);
      console.log(`      running as uid ${process.getuid?.()}; stat().permissions of a 0444 file: ${stat.permissions}`);
      select(editor, 'Vladimir Putin');
      await run('newsAnnotator.addAnnotation', { type: 'organization' });
      const error = await noticeAbout(
        /could not save the annotations of scratch\/readonly\.txt: scratch\/readonly\.txt\.annotations\.json: .*read-only/,
        'the save error',
      );
      assert.equal(error.level, 'error');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar)), written, 'the file is untouched');
      assert.equal(fs.statSync(sidecar.fsPath).mode & 0o777, 0o444, 'still read-only');
      const leftovers = (await vscode.workspace.fs.readDirectory(workspaceUri('scratch'))).filter(
        ([n]) => n.includes('readonly.txt.annotations.json') && n !== 'readonly.txt.annotations.json',
      );
      assert.deepEqual(leftovers, [], 'no temp file left behind');
      // nothing else breaks: the edit shows, highlights and hovers still work, undo works
      const view = a.getView(editor.document.uri)!;
      assert.ok(view.annotations.some(x => x.text === 'Vladimir Putin' && x.type === 'organization' && x.source === 'manual'));
      assert.ok(a.getDecorations(editor.document.uri)!.organization.manual.length > 0);
      assert.equal(await run('newsAnnotator.undo'), 'Add organization "Vladimir Putin"');
    } finally {
      fs.chmodSync(sidecar.fsPath, 0o644);
    }
  });

  it("a sidecar's write keeps its file mode (one a user made private stays private) and leaves no temporary file", async () => {
    const editor = await openScratch('private.txt', ARTICLE);
    const uri = editor.document.uri;
    const a = await api();
    await settledView(uri);
    const save = async (name: string) => {
      const since = a.activitySeq();
      select(editor, name);
      await run('newsAnnotator.addAnnotation', { type: 'organization' });
      const saved = await within(
        a.nextActivity(uri, x => x.kind === 'saved', since),
        `the save after annotating ${name}`,
      );
      assert.ok(saved.kind === 'saved' && saved.written, `written: ${JSON.stringify(saved)}`);
    };
    await save('Hemeimeem base');
    const sidecar = a.sidecarUri(uri);
    fs.chmodSync(sidecar.fsPath, 0o640);
    await save('Syria');
    assert.ok(
      (await readSidecar(uri))!.annotations.some(x => x.text === 'Syria' && x.type === 'organization'),
      'the new sidecar is on disk',
    );
    // written through a temporary file renamed over it: a fresh file gets the process's default mode (0644 or 0600)
    assert.equal(fs.statSync(sidecar.fsPath).mode & 0o777, 0o640, 'still private');
    const leftovers = (await vscode.workspace.fs.readDirectory(workspaceUri('scratch'))).filter(
      ([n]) => n.includes('private.txt.annotations.json') && n !== 'private.txt.annotations.json',
    );
    assert.deepEqual(leftovers, [], 'no temporary file left behind');
  });

  it('a sidecar folder that cannot be created: a clear error naming the file, the article keeps working', async () => {
    // a file where the sidecar folder should be (what a read-only folder does to a root user's write)
    await vscode.workspace.fs.writeFile(workspaceUri('blocked'), new TextEncoder().encode('not a folder\n'));
    await setSetting('sidecarFolder', 'blocked/sidecars');
    await setSetting('sidecarLocation', 'folder');
    const editor = await openScratch('blocked.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    // the stat before the read already fails (ENOTDIR): the sidecar is "unusable", so nothing is ever written there
    await noticeAbout(
      /the annotations file cannot be used, so scratch\/blocked\.txt shows a fresh analysis that will not be saved\. blocked\/sidecars\/scratch\/blocked\.txt\.annotations\.json: could not read it/,
      'the load warning',
    );
    const error = await noticeAbout(
      /annotations of scratch\/blocked\.txt not saved: blocked\/sidecars\/scratch\/blocked\.txt\.annotations\.json/,
      'the save warning',
    );
    assert.equal(error.level, 'warning');
    assert.equal(await readSidecar(editor.document.uri).catch(() => undefined), undefined, 'nothing written');
    assert.ok(
      a.getView(editor.document.uri)!.annotations.some(x => x.text === 'Hemeimeem base' && x.source === 'manual'),
      'the edit shows',
    );
    const hovers = await run<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(ARTICLE.indexOf('Merkel') + 1));
    assert.ok(hovers.length > 0, 'hovers still work');
  });
});
