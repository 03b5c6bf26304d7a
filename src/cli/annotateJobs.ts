// `annotate --jobs N`: the per-article loop. One job analyses the articles one after another in this thread, with a
// few in flight so that one article's file I/O (the sidecar's flush to disk above all, several ms on a busy disk)
// runs on Node's I/O threads while the next is analysed. More jobs add worker threads (./pool.ts), N - 1 of them: this
// thread is one of the jobs, taking articles from the same queue as the workers, so no worker is started for work the
// main thread can do itself, nor more workers than the text warrants (CHARS_PER_JOB). Either way each article's
// progress line, messages and summary row are printed in input order, so the output and the sidecars are those of a
// run that took the articles strictly one by one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Outcome, Settings } from './annotateCommand';
import type { ArticleFile } from './files';
import type { CliIO } from './io';
import { CHARS_PER_JOB, mapOrdered, WorkerFailure, workerCount, WorkerPool, workersOnly } from './pool';
import type { WorkerReply, WorkerTask } from './worker';

/** Results waiting to be printed, per job: enough to keep every worker busy while a long article holds the line. */
const WINDOW_PER_JOB = 4;
/** Articles in flight in the one-job path: the CPU works on one while the others wait on the disk. */
const IN_FLIGHT = 4;

/** Two articles with the same file name may share a sidecar (e.g. under --out-dir): never at the same time. */
const sidecarKey = (article: ArticleFile) => path.basename(article.file).toLowerCase();

/**
 * The articles' size in bytes (about their characters: news text is mostly ASCII), counted only up to `enough`:
 * a stat per file, microseconds each, and a big folder stops early. A file that cannot be read counts as empty (its
 * error comes when it is annotated).
 */
export function textSize(articles: readonly ArticleFile[], enough: number): number {
  let total = 0;
  for (const a of articles) {
    if (total >= enough) break;
    try {
      total += fs.statSync(a.file, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // counted as empty
    }
  }
  return total;
}

export async function annotateArticles(
  articles: readonly ArticleFile[],
  settings: Settings,
  jobs: number,
  io: CliIO,
  /** Annotates one article in this thread, writing its messages to the `io` given (the one-job path). */
  annotateHere: (article: ArticleFile, io: CliIO) => Promise<Outcome>,
  /** Called as each article's turn comes, in input order (the progress line). */
  onTurn: (article: ArticleFile) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const here = async (article: ArticleFile): Promise<WorkerReply> => {
    const held: string[] = [];
    const outcome = await annotateHere(article, { ...io, stderr: text => void held.push(text) });
    return { kind: 'article', outcome, stderr: held };
  };
  const print = (reply: WorkerReply, article: ArticleFile) => {
    onTurn(article);
    if (reply.kind === 'article') {
      for (const text of reply.stderr) io.stderr(text);
      outcomes.push(reply.outcome);
    } else {
      const reason = reply.kind === 'failed' ? reply.error : 'unexpected reply from the worker thread';
      io.stderr(`news-annotator: ${article.display}: internal error in a worker thread: ${reason}\n`);
      outcomes.push({ row: { article: article.display, status: 'error' }, ok: false });
    }
  };
  const workers = jobs > 1 && articles.length > 1 ? workerCount(jobs, articles.length, textSize(articles, jobs * CHARS_PER_JOB)) : 0;
  if (workers === 0) {
    await mapOrdered(articles, IN_FLIGHT, here, print, sidecarKey);
    return outcomes;
  }
  const inThread = workersOnly() ? undefined : (task: WorkerTask) => here((task as Extract<WorkerTask, { kind: 'article' }>).article);
  const pool = new WorkerPool(workers, inThread);
  try {
    await mapOrdered(
      articles,
      (workers + (inThread ? 1 : 0)) * WINDOW_PER_JOB,
      article =>
        pool.run({ kind: 'article', article, settings, cwd: io.cwd }).catch((e: Error): WorkerReply => {
          // a worker that died fails its articles only; a failure of this thread's own work stops the run, as with one job
          if (e instanceof WorkerFailure) return { kind: 'failed', error: e.message };
          throw e;
        }),
      print,
      sidecarKey,
    );
  } finally {
    await pool.close();
  }
  return outcomes;
}
