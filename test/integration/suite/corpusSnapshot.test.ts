// The corpus snapshot in the real editor: written to the extension's storage (not the workspace) after the first
// indexing; re-opening takes the unchanged articles from it (counted through the test API), reads their whole
// sidecars when an export needs them, and reads a changed sidecar again. Runs after corpus.test.ts (files run in name order) but annotates the seeds itself when needed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAll, readSidecar, within, workspaceUri } from './helpers';

const SEEDS = ['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', '002_ebd0e1da6b7cb76d.txt', '003_898b1a19d0db9912.txt', '004_143ff3a28b64ebed.txt'];

async function idleCorpus() {
  const a = await api();
  await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
  return a;
}

const putin = (a: Awaited<ReturnType<typeof api>>) => a.corpus.entities().find(e => e.type === 'person' && e.name === 'Vladimir Putin');

describe('Corpus snapshot', () => {
  it('is written after indexing, re-opening takes unchanged articles from it, and a changed sidecar is read again', async () => {
    await closeAll();
    let a = await idleCorpus();
    if (!(await readSidecar(workspaceUri('seeds', SEEDS[0])))) {
      await vscode.commands.executeCommand('newsAnnotator.annotateAllArticles');
      a = await idleCorpus();
    }
    await within(a.corpus.snapshot.whenWritten(1), 'the snapshot is written after the first indexing', 20000);
    const file = a.corpus.snapshot.uri();
    assert.ok(file, 'the extension has workspace storage');
    assert.ok((await vscode.workspace.fs.stat(file)).size > 0);
    assert.ok(!file.toString().startsWith(workspaceUri().toString()), `kept outside the workspace (${file.toString()})`);

    // the sidecars dated an hour back (a record of a sidecar written seconds before it was read is never trusted),
    // then read again so the snapshot records those dates
    const sidecars = SEEDS.map(s => a.sidecarUri(workspaceUri('seeds', s)));
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const s of sidecars) fs.utimesSync(s.fsPath, hourAgo, hourAgo);
    await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
    a = await idleCorpus();
    await a.corpus.snapshot.flush();
    const mentions = putin(a)?.mentions;
    const entities = a.corpus.entities().length;
    assert.ok(mentions, 'Vladimir Putin is in the corpus');

    await a.corpus.snapshot.reopen();
    a = await idleCorpus();
    assert.ok(a.corpus.snapshot.loaded() >= SEEDS.length, `records loaded: ${a.corpus.snapshot.loaded()}`);
    const used = a.corpus.snapshot.used();
    assert.ok(used >= SEEDS.length, `articles taken from the snapshot: ${used}`);
    assert.equal(a.corpus.entities().length, entities, 'the same corpus entities');
    assert.equal(putin(a)?.mentions, mentions);

    // an export needs the whole sidecars of the articles taken from the snapshot: read then, every row there
    const exports = workspaceUri('exports-snapshot');
    try {
      const target = vscode.Uri.joinPath(exports, 'all.csv');
      assert.equal(
        (await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', { format: 'csv', combine: true, target }))?.toString(),
        target.toString(),
      );
      const rows = new TextDecoder().decode(await vscode.workspace.fs.readFile(target)).split('\r\n');
      for (const s of SEEDS) {
        const own = rows.filter(r => r.startsWith(`seeds/${s},`)).length;
        assert.equal(own, (await readSidecar(workspaceUri('seeds', s)))!.annotations.length, `${s}: one row per annotation of its sidecar`);
      }
    } finally {
      await vscode.workspace.fs.delete(exports, { recursive: true });
    }

    // one sidecar changed on disk (a mention of Putin taken out): that article is read from it, the others are not
    const original = await vscode.workspace.fs.readFile(sidecars[0]);
    try {
      const sidecar = JSON.parse(new TextDecoder().decode(original));
      const entity = sidecar.entities.find((e: { name: string }) => e.name === 'Vladimir Putin').id;
      const at = sidecar.annotations.findIndex((x: { entity?: string }) => x.entity === entity);
      sidecar.annotations.splice(at, 1);
      await vscode.workspace.fs.writeFile(sidecars[0], new TextEncoder().encode(JSON.stringify(sidecar, null, 2)));
      await a.corpus.snapshot.reopen();
      a = await idleCorpus();
      assert.equal(a.corpus.snapshot.used(), used - 1, 'every article but the changed one from the snapshot');
      assert.equal(putin(a)?.mentions, mentions - 1, 'the changed sidecar was read');
    } finally {
      await vscode.workspace.fs.writeFile(sidecars[0], original);
      await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
      await idleCorpus();
    }
  });
});
