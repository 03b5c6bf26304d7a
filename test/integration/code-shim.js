#!/usr/bin/env node
// Adapted from the proven reference in shared/vscode-test-env (pinned: code-server 4.139.1, Node 24.21.0).
// code-shim: a stand-in for the VS Code desktop executable, for machines with no Electron.
//
// @vscode/test-electron's runTests({ vscodeExecutablePath }) and @vscode/test-cli's
// `useInstallation: { fromPath }` spawn the executable as
//   <exe> [launchArgs...] --extensionTestsPath=T --extensionDevelopmentPath=D --user-data-dir=U --extensions-dir=E ...
// and take its exit code as the test result. This script does the same job with
//   code-server (VS Code server, Node extension host)  +  headless Chromium (the workbench client, via playwright-core):
//   1. starts code-server on a free 127.0.0.1 port, auth none, with --vscode-option enable-smoke-test-driver
//      (without it a built workbench ignores the development payload below);
//   2. opens http://127.0.0.1:PORT/?folder=F&payload=[["extensionDevelopmentPath","vscode-remote://..."],
//      ["extensionTestsPath","vscode-remote://..."]], so the workbench starts the remote (Node) extension host in
//      extension-development mode and runs the tests' run() there;
//   3. the workbench reports the result through window.codeAutomationExit(code) and the extension host's console
//      through window.codeAutomationLog(type, args) (the hooks @vscode/test-web uses); both are exposed here;
//   4. stops code-server and the browser, and exits with the tests' code.
// Other invocations (--install-extension, --list-extensions, --version, ...) are passed to code-server's CLI.
//
// Environment:
//   CODE_SERVER_NODE   node 24 binary that code-server was installed with (default: <this dir>/node24-bin/node, else this node)
//   CODE_SERVER_ENTRY  code-server's entry script (default: <this dir>/node_modules/code-server/out/node/entry.js)
//   CHROMIUM_PATH      default /usr/bin/chromium
//   SHIM_TIMEOUT_MS    default 600000 (whole run)
//   SHIM_PORT          code-server's port (default: a free one); the same port, the same workspace storage
//   SHIM_VERBOSE=1     also print code-server's log, the page console and workbench noise
//   SHIM_SCREENSHOT    a .png path: screenshot of the workbench taken when the tests end (or time out)
//   (set for the tests) SHIM_KEYS_URL  http://127.0.0.1:PORT/TOKEN: POST {"keys": ["o", "Shift+N"]} there and the
//                      shim presses them, one after the other, in the workbench page (playwright's keyboard.press: real
//                      key events, so VS Code's keybindings and when-clauses decide what they do); answers once pressed
//   SHIM_WORKSPACE_TRUST=1  keep workspace trust on (no --disable-workspace-trust) and set the user settings that make
//                      a fresh profile open the folder untrusted without a prompt: the tests then run in Restricted Mode
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');

const argv = process.argv.slice(2);
const firstExisting = (...ps) => ps.find(p => fs.existsSync(p));
// The tools folder that test/integration/setup-env.sh fills (gitignored cache).
const TOOLS = process.env.VSCODE_TEST_ENV_DIR || path.resolve(__dirname, '../../.cache/vscode-test-env');
const NODE = process.env.CODE_SERVER_NODE || firstExisting(path.join(TOOLS, 'node24-bin/node')) || process.execPath;
const ENTRY =
  process.env.CODE_SERVER_ENTRY ||
  firstExisting(path.join(TOOLS, 'node_modules/code-server/out/node/entry.js')) ||
  'code-server entry.js not found (run test/integration/setup-env.sh)';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = +(process.env.SHIM_TIMEOUT_MS || 600000);
const VERBOSE = !!process.env.SHIM_VERBOSE;
const WORKSPACE_TRUST = process.env.SHIM_WORKSPACE_TRUST === '1';
const NOISE =
  /^\s*\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|^Canceled|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin/;

const opts = { dev: [], tests: undefined, udd: undefined, ext: undefined, folder: undefined, disableExtensions: false, other: [] };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  const val = () => (m[2] !== undefined ? m[2] : argv[++i]);
  if (!m) {
    if (!opts.folder) opts.folder = path.resolve(a);
    continue;
  }
  switch (m[1]) {
    case 'extensionDevelopmentPath':
      opts.dev.push(path.resolve(val()));
      break;
    case 'extensionTestsPath':
      opts.tests = path.resolve(val());
      break;
    case 'user-data-dir':
      opts.udd = path.resolve(val());
      break;
    case 'extensions-dir':
      opts.ext = path.resolve(val());
      break;
    case 'folder-uri':
      opts.folder = new URL(val()).pathname;
      break;
    case 'disable-extensions':
      opts.disableExtensions = true;
      break;
    // desktop-only flags that test-electron always passes: nothing to do for a server
    case 'no-sandbox':
    case 'disable-gpu-sandbox':
    case 'disable-updates':
    case 'skip-welcome':
    case 'skip-release-notes':
    case 'disable-workspace-trust':
    case 'disable-gpu':
    case 'new-window':
      break;
    default:
      opts.other.push(a);
  }
}

function csArgs(extra) {
  const a = [ENTRY];
  if (opts.udd) a.push('--user-data-dir', opts.udd);
  if (opts.ext) a.push('--extensions-dir', opts.ext);
  return a.concat(extra);
}
function csEnv(home) {
  // keep code-server's own config/state out of $HOME
  return { ...process.env, XDG_CONFIG_HOME: path.join(home, 'xdg-config'), XDG_DATA_HOME: path.join(home, 'xdg-data') };
}

// Not a test run: behave like the CLI (e.g. --install-extension x.vsix, --list-extensions, --version).
if (!opts.tests) {
  const home = opts.udd || fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-'));
  const r = spawnSync(NODE, csArgs(opts.other), { stdio: 'inherit', env: csEnv(home) });
  process.exit(r.status === null ? 1 : r.status);
}

const freePort = () =>
  new Promise((res, rej) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
const healthy = port =>
  new Promise(res => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, r => {
        r.resume();
        res(r.statusCode === 200);
      })
      .on('error', () => res(false))
      .on('timeout', function () {
        this.destroy();
        res(false);
      });
  });
const sleep = ms => new Promise(r => setTimeout(r, ms));

(async () => {
  const { chromium } = require('playwright-core');
  const t0 = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-'));
  opts.udd = opts.udd || path.join(work, 'user-data');
  opts.ext = opts.ext || path.join(work, 'extensions');
  const folder = opts.folder || fs.mkdtempSync(path.join(work, 'ws-'));
  // quiet, deterministic user settings (only when the profile has none)
  const settings = path.join(opts.udd, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(
      settings,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'chat.disableAIFeatures': true,
          'workbench.enableExperiments': false,
          'git.enabled': false,
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
        },
        null,
        2,
      ),
    );
  }
  // Trust is on in every session of this profile, or off in every one: set (or drop) the keys on each run.
  let current = {};
  try {
    current = JSON.parse(fs.readFileSync(settings, 'utf8'));
  } catch {
    /* not plain JSON: start over */
  }
  const trustKeys = {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  };
  for (const [k, v] of Object.entries(trustKeys)) {
    if (WORKSPACE_TRUST) current[k] = v;
    else delete current[k];
  }
  fs.writeFileSync(settings, JSON.stringify(current, null, 2));
  // real key presses for the tests (annotation mode is driven by keys): a local endpoint only the tests know the token of
  let pageReady;
  const pageFor = new Promise(r => (pageReady = r));
  const token = require('crypto').randomBytes(16).toString('hex');
  const keyServer = http.createServer((req, res) => {
    const fail = (code, why) => {
      res.writeHead(code, { 'content-type': 'text/plain' });
      res.end(why);
    };
    if (req.method !== 'POST' || req.url !== `/${token}/press`) return fail(404, 'not found');
    let body = '';
    req.on('data', d => (body += d));
    req.on('end', async () => {
      try {
        const { keys } = JSON.parse(body);
        if (!Array.isArray(keys) || !keys.every(k => typeof k === 'string')) return fail(400, 'keys: an array of key names');
        const page = await pageFor;
        for (const k of keys) await page.keyboard.press(k);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ pressed: keys.length }));
      } catch (e) {
        fail(500, String((e && e.message) || e));
      }
    });
  });
  await new Promise(r => keyServer.listen(0, '127.0.0.1', r));
  keyServer.unref();
  process.env.SHIM_KEYS_URL = `http://127.0.0.1:${keyServer.address().port}/${token}`;
  // a port of the caller's choosing keeps the workspace's storage (keyed by the remote authority, port included) from
  // one session to the next (the editor's bench opens one workspace three times)
  const port = Number(process.env.SHIM_PORT) || (await freePort());
  const cs = spawn(
    NODE,
    csArgs([
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(WORKSPACE_TRUST ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--config',
      path.join(work, 'code-server.yaml'),
      '--vscode-option',
      'enable-smoke-test-driver',
      ...opts.other,
    ]),
    { env: csEnv(work), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const csLog = fs.createWriteStream(path.join(work, 'code-server.log'));
  for (const s of [cs.stdout, cs.stderr])
    s.on('data', d => {
      csLog.write(d);
      if (VERBOSE) process.stderr.write(d);
    });
  let csExited = null;
  cs.on('exit', c => {
    csExited = c;
  });
  const stopServer = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {}
  };
  process.on('exit', stopServer);
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      stopServer();
      process.exit(130);
    });

  while (!(await healthy(port))) {
    if (csExited !== null) throw new Error(`code-server exited with ${csExited}; log: ${path.join(work, 'code-server.log')}`);
    if (Date.now() - t0 > 60000) throw new Error('code-server did not come up within 60 s');
    await sleep(200);
  }
  if (VERBOSE) console.error(`[code-shim] code-server up on ${port} after ${Date.now() - t0} ms`);

  const ctx = await chromium.launchPersistentContext(path.join(work, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'xdg-config'), XDG_CACHE_HOME: path.join(work, 'xdg-cache') }, // crashpad db etc. out of $HOME
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let finish;
  const finished = new Promise(r => (finish = r));
  await ctx.exposeBinding('codeAutomationExit', (_src, code) => finish(typeof code === 'number' ? code : 1));
  await ctx.exposeBinding('codeAutomationLog', (_src, type, args) => {
    const a = Array.isArray(args) ? args : [args];
    if (!VERBOSE && NOISE.test(String(a[0]))) return;
    (type === 'error' || type === 'warn' ? console.error : console.log)(...a);
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  pageReady(page);
  if (VERBOSE) page.on('console', m => console.error(`[page ${m.type()}] ${m.text()}`));
  page.on('pageerror', e => console.error('[page error]', e.message));
  const authority = `127.0.0.1:${port}`;
  const remote = p => `vscode-remote://${authority}${encodeURI(p)}`;
  const payload = [
    ...opts.dev.map(d => ['extensionDevelopmentPath', remote(d)]),
    ['extensionTestsPath', remote(opts.tests)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
    ...(opts.disableExtensions ? [['disableExtensions', 'true']] : []),
  ];
  const isWorkspaceFile = folder.endsWith('.code-workspace');
  const url =
    `http://${authority}/?${isWorkspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (VERBOSE) console.error('[code-shim] opening', url);
  // the workbench's first load can take well over playwright's default 30 s on a loaded 2-core machine
  await page.goto(url, { timeout: 180_000 });
  const code = await Promise.race([finished, sleep(Math.max(1, TIMEOUT - (Date.now() - t0))).then(() => 'timeout')]);
  if (process.env.SHIM_SCREENSHOT) await page.screenshot({ path: process.env.SHIM_SCREENSHOT }).catch(() => {});
  await ctx.close().catch(() => {});
  stopServer();
  if (code === 'timeout') {
    console.error(`[code-shim] tests did not finish within ${TIMEOUT} ms (code-server log: ${path.join(work, 'code-server.log')})`);
    process.exit(124);
  }
  console.error(`[code-shim] extension tests exit code ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (code === 0 && !process.env.SHIM_KEEP) fs.rmSync(work, { recursive: true, force: true });
  process.exit(code);
})().catch(e => {
  console.error('[code-shim] failed:', (e && e.stack) || e);
  process.exit(1);
});
