// The real editor for the integration tests and the editor's bench (scripts/bench-editor.ts): the tools installed
// (setup-env.sh), the extension bundled, a folder of extension-host code bundled, and one code-server session run over
// a workspace with it (code-shim.js as the "VS Code executable" of @vscode/test-electron's runTests).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const here = path.join(root, 'test/integration');

/** Installs the tools if missing (code-server, Chromium's driver) and bundles the extension. */
export function prepareEditor() {
  execFileSync('bash', [path.join(here, 'setup-env.sh')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
}

/** Bundles the .ts files of `dir` (with its index.ts, whose run() the extension host calls) into `outDir`. */
export async function bundleHostCode(dir, outDir) {
  const files = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.ts'))
    .map(f => path.join(dir, f));
  await esbuild.build({
    entryPoints: files,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}

/**
 * One code-server session over `workspace` running `hostIndex`; resolves to its exit code (0: every test passed).
 * `env`: more environment for the extension host. The workspace is deleted when the session passes, unless `keep`.
 */
export async function session(label, workspace, hostIndex, { trust = false, extraArgs = [], env = {}, keep = false } = {}) {
  console.log(`\n[integration] ${label}`);
  const code = await runTests({
    vscodeExecutablePath: path.join(here, 'code-shim.js'),
    extensionDevelopmentPath: root,
    extensionTestsPath: hostIndex,
    launchArgs: [workspace, '--disable-extensions', ...extraArgs],
    extensionTestsEnv: { NEWS_ANNOTATOR_TEST_WORKSPACE: workspace, ...(trust ? { SHIM_WORKSPACE_TRUST: '1' } : {}), ...env },
  }).catch(err => {
    console.error(`[integration] ${label}: could not run the tests:`, err);
    return 1;
  });
  if (code === 0) {
    if (!keep) fs.rmSync(workspace, { recursive: true, force: true });
  } else console.error(`[integration] ${label} failed (exit ${code}); workspace kept at ${workspace}`);
  return code;
}
