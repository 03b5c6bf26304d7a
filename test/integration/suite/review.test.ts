// The review flow in the real editor. Annotation mode is driven by real key presses in the workbench page (the shim's
// SHIM_KEYS_URL endpoint presses them with playwright), so VS Code's keybindings and when-clauses decide what each key
// does; every step waits for its explicit signal (a sidecar save, the cursor moving, the mode changing) and then
// reads the sidecar from disk.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openScratch, readSidecar, select, settledView, waitFor, within, workspaceUri } from './helpers';

const ARTICLE =
  'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\n' +
  'The Hemeimeem base in Syria was discussed. Merkel said Hemeimeem matters.\n' +
  'Putin left Berlin on Wednesday.\n';

/** How long a key's effect may take to show: the extension host can be busy with an earlier test's big article. */
const KEY_WAIT = 30_000;

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

/** Presses keys in the workbench, one after the other (playwright key names: "o", "Shift+N", "Control+Alt+m"). */
async function press(...keys: string[]): Promise<void> {
  const url = process.env.SHIM_KEYS_URL;
  if (!url) throw new Error('SHIM_KEYS_URL is not set: run the suite through test/integration/run.mjs (code-shim.js presses the keys)');
  const r = await fetch(`${url}/press`, { method: 'POST', body: JSON.stringify({ keys }) });
  if (!r.ok) throw new Error(`pressing ${keys.join(' ')}: ${r.status} ${await r.text()}`);
}

/** Presses `keys` and waits until the article's sidecar has been saved after them. */
async function pressAndSave(uri: vscode.Uri, ...keys: string[]) {
  const a = await api();
  const since = a.activitySeq();
  await press(...keys);
  await within(
    a.nextActivity(uri, x => x.kind === 'saved', since),
    `a save after pressing ${keys.join(' ')} (last notices: ${JSON.stringify(a.notices().slice(-2))})`,
    KEY_WAIT,
  );
  const s = await readSidecar(uri);
  assert.ok(s, 'a sidecar on disk');
  return s;
}

const offsetOf = (editor: vscode.TextEditor) => editor.document.offsetAt(editor.selection.active);

/**
 * Puts the cursor at `offset` and waits until the workbench has it: the API's selection travels on the extension host's
 * channel and the keys on playwright's, so a command round trip on the first makes sure it arrived before the keys.
 */
async function placeCursor(editor: vscode.TextEditor, offset: number): Promise<void> {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
  await run('workbench.action.focusActiveEditorGroup');
}

/** Shows the article with the keyboard focus in its text, where the pressed keys go. */
async function focused(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  const shown = await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
  await run('workbench.action.focusActiveEditorGroup');
  return shown;
}

describe('review and annotation mode', () => {
  afterEach(async () => {
    const a = await api();
    if (a.annotationMode()) await run('newsAnnotator.leaveAnnotationMode');
  });

  it('annotation mode by keys: label, accept, reject, next/previous unreviewed, other keys inert, Esc leaves', async function () {
    this.timeout(120_000); // a dozen key presses, each waited for, on a loaded 2-core machine
    const a = await api();
    const opened = await openScratch('review-keys.txt', ARTICLE);
    const uri = opened.document.uri;
    await settledView(uri);
    const editor = await focused(opened);

    const on = a.nextAnnotationMode();
    await press('Control+Alt+m');
    assert.equal(await within(on, 'annotation mode turns on', KEY_WAIT), true);
    assert.match(a.reviewStatusText() ?? '', /Annotating · 0 of \d+ reviewed/);

    // `o` on a word: the word under the cursor becomes an organization (a mention there is retyped)
    await placeCursor(editor, ARTICLE.indexOf('Hemeimeem') + 1);
    let s = await pressAndSave(uri, 'o');
    const hemeimeem = s.annotations.filter(x => x.start === ARTICLE.indexOf('Hemeimeem'));
    assert.deepEqual(
      hemeimeem.map(x => [x.text.split(' ')[0], x.type, x.source]),
      [['Hemeimeem', 'organization', 'manual']],
    );
    // a type correction applies to the name in the whole article (issue 12): the second "Hemeimeem" follows
    assert.deepEqual(
      s.annotations.filter(x => x.text.startsWith('Hemeimeem')).map(x => x.type),
      ['organization', 'organization'],
    );

    // `a` accepts the mention under the cursor: it stays automatic, now reviewed
    await placeCursor(editor, 0);
    s = await pressAndSave(uri, 'a');
    const merkel = s.annotations.find(x => x.start === 0)!;
    assert.deepEqual([merkel.text, merkel.source, merkel.reviewed], ['Angela Merkel', 'auto', true]);
    assert.ok(
      a.getDecorations(uri)!.person.reviewed.some(r => r.start.line === 0 && r.start.character === 0),
      'drawn as reviewed',
    );

    // `n`: the cursor goes to the next unreviewed mention, with nothing selected
    const putin = ARTICLE.indexOf('Vladimir Putin');
    await press('n');
    await waitFor(() => offsetOf(editor) === putin, 'the cursor on "Vladimir Putin"', KEY_WAIT);
    assert.ok(editor.selection.isEmpty, 'no selection: the next key does not overwrite the name');

    // `x` rejects it: removed, and remembered as rejected
    s = await pressAndSave(uri, 'x');
    assert.ok(!s.annotations.some(x => x.start === putin));
    assert.ok(s.rejections.some(r => r.start === putin && r.text === 'Vladimir Putin'));

    // a key the mode does not use changes nothing: `z` then `n` (the cursor moving shows `z` was handled before it)
    const before = offsetOf(editor);
    await press('z', 'n');
    await waitFor(() => offsetOf(editor) !== before, 'the cursor moves on', KEY_WAIT);
    assert.equal(editor.document.getText(), ARTICLE, 'the article text is untouched');
    assert.equal(editor.document.isDirty, false);

    // Shift+N goes back to the previous unreviewed mention
    const next = offsetOf(editor);
    await press('Shift+N');
    await waitFor(() => offsetOf(editor) < next || offsetOf(editor) > next, 'the cursor moves back', KEY_WAIT);
    const view = a.getView(uri)!;
    const here = view.annotations.find(x => x.start === offsetOf(editor));
    assert.ok(here && !here.reviewed && here.source === 'auto', 'on an unreviewed mention');

    // Enter accepts too
    s = await pressAndSave(uri, 'Enter');
    assert.equal(s.annotations.find(x => x.start === here.start)?.reviewed, true);
    // the two "Hemeimeem" (retyped by hand: the user's own), "Angela Merkel" and this one
    assert.match(a.entitiesDescription() ?? '', /^review-keys\.txt · .+ · 4 of \d+ reviewed$/);

    // Esc leaves the mode; then typing edits the article as usual
    const off = a.nextAnnotationMode();
    await press('Escape');
    assert.equal(await within(off, 'annotation mode turns off', KEY_WAIT), false);
    assert.doesNotMatch(a.reviewStatusText() ?? '', /Annotating/);
    await placeCursor(editor, 0);
    const typed = new Promise<void>(resolve => {
      const l = vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document.uri.toString() === uri.toString() && e.contentChanges.length) {
          l.dispose();
          resolve();
        }
      });
    });
    await press('q');
    await within(typed, 'the key types into the article', KEY_WAIT);
    assert.equal(editor.document.getText(), 'q' + ARTICLE);
    await run('workbench.action.files.revert');
  });

  it('annotation mode ends when a non-article editor becomes active, and the article is writable again', async function () {
    this.timeout(60_000);
    const a = await api();
    const editor = await openScratch('review-leave.txt', ARTICLE);
    await settledView(editor.document.uri);
    await focused(editor);
    await run('newsAnnotator.toggleAnnotationMode', true);
    assert.equal(a.annotationMode(), true);
    const off = a.nextAnnotationMode();
    const jsonUri = workspaceUri('scratch', 'review-leave.json');
    await vscode.workspace.fs.writeFile(jsonUri, new TextEncoder().encode('{}\n'));
    await vscode.window.showTextDocument(jsonUri);
    assert.equal(await within(off, 'annotation mode ends', KEY_WAIT), false);
    // back in the article, keys type again
    const again = await focused(editor);
    await placeCursor(again, 0);
    const typed = new Promise<void>(resolve => {
      const l = vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document.uri.toString() === editor.document.uri.toString() && e.contentChanges.length) {
          l.dispose();
          resolve();
        }
      });
    });
    await press('k');
    await within(typed, 'the article is writable again', KEY_WAIT);
    assert.equal(again.document.getText(), 'k' + ARTICLE);
    await run('workbench.action.files.revert');
    await run('workbench.action.closeAllEditors');
  });

  it('review state in the hover, the status bar, Mark Article Reviewed (with its count), and after a re-analysis', async () => {
    const a = await api();
    const editor = await openScratch('review-all.txt', ARTICLE);
    const uri = editor.document.uri;
    const view = await settledView(uri);
    const total = view.annotations.length;
    assert.equal(a.reviewStatusText(), `$(checklist) 0 of ${total} reviewed`);
    select(editor, 'Berlin', 0, false);
    await run('newsAnnotator.acceptAnnotation');
    const hovers = await run<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.selection.active);
    const text = hovers
      .flatMap(h => h.contents)
      .map(c => (c instanceof vscode.MarkdownString ? c.value : ''))
      .join('\n');
    assert.match(text, /Review: reviewed \(accepted by you\)/);
    assert.equal(a.reviewStatusText(), `$(checklist) 1 of ${total} reviewed`);

    await run('newsAnnotator.annotate'); // a re-analysis keeps the review
    assert.equal((await readSidecar(uri))!.annotations.find(x => x.start === ARTICLE.indexOf('Berlin'))?.reviewed, true);

    await run('newsAnnotator.markArticleReviewed');
    assert.ok(
      a.notices().some(n => n.message === `News Annotator: accepted ${total - 1} mentions; ${total} of ${total} reviewed.`),
      JSON.stringify(a.notices().slice(-2)),
    );
    const s = (await readSidecar(uri))!;
    assert.ok(s.annotations.every(x => x.reviewed === true || x.source === 'manual'));
    assert.equal(a.reviewStatusText(), `$(pass-filled) ${total} of ${total} reviewed`);
    await run('newsAnnotator.undo');
    assert.equal(a.reviewStatusText(), `$(checklist) 1 of ${total} reviewed`, 'undone in one step');
  });

  it('Add/Edit Note on the mention under the cursor: kept, shown escaped in the hover, exported, removed when empty', async () => {
    const editor = await openScratch('review-note.txt', ARTICLE);
    const uri = editor.document.uri;
    await settledView(uri);
    select(editor, 'Syria', 0, false);
    await run('newsAnnotator.editNote', { note: 'check [this](command:x) *claim*' });
    let s = (await readSidecar(uri))!;
    const syria = s.annotations.find(x => x.text === 'Syria')!;
    assert.equal(syria.note, 'check [this](command:x) *claim*');
    assert.equal(syria.source, 'manual', "a note makes the mention the user's own");
    const hovers = await run<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.selection.active);
    const md = hovers.flatMap(h => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('Note:'))!;
    assert.match(md.value, /Note: check \\\[this\\\]\\\(command\\:x\\\) \\\*claim\\\*/);
    assert.ok(!md.isTrusted);

    const target = workspaceUri('scratch', 'review-note.ann');
    await run('newsAnnotator.export', { format: 'brat', target });
    const ann = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const t = /^(T\d+)\tPlace \d+ \d+\tSyria$/m.exec(ann)?.[1];
    assert.ok(t, ann);
    assert.match(ann, new RegExp(`^#\\d+\\tAnnotatorNotes ${t}\\tcheck \\[this\\]\\(command:x\\) \\*claim\\*$`, 'm'));

    await run('newsAnnotator.editNote', { note: '' });
    s = (await readSidecar(uri))!;
    assert.equal(s.annotations.find(x => x.text === 'Syria')!.note, undefined, 'an empty note removes it');
  });

  it('exports only the reviewed annotations when asked', async () => {
    const editor = await openScratch('review-export.txt', ARTICLE);
    const uri = editor.document.uri;
    await settledView(uri);
    select(editor, 'Syria', 0, false);
    await run('newsAnnotator.acceptAnnotation');
    select(editor, 'Hemeimeem', 0, false);
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const target = workspaceUri('scratch', 'review-export.csv');
    await run('newsAnnotator.export', { format: 'csv', target, reviewedOnly: true });
    const rows = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(target))
      .trim()
      .split(/\r\n/);
    assert.deepEqual(
      rows.slice(1).map(r => r.split(',')[2]),
      ['Hemeimeem', 'Syria'],
    );
  });
});
