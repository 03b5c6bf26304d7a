// `news-annotator stream`: JSONL in (stdin), JSONL out (stdout), one result line per input line in input order.
// Made to sit inside a pipeline or a batch engine (Dask, Spark's RDD.pipe, GNU parallel): memory stays bounded for
// any stream length, since at most a window of lines is read ahead of the output, and stdout's backpressure is
// waited for before reading on.
import type { Writable } from 'node:stream';
import { parseArgs, parseJobs, parseSize } from './args';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, type CliIO } from './io';
import { mapOrdered, workerCount, WorkerPool, workersOnly } from './pool';
import { annotateRecord, parseStreamLine, type StreamError, type StreamResult } from './streamRecord';
import type { WorkerReply, WorkerTask } from './worker';

export const STREAM_HELP = `Usage: news-annotator stream [options] < input.jsonl > output.jsonl

Annotates articles given as JSON lines on stdin and writes one JSON line per
input line to stdout, in the input's order. Each input line is an object
  {"id": "...", "text": "...", "referenceDate": "YYYY-MM-DD"?, "lexicon": {...}?}
(id: a string or number; lexicon: names that always get a type, e.g.
{"Hemeimeem": "place"}). Each output line is
  {"id", "annotations", "entities", "referenceDate"}
the same annotations and entities \`annotate\` writes in a sidecar for that text.
A line that cannot be used gives {"id", "error"} (id null when unreadable) and
the stream goes on. Blank lines are skipped.

Options:
  --jobs N           annotate up to N lines at a time: this thread and up to
                     N-1 worker threads, started as each 256K of text comes
                     (default N: the number of cores); the output is the same
                     for any N
  --max-size SIZE    longest input line (default 32M; e.g. 500K, 64M)
  -h, --help         show this help

Exit codes: 0 every line annotated, 1 some lines failed (each has an error
line in the output), 2 bad usage.
`;

const OPTIONS = {
  jobs: { value: true },
  'max-size': { value: true },
  help: { value: false, short: 'h' },
};

const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;
/** Lines read ahead of the output, per job. */
const WINDOW_PER_JOB = 8;

/** An input line, or a line dropped for its length (its bytes are not kept). */
type Line = { number: number; text: string } | { number: number; tooLong: number };

/**
 * Splits a byte stream into lines ('\n', an optional '\r' before it dropped) without holding more than one line:
 * a line past `maxBytes` is skipped to its end and reported by length. The stream is pulled only as lines are taken.
 */
async function* splitLines(input: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = 0;
  let number = 0;
  const finish = (): Line => {
    number++;
    if (overflow > 0) return { number, tooLong: overflow };
    let bytes = Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
    return { number, text: bytes.toString('utf8') };
  };
  const add = (piece: Buffer) => {
    if (overflow > 0 || size + piece.length > maxBytes) {
      overflow = (overflow || size) + piece.length;
      parts = [];
      size = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      size += piece.length;
    }
  };
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let nl = buffer.indexOf(10, from); nl >= 0; nl = buffer.indexOf(10, from)) {
      add(buffer.subarray(from, nl));
      const line = finish();
      parts = [];
      size = 0;
      overflow = 0;
      yield line;
      from = nl + 1;
    }
    // copied: the rest of the chunk is kept past this iteration, and the source may reuse its buffer
    add(Buffer.from(buffer.subarray(from)));
  }
  if (size > 0 || overflow > 0) yield finish();
}

/** Writes and waits for the stream to drain when its buffer is full, so a slow reader slows the annotation down. */
function writeLine(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else {
      const onError = (e: Error) => reject(e);
      out.once('error', onError);
      out.once('drain', () => {
        out.off('error', onError);
        resolve();
      });
    }
  });
}

type Answer = { ok: true; result: StreamResult } | { ok: false; failure: StreamError };

export async function runStreamWith(args: string[], io: CliIO, input: AsyncIterable<Uint8Array | string>, output: Writable): Promise<number> {
  const { options, positionals } = parseArgs(args, OPTIONS);
  if (options.has('help')) {
    io.stdout(STREAM_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`stream reads stdin and takes no PATH (got "${positionals[0]}")`);
  const size = options.get('max-size') as string | undefined;
  const limit = size === undefined ? DEFAULT_MAX_LINE_BYTES : parseSize(size);
  if (limit === undefined) throw new UsageError(`--max-size "${size}" is not a size (e.g. 500K, 64M)`);
  const maxBytes: number = limit;
  const jobs = parseJobs(options.get('jobs') as string | undefined);
  const workers = workerCount(jobs);
  const runHere = async (task: WorkerTask): Promise<WorkerReply> => ({
    kind: 'record',
    result: await annotateRecord((task as Extract<WorkerTask, { kind: 'record' }>).input),
  });

  // This thread is one of the jobs; workers are started as the text read so far warrants them (CHARS_PER_JOB each),
  // so an empty or short stream costs no worker at all.
  let pool: WorkerPool | undefined;
  let chars = 0;
  const annotate = async (line: { number: number; text: string }): Promise<Answer> => {
    const parsed = parseStreamLine(line.text, line.number);
    if (!parsed.ok) return parsed;
    const { input: record } = parsed;
    try {
      if (workers === 0) return { ok: true, result: await annotateRecord(record) };
      chars += record.text.length;
      pool ??= new WorkerPool(0, workersOnly() ? undefined : runHere);
      pool.grow(workerCount(jobs, Infinity, chars));
      const reply: WorkerReply = await pool.run({ kind: 'record', input: record });
      if (reply.kind === 'record') return { ok: true, result: reply.result };
      return {
        ok: false,
        failure: { id: record.id, error: `line ${line.number}: internal error: ${reply.kind === 'failed' ? reply.error : 'unexpected reply'}` },
      };
    } catch (e) {
      return { ok: false, failure: { id: record.id, error: `line ${line.number}: internal error: ${(e as Error).message}` } };
    }
  };

  let lines = 0;
  let failed = 0;
  async function* nonBlank() {
    for await (const line of splitLines(input, maxBytes)) if ('tooLong' in line || line.text.trim() !== '') yield line;
  }
  try {
    await mapOrdered(
      nonBlank(),
      Math.max(1, jobs) * WINDOW_PER_JOB,
      async (line): Promise<Answer> =>
        'tooLong' in line
          ? { ok: false, failure: { id: null, error: `line ${line.number}: longer than --max-size (${line.tooLong} bytes; the limit is ${maxBytes})` } }
          : annotate(line),
      async answer => {
        lines++;
        if (!answer.ok) {
          failed++;
          io.stderr(`news-annotator: ${answer.failure.error}\n`);
        }
        await writeLine(output, `${JSON.stringify(answer.ok ? answer.result : answer.failure)}\n`);
      },
    );
  } finally {
    await pool?.close();
  }
  if (failed > 0) io.stderr(`news-annotator: ${failed} of ${lines} lines failed\n`);
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

export function runStream(args: string[], io: CliIO): Promise<number> {
  return runStreamWith(args, io, process.stdin, process.stdout);
}
