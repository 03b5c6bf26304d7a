// The corpus snapshot in the real editor: written to the extension's storage (not the workspace) after the first
// indexing; re-opening takes the unchanged articles from it (counted through the test API), reads their whole
// sidecars when an export needs them, and reads a changed sidecar again. Runs after corpus.test.ts (files run in name order) but annotates the seeds itself when needed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAll, readSidecar, waitFor, within, workspaceUri } from './helpers';

const SEEDS = ['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', '002_ebd0e1da6b7cb76d.txt', '003_898b1a19d0db9912.txt', '004_143ff3a28b64ebed.txt'];

/** How many mentions the corpus entities have in a seed article. */
const mentionsIn = (a: Awaited<ReturnType<typeof api>>, seed: string) =>
  a.corpus.entities().reduce((n, e) => n + e.articles.filter(x => x.path === `seeds/${seed}`).reduce((m, x) => m + x.mentions, 0), 0);

/** A sidecar's bytes with its first mention of an entity taken out. */
function withoutAMention(original: Uint8Array): string {
  const sidecar = JSON.parse(new TextDecoder().decode(original));
  sidecar.annotations.splice(
    sidecar.annotations.findIndex((x: { entity?: string }) => x.entity),
    1,
  );
  return JSON.stringify(sidecar, null, 2);
}

async function idleCorpus() {
  const a = await api();
  await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
  return a;
}

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

    // every sidecar dated an hour back (a record of a sidecar written seconds before it was read is never trusted),
    // then read again so the snapshot records those dates
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const s of await vscode.workspace.findFiles('**/*.annotations.json')) fs.utimesSync(s.fsPath, hourAgo, hourAgo);
    // an article still open in the editor (an earlier test opened it) is indexed from its session, not its sidecar
    const closed = () => SEEDS.filter(s => !vscode.workspace.textDocuments.some(d => d.uri.toString() === workspaceUri('seeds', s).toString()));
    const closedBefore = closed();
    await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
    a = await idleCorpus();
    await a.corpus.snapshot.flush();
    const entities = JSON.stringify(a.corpus.entities());

    await a.corpus.snapshot.reopen();
    a = await idleCorpus();
    const unopened = closed().filter(s => closedBefore.includes(s));
    assert.ok(unopened.length > 0, 'a seed article is not open');
    const used = a.corpus.snapshot.used();
    assert.equal(used, a.corpus.snapshot.loaded(), 'every record is taken');
    assert.ok(used >= unopened.length, `articles taken from the snapshot: ${used}; seeds not open: ${unopened.join(', ')}`);
    assert.equal(JSON.stringify(a.corpus.entities()), entities, 'the same corpus entities');

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

    // one sidecar changed on disk (a mention taken out): that article is read from it, the others are not
    const changed = unopened[0];
    const sidecarUri = a.sidecarUri(workspaceUri('seeds', changed));
    const mentions = mentionsIn(a, changed);
    const original = await vscode.workspace.fs.readFile(sidecarUri);
    try {
      await vscode.workspace.fs.writeFile(sidecarUri, new TextEncoder().encode(withoutAMention(original)));
      await a.corpus.snapshot.reopen();
      a = await idleCorpus();
      assert.equal(a.corpus.snapshot.used(), used - 1, 'every article but the changed one from the snapshot');
      assert.equal(mentionsIn(a, changed), mentions - 1, 'the changed sidecar was read');
    } finally {
      await vscode.workspace.fs.writeFile(sidecarUri, original);
      await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
      await idleCorpus();
    }
  });

  it('a sidecar another tool changes, its article closed, is read again from its file event (no re-opening)', async () => {
    const a = await idleCorpus();
    const seed = SEEDS.find(s => !vscode.workspace.textDocuments.some(d => d.uri.toString() === workspaceUri('seeds', s).toString()));
    assert.ok(seed, 'a seed article is not open');
    const sidecarUri = a.sidecarUri(workspaceUri('seeds', seed));
    const mentions = mentionsIn(a, seed);
    const original = await vscode.workspace.fs.readFile(sidecarUri);
    try {
      // written as another tool would, on the disk (not through the editor)
      fs.writeFileSync(sidecarUri.fsPath, withoutAMention(original));
      await waitFor(() => mentionsIn(a, seed) === mentions - 1, 'the index reads the changed sidecar', 30000);
    } finally {
      fs.writeFileSync(sidecarUri.fsPath, original);
      await waitFor(() => mentionsIn(a, seed) === mentions, 'the index reads the sidecar put back', 30000);
    }
  });
});
