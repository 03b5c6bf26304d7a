// The corpus in the real editor: every workspace article indexed, Annotate All Articles, workspace symbols,
// references and definition across articles, the Corpus view. The workspace holds the five seeds (test/integration/
// run.mjs copies them), whose articles share people (Vladimir Putin in three, Tayyip Erdogan in two).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CorpusNode } from '../../../src/vscode/corpus/treeModel';
import { api, closeAll, openScratch, openSeed, readSidecar, select, settledView, waitFor, within, workspaceUri } from './helpers';

const SEEDS = ['000_a57557e610cf5658.txt', '001_aa74a8b8cfacc576.txt', '002_ebd0e1da6b7cb76d.txt', '003_898b1a19d0db9912.txt', '004_143ff3a28b64ebed.txt'];
const seedPath = (name: string) => `seeds/${name}`;
const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

async function idleCorpus() {
  const a = await api();
  await within(a.corpus.whenIdle(), 'the corpus index is idle', 60000);
  return a;
}

describe('Corpus', () => {
  it('indexes every article of the workspace, without opening them', async () => {
    const a = await idleCorpus();
    const paths = a.corpus.articles();
    for (const s of SEEDS) assert.ok(paths.includes(seedPath(s)), `${s} is indexed (indexed: ${paths.join(', ')})`);
    assert.ok(paths.includes('injection.md'), 'markdown articles too');
    assert.ok(!paths.some(p => p.endsWith('.annotations.json')), 'sidecars are not articles');
  });

  it('Annotate All Articles writes the sidecar of every article and sums up', async () => {
    const a = await idleCorpus();
    for (const s of SEEDS) assert.equal(await readSidecar(workspaceUri('seeds', s)), undefined, `${s} has no sidecar before`);
    const summary = (await vscode.commands.executeCommand('newsAnnotator.annotateAllArticles')) as { articles: number; mentions: number; failed: unknown[] };
    assert.ok(summary.articles >= SEEDS.length, `${summary.articles} articles`);
    let mentions = 0;
    for (const s of SEEDS) {
      const sidecar = await readSidecar(workspaceUri('seeds', s));
      assert.ok(sidecar, `${s} has a sidecar`);
      mentions += sidecar.annotations.length;
    }
    assert.ok(summary.mentions >= mentions);
    const notice = a.notices().find(n => /\d+ articles, \d+ mentions, \d+ failed\./.test(n.message));
    assert.ok(
      notice,
      `the summary is shown (${a
        .notices()
        .map(n => n.message)
        .join(' | ')})`,
    );
    assert.match(notice.message, new RegExp(`${summary.articles} articles, ${summary.mentions} mentions, ${summary.failed.length} failed`));
    await idleCorpus();
  });

  it('Ctrl+T finds a person by any alias in every article that mentions him', async () => {
    await idleCorpus();
    const found = (await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Putin')) as vscode.SymbolInformation[];
    const putin = found.filter(s => s.name.includes('Vladimir Putin'));
    const files = new Set(putin.map(s => vscode.workspace.asRelativePath(s.location.uri)));
    for (const s of [SEEDS[0], SEEDS[2], SEEDS[3]]) assert.ok(files.has(seedPath(s)), `Putin in ${s} (found in ${[...files].join(', ')})`);
    // each result opens the first mention in its article
    const first = putin.find(s => vscode.workspace.asRelativePath(s.location.uri) === seedPath(SEEDS[3]))!;
    const doc = await vscode.workspace.openTextDocument(first.location.uri);
    assert.equal(doc.offsetAt(first.location.range.start), doc.getText().indexOf('Putin') - 'Vladimir '.length);
  });

  it('Find All References lists the mentions in every article; Go to Definition crosses files', async () => {
    await idleCorpus();
    const editor = await openSeed(SEEDS[2]);
    await settledView(editor.document.uri);
    const a = await idleCorpus();
    const at = editor.document.positionAt(editor.document.getText().indexOf('Tayyip Erdogan'));
    const refs = (await vscode.commands.executeCommand('vscode.executeReferenceProvider', editor.document.uri, at)) as vscode.Location[];
    const files = new Set(refs.map(r => vscode.workspace.asRelativePath(r.uri)));
    assert.deepEqual([...files].sort(), [seedPath(SEEDS[0]), seedPath(SEEDS[2])]);
    const erdogan = a.corpus.entities().find(e => e.type === 'person' && e.name === 'Recep Tayyip Erdogan')!;
    assert.equal(refs.length, erdogan.mentions);

    const defs = (await vscode.commands.executeCommand('vscode.executeDefinitionProvider', editor.document.uri, at)) as (
      vscode.Location | vscode.LocationLink
    )[];
    assert.equal(defs.length, 1);
    const target = 'uri' in defs[0] ? defs[0].uri : defs[0].targetUri;
    assert.equal(vscode.workspace.asRelativePath(target), erdogan.firstMention.path);
  });

  it('the Corpus view lists types -> entities with article counts matching the sidecars -> articles -> mentions', async () => {
    const a = await idleCorpus();
    const { tree } = a.corpus;
    const people = tree.getChildren().find(n => n.kind === 'type' && n.type === 'person')!;
    assert.ok(people, 'People are listed');
    const putin = tree.getChildren(people).find(n => n.kind === 'entity' && n.name === 'Vladimir Putin') as Extract<CorpusNode, { kind: 'entity' }>;
    assert.ok(putin, 'Vladimir Putin is listed');
    // the seeds listed under him are those whose sidecar has a person mention of him
    const children = tree.getChildren(putin);
    const listed = children.flatMap(n => (n.kind === 'article' ? [n.path] : []));
    for (const s of SEEDS) {
      const sidecar = await readSidecar(workspaceUri('seeds', s));
      assert.equal(listed.includes(seedPath(s)), !!sidecar?.annotations.some(x => x.type === 'person' && /Putin/.test(x.text)), s);
    }
    assert.equal(putin.articles, listed.length);
    assert.match(tree.getTreeItem(putin).description as string, new RegExp(`^${listed.length} articles · \\d+ mentions$`));

    assert.equal(children[0].kind, 'appearsWith');
    const together = tree.getChildren(children[0]);
    assert.ok(
      together.some(n => n.kind === 'together' && n.name.includes('Erdogan')),
      `Erdogan appears with Putin (${together.map(n => (n.kind === 'together' ? n.name : '')).join(', ')})`,
    );
    const articles = children.filter(n => n.kind === 'article');
    const mentions = tree.getChildren(articles[0]);
    assert.ok(mentions.length > 0 && mentions.every(m => m.kind === 'mention' && /Putin/.test(m.text)));
    const item = tree.getTreeItem(mentions[0]);
    assert.equal(item.command?.command, 'newsAnnotator.revealMention');

    await vscode.commands.executeCommand('newsAnnotator.filterCorpus', 'erdog');
    try {
      assert.equal(tree.description, 'filter: erdog');
      const names = tree.getChildren().flatMap(t => tree.getChildren(t).map(n => labelOf(tree.getTreeItem(n))));
      assert.deepEqual(names, ['Recep Tayyip Erdogan']);
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.clearCorpusFilter');
    }
    assert.equal(tree.filter, '');
  });

  /** Every sidecar file of the workspace's seeds, as bytes one to one (for byte-for-byte comparisons). */
  async function seedSidecarTexts(): Promise<Map<string, string>> {
    const a = await api();
    const out = new Map<string, string>();
    for (const s of SEEDS) {
      const uri = a.sidecarUri(workspaceUri('seeds', s));
      out.set(s, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    }
    return out;
  }

  const decisionsUri = () => workspaceUri('.news-annotator', 'entities.json');
  const exists = (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );

  it('Rename Entity previews the counts, changes every sidecar, and undo restores them byte for byte', async () => {
    // no article open: an open one reloads its sidecar when the file event arrives, after the index is idle
    await closeAll();
    const a = await idleCorpus();
    const putin = a.corpus.entities().find(e => e.type === 'person' && e.name === 'Vladimir Putin')!;
    const before = await seedSidecarTexts();
    assert.equal(await exists(decisionsUri()), false, 'no decisions file yet');
    const change = (await vscode.commands.executeCommand('newsAnnotator.renameEntity', { entity: putin.id, name: 'V. V. Putin', confirm: false })) as {
      preview: { mentions: number; articles: number };
      sidecars: unknown[];
    };
    try {
      assert.equal(change.preview.mentions, putin.mentions);
      assert.equal(change.preview.articles, putin.articles.length);
      await idleCorpus();
      // (its id follows the name the sidecars now carry)
      const renamed = a.corpus.entities().filter(e => e.type === 'person' && e.aliases.includes('Vladimir Putin'));
      assert.ok(
        renamed.some(e => e.name === 'V. V. Putin' && e.mentions === putin.mentions),
        `the corpus entity is renamed (${renamed.map(e => e.name).join(', ')})`,
      );
      assert.deepEqual(
        a.corpus.decisions().entities.map(d => d.kind),
        ['rename'],
      );
      for (const s of [SEEDS[0], SEEDS[2], SEEDS[3]]) {
        const sidecar = await readSidecar(workspaceUri('seeds', s));
        assert.ok(
          sidecar?.entities.some(e => e.name === 'V. V. Putin'),
          `${s}: ${sidecar?.entities
            .filter(e => e.type === 'person')
            .map(e => e.name)
            .join(', ')}`,
        );
        assert.equal(sidecar?.document.sha256, JSON.parse(before.get(s)!).document.sha256, 'the article text is not changed');
      }
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.undoCorpusChange');
    }
    await idleCorpus();
    const after = await seedSidecarTexts();
    for (const s of SEEDS) assert.equal(after.get(s), before.get(s), `${s} is restored byte for byte`);
    assert.equal(await exists(decisionsUri()), false, 'the decisions file is gone again');
    assert.ok(a.corpus.entities().some(e => e.name === 'Vladimir Putin'));
  });

  it('Merge Entities leaves one corpus entity (and undo splits them again)', async () => {
    const a = await idleCorpus();
    const putin = a.corpus.entities().find(e => e.type === 'person' && e.name === 'Vladimir Putin')!;
    const erdogan = a.corpus.entities().find(e => e.type === 'person' && e.name === 'Recep Tayyip Erdogan')!;
    const count = a.corpus.entities().length;
    await vscode.commands.executeCommand('newsAnnotator.mergeEntities', { entity: putin.id, with: [erdogan.id], confirm: false });
    try {
      await idleCorpus();
      const merged = a.corpus
        .entities()
        .filter(e => e.type === 'person' && (e.aliases.includes('Vladimir Putin') || e.aliases.includes('Recep Tayyip Erdogan')));
      assert.equal(merged.length, 1, merged.map(e => e.name).join(', '));
      assert.equal(merged[0].mentions, putin.mentions + erdogan.mentions);
      assert.equal(a.corpus.entities().length, count - 1);
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.undoCorpusChange');
    }
    await idleCorpus();
    assert.equal(a.corpus.entities().length, count);
  });

  it('a name annotated by hand elsewhere shows a diagnostic where it is left unannotated, and its quick fix removes it', async () => {
    const a = await idleCorpus();
    // a name the analysis never finds, so only the user's hand decides it (and no other test uses it)
    const name = 'quillfeather trust';
    // an article that never changes below (written, not opened): its diagnostic comes from another article's change
    const uriC = workspaceUri('scratch', 'corpus-c.txt');
    const textC = `The ${name} kept its offices in Hamburg.\n`;
    await vscode.workspace.fs.writeFile(uriC, new TextEncoder().encode(textC));
    const onC = () =>
      vscode.languages.getDiagnostics(uriC).filter(d => d.source === 'News Annotator' && textC.slice(d.range.start.character, d.range.end.character) === name);
    await idleCorpus();
    await within(a.corpus.whenDiagnosed(), 'the diagnostics are computed with the unchanging article');
    assert.deepEqual(onC(), [], 'no diagnostic before the name is annotated by hand anywhere');
    const editorB = await openScratch('corpus-b.txt', `Angela Merkel met the ${name} in Berlin on Tuesday.\n`);
    await settledView(editorB.document.uri);
    select(editorB, name);
    await vscode.commands.executeCommand('newsAnnotator.addAnnotation', { type: 'organization' });
    const editorA = await openScratch('corpus-a.txt', `Officials of the ${name} said on Monday that they would wait.\n`);
    const uriA = editorA.document.uri;
    await settledView(uriA);
    await idleCorpus();
    await within(a.corpus.whenDiagnosed(), 'the diagnostics are computed');
    const diagnostics = vscode.languages.getDiagnostics(uriA).filter(d => d.source === 'News Annotator');
    const berlin = diagnostics.find(d => editorA.document.getText(d.range) === name);
    assert.ok(berlin, `a diagnostic on the name (${diagnostics.map(d => d.message).join(' | ')})`);
    assert.equal(berlin.code, 'unannotated');
    assert.deepEqual(
      onC().map(d => d.code),
      ['unannotated'],
      'the article that did not change has the diagnostic too (only the articles a change can affect are checked again)',
    );

    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uriA, berlin.range)) as vscode.CodeAction[];
    const fix = actions.find(x => x.command?.command === 'newsAnnotator.applyCorpusFix');
    assert.ok(fix, `a quick fix (${actions.map(x => x.title).join(', ')})`);
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    await settledView(uriA);
    assert.ok(a.getView(uriA)!.annotations.some(x => x.text === name && x.type === 'organization' && x.source === 'manual'));
    await idleCorpus();
    await within(a.corpus.whenDiagnosed(), 'the diagnostics are computed again');
    assert.ok(
      !vscode.languages.getDiagnostics(uriA).some(d => d.source === 'News Annotator' && editorA.document.getText(d.range) === name),
      'the diagnostic is gone',
    );

    // the setting turns them off
    await vscode.workspace.getConfiguration('newsAnnotator').update('corpus.diagnostics', false, vscode.ConfigurationTarget.Workspace);
    try {
      await within(a.corpus.whenDiagnosed(), 'the diagnostics are cleared');
      assert.equal(vscode.languages.getDiagnostics().filter(([, ds]) => ds.some(d => d.source === 'News Annotator')).length, 0);
    } finally {
      await vscode.workspace.getConfiguration('newsAnnotator').update('corpus.diagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['corpus-a.txt', 'corpus-b.txt', 'corpus-c.txt']) {
      const uri = workspaceUri('scratch', name);
      await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(a.sidecarUri(uri)).then(undefined, () => undefined);
    }
  });

  it('Change Type "in every article" is kept in the decisions file, and other articles analyzed again or anew follow it', async () => {
    const a = await idleCorpus();
    // a name no other test uses, that the analysis types as an organization
    const name = 'Zorvath Holdings';
    const typeIn = (uri: vscode.Uri) => a.getView(uri)?.annotations.find(x => x.text === name)?.type;
    const editorB = await openScratch('carry-b.txt', `Analysts at ${name} expect a slow year.\n`);
    const uriB = editorB.document.uri;
    await settledView(uriB);
    assert.equal(typeIn(uriB), 'organization');
    const editorA = await openScratch('carry-a.txt', `Officials of ${name} said on Monday that they would wait.\n`);
    const uriA = editorA.document.uri;
    await settledView(uriA);
    assert.equal(typeIn(uriA), 'organization');
    // B stays on screen beside A (open, so a change of the lexicon analyzes it again)
    await vscode.window.showTextDocument(editorB.document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    try {
      select(editorA, name, 0, false);
      const since = a.activitySeq();
      await vscode.commands.executeCommand('newsAnnotator.changeType', { type: 'place', scope: 'corpus' });
      assert.equal(typeIn(uriA), 'place', 'this article changes at once');
      const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(decisionsUri())));
      assert.deepEqual(stored.corrections, [{ name, action: 'retype', type: 'place' }], 'the decisions file holds the correction');
      // the other open article is analyzed again with it
      await within(
        a.nextActivity(uriB, x => x.kind === 'analyzed', since),
        'the other open article is analyzed again',
      );
      await a.whenSettled(uriB);
      assert.equal(typeIn(uriB), 'place', 'the other open article follows it');
      // and an article opened afterwards is analyzed with it
      const editorC = await openScratch('carry-c.txt', `${name} opened an office in Lyon.\n`);
      await settledView(editorC.document.uri);
      assert.equal(typeIn(editorC.document.uri), 'place', 'new text follows it');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(decisionsUri());
      await waitFor(() => a.corpus.decisions().corrections.length === 0, 'the decisions are read again without the correction');
      for (const file of ['carry-a.txt', 'carry-b.txt', 'carry-c.txt']) {
        const uri = workspaceUri('scratch', file);
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        await vscode.workspace.fs.delete(a.sidecarUri(uri)).then(undefined, () => undefined);
      }
    }
  });

  it('Export Workspace writes one file per article into the folder, and asks before replacing', async () => {
    await idleCorpus();
    const target = workspaceUri('exports', 'corpus-csv');
    const folder = (await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', { format: 'csv', target })) as vscode.Uri;
    assert.equal(folder?.toString(), target.toString());
    for (const s of SEEDS) {
      const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, 'seeds', s.replace(/\.txt$/, '.csv'))));
      assert.match(csv.split('\n')[0], /start/, `${s}: a CSV header`);
    }
    // again, replacing without asking only when told to
    assert.ok(await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', { format: 'csv', target, replace: true }));
    await vscode.workspace.fs.delete(workspaceUri('exports'), { recursive: true });
  });

  it('Export Workspace can put every article in one file: one CSV table, one W3C collection targeting each article', async () => {
    const a = await idleCorpus();
    const exports = workspaceUri('exports');
    try {
      const csvTarget = vscode.Uri.joinPath(exports, 'all.csv');
      const written = (await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', {
        format: 'csv',
        combine: true,
        target: csvTarget,
      })) as vscode.Uri;
      assert.equal(written?.toString(), csvTarget.toString());
      const rows = new TextDecoder()
        .decode(await vscode.workspace.fs.readFile(csvTarget))
        .split('\r\n')
        .filter(Boolean);
      assert.equal(rows.filter(r => r.startsWith('file,')).length, 1, 'one header');
      for (const s of SEEDS) {
        const sidecar = await readSidecar(workspaceUri('seeds', s));
        const own = rows.filter(r => r.startsWith(`${seedPath(s)},`));
        assert.equal(own.length, sidecar!.annotations.length, `${s}: one row per annotation of its sidecar`);
      }

      const w3cTarget = vscode.Uri.joinPath(exports, 'all.jsonld');
      await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', { format: 'w3c', combine: true, target: w3cTarget });
      const doc = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(w3cTarget)));
      assert.equal(doc.type, 'AnnotationCollection');
      assert.equal(doc.label, `Annotations of ${a.corpus.articles().length} articles`);
      const sources = new Set<string>(doc.first.items.map((i: { target: { source: string } }) => i.target.source));
      for (const s of SEEDS) {
        const source = `../seeds/${s}`;
        assert.ok(sources.has(source), `${s} is a target, relative to the export (${[...sources].join(', ')})`);
        // the relative target resolves to the article itself
        assert.equal(vscode.Uri.joinPath(w3cTarget, '..', source).toString(), workspaceUri('seeds', s).toString());
      }

      // brat holds one article per file: refused with a message, nothing written
      const bratTarget = vscode.Uri.joinPath(exports, 'all.ann');
      assert.equal(await vscode.commands.executeCommand('newsAnnotator.exportWorkspace', { format: 'brat', combine: true, target: bratTarget }), undefined);
      assert.ok(a.notices().some(n => /holds one article per file: export the workspace into a folder/.test(n.message)));
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(bratTarget)));
    } finally {
      await vscode.workspace.fs.delete(exports, { recursive: true });
    }
  });
});
