// The browser bundle (dist/web/extension.js, for the web worker extension host) must not need Node: its esbuild
// metafile (dist/web/meta.json, written by esbuild.mjs) lists every import, and none may be a Node built-in.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.join(__dirname, '../../..');
const metafilePath = path.join(root, 'dist/web/meta.json');
const bundlePath = path.join(root, 'dist/web/extension.js');

const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]);

/** Every import the metafile records, as "importer -> imported" with whether esbuild left it external. */
function importsOf(meta: esbuild.Metafile): { from: string; path: string; external: boolean }[] {
  const inputs = Object.entries(meta.inputs).flatMap(([from, input]) => input.imports.map(i => ({ from, path: i.original ?? i.path, external: !!i.external })));
  const outputs = Object.entries(meta.outputs).flatMap(([from, output]) => output.imports.map(i => ({ from, path: i.path, external: !!i.external })));
  return [...inputs, ...outputs];
}

const nodeBuiltinImports = (meta: esbuild.Metafile) => importsOf(meta).filter(i => isBuiltin(i.path));

describe('browser bundle (dist/web/extension.js)', function () {
  this.timeout(60_000);
  let meta: esbuild.Metafile;

  before(() => {
    if (!fs.existsSync(metafilePath) || !fs.existsSync(bundlePath)) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
    }
    meta = JSON.parse(fs.readFileSync(metafilePath, 'utf8')) as esbuild.Metafile;
  });

  it('is built from the web entry, with the editor glue and the core in it', () => {
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.includes('src/vscode/web/extension.ts'), 'the web entry is an input');
    assert.ok(inputs.includes('src/vscode/extension.ts'), 'the shared composition is an input');
    assert.ok(
      inputs.some(i => i.startsWith('src/core/')),
      'the core is bundled',
    );
    assert.deepEqual(
      Object.keys(meta.outputs).filter(o => o.endsWith('.js')),
      ['dist/web/extension.js'],
    );
  });

  it('imports no Node built-in, directly or through a dependency', () => {
    assert.deepEqual(nodeBuiltinImports(meta), []);
  });

  it('leaves only `vscode` to the host (nothing else is external)', () => {
    const external = new Set(
      importsOf(meta)
        .filter(i => i.external)
        .map(i => i.path),
    );
    assert.deepEqual([...external], ['vscode']);
  });

  it('has no src/vscode/node/ module in it (the Node-only half of the glue)', () => {
    assert.deepEqual(
      Object.keys(meta.inputs).filter(i => i.startsWith('src/vscode/node/')),
      [],
    );
  });

  it('the bundle text requires nothing but vscode', () => {
    const text = fs.readFileSync(bundlePath, 'utf8');
    const required = new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(m => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  it('uses no DOM (a web worker has none): no browser-only build of a dependency is bundled', () => {
    const text = fs.readFileSync(bundlePath, 'utf8');
    assert.ok(!/\bdocument\.createElement\b/.test(text), 'document.createElement in the bundle');
    assert.deepEqual(
      Object.keys(meta.inputs).filter(i => i.endsWith('.dom.js')),
      [],
    );
  });

  it('the same inspection finds node:fs in the Node entry (so it can see one when it is there)', async () => {
    const node = await esbuild.build({
      entryPoints: [path.join(root, 'src/vscode/node/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
      outfile: 'out.js',
    });
    // node:crypto hashes articles for the corpus index (src/node/hash.ts through Platform.sha256); node:path joins the
    // paths of its folder listing (src/node/listFolder.ts through Platform.disk)
    assert.deepEqual([...new Set(nodeBuiltinImports(node.metafile).map(i => i.path))].sort(), ['node:crypto', 'node:fs', 'node:path']);
  });
});
