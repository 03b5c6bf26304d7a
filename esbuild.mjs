// Bundles the extension and the CLI. Types are checked separately (`npm run typecheck`).
// usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // compromise ships an ESM source and a CJS build; prefer the ESM source so it is tree-shaken and bundled once.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the CLI's worker threads (--jobs), loaded by src/cli/pool.ts from beside dist/cli.js
  { ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching src/ ...');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
