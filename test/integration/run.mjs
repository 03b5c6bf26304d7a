// Runs the integration suite inside a real VS Code extension host: code-server + headless Chromium, driven
// through @vscode/test-electron's runTests with code-shim.js as the "VS Code executable".
// Steps: make sure the tools are installed (setup-env.sh), bundle the extension and the tests, copy the
// sample articles into a throw-away workspace, run.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const here = path.join(root, 'test/integration');

execFileSync('bash', [path.join(here, 'setup-env.sh')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });

const outDir = path.join(root, 'out/test/integration');
fs.rmSync(outDir, { recursive: true, force: true });
const testFiles = fs.readdirSync(path.join(here, 'suite')).filter(f => f.endsWith('.ts')).map(f => path.join(here, 'suite', f));
await esbuild.build({
  entryPoints: testFiles, outdir: outDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  sourcemap: true, external: ['vscode', 'mocha'], logLevel: 'warning',
});

// A fresh workspace each run: the tests write sidecars and must not touch the repository's files.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-ws-'));
fs.cpSync(path.join(root, 'seeds'), path.join(workspace, 'seeds'), {
  recursive: true, filter: src => !src.endsWith('.annotations.json') && !src.endsWith('.bak'),
});
fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });

const code = await runTests({
  vscodeExecutablePath: path.join(here, 'code-shim.js'),
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(outDir, 'index.js'),
  launchArgs: [workspace, '--disable-extensions'],
  extensionTestsEnv: { NEWS_ANNOTATOR_TEST_WORKSPACE: workspace },
}).catch(err => {
  console.error('[integration] could not run the tests:', err);
  return 1;
});
if (code === 0) fs.rmSync(workspace, { recursive: true, force: true });
else console.error(`[integration] failed (exit ${code}); workspace kept at ${workspace}`);
process.exit(code);
