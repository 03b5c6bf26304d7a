// Bundles the extension (a Node entry and a browser entry) and the CLI, then prints each bundle's size. Types are
// checked separately (`npm run typecheck`).
// usage: node esbuild.mjs [--watch] [--production]
import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';
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

/** Where the browser build writes its metafile: test/unit/build/webBundle.test.ts checks it for Node built-ins. */
const WEB_METAFILE = 'dist/web/meta.json';

const builds = [
  { ...common, entryPoints: ['src/vscode/node/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The web worker extension host (vscode.dev, github.dev, code-server's browser): CommonJS like the Node entry
  // (the host loads it with its own require), no Node built-ins and no polyfills: with platform 'browser' esbuild
  // fails on any import of one instead of shimming it.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // a web worker has no DOM: packages that ship a DOM build for browsers (decode-named-character-reference,
    // under micromark) give their worker build for this condition
    conditions: ['worker'],
    entryPoints: ['src/vscode/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    metafile: true,
  },
  // the CLI's worker threads (--jobs), loaded by src/cli/pool.ts from beside dist/cli.js
  { ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
  // the Timeline view's script, d3 included, for the webview (a browser page that loads nothing remote)
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: ['src/vscode/timeline/webview/main.ts'],
    outfile: 'dist/webview/timeline.js',
  },
];

/**
 * Rewrites the non-ASCII characters esbuild leaves in regular-expression literals (and comments) as \u escapes, so
 * that Node reads the CLI's bundles as one-byte strings: a 1 MB bundle holding even one non-ASCII character is
 * decoded from UTF-8 and compiled as a two-byte string, ~12 ms more CPU for every fresh process and worker (issue 14).
 * esbuild already escapes string literals; in a regular expression a \u escape is the same character, with or
 * without the u flag (under u a pair of surrogate escapes is one code point), and so in the String.raw templates
 * the export tokenizer (src/core/export/tokens.ts) joins into its RegExp. Columns in the source map shift on those few lines only.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const hex = code => `\\u${code.toString(16).padStart(4, '0')}`;
  const out = text.replace(/[^\0-\x7f]/g, c => hex(c.charCodeAt(0)));
  if (out !== text) fs.writeFileSync(file, out);
}

/** The bundles a fresh CLI process compiles: the CLI and its --jobs worker. */
const ASCII_ONLY = ['dist/cli.js', 'dist/worker.js'];

function report(results) {
  for (const f of ASCII_ONLY) asciiOnly(f);
  const kib = n => `${(n / 1024).toFixed(1)} KiB`;
  for (const b of builds) {
    // gzip: roughly what a browser downloads for the web entry (the servers compress it)
    const bytes = fs.readFileSync(b.outfile);
    console.log(
      `[esbuild] ${b.outfile.padEnd(22)} ${kib(bytes.length).padStart(10)}, gzip ${kib(gzipSync(bytes).length).padStart(9)}  (${b.platform}${production ? ', minified' : ''})`,
    );
  }
  for (const r of results) if (r.metafile) fs.writeFileSync(WEB_METAFILE, JSON.stringify(r.metafile));
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching src/ ...');
} else {
  report(await Promise.all(builds.map(b => esbuild.build(b))));
}
