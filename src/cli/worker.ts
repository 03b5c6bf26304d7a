// The worker thread behind `--jobs` (bundled to dist/worker.js): says it is ready once loaded, then takes tasks from
// the pool (./pool.ts), a couple at a time, and answers each with its result and the task's number. An article task
// runs the same annotateOne as a one-job run, with its messages collected instead of printed, so the main thread
// prints them in input order.
import { parentPort } from 'node:worker_threads';
import { NodeSidecarStorage } from '../node/storage';
import { annotateOne, type Outcome, type Settings } from './annotateCommand';
import type { ArticleFile } from './files';
import type { ReadyMessage, ReplyMessage, TaskMessage } from './pool';
import { annotateRecord, type StreamInput, type StreamResult } from './streamRecord';

export type WorkerTask = { kind: 'article'; article: ArticleFile; settings: Settings; cwd: string } | { kind: 'record'; input: StreamInput };

export type WorkerReply =
  { kind: 'article'; outcome: Outcome; stderr: string[] } | { kind: 'record'; result: StreamResult } | { kind: 'failed'; error: string };

const storage = new NodeSidecarStorage();

async function perform(task: WorkerTask): Promise<WorkerReply> {
  if (task.kind === 'record') return { kind: 'record', result: await annotateRecord(task.input) };
  const stderr: string[] = [];
  const io = {
    stdout: () => undefined,
    stderr: (text: string) => {
      stderr.push(text);
    },
    cwd: task.cwd,
    stderrIsTTY: false,
  };
  return { kind: 'article', outcome: await annotateOne(task.article, task.settings, storage, io), stderr };
}

parentPort?.on('message', ({ id, task }: TaskMessage) => {
  perform(task).then(
    reply => parentPort!.postMessage({ id, reply } satisfies ReplyMessage),
    (e: unknown) => parentPort!.postMessage({ id, reply: { kind: 'failed', error: (e as Error)?.stack ?? String(e) } } satisfies ReplyMessage),
  );
});
// loaded (this bundle compiled, the modules above evaluated): the pool hands this thread work from now on
parentPort?.postMessage({ ready: true } satisfies ReadyMessage);
