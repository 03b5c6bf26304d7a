// `annotate --jobs N`: the per-article loop. One job analyses the articles one after another in this thread, with a
// few in flight so that one article's file I/O (the sidecar's flush to disk above all, several ms on a busy disk)
// runs on Node's I/O threads while the next is analysed; more jobs run them on worker threads (./pool.ts). Either
// way each article's progress line, messages and summary row are printed in input order, so the output and the
// sidecars are those of a run that took the articles strictly one by one.
import * as path from 'node:path';
import type { Outcome, Settings } from './annotateCommand';
import type { ArticleFile } from './files';
import type { CliIO } from './io';
import { mapOrdered, workerCount, WorkerPool } from './pool';
import type { WorkerReply } from './worker';

/** Results waiting to be printed, per job: enough to keep every worker busy while a long article holds the line. */
const WINDOW_PER_JOB = 4;
/** Articles in flight in the one-job path: the CPU works on one while the others wait on the disk. */
const IN_FLIGHT = 4;

/** Two articles with the same file name may share a sidecar (e.g. under --out-dir): never at the same time. */
const sidecarKey = (article: ArticleFile) => path.basename(article.file).toLowerCase();

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
  const workers = workerCount(jobs, articles.length);
  if (workers === 0) {
    await mapOrdered(
      articles,
      IN_FLIGHT,
      async article => {
        const held: string[] = [];
        const outcome = await annotateHere(article, { ...io, stderr: text => void held.push(text) });
        return { outcome, held };
      },
      ({ outcome, held }, article) => {
        onTurn(article);
        for (const text of held) io.stderr(text);
        outcomes.push(outcome);
      },
      sidecarKey,
    );
    return outcomes;
  }
  const pool = new WorkerPool(workers);
  try {
    await mapOrdered(
      articles,
      workers * WINDOW_PER_JOB,
      article => pool.run({ kind: 'article', article, settings, cwd: io.cwd }).catch((e: Error): WorkerReply => ({ kind: 'failed', error: e.message })),
      (reply, article) => {
        onTurn(article);
        if (reply.kind === 'article') {
          for (const text of reply.stderr) io.stderr(text);
          outcomes.push(reply.outcome);
        } else {
          const reason = reply.kind === 'failed' ? reply.error : 'unexpected reply from the worker thread';
          io.stderr(`news-annotator: ${article.display}: internal error in a worker thread: ${reason}\n`);
          outcomes.push({ row: { article: article.display, status: 'error' }, ok: false });
        }
      },
      sidecarKey,
    );
  } finally {
    await pool.close();
  }
  return outcomes;
}
