// Command-line entry (bundled to dist/cli.js, bin `news-annotator`): a small launcher. The commands live in
// src/cli/, bundled apart into dist/cli-bundle.js, which this loads with V8's code cache (src/node/codeCache.ts).
// first: V8's settings must be in place before any code is compiled (see the module; the code cache is only
// accepted under the flags it was written with, and the build writes it through this launcher)
import './node/jitFlags';
import type { runCli } from './cli/bundle';
import { loadCliBundle } from './node/codeCache';

(loadCliBundle(__dirname, 'main thread') as { runCli: typeof runCli }).runCli();
