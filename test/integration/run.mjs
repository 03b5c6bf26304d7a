// Runs the integration suite inside a real VS Code extension host: code-server + headless Chromium, driven
// through @vscode/test-electron's runTests with code-shim.js as the "VS Code executable".
// Steps: make sure the tools are installed (setup-env.sh), bundle the extension and the tests, copy the
// sample articles into a throw-away workspace, run suite/ in a trusted session, then restricted/ in a second,
// short session in Restricted Mode. Both print their closing `N passed, N failed` line; any failure fails the exit code.
// INTEGRATION_ONLY=trusted|restricted runs one session (while working on it).
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
/** Bundles a folder's test files (and its index.ts) into out/test/integration/<name>/. */
async function bundle(name) {
  const files = fs
    .readdirSync(path.join(here, name))
    .filter(f => f.endsWith('.ts'))
    .map(f => path.join(here, name, f));
  await esbuild.build({
    entryPoints: files,
    outdir: path.join(outDir, name),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outDir, name, 'index.js');
}
const suiteIndex = await bundle('suite');
const restrictedIndex = await bundle('restricted');

/** One code-server session over `workspace`; resolves to its exit code (0: every test passed). */
async function session(label, workspace, testsIndex, { trust = false, extraArgs = [] } = {}) {
  console.log(`\n[integration] ${label}`);
  const code = await runTests({
    vscodeExecutablePath: path.join(here, 'code-shim.js'),
    extensionDevelopmentPath: root,
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, '--disable-extensions', ...extraArgs],
    extensionTestsEnv: { NEWS_ANNOTATOR_TEST_WORKSPACE: workspace, ...(trust ? { SHIM_WORKSPACE_TRUST: '1' } : {}) },
  }).catch(err => {
    console.error(`[integration] ${label}: could not run the tests:`, err);
    return 1;
  });
  if (code === 0) fs.rmSync(workspace, { recursive: true, force: true });
  else console.error(`[integration] ${label} failed (exit ${code}); workspace kept at ${workspace}`);
  return code;
}

// A fresh workspace each run: the tests write sidecars and must not touch the repository's files.
function trustedWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-ws-'));
  fs.cpSync(path.join(root, 'seeds'), path.join(workspace, 'seeds'), {
    recursive: true,
    filter: src => !src.endsWith('.annotations.json') && !src.endsWith('.bak'),
  });
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  return workspace;
}
const only = process.env.INTEGRATION_ONLY;
const trusted = only === 'restricted' ? 0 : await session('trusted workspace', trustedWorkspace(), suiteIndex);

// Restricted Mode: workspace trust on, a fresh profile (so nothing is trusted yet), a workspace whose files and
// settings would change the analysis and the sidecar location if they were obeyed.
let restricted = 0;
if (only !== 'trusted') {
  const restrictedWs = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-restricted-'));
  fs.cpSync(path.join(here, 'restricted/workspace'), restrictedWs, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-profile-'));
  restricted = await session('Restricted Mode (untrusted workspace)', restrictedWs, restrictedIndex, {
    trust: true,
    extraArgs: [`--user-data-dir=${profile}`],
  });
  fs.rmSync(profile, { recursive: true, force: true });
}

process.exit(trusted !== 0 ? trusted : restricted);
