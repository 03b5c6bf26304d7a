// The analyzer as the product runs it: bundled by esbuild with the CLI's settings (esbuild.mjs), not loaded through
// tsx, whose TypeScript loader reads every imported binding through a getter and names every closure at run time
// (1.3-1.6x slower on the analysis). The naive pipeline runs compromise's own JavaScript, so the bundle is the fair
// side to compare it with; the benchmark prints both.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export type AnalyzerClass = new (maxCacheEntries?: number) => { analyze(text: string): unknown };

/** Builds src/core/analyze.ts as the CLI bundle is built (into a temporary folder) and loads its Analyzer. */
export function shippedAnalyzer(root: string): AnalyzerClass {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
  const outfile = path.join(dir, 'analyze.js');
  try {
    esbuild.buildSync({
      entryPoints: [path.join(root, 'src/core/analyze.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle built at run time
    return (require(outfile) as { Analyzer: AnalyzerClass }).Analyzer;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
