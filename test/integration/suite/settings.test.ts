import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, openScratch, readSidecar, select, settledView, setSetting, waitFor, workspaceUri } from './helpers';

const ARTICLE = 'Angela Merkel met the Zorblat council in Berlin on Tuesday.\nMerkel said Zorblat would reply.\n';

describe('settings', () => {
  afterEach(async () => {
    for (const key of ['enabledTypes', 'highlightStyle', 'annotateOnOpen', 'articleLanguages', 'sidecarLocation', 'lexicon', 'maxArticleSize']) {
      await setSetting(key, undefined);
    }
  });

  it('enabledTypes: a disabled type is neither highlighted, counted nor hovered', async () => {
    const editor = await openScratch('set-types.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    assert.ok(a.getDecorations(editor.document.uri)!.date.auto.length > 0, 'dates are highlighted by default');
    await setSetting('enabledTypes', ['person', 'place', 'organization']);
    await waitFor(() => a.getDecorations(editor.document.uri)!.date.auto.length === 0, 'date highlights go away');
    assert.ok(a.getDecorations(editor.document.uri)!.person.auto.length > 0, 'people still highlighted');
    const status = await waitFor(() => a.statusBarText(), 'status bar');
    assert.ok(!status.includes('date'), status);
    const at = editor.document.positionAt(ARTICLE.indexOf('Tuesday') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    assert.ok(!hovers.some(h => h.contents.some(c => c instanceof vscode.MarkdownString && c.value.includes('**Date**'))));
    // the sidecar still keeps every type
    assert.ok(a.getSidecar(editor.document.uri)!.annotations.some(x => x.type === 'date'));
  });

  it('highlightStyle: remakes the decorations in the new style with the same ranges', async () => {
    const editor = await openScratch('set-style.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    const before = a.getDecorations(editor.document.uri)!.person.auto.length;
    assert.equal(a.highlightStyle(), 'background');
    await setSetting('highlightStyle', 'underline');
    await waitFor(() => a.highlightStyle() === 'underline', 'style switches');
    await waitFor(() => a.getDecorations(editor.document.uri)?.person.auto.length === before, 'redrawn');
  });

  it('annotateOnOpen off: an article waits for Annotate Article', async () => {
    await setSetting('annotateOnOpen', false);
    const a = await api();
    const since = a.activitySeq();
    const editor = await openScratch('set-onopen.txt', ARTICLE);
    await a.nextActivity(editor.document.uri, x => x.kind === 'notAnalyzed' && x.reason === 'annotateOnOpenOff', since);
    assert.equal(a.getView(editor.document.uri), undefined, 'not annotated on open');
    await vscode.commands.executeCommand('newsAnnotator.annotate');
    assert.ok(a.getView(editor.document.uri)!.annotations.length > 0, 'annotated on request');
  });

  it('maxArticleSize: a longer article is not annotated until asked', async () => {
    await setSetting('maxArticleSize', 50);
    const a = await api();
    const since = a.activitySeq();
    const editor = await openScratch('set-size.txt', ARTICLE);
    await a.nextActivity(editor.document.uri, x => x.kind === 'notAnalyzed' && x.reason === 'tooLarge', since);
    assert.equal(a.getView(editor.document.uri), undefined, 'not annotated automatically');
    await vscode.commands.executeCommand('newsAnnotator.annotate');
    assert.ok(a.getView(editor.document.uri)!.annotations.length > 0, 'annotated on request');
  });

  it('articleLanguages: a language left out is not treated as an article', async () => {
    await setSetting('articleLanguages', ['markdown']);
    const a = await api();
    const since = a.activitySeq();
    const editor = await openScratch('set-lang.txt', ARTICLE);
    await a.nextActivity(editor.document.uri, x => x.kind === 'notAnalyzed' && x.reason === 'notArticle', since);
    assert.equal(a.getView(editor.document.uri), undefined);
    await setSetting('articleLanguages', undefined);
    await waitFor(() => a.getView(editor.document.uri), 'annotated once plaintext is an article language again');
    await waitFor(() => a.getDecorations(editor.document.uri)?.person.auto.length, 'and highlighted');

    // an article already annotated loses its highlights when its language is left out, and gets them back
    await setSetting('articleLanguages', ['markdown']);
    await waitFor(() => a.getDecorations(editor.document.uri)?.person.auto.length === 0, 'highlights removed');
    await setSetting('articleLanguages', undefined);
    await waitFor(() => a.getDecorations(editor.document.uri)?.person.auto.length, 'highlights back');
  });

  it('sidecarLocation folder: sidecars go under the sidecar folder', async () => {
    await setSetting('sidecarLocation', 'folder');
    const editor = await openScratch('set-folder.txt', ARTICLE);
    const a = await api();
    await settledView(editor.document.uri);
    select(editor, 'Zorblat council');
    await vscode.commands.executeCommand('newsAnnotator.addAnnotation', { type: 'organization' });
    const expected = workspaceUri('.news-annotator', 'sidecars', 'scratch', 'set-folder.txt.annotations.json');
    assert.equal(a.sidecarUri(editor.document.uri).toString(), expected.toString());
    const s = await readSidecar(editor.document.uri);
    assert.ok(s?.annotations.some(x => x.text === 'Zorblat council' && x.source === 'manual'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('scratch', 'set-folder.txt.annotations.json'))), 'nothing beside the article');
  });

  it('lexicon: the workspace file and the setting both reach the analysis; the setting wins', async () => {
    const editor = await openScratch('set-lexicon.txt', ARTICLE);
    const a = await api();
    const zorblat = () => a.getView(editor.document.uri)?.annotations.filter(x => x.text === 'Zorblat') ?? [];
    await settledView(editor.document.uri);
    assert.ok(!zorblat().some(x => x.type === 'place'), 'not a place on its own');

    const file = workspaceUri('.news-annotator', 'lexicon.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "Zorblat": "place" }\n'));
    try {
      await waitFor(() => a.lexiconFor(editor.document.uri).Zorblat === 'place', 'the workspace lexicon is read');
      await waitFor(() => zorblat().length === 2 && zorblat().every(x => x.type === 'place'), 'both mentions become places');

      await setSetting('lexicon', { Zorblat: 'organization' });
      await waitFor(() => zorblat().length === 2 && zorblat().every(x => x.type === 'organization'), 'the setting wins');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await setSetting('lexicon', undefined);
    await waitFor(() => a.lexiconFor(editor.document.uri).Zorblat === undefined, 'lexicon gone');
  });
});
