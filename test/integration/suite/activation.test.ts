import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../../src/vscode/extension';
import { openSeed, waitFor } from './helpers';

const EXTENSION_ID = 'news-annotator.news-annotator';

describe('activation', () => {
  it('activates on a seed article and returns its API', async () => {
    await openSeed('000_a57557e610cf5658.txt');
    const ext = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is known`);
    await waitFor(() => ext.isActive, 'the extension activates on a plaintext article');
    assert.equal(typeof ext.exports.getAnalysis, 'function');
  });

  it('registers every command it contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: { command: string }[] = ext.packageJSON.contributes.commands;
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map(c => c.command).filter(c => !registered.has(c));
    assert.deepEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);
  });

  it('highlights people, places, organizations and dates in a seed', async () => {
    const editor = await openSeed('000_a57557e610cf5658.txt');
    const api = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID)!.exports;
    const analysis = await waitFor(() => api.getAnalysis(editor.document.uri), 'the seed is analysed');
    const text = editor.document.getText();
    const found = (type: string, surface: string) => analysis.annotations.some(a => a.type === type && text.slice(a.start, a.end) === surface);
    assert.ok(found('person', 'Vladimir Putin'), 'Vladimir Putin is a person');
    assert.ok(found('place', 'Moscow'), 'Moscow is a place');
    assert.ok(found('date', 'Tuesday'), 'Tuesday is a date');
  });
});
