// Starts code-server (the real VS Code, served to a browser) with the packaged extension installed into an
// isolated profile, on 127.0.0.1 only. Used by the UI check and by `npm run editor`.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tools = process.env.VSCODE_TEST_ENV_DIR || path.join(root, '.cache/vscode-test-env');
const node24 = path.join(tools, 'node24-bin/node');
const entry = path.join(tools, 'node_modules/code-server/out/node/entry.js');

export function ensureTools() {
  execFileSync('bash', [path.join(root, 'test/integration/setup-env.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Builds the production bundle and the .vsix; returns its path. */
export function packageVsix() {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return path.join(root, 'news-annotator.vsix');
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });

/**
 * @param {{ workspace: string, vsix: string, port?: number, settings?: object }} o
 * @returns {Promise<{ url: string, port: number, stop: () => void, work: string }>}
 */
export async function startCodeServer({ workspace, vsix, port, settings = {} }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-cs-'));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(work, 'xdg'), XDG_DATA_HOME: path.join(work, 'xdg') };
  const udd = path.join(work, 'user-data');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(udd, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'security.workspace.trust.enabled': false,
        'editor.wordWrap': 'on',
        'editor.minimap.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  const common = ['--user-data-dir', udd, '--extensions-dir', path.join(work, 'extensions')];
  execFileSync(node24, [entry, ...common, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  port = port ?? (await freePort());
  const cs = spawn(
    node24,
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--config',
      path.join(work, 'cs.yaml'),
      workspace,
    ],
    { env, stdio: ['ignore', fs.openSync(path.join(work, 'code-server.log'), 'w'), 'inherit'], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  const t0 = Date.now();
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      r => r.ok,
      () => false,
    );
    if (ok) break;
    if (cs.exitCode !== null) throw new Error(`code-server exited; see ${path.join(work, 'code-server.log')}`);
    if (Date.now() - t0 > 60000) throw new Error('code-server did not come up within 60 s');
    await new Promise(r => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, port, stop, work };
}
