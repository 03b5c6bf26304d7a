// Command-line entry (bundled to dist/cli.js, bin `news-annotator`). The commands live in src/cli/.
// first: V8's settings must be in place before any code runs hot (see the module)
import './node/jitFlags';
import { main } from './cli/main';
import { safeOutput } from './cli/safeText';

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
