// The editor's bench, inside the real editor's extension host (scripts/bench-editor.ts starts code-server over a
// workspace of the corpus): the index of every article, as re-opening the workspace makes it (Corpus snapshot:
// reopen), timed from the snapshot, from the sidecars (their times changed, so the snapshot's records of them are not
// used) and from nothing (the sidecars removed: every article analysed in the background), each RUNS times,
// alternating the first two. Writes {snapshot, sidecars, nothing: ms[], articles, used: number[]} as JSON to
// NEWS_ANNOTATOR_BENCH_OUT; run() rejects if a run did not take the path it times.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, within } from '../../../test/integration/suite/helpers';

const IDLE_MS = 600_000;

export async function run(): Promise<void> {
  const out = process.env.NEWS_ANNOTATOR_BENCH_OUT;
  const runs = Number(process.env.NEWS_ANNOTATOR_BENCH_RUNS ?? 3);
  if (!out) throw new Error('NEWS_ANNOTATOR_BENCH_OUT is not set');
  const a = await api();
  await within(a.corpus.whenIdle(), 'the first index of the session', IDLE_MS);
  const snapshot = a.corpus.snapshot;
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const sidecars = fs
    .readdirSync(path.join(folder, 'story'))
    .filter(f => f.endsWith('.annotations.json'))
    .map(f => path.join(folder, 'story', f));
  const articles = a.corpus.articles().length;
  // the index made anew as a workspace opens: the snapshot read, then every article
  const reopen = async (what: string) => {
    const t0 = performance.now();
    await snapshot.reopen();
    await within(a.corpus.whenIdle(), `the index ${what}`, IDLE_MS);
    const ms = performance.now() - t0;
    if (a.corpus.articles().length !== articles) throw new Error(`${what}: ${a.corpus.articles().length} articles indexed, not ${articles}`);
    return ms;
  };
  const result = { articles, sidecarFiles: sidecars.length, snapshot: [] as number[], sidecars: [] as number[], nothing: [] as number[] };
  for (let r = 0; r < runs; r++) {
    // the sidecars dated anew (an hour back, another second each run): the snapshot's stamps of them no longer hold
    const when = new Date(Date.now() - 3_600_000 - r * 1000);
    for (const s of sidecars) fs.utimesSync(s, when, when);
    result.sidecars.push(await reopen('from the sidecars'));
    if (snapshot.used() !== 0) throw new Error(`from the sidecars: ${snapshot.used()} articles were taken from the snapshot`);
    // the snapshot written with the sidecars' new times, then the index made from it
    await snapshot.flush();
    result.snapshot.push(await reopen('from the snapshot'));
    if (snapshot.used() !== articles) throw new Error(`from the snapshot: ${snapshot.used()} of ${articles} articles were taken from it`);
  }
  for (const s of sidecars) fs.rmSync(s);
  for (let r = 0; r < runs; r++) result.nothing.push(await reopen('from nothing'));
  fs.writeFileSync(out, JSON.stringify(result));
}
