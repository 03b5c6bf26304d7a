import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { EntityNode } from '../../../src/vscode/features/entityTree';
import { api, openScratch, readSidecar, settledView, waitFor } from './helpers';

const ARTICLE = 'Angela Merkel met Vladimir Putin in Berlin on Tuesday.\n' + 'Merkel said Putin should visit Berlin again.\n';

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

describe('Entities view', () => {
  it('lists types -> entities with mention counts -> mentions with their line text', async () => {
    const editor = await openScratch('view-tree.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    const a = await api();
    await waitFor(() => a.entityTree.article?.toString() === editor.document.uri.toString(), 'the view follows the active article');
    const roots = a.entityTree.getChildren();
    const types = roots.map(n => labelOf(a.entityTree.getTreeItem(n)));
    const expectedTypes = [
      ['person', 'People'],
      ['place', 'Places'],
      ['organization', 'Organizations'],
      ['date', 'Dates'],
    ]
      .filter(([t]) => view.annotations.some(x => x.type === t))
      .map(([, l]) => l);
    assert.deepEqual(types, expectedTypes);

    const people = roots.find(n => n.kind === 'type' && n.type === 'person')!;
    const entities = a.entityTree.getChildren(people);
    const putin = view.annotations.find(x => x.text === 'Vladimir Putin')!;
    const putinEntity = view.entities.find(e => e.id === putin.entity)!;
    const putinNode = entities.find(n => n.kind === 'entity' && n.id === putin.entity)!;
    assert.ok(putinNode, 'Putin is listed');
    const item = a.entityTree.getTreeItem(putinNode);
    const count = view.annotations.filter(x => x.entity === putin.entity).length;
    assert.equal(labelOf(item), putinEntity.name);
    assert.equal(item.description, `${count} mentions`);
    assert.equal(item.contextValue, 'newsAnnotator.entity');

    const mentions = a.entityTree.getChildren(putinNode);
    assert.equal(mentions.length, count);
    const m = a.entityTree.getTreeItem(mentions[1]);
    assert.equal(labelOf(m), 'Merkel said Putin should visit Berlin again.');
    assert.equal(m.description, 'line 2');
    assert.equal(m.command?.command, 'newsAnnotator.revealMention');

    // clicking reveals the mention
    const second = (mentions[1] as Extract<EntityNode, { kind: 'mention' }>).annotation;
    await vscode.commands.executeCommand(m.command!.command, ...(m.command!.arguments ?? []));
    const sel = vscode.window.activeTextEditor!.selection;
    assert.equal(editor.document.offsetAt(sel.start), second.start);
    assert.equal(editor.document.offsetAt(sel.end), second.end);
  });

  it('filters by type', async () => {
    const editor = await openScratch('view-filter.txt', ARTICLE);
    await settledView(editor.document.uri);
    const a = await api();
    await vscode.commands.executeCommand('newsAnnotator.filterEntities', ['place']);
    try {
      await waitFor(() => a.entityTree.article?.toString() === editor.document.uri.toString(), 'the view follows the article');
      assert.deepEqual(
        a.entityTree.getChildren().map(n => n.kind === 'type' && n.type),
        ['place'],
      );
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.filterEntities', ['person', 'place', 'organization', 'date']);
    }
    assert.equal(a.entityTree.getChildren().length > 1, true);
  });

  it('context menu: change the type of an entity, then remove it', async () => {
    const editor = await openScratch('view-retype.txt', ARTICLE);
    const view = await settledView(editor.document.uri);
    const a = await api();
    await waitFor(() => a.entityTree.article?.toString() === editor.document.uri.toString(), 'the view follows the article');
    const berlin = view.annotations.find(x => x.text === 'Berlin')!;
    const placeNode = a.entityTree.getChildren().find(n => n.kind === 'type' && n.type === berlin.type)!;
    const node = a.entityTree.getChildren(placeNode).find(n => n.kind === 'entity' && n.id === berlin.entity)!;
    await vscode.commands.executeCommand('newsAnnotator.retypeEntity', node, { type: 'organization' });
    let s = await readSidecar(editor.document.uri);
    const berlins = s!.annotations.filter(x => x.text === 'Berlin');
    assert.equal(berlins.length, 2);
    assert.ok(
      berlins.every(x => x.type === 'organization' && x.source === 'manual'),
      JSON.stringify(berlins),
    );

    const orgs = a.entityTree.getChildren().find(n => n.kind === 'type' && n.type === 'organization')!;
    const orgNode = a.entityTree.getChildren(orgs).find(n => n.kind === 'entity' && n.name === 'Berlin')!;
    assert.ok(orgNode, 'Berlin is now listed under Organizations');
    await vscode.commands.executeCommand('newsAnnotator.removeEntity', orgNode);
    s = await readSidecar(editor.document.uri);
    assert.equal(s!.annotations.filter(x => x.text === 'Berlin').length, 0);
  });

  it('Show Entities (the status bar click) opens the view', async () => {
    const editor = await openScratch('view-open.txt', ARTICLE);
    await settledView(editor.document.uri);
    const a = await api();
    const text = await waitFor(() => a.statusBarText(), 'status bar shows');
    assert.match(text, /^\$\(tag\) \d+ entit(y|ies) · \d+ mentions? · \d+ dates?$/);
    await vscode.commands.executeCommand('newsAnnotator.showEntities');
  });
});
