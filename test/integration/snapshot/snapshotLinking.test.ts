// The corpus snapshot's record of the linking of names across articles, in the real editor: re-opening onto exactly
// the snapshot's articles, each unchanged, in one batch of at least 64 (Corpus.setArticles' BULK_MIN) takes the names
// that have candidates from the snapshot instead of working them out; one article changed makes it work them out in
// full, with the same corpus entities either way. The seeds are fewer than 64, so this test makes a folder of small
// articles from them at run time (deleted at the end): one names "Sergei Shoigu" in full, the others "Mr Shoigu".
// It runs in a session of its own (run.mjs: a fresh folder of the seeds, a fresh profile), because the snapshot
// records the linking only when every indexed article was read from its sidecar: the trusted session's tests leave
// articles that never are (a deliberately corrupt sidecar, analyses in memory), and an article an earlier test opened
// stays open as a document for up to 3 minutes after its editor closes (the multi-root session's would).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, within, workspaceUri } from '../suite/helpers';

const FOLDER = 'snapshot-linking';
/** More than BULK_MIN (64) on their own, whatever else the workspace holds. */
const COUNT = 72;
const SURNAME = 'Shoigu';

async function idleCorpus() {
  const a = await api();
  await within(a.corpus.whenIdle(), 'the corpus index is idle', 90000);
  return a;
}

/** The workspace's article texts: the seeds' non-empty lines that do not name the person, and the two that do. */
async function articleTexts(): Promise<string[]> {
  const seeds = (await vscode.workspace.findFiles('**/*.txt', `**/${FOLDER}/**`)).sort((x, y) => (x.path < y.path ? -1 : 1));
  const texts = await Promise.all(seeds.map(async s => new TextDecoder().decode(await vscode.workspace.fs.readFile(s))));
  const lines = texts.flatMap(t => t.split('\n')).filter(l => l.trim() !== '');
  const full = lines.find(l => l.includes(`Sergei ${SURNAME}`));
  const bySurname = lines.find(l => l.startsWith(`Mr ${SURNAME}`));
  assert.ok(full && bySurname, `a seed names Sergei ${SURNAME} in full and one line starts "Mr ${SURNAME}"`);
  const others = lines.filter(l => !l.includes(SURNAME));
  // each article: the person, then another seed line (other names recur across articles too)
  return Array.from({ length: COUNT }, (_, i) => `${i === 0 ? full : bySurname}\n${others[i % others.length]}\n`);
}

/**
 * The workspace articles open as documents. An open article is indexed from its editor session, which the snapshot
 * has no record of (so it records no linking): this session opens none.
 */
const openArticles = () =>
  vscode.workspace.textDocuments
    .filter(d => vscode.workspace.getWorkspaceFolder(d.uri) && /\.(txt|md)$/.test(d.uri.path))
    .map(d => vscode.workspace.asRelativePath(d.uri));

/** The Corpus path of a test article: workspace-relative, with the first folder's name in a multi-root workspace. */
function articlePath(i: number): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return `${folders.length > 1 ? `${folders[0].name}/` : ''}${FOLDER}/a${String(i).padStart(3, '0')}.txt`;
}

/** The URI of an article by its Corpus path (the folder's name first in a multi-root workspace). */
function uriOf(path: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const [first, ...rest] = path.split('/');
  const folder = folders.length > 1 ? folders.find(f => f.name === first) : undefined;
  return folder ? vscode.Uri.joinPath(folder.uri, ...rest) : workspaceUri(...path.split('/'));
}

describe('Corpus snapshot, linking across articles', () => {
  it('re-opening onto exactly its articles takes the linking from it; one changed article makes it work it out in full', async function () {
    // ~80 articles annotated and indexed three times on a loaded 2-core machine
    this.timeout(240_000);
    assert.deepEqual(openArticles(), [], 'no article is open as a document');
    const folder = workspaceUri(FOLDER);
    try {
      const texts = await articleTexts();
      for (let i = 0; i < COUNT; i++) await vscode.workspace.fs.writeFile(uriOf(articlePath(i)), new TextEncoder().encode(texts[i]));
      await vscode.commands.executeCommand('newsAnnotator.annotateAllArticles');
      let a = await idleCorpus();

      // every sidecar dated an hour back (a record of a sidecar written seconds before it was read is never trusted),
      // then read again so the snapshot records those dates, and the linking of all of them
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const s of await vscode.workspace.findFiles('**/*.annotations.json')) fs.utimesSync(s.fsPath, hourAgo, hourAgo);
      await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
      a = await idleCorpus();
      await a.corpus.snapshot.flush();
      const entities = JSON.stringify(a.corpus.entities());
      const articles = a.corpus.articles();
      assert.ok(articles.length >= COUNT, `indexed: ${articles.length} articles`);

      await a.corpus.snapshot.reopen();
      a = await idleCorpus();
      assert.equal(a.corpus.snapshot.loaded(), articles.length, 'the snapshot has a record of every article');
      assert.equal(a.corpus.snapshot.used(), a.corpus.snapshot.loaded(), 'every record is taken');
      // what the output channel says of it: every article from the snapshot
      const opening = a.corpus.snapshot.lastOpening();
      assert.deepEqual(
        opening && { snapshot: opening.snapshot, sidecar: opening.sidecar, analyzed: opening.analyzed, editor: opening.editor, unindexed: opening.unindexed },
        { snapshot: articles.length, sidecar: 0, analyzed: 0, editor: 0, unindexed: 0 },
      );
      assert.equal(a.corpus.snapshot.linkedFromSnapshot(), true, "the linking is the snapshot's record of it");
      assert.equal(JSON.stringify(a.corpus.entities()), entities, 'the same corpus entities');
      // the rules' indexes such a linking leaves are made once the index is idle, not at the first save
      await a.corpus.snapshot.whenPrepared();
      assert.equal(a.corpus.snapshot.linkingIndexed(), true, 'prepared for changes once idle');
      assert.equal(JSON.stringify(a.corpus.entities()), entities, 'the same corpus entities once prepared');

      // the person named in full in one article and by surname in the others (and in the seed the lines come from)
      const mentioning: string[] = [];
      for (const path of articles) {
        if (new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path))).includes(SURNAME)) mentioning.push(path);
      }
      const person = () => a.corpus.entities().find(e => e.type === 'person' && e.aliases.includes(`Sergei ${SURNAME}`));
      assert.deepEqual(
        person()?.articles.map(x => x.path),
        mentioning,
        `one person in every article naming ${SURNAME}: ${JSON.stringify(person())}`,
      );
      assert.deepEqual(person()?.aliases, [`Sergei ${SURNAME}`, SURNAME]);

      // one sidecar changed on disk (the person taken out of an article): the articles are no longer exactly the
      // snapshot's, so the linking is worked out in full, to the corpus a fresh refresh makes
      const changed = articlePath(5);
      const sidecarUri = a.sidecarUri(uriOf(changed));
      const sidecar = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri)));
      const personId = sidecar.entities.find((e: { name: string }) => e.name === SURNAME).id;
      sidecar.annotations = sidecar.annotations.filter((x: { entity?: string }) => x.entity !== personId);
      sidecar.entities = sidecar.entities.filter((e: { id: string }) => e.id !== personId);
      await vscode.workspace.fs.writeFile(sidecarUri, new TextEncoder().encode(JSON.stringify(sidecar, null, 2)));
      await a.corpus.snapshot.reopen();
      a = await idleCorpus();
      assert.equal(a.corpus.snapshot.used(), a.corpus.snapshot.loaded() - 1, 'every article but the changed one from the snapshot');
      assert.deepEqual(
        [a.corpus.snapshot.lastOpening()?.snapshot, a.corpus.snapshot.lastOpening()?.sidecar],
        [articles.length - 1, 1],
        'the changed one from its sidecar',
      );
      assert.equal(a.corpus.snapshot.linkedFromSnapshot(), false, 'the linking is worked out in full');
      const reopened = JSON.stringify(a.corpus.entities());
      assert.deepEqual(
        person()?.articles.map(x => x.path),
        mentioning.filter(p => p !== changed),
        'the changed sidecar was read',
      );
      await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
      a = await idleCorpus();
      assert.equal(reopened, JSON.stringify(a.corpus.entities()), 'the same corpus entities as a fresh refresh');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
      await idleCorpus();
    }
  });
});
