// The CLI's code as one bundle (dist/cli-bundle.js), loaded by two small launchers: dist/cli.js (src/cli.ts) runs
// `runCli` in the main thread, dist/worker.js (./workerThread.ts) calls `serveTasks` in each worker thread of
// `--jobs`. One bundle, so that one V8 code cache (src/node/codeCache.ts), written by the build after a run over the
// sample articles, serves both.
import { main } from './main';
import { safeOutput } from './safeText';

export { serveTasks } from './worker';

export function runCli(): void {
  main(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  }).then(
    code => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(safeOutput(`news-annotator: internal error: ${(e as Error)?.stack ?? String(e)}\n`));
      process.exitCode = 1;
    },
  );
}
