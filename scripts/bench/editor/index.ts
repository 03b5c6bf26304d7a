// The editor's bench, inside the real editor's extension host (./../editor.ts starts code-server over a workspace of
// the corpus). NEWS_ANNOTATOR_BENCH_MODE:
// - `first`: the session's first index only (a fresh extension host: the index as the workspace opened it);
// - `runs`: that, then the index as re-opening the workspace makes it (Corpus snapshot: reopen), timed from the
//   snapshot, from the sidecars (their times changed, so the snapshot's records of them are not used) and from nothing
//   (the sidecars moved aside to NEWS_ANNOTATOR_BENCH_ASIDE: every article analysed in the background), each RUNS
//   times, alternating the first two; then the sidecars moved back and read, and the snapshot written, so that the next
//   session opens onto it.
// Writes {first, articles, sidecarFiles, snapshot, sidecars, nothing} as JSON to NEWS_ANNOTATOR_BENCH_OUT; run()
// rejects if a run did not take the path it times.
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
  const first = snapshot.lastOpening();
  if (!first) throw new Error('the session indexed nothing');
  const articles = a.corpus.articles().length;
  if (process.env.NEWS_ANNOTATOR_BENCH_MODE === 'first') {
    fs.writeFileSync(out, JSON.stringify({ first, articles }));
    return;
  }
  const aside = process.env.NEWS_ANNOTATOR_BENCH_ASIDE;
  if (!aside) throw new Error('NEWS_ANNOTATOR_BENCH_ASIDE is not set');
  const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'story');
  const sidecars = fs.readdirSync(folder).filter(f => f.endsWith('.annotations.json'));
  // the index made anew as a workspace opens: the snapshot read, then every article
  const reopen = async (what: string) => {
    const t0 = performance.now();
    await snapshot.reopen();
    await within(a.corpus.whenIdle(), `the index ${what}`, IDLE_MS);
    const ms = performance.now() - t0;
    if (a.corpus.articles().length !== articles) throw new Error(`${what}: ${a.corpus.articles().length} articles indexed, not ${articles}`);
    return ms;
  };
  const result = { first, articles, sidecarFiles: sidecars.length, snapshot: [] as number[], sidecars: [] as number[], nothing: [] as number[] };
  for (let r = 0; r < runs; r++) {
    // the sidecars dated anew (an hour back, another second each run): the snapshot's stamps of them no longer hold
    const when = new Date(Date.now() - 3_600_000 - r * 1000);
    for (const s of sidecars) fs.utimesSync(path.join(folder, s), when, when);
    result.sidecars.push(await reopen('from the sidecars'));
    if (snapshot.used() !== 0) throw new Error(`from the sidecars: ${snapshot.used()} articles were taken from the snapshot`);
    // the snapshot written with the sidecars' new times, then the index made from it
    await snapshot.flush();
    result.snapshot.push(await reopen('from the snapshot'));
    if (snapshot.used() !== articles) throw new Error(`from the snapshot: ${snapshot.used()} of ${articles} articles were taken from it`);
  }
  // moved, not removed: a rename keeps their times, so they are the same sidecars when moved back
  for (const s of sidecars) fs.renameSync(path.join(folder, s), path.join(aside, s));
  for (let r = 0; r < runs; r++) result.nothing.push(await reopen('from nothing'));
  for (const s of sidecars) fs.renameSync(path.join(aside, s), path.join(folder, s));
  await reopen('from the sidecars moved back');
  await snapshot.flush();
  fs.writeFileSync(out, JSON.stringify(result));
}
