import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { Analyzer, ANNOTATION_TYPES } from '../../../src/core';
import { api, openScratch, openSeed, rangeKey, settledView, waitFor } from './helpers';

const SEED = '000_a57557e610cf5658.txt';

describe('highlights', () => {
  it('decorates exactly the analysed spans of a seed, per type', async () => {
    const editor = await openSeed(SEED);
    const a = await api();
    await settledView(editor.document.uri);
    const text = editor.document.getText();
    const expected = new Analyzer().analyze(text);
    const deco = await waitFor(() => a.getDecorations(editor.document.uri), 'decorations are drawn');
    for (const type of ANNOTATION_TYPES) {
      const want = expected.annotations
        .filter(x => x.type === type)
        .map(x => rangeKey(new vscode.Range(editor.document.positionAt(x.start), editor.document.positionAt(x.end))));
      assert.deepEqual(deco[type].auto.map(rangeKey), want, `${type} highlights`);
      assert.deepEqual(deco[type].manual, [], `no manual ${type} highlights yet`);
    }
    // a fixed point that does not depend on the analysis details
    assert.ok(
      deco.person.auto.some(r => rangeKey(r) === '0:0-0:14'),
      'Vladimir Putin (line 1, 0-14) is highlighted as a person',
    );
    assert.ok(deco.date.auto.length > 0 && deco.place.auto.length > 0);
  });

  it("the status bar says what it counts (entities, mentions, dates), in the Entities view's words", async () => {
    const editor = await openSeed(SEED);
    const a = await api();
    const view = await settledView(editor.document.uri);
    const named = view.annotations.filter(x => x.type !== 'date');
    const entities = new Set(named.map(x => x.entity)).size;
    const dates = view.annotations.length - named.length;
    const words = `${entities} entities · ${named.length} mentions · ${dates} dates`;
    const text = await waitFor(() => a.statusBarText(), 'the status bar item shows');
    assert.equal(text, `$(tag) ${words}`);
    // the Entities view: the same words in its description, and per type
    await waitFor(() => a.entityTree.description?.includes(` · ${words} · `), `the Entities view says ${words} (${a.entityTree.description})`);
    const people = a.entityTree.getChildren().find(n => n.kind === 'type' && n.type === 'person')!;
    const personMentions = view.annotations.filter(x => x.type === 'person');
    assert.equal(
      a.entityTree.getTreeItem(people).description,
      `${new Set(personMentions.map(x => x.entity)).size} entities · ${personMentions.length} mentions`,
    );
  });

  it('Toggle Highlights hides and shows the decorations', async () => {
    const editor = await openSeed(SEED);
    const a = await api();
    await settledView(editor.document.uri);
    const count = () => ANNOTATION_TYPES.reduce((n, t) => n + a.getDecorations(editor.document.uri)![t].auto.length, 0);
    const before = count();
    assert.ok(before > 0);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.toggleHighlights'), false);
    assert.equal(count(), 0, 'hidden');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.toggleHighlights'), true);
    assert.equal(count(), before, 'shown again');
  });

  it('re-analyses after typing, only the changed paragraph, and follows the text', async () => {
    const editor = await openScratch('typing.txt', 'Angela Merkel visited Paris on Monday.\nThe talks in Brussels went on.\n');
    const a = await api();
    await settledView(editor.document.uri);
    const before = a.stats().detectedUnits;
    await editor.edit(b => b.insert(new vscode.Position(1, 0), 'Yesterday '));
    const view = await waitFor(() => {
      const v = a.getView(editor.document.uri);
      return v && v.version === editor.document.version && a.getDecorations(editor.document.uri) && v;
    }, 'the edit is re-analysed');
    await a.whenSettled(editor.document.uri);
    const detected = a.stats().detectedUnits - before;
    assert.ok(detected >= 1 && detected <= 1, `only the edited paragraph is detected again (got ${detected})`);
    const text = editor.document.getText();
    for (const x of view.annotations) assert.equal(text.slice(x.start, x.end), x.text, 'annotation text matches the document');
    const persons = a.getDecorations(editor.document.uri)!.person.auto.map(r => editor.document.getText(r));
    assert.ok(persons.includes('Angela Merkel'), `Angela Merkel still highlighted (${persons.join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('draws manual annotations with their own decoration type', async () => {
    const editor = await openScratch('manual.txt', 'The Hemeimeem base was busy. Officials at Hemeimeem declined to comment.\n');
    const a = await api();
    await settledView(editor.document.uri);
    const at = editor.document.getText().indexOf('Hemeimeem');
    await vscode.commands.executeCommand('newsAnnotator.addAnnotation', { type: 'place', start: at, end: at + 'Hemeimeem'.length });
    const deco = a.getDecorations(editor.document.uri)!;
    assert.deepEqual(deco.place.manual.map(rangeKey), [`0:${at}-0:${at + 9}`]);
    assert.ok(!deco.place.auto.some(r => r.start.character === at), 'not also drawn as automatic');
  });
});

describe('highlights follow typing before the re-analysis', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('newsAnnotator').update('debounceDelay', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('moves annotations with the edit at once, then re-analyses after the debounce delay', async () => {
    await vscode.workspace.getConfiguration('newsAnnotator').update('debounceDelay', 1500, vscode.ConfigurationTarget.Workspace);
    // a save analyzes at once (the sidecar must match the saved text), and VS Code in the browser auto-saves after
    // 1 s by default: without this the save, not the debounce timer, would start the re-analysis
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    const text = 'The Zorblat council met Angela Merkel in Berlin.\n';
    const editor = await openScratch('typing-follow.txt', text);
    const a = await api();
    await settledView(editor.document.uri);
    const at = text.indexOf('Zorblat council');
    await vscode.commands.executeCommand('newsAnnotator.addAnnotation', { type: 'organization', start: at, end: at + 15 });
    const detected = a.stats().detectedUnits;
    const since = a.activitySeq();
    const typedAt = Date.now();
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Today '));
    const view = a.getView(editor.document.uri)!;
    assert.equal(view.version, editor.document.version, 'the view follows the edit at once');
    const manual = view.annotations.find(x => x.source === 'manual')!;
    assert.equal(manual.start, at + 6, 'the manual annotation moved with the text');
    assert.equal(a.stats().detectedUnits, detected, 'not re-analysed yet (debounced)');
    const typedVersion = editor.document.version;
    // the analysis of the typed text (an analysis of an older version, e.g. after a sidecar reload, is not the debounce)
    const analyzed = await a.nextActivity(editor.document.uri, x => x.kind === 'analyzed' && x.version === typedVersion, since);
    // a timer may fire a millisecond early (rounding); anything sooner would be the re-analysis not waiting
    const log = JSON.stringify(
      a
        .activity(editor.document.uri)
        .filter(x => x.seq > since)
        .map(x => ({ ...x, at: x.at - typedAt })),
    );
    assert.ok(analyzed.at - typedAt >= 1490, `re-analyzed only after the debounce delay (${analyzed.at - typedAt} ms; activity since typing: ${log})`);
    assert.ok(a.stats().detectedUnits > detected, 're-analysed after the delay');
    await a.whenSettled(editor.document.uri);
    const after = a.getView(editor.document.uri)!;
    const doc = editor.document.getText();
    assert.ok(after.annotations.some(x => x.source === 'manual' && doc.slice(x.start, x.end) === 'Zorblat council'));
    await vscode.commands.executeCommand('workbench.action.files.save');
  });
});
