// V8 settings for the CLI's process: imported first by the CLI's entry (src/cli.ts), before any code has run hot
// enough to be optimised. Never imported by the editor's entry: the extension host is a process shared with other
// extensions, whose settings are not ours to change.
//
// Why (issue 14): a CLI run is short (a second or two for a folder of news articles), so most of its analysis runs
// while V8 is still compiling the hot functions with TurboFan on a background thread. With inlining, the analyzer's
// big functions (the document steps, entity building, the tagger's feature loop) each took 150-900 ms of background
// compile on this machine, some twice after a de-optimisation; meanwhile they ran unoptimised. Without inlining each
// compiles in a fraction of that: a fresh `annotate --jobs 1` over the CoNLL development text (216 files) took
// 13-22% less CPU (user + sys, all threads), and a third pass over the same text in the same process (fully warm)
// took the same time, so nothing is lost on long runs. What it saves is the compiler thread's work: the main
// thread's time (and so the wall time where a core is free for the compiler) stayed the same within the noise.
// The flag changes how code is compiled, never what it computes.
//
// Measured and not kept: a V8 code cache for the bundle (vm.Script cachedData written after a run over the sample
// articles, the v8-compile-cache approach; branch clicache). It cut the bundle's compile from ~60 to ~22 ms and saved
// the lazy compiles of the first pass, but a whole `annotate --jobs 1` over the 216 CoNLL dev documents took only
// 2-4% less CPU (medians of paired ratios 0.956-0.980) and no measurable wall time: the cold pass is spent running
// unoptimised code, which a code cache cannot hold. Any other V8 flag (even --max-old-space-size) voids such a cache.
import { setFlagsFromString } from 'node:v8';

export const CLI_V8_FLAGS = '--no-turbo-inlining';

setFlagsFromString(CLI_V8_FLAGS);
