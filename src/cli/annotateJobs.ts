// `annotate --jobs N`: the per-article loop. One job runs the articles one after another in this thread, as before;
// more run them on worker threads (./pool.ts) and print each article's progress line, messages and summary row in
// input order, so the output and the sidecars are those of a one-job run.
import * as path from 'node:path';
import type { Outcome, Settings } from './annotateCommand';
import type { ArticleFile } from './files';
import type { CliIO } from './io';
import { mapOrdered, workerCount, WorkerPool } from './pool';
import type { WorkerReply } from './worker';

/** Results waiting to be printed, per job: enough to keep every worker busy while a long article holds the line. */
const WINDOW_PER_JOB = 4;

export async function annotateArticles(
  articles: readonly ArticleFile[],
  settings: Settings,
  jobs: number,
  io: CliIO,
  /** Annotates one article in this thread, writing its messages to `io` (the one-job path). */
  annotateHere: (article: ArticleFile) => Promise<Outcome>,
  /** Called as each article's turn comes, in input order (the progress line). */
  onTurn: (article: ArticleFile) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const workers = workerCount(jobs, articles.length);
  if (workers === 0) {
    for (const article of articles) {
      onTurn(article);
      outcomes.push(await annotateHere(article));
    }
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
      // two articles with the same file name may share a sidecar (e.g. under --out-dir): never at the same time
      article => path.basename(article.file).toLowerCase(),
    );
  } finally {
    await pool.close();
  }
  return outcomes;
}
