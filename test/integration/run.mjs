// Runs the integration suite inside a real VS Code extension host: code-server + headless Chromium, driven
// through @vscode/test-electron's runTests with code-shim.js as the "VS Code executable".
// Steps: make sure the tools are installed (setup-env.sh), bundle the extension and the tests, copy the
// sample articles into a throw-away workspace, run suite/ in a trusted session, then restricted/ in a second,
// short session in Restricted Mode, then multiroot/ in a third over a workspace of two folders where no article is
// opened before Ctrl+T, then snapshot/ in a fourth over a fresh folder of the sample articles where none is ever
// opened. Each prints its closing `N passed, N failed` line; any failure fails the exit code.
// INTEGRATION_ONLY=trusted|restricted|multiroot|snapshot runs one session (while working on it).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleHostCode, prepareEditor, root, session } from './harness.mjs';

const here = path.join(root, 'test/integration');
prepareEditor();

const outDir = path.join(root, 'out/test/integration');
fs.rmSync(outDir, { recursive: true, force: true });
/** Bundles a folder's test files (and its index.ts) into out/test/integration/<name>/. */
const bundle = name => bundleHostCode(path.join(here, name), path.join(outDir, name));
const suiteIndex = await bundle('suite');
const restrictedIndex = await bundle('restricted');
const multirootIndex = await bundle('multiroot');
const snapshotIndex = await bundle('snapshot');

// A fresh workspace each run: the tests write sidecars and must not touch the repository's files.
function trustedWorkspace() {
  const workspace = seedsWorkspace();
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  return workspace;
}
/** A fresh folder holding the sample articles (no sidecar) in seeds/. */
function seedsWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-ws-'));
  fs.cpSync(path.join(root, 'seeds'), path.join(workspace, 'seeds'), {
    recursive: true,
    filter: src => !src.endsWith('.annotations.json') && !src.endsWith('.bak'),
  });
  return workspace;
}
const only = process.env.INTEGRATION_ONLY;
const wants = name => !only || only === name;
const trusted = wants('trusted') ? await session('trusted workspace', trustedWorkspace(), suiteIndex) : 0;

// Restricted Mode: workspace trust on, a fresh profile (so nothing is trusted yet), a workspace whose files and
// settings would change the analysis and the sidecar location if they were obeyed.
let restricted = 0;
if (wants('restricted')) {
  const restrictedWs = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-restricted-'));
  fs.cpSync(path.join(here, 'restricted/workspace'), restrictedWs, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-profile-'));
  restricted = await session('Restricted Mode (untrusted workspace)', restrictedWs, restrictedIndex, {
    trust: true,
    extraArgs: [`--user-data-dir=${profile}`],
  });
  fs.rmSync(profile, { recursive: true, force: true });
}

// Two workspace folders, saved as a .code-workspace beside them: north holds three seeds, south the other two and
// the decisions file. A fresh profile, so no view restored from an earlier session activates the extension: only
// its activation events may, and the tests open no article before Ctrl+T.
let multiroot = 0;
if (wants('multiroot')) {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-multiroot-'));
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter(f => f.endsWith('.txt'))
    .sort();
  for (const [folder, names] of [
    ['north', seeds.slice(0, 3)],
    ['south', seeds.slice(3)],
  ]) {
    fs.mkdirSync(path.join(ws, folder));
    for (const name of names) fs.copyFileSync(path.join(root, 'seeds', name), path.join(ws, folder, name));
  }
  fs.cpSync(path.join(here, 'multiroot/workspace'), ws, { recursive: true });
  const file = path.join(ws, 'news.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'north' }, { path: 'south' }] }, null, 2));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-profile-'));
  multiroot = await session('multi-root workspace, no article opened', file, multirootIndex, { extraArgs: [`--user-data-dir=${profile}`] });
  fs.rmSync(profile, { recursive: true, force: true });
  if (multiroot === 0) fs.rmSync(ws, { recursive: true, force: true });
}

// The corpus snapshot's record of the linking, which it keeps only when every indexed article was read from its
// sidecar: a folder of the seeds alone (no fixture with a deliberately bad sidecar) and a fresh profile (no editor
// restored), so no article is open as a document; in a session of its own, as a document opened by an earlier test
// stays open for up to 3 minutes after its editor closes.
let snapshot = 0;
if (wants('snapshot')) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-profile-'));
  snapshot = await session('corpus snapshot, no article opened', seedsWorkspace(), snapshotIndex, { extraArgs: [`--user-data-dir=${profile}`] });
  fs.rmSync(profile, { recursive: true, force: true });
}

process.exit([trusted, restricted, multiroot, snapshot].find(code => code !== 0) ?? 0);
