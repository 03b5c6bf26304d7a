import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../../src/vscode/commands/contributions';
import { api, openScratch, readSidecar, select, settledView, waitFor, waitForAsync, workspaceUri } from './helpers';

const ARTICLE =
  'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\n' +
  'The Hemeimeem base in Syria was discussed. Merkel said Hemeimeem matters.\n' +
  'Putin left Berlin on Wednesday.\n';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

describe('commands', () => {
  it('registers every command of the table', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      COMMAND_IDS.filter(id => !registered.has(id)),
      [],
      'table commands without a registered handler',
    );
  });

  it('Add Annotation saves a manual annotation to the sidecar', async () => {
    const editor = await openScratch('cmd-add.txt', ARTICLE);
    await settledView(editor.document.uri);
    assert.equal(await readSidecar(editor.document.uri), undefined, 'no sidecar before any edit');
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'organization' });
    const s = await readSidecar(editor.document.uri);
    const added = s?.annotations.find(a => a.text === 'Hemeimeem base');
    assert.ok(added, 'written to disk');
    assert.equal(added.type, 'organization');
    assert.equal(added.source, 'manual');
    assert.equal(ARTICLE.slice(added.start, added.end), 'Hemeimeem base');
    assert.equal(s!.entities.find(e => e.id === added.entity)?.name, 'Hemeimeem base');
  });

  it('Change Type and Remove Annotation act on the mention at the cursor and are saved', async () => {
    const editor = await openScratch('cmd-retype.txt', ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Berlin', 0, false);
    await run('newsAnnotator.changeType', { type: 'organization' });
    let s = await readSidecar(editor.document.uri);
    const berlin = s!.annotations.filter(a => a.text === 'Berlin' && a.start === ARTICLE.indexOf('Berlin'));
    assert.deepEqual(
      berlin.map(a => [a.type, a.source]),
      [['organization', 'manual']],
    );

    select(editor, 'Putin', 1, false);
    const putinStart = ARTICLE.indexOf('Putin', ARTICLE.indexOf('Putin') + 1);
    await run('newsAnnotator.removeAnnotation');
    s = await readSidecar(editor.document.uri);
    assert.ok(!s!.annotations.some(a => a.start === putinStart), `removed: ${JSON.stringify(s!.annotations.filter(a => a.start === putinStart))}`);
    assert.ok(
      s!.rejections.some(r => r.start === putinStart && r.text === 'Putin'),
      'remembered as rejected',
    );
    // re-analysis does not bring it back
    await run('newsAnnotator.annotate');
    assert.ok(!(await api()).getView(editor.document.uri)!.annotations.some(a => a.start === putinStart));
  });

  it('Annotate All Occurrences and Remove All Occurrences', async () => {
    const editor = await openScratch('cmd-all.txt', ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem');
    await run('newsAnnotator.annotateAllOccurrences', { type: 'place' });
    let s = await readSidecar(editor.document.uri);
    const all = s!.annotations.filter(a => a.text === 'Hemeimeem');
    assert.equal(all.length, 2);
    assert.ok(
      all.every(a => a.type === 'place'),
      'all places',
    );
    assert.equal(new Set(all.map(a => a.entity)).size, 1, 'one entity');

    select(editor, 'Hemeimeem', 1, false);
    await run('newsAnnotator.removeAllOccurrences');
    s = await readSidecar(editor.document.uri);
    assert.equal(s!.annotations.filter(a => a.text === 'Hemeimeem').length, 0);
  });

  it('Set Reference Date validates, is stored in the sidecar, and dates re-resolve', async () => {
    const editor = await openScratch('cmd-refdate.txt', ARTICLE);
    await settledView(editor.document.uri);
    await run('newsAnnotator.setReferenceDate', { date: '2015-02-30' });
    assert.equal(await readSidecar(editor.document.uri), undefined, 'an impossible date is refused');
    await run('newsAnnotator.setReferenceDate', '2015-11-25');
    const s = await readSidecar(editor.document.uri);
    assert.equal(s!.document.referenceDate, '2015-11-25');
    assert.equal(s!.document.referenceDateSource, 'user');
    const tuesday = s!.annotations.find(a => a.type === 'date' && a.text === 'Tuesday');
    assert.equal(tuesday?.value, '2015-11-24');
    await run('newsAnnotator.setReferenceDate', { date: null });
    assert.equal((await readSidecar(editor.document.uri))!.document.referenceDateSource, null, 'cleared');
  });

  it('Undo Last Annotation Change restores the sidecar step by step', async () => {
    const editor = await openScratch('cmd-undo.txt', ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    await run('newsAnnotator.setReferenceDate', '2015-11-25');
    assert.deepEqual((await api()).undoLabels(editor.document.uri), ['Add place "Hemeimeem base"', 'Set reference date 2015-11-25']);
    assert.equal(await run('newsAnnotator.undo'), 'Set reference date 2015-11-25');
    let s = await readSidecar(editor.document.uri);
    assert.notEqual(s!.document.referenceDateSource, 'user');
    assert.ok(s!.annotations.some(a => a.text === 'Hemeimeem base'));
    assert.equal(await run('newsAnnotator.undo'), 'Add place "Hemeimeem base"');
    s = await readSidecar(editor.document.uri);
    assert.ok(!s!.annotations.some(a => a.text === 'Hemeimeem base'));
    assert.equal(await run('newsAnnotator.undo'), undefined, 'nothing left to undo');
  });

  it('Redo Annotation Change makes undone changes again, and a new change clears it', async () => {
    const editor = await openScratch('cmd-redo.txt', ARTICLE);
    const uri = editor.document.uri;
    const a = await api();
    await settledView(uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    await run('newsAnnotator.setReferenceDate', '2015-11-25');
    const done = await readSidecar(uri);
    assert.equal(await run('newsAnnotator.undo'), 'Set reference date 2015-11-25');
    assert.equal(await run('newsAnnotator.undo'), 'Add place "Hemeimeem base"');
    assert.ok(!(await readSidecar(uri))!.annotations.some(x => x.text === 'Hemeimeem base'), 'undone on disk');
    assert.deepEqual(a.redoLabels(uri), ['Set reference date 2015-11-25', 'Add place "Hemeimeem base"']);
    assert.equal(await run('newsAnnotator.redo'), 'Add place "Hemeimeem base"');
    assert.equal(await run('newsAnnotator.redo'), 'Set reference date 2015-11-25');
    assert.deepEqual(await readSidecar(uri), done, 'the sidecar is as before the undos');
    assert.equal(await run('newsAnnotator.redo'), undefined, 'nothing left to redo');
    assert.equal(await run('newsAnnotator.undo'), 'Set reference date 2015-11-25');
    select(editor, 'Vladimir Putin');
    await run('newsAnnotator.addAnnotation', { type: 'organization' });
    assert.deepEqual(a.redoLabels(uri), [], 'a new change clears what could be redone');
    assert.equal(await run('newsAnnotator.redo'), undefined);
  });

  it('Go to Next / Previous Mention, also of the same entity', async () => {
    const editor = await openScratch('cmd-nav.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    const doc = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = view.annotations[0];
    const second = view.annotations[1];
    // from the start of the first mention, "next" goes to the second
    let r = await run<vscode.Range>('newsAnnotator.nextMention');
    assert.equal(doc.offsetAt(r.start), second.start);
    assert.equal(doc.offsetAt(editor.selection.start), second.start);
    r = await run<vscode.Range>('newsAnnotator.previousMention');
    assert.equal(doc.offsetAt(r.start), first.start);
    // same entity: Putin -> Putin
    select(editor, 'Vladimir Putin', 0, false);
    const putin = view.annotations.find(a => a.text === 'Vladimir Putin')!;
    const mentions = view.annotations.filter(a => a.entity === putin.entity);
    assert.ok(mentions.length >= 2, 'Putin is mentioned twice');
    r = await run<vscode.Range>('newsAnnotator.nextMentionOfEntity');
    assert.equal(doc.offsetAt(r.start), mentions[1].start);
    r = await run<vscode.Range>('newsAnnotator.previousMentionOfEntity');
    assert.equal(doc.offsetAt(r.start), mentions[0].start);
  });

  /** Marks "Hemeimeem base" as a place by hand, applies `edit`, saves, and waits until that annotation is an orphan. */
  async function orphanedAfter(file: string, edit: (editor: vscode.TextEditor) => Thenable<boolean>) {
    const editor = await openScratch(file, ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    await edit(editor);
    await vscode.commands.executeCommand('workbench.action.files.save');
    const a = await api();
    const view = await waitFor(() => {
      const v = a.getView(editor.document.uri);
      return v && v.orphans.length > 0 && v;
    }, 'the annotation becomes an orphan');
    return { editor, view };
  }

  it('Show Orphaned Annotations lists a manual annotation whose text is gone, and deletes it', async () => {
    const { editor, view } = await orphanedAfter('cmd-orphan.txt', e => e.edit(b => b.delete(e.document.lineAt(1).rangeIncludingLineBreak)));
    assert.equal(view.orphans[0].text, 'Hemeimeem base');
    const onDisk = await waitForAsync(async () => (await readSidecar(editor.document.uri))?.orphans.length, 'orphan saved');
    assert.equal(onDisk, 1);
    await run('newsAnnotator.showOrphans', { id: view.orphans[0].id, action: 'delete' });
    assert.equal((await readSidecar(editor.document.uri))!.orphans.length, 0);
  });

  it('Show Orphaned Annotations re-attaches an orphan to the selection', async () => {
    const { editor, view } = await orphanedAfter('cmd-reattach.txt', e => {
      const at = e.document.getText().indexOf('Hemeimeem base');
      return e.edit(b => b.replace(new vscode.Range(e.document.positionAt(at), e.document.positionAt(at + 14)), 'Khmeimim airfield'));
    });
    select(editor, 'Khmeimim airfield');
    await run('newsAnnotator.showOrphans', { id: view.orphans[0].id, action: 'reattach' });
    const s = await readSidecar(editor.document.uri);
    assert.equal(s!.orphans.length, 0);
    const placed = s!.annotations.find(x => x.text === 'Khmeimim airfield');
    assert.equal(placed?.type, 'place');
    assert.equal(placed?.source, 'manual');
  });

  it('deleting the text of a manual annotation tells the user it is an orphan now, with Show Orphans', async () => {
    const a = await api();
    const editor = await openScratch('cmd-orphan-notice.txt', ARTICLE);
    const uri = editor.document.uri;
    await settledView(uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const manual = a.getView(uri)!.annotations.find(x => x.text === 'Hemeimeem base' && x.source === 'manual')!;
    // an edit that orphans nothing: analysed, and no orphan notice
    let since = a.activitySeq();
    await editor.edit(b => b.insert(editor.document.lineAt(2).range.end, ' Later.'));
    await a.nextActivity(uri, x => x.kind === 'analyzed', since);
    assert.ok(!a.activity(uri).some(x => x.seq > since && x.kind === 'orphaned'), 'no orphan, no notice');
    since = a.activitySeq();
    await editor.edit(b => b.delete(editor.document.lineAt(1).rangeIncludingLineBreak));
    const told = await a.nextActivity(uri, x => x.kind === 'orphaned', since);
    assert.deepEqual(told.kind === 'orphaned' && told.ids, [manual.id]);
    const notice = a.notices().find(n => n.message.includes('"Hemeimeem base"'));
    assert.ok(notice, `a notice names the orphan: ${JSON.stringify(a.notices().slice(-3))}`);
    assert.equal(notice.level, 'warning');
    assert.deepEqual(notice.actions, ['Show Orphans']);
    assert.match(notice.message, /1 annotation lost its text and is kept as an orphan/);
  });

  it('Open Sidecar opens the sidecar file', async () => {
    const editor = await openScratch('cmd-open.txt', ARTICLE);
    await settledView(editor.document.uri);
    await run('newsAnnotator.openSidecar');
    const sidecar = (await api()).sidecarUri(editor.document.uri);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === sidecar.toString(), 'the sidecar is the active editor');
    const parsed = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    assert.equal(parsed.version, 3);
    assert.equal(parsed.document.file, 'cmd-open.txt');
  });

  it('Export Annotations writes the chosen format', async () => {
    const editor = await openScratch('cmd-export.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    const target = workspaceUri('scratch', 'cmd-export.csv');
    const written = await run<vscode.Uri>('newsAnnotator.export', { format: 'csv', target });
    assert.equal(written?.toString(), target.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const rows = csv.trim().split(/\r?\n/);
    assert.equal(rows.length, view.annotations.length + 1, 'a header and one row per annotation');
    assert.ok(csv.includes('Vladimir Putin'));
    // brat: the .ann file and its .txt companion
    const ann = workspaceUri('scratch', 'export-brat.ann');
    await run('newsAnnotator.export', { format: 'brat', target: ann });
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(ann)), /^T1\t/m);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('scratch', 'export-brat.txt'))), ARTICLE);
  });

  it('saving the article writes its sidecar', async () => {
    const editor = await openScratch('cmd-save.txt', ARTICLE);
    await settledView(editor.document.uri);
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Update: '));
    await vscode.commands.executeCommand('workbench.action.files.save');
    const sidecar = await waitForAsync(() => readSidecar(editor.document.uri), 'the sidecar appears');
    const text = editor.document.getText();
    assert.equal(sidecar.document.length, text.length);
    for (const a of sidecar.annotations) assert.equal(text.slice(a.start, a.end), a.text);
  });
});

describe('sidecar changed on disk', () => {
  it('reloads a sidecar another tool changed while the article is open', async () => {
    const editor = await openScratch('disk-change.txt', ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const a = await api();
    const s = (await readSidecar(editor.document.uri))!;
    // another tool sets the reference date in the file
    s.document.referenceDate = '2016-01-05';
    s.document.referenceDateSource = 'user';
    await new Promise(r => setTimeout(r, 20)); // a different mtime from our own write
    await vscode.workspace.fs.writeFile(a.sidecarUri(editor.document.uri), new TextEncoder().encode(JSON.stringify(s, null, 2) + '\n'));
    const view = await waitFor(() => {
      const v = a.getView(editor.document.uri);
      return v?.referenceDate?.value === '2016-01-05' && v;
    }, 'the editor picks up the change');
    assert.equal(view.referenceDate?.source, 'user');
    assert.ok(
      view.annotations.some(x => x.text === 'Hemeimeem base' && x.source === 'manual'),
      'manual work kept',
    );
    assert.equal(view.annotations.find(x => x.text === 'Tuesday')?.value, '2016-01-05', 'dates re-resolved');
  });

  it('asks, and changes nothing, when both the file and the editor changed (an edit whose save failed)', async () => {
    const editor = await openScratch('disk-both.txt', ARTICLE);
    await settledView(editor.document.uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const a = await api();
    const file = a.sidecarUri(editor.document.uri);
    // an edit the editor cannot save (the file is read-only for the moment)
    fs.chmodSync(file.fsPath, 0o444);
    try {
      select(editor, 'Vladimir Putin');
      await run('newsAnnotator.addAnnotation', { type: 'organization' });
      await waitFor(() => a.notices().some(n => /could not save the annotations of scratch\/disk-both\.txt/.test(n.message)), 'the save fails');
    } finally {
      fs.chmodSync(file.fsPath, 0o644);
    }
    // meanwhile another tool changes the file
    const theirs = (await readSidecar(editor.document.uri))!;
    assert.ok(!theirs.annotations.some(x => x.text === 'Vladimir Putin' && x.type === 'organization'), 'our unsaved edit is not in the file');
    theirs.document.referenceDate = '2016-01-05';
    theirs.document.referenceDateSource = 'user';
    const theirText = JSON.stringify(theirs, null, 2) + '\n';
    const since = a.activitySeq();
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(theirText));
    // the editor handles the change by asking (not by reloading, nor by writing)
    const handled = await a.nextActivity(editor.document.uri, x => x.kind === 'diskChange' && x.outcome !== 'ownWrite', since);
    assert.equal(handled.kind === 'diskChange' && handled.outcome, 'asked');
    const ask = await waitFor(() => a.notices().find(n => n.message.includes('disk-both.txt.annotations.json changed on disk')), 'the question', 10000);
    assert.match(ask.message, /annotation changes made here to scratch\/disk-both\.txt are not saved/);
    // unanswered: neither side is touched
    const view = a.getView(editor.document.uri)!;
    assert.ok(
      view.annotations.some(x => x.text === 'Vladimir Putin' && x.type === 'organization' && x.source === 'manual'),
      'the editor keeps our edit',
    );
    assert.notEqual(view.referenceDate?.value, '2016-01-05', 'not silently reloaded');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), theirText, 'the file keeps their change');
  });
});

describe('Add Annotation without a selection', () => {
  it('annotates the word under the cursor', async () => {
    const editor = await openScratch('cmd-word.txt', 'The Zorblat council met in Berlin.\n');
    await settledView(editor.document.uri);
    select(editor, 'Zorblat', 0, false);
    await run('newsAnnotator.addAnnotation', { type: 'organization' });
    const s = await readSidecar(editor.document.uri);
    assert.ok(
      s?.annotations.some(a => a.text === 'Zorblat' && a.type === 'organization' && a.source === 'manual'),
      JSON.stringify(s?.annotations),
    );
  });
});

describe('Add Annotation of a date', () => {
  it('resolves the value of a date the user marks, against the reference date', async () => {
    const editor = await openScratch('cmd-date.txt', 'The summit opens on 24 November 2015 in Paris.\n');
    await settledView(editor.document.uri);
    const start = editor.document.getText().indexOf('24 November 2015');
    await run('newsAnnotator.addAnnotation', { type: 'date', start, end: start + '24 November 2015'.length });
    const s = await readSidecar(editor.document.uri);
    const d = s?.annotations.find(a => a.start === start && a.source === 'manual');
    assert.equal(d?.type, 'date');
    assert.equal(d?.value, '2015-11-24');
  });
});

describe('an unusable sidecar', () => {
  it('that is not UTF-8 (a Latin-1 byte from a hand edit) is kept byte for byte and backed up, never rewritten', async () => {
    const text = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.\n';
    const source = await openScratch('nonutf8-source.txt', text);
    await settledView(source.document.uri);
    const model = (await api()).getSidecar(source.document.uri)!;
    // a valid sidecar for nonutf8-sidecar.txt whose one note has an e-acute written as the single Latin-1 byte 0xE9
    const json =
      JSON.stringify(
        {
          ...model,
          document: { ...model.document, file: 'nonutf8-sidecar.txt' },
          annotations: model.annotations.map((x, i) => (i === 0 ? { ...x, note: 'caf\u00e9' } : x)),
        },
        null,
        2,
      ) + '\n';
    const bytes = Uint8Array.from(json, c => c.charCodeAt(0));
    assert.ok(bytes.includes(0xe9));
    const sidecar = workspaceUri('scratch', 'nonutf8-sidecar.txt.annotations.json');
    await vscode.workspace.fs.writeFile(sidecar, bytes);
    const editor = await openScratch('nonutf8-sidecar.txt', text);
    const view = await settledView(editor.document.uri);
    assert.ok(view.annotations.length > 0, 'highlighted from a fresh analysis');
    assert.deepEqual(
      [...(await vscode.workspace.fs.readFile(workspaceUri('scratch', 'nonutf8-sidecar.txt.annotations.json.bak')))],
      [...bytes],
      'backed up byte for byte',
    );
    select(editor, 'Berlin');
    const a = await api();
    const since = a.activitySeq();
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    await a.nextActivity(editor.document.uri, x => x.kind === 'saveSkipped' && x.reason === 'unusableSidecar', since);
    assert.deepEqual([...(await vscode.workspace.fs.readFile(sidecar))], [...bytes], 'left untouched by the edit');
    assert.ok(
      a.notices().some(n => n.message.includes('not UTF-8')),
      'the user is told why',
    );
  });

  it('is never overwritten: the article shows a fresh analysis, the file is kept and backed up', async () => {
    const name = 'broken.txt';
    const broken = '{ "version": 1, "annotations": [ oops\n';
    await vscode.workspace.fs.writeFile(workspaceUri('scratch', name + '.annotations.json'), new TextEncoder().encode(broken));
    const editor = await openScratch(name, ARTICLE);
    const view = await settledView(editor.document.uri);
    assert.ok(view.annotations.length > 0, 'highlighted from a fresh analysis');
    const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('scratch', file)));
    assert.equal(await read(name + '.annotations.json.bak'), broken, 'backed up');
    select(editor, 'Hemeimeem base');
    const a = await api();
    const beforeEdit = a.activitySeq();
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const skipped = (x: { kind: string; reason?: string }) => x.kind === 'saveSkipped' && x.reason === 'unusableSidecar';
    await a.nextActivity(editor.document.uri, skipped, beforeEdit);
    const beforeSave = a.activitySeq();
    await vscode.commands.executeCommand('workbench.action.files.save');
    await a.nextActivity(editor.document.uri, skipped, beforeSave);
    assert.equal(await read(name + '.annotations.json'), broken, 'left untouched by edits and saves');
    assert.ok(
      (await api()).getView(editor.document.uri)!.annotations.some(a => a.text === 'Hemeimeem base'),
      'the edit still shows',
    );
  });
});

describe('command feedback (issue 12)', () => {
  /** The latest notices, newest last: what the command just told the user. */
  const told = async (pattern: RegExp) =>
    (await api())
      .notices()
      .slice(-3)
      .some(n => pattern.test(n.message));

  it('Go to Next / Previous Mention put the cursor at the mention without selecting it', async () => {
    const editor = await openScratch('cmd-nav-cursor.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    const doc = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await run('newsAnnotator.nextMention');
    assert.ok(editor.selection.isEmpty, 'nothing selected, so the next key does not overwrite the name');
    assert.equal(doc.offsetAt(editor.selection.active), view.annotations[1].start);
    await run('newsAnnotator.previousMention');
    assert.ok(editor.selection.isEmpty);
    assert.equal(doc.offsetAt(editor.selection.active), view.annotations[0].start);
    select(editor, 'Vladimir Putin', 0, false);
    const putin = view.annotations.find(a => a.text === 'Vladimir Putin')!;
    await run('newsAnnotator.nextMentionOfEntity');
    assert.ok(editor.selection.isEmpty);
    assert.equal(doc.offsetAt(editor.selection.active), view.annotations.filter(a => a.entity === putin.entity)[1].start);
  });

  it('Annotate All Occurrences, Remove All Occurrences and Remove Entity say how many mentions changed', async () => {
    const editor = await openScratch('cmd-counts.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    select(editor, 'Hemeimeem');
    await run('newsAnnotator.annotateAllOccurrences', { type: 'organization' });
    assert.ok(await told(/^News Annotator: annotated 2 mentions of "Hemeimeem" as organization\.$/), JSON.stringify((await api()).notices().slice(-3)));
    select(editor, 'Hemeimeem', 1, false);
    await run('newsAnnotator.removeAllOccurrences');
    assert.ok(await told(/^News Annotator: removed 2 mentions of "Hemeimeem"\.$/), JSON.stringify((await api()).notices().slice(-3)));
    const putin = view.annotations.find(a => a.text === 'Vladimir Putin')!;
    const mentions = view.annotations.filter(a => a.entity === putin.entity).length;
    assert.ok(mentions >= 2, 'Putin is mentioned twice');
    await run('newsAnnotator.removeEntity', { entity: putin.entity });
    assert.ok(
      await told(new RegExp(`^News Annotator: removed ${mentions} mentions of "Vladimir Putin"\\.$`)),
      JSON.stringify((await api()).notices().slice(-3)),
    );
  });
});

describe('re-attaching an orphan without a selection (issue 12)', () => {
  it('asks before using the word under the cursor, and changes nothing unanswered', async () => {
    const editor = await openScratch('cmd-reattach-ask.txt', ARTICLE);
    const uri = editor.document.uri;
    await settledView(uri);
    select(editor, 'Hemeimeem base');
    await run('newsAnnotator.addAnnotation', { type: 'place' });
    const at = editor.document.getText().indexOf('Hemeimeem base');
    await editor.edit(b => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 14)), 'Khmeimim airfield'));
    const a = await api();
    const orphan = await waitFor(() => a.getView(uri)?.orphans[0], 'the annotation becomes an orphan');
    select(editor, 'Khmeimim', 0, false);
    const done = run('newsAnnotator.showOrphans', { id: orphan.id, action: 'reattach' });
    const ask = await waitFor(() => a.notices().find(n => n.message.includes('nothing is selected') && n.message.includes('"Khmeimim"')), 'the question');
    assert.match(ask.message, /Hemeimeem base/);
    assert.equal(a.getView(uri)!.orphans.length, 1, 'not re-attached while the question is open');
    await vscode.commands.executeCommand('notifications.clearAll'); // dismissed: no answer
    assert.equal(await done, undefined);
    const view = a.getView(uri)!;
    assert.equal(view.orphans.length, 1, 'still an orphan');
    assert.ok(!view.annotations.some(x => x.text === 'Khmeimim' && x.source === 'manual'), 'not attached to the word');
  });
});
