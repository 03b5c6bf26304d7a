// Web-host check: the packaged extension (the same .vsix as the desktop) run by the browser's web worker extension
// host, the host of vscode.dev and github.dev, in code-server + headless Chromium. code-server would run it in its
// Node host; the user setting "remote.extensionKind": { "<id>": ["web"] } makes the workbench pick the web worker
// host instead, which loads package.json's "browser" entry (dist/web/extension.js) in a Worker.
// Checks that a Worker (and not the Node host) ran it, loading the bundle only once an article was opened and only
// once; then highlights, a hover, a sidecar written on disk through workspace.fs, and a second article.
// Prints the closing line "N passed, N failed". WEB_CHECK_VERBOSE=1 prints the page's console.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureTools, packageVsix, root, startCodeServer } from '../ui/code-server.mjs';

const EXTENSION_ID = 'news-annotator.news-annotator';
const SEED = '000_a57557e610cf5658.txt';
const SECOND = '001_aa74a8b8cfacc576.txt';
const VERBOSE = !!process.env.WEB_CHECK_VERBOSE;
const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`  ✔ ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(
      `  ✘ ${name}\n    ${String((e && e.message) || e)
        .split('\n')
        .join('\n    ')}`,
    );
  }
}

/** Resolves once `probe` returns a truthy value (polled), or rejects after `ms` with `what`. */
async function until(probe, ms, what) {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

ensureTools();
const vsix = packageVsix();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-web-'));
for (const f of [SEED, SECOND]) fs.copyFileSync(path.join(root, 'seeds', f), path.join(workspace, f));
const sidecar = path.join(workspace, `${SEED}.annotations.json`);
const server = await startCodeServer({ workspace, vsix, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
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
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });

// The workers the page starts: one of them is the web worker extension host.
const workers = [];
page.on('worker', w => workers.push(w));
if (VERBOSE) page.on('console', m => console.log(`    [console] ${m.text().slice(0, 300)}`));

/** The files of this extension a worker fetched (its resource timing entries), as paths on the server. */
const fetchedBy = w =>
  w
    .evaluate(() => globalThis.performance.getEntriesByType('resource').map(e => e.name))
    .then(
      names =>
        names
          .map(n => new URL(n))
          .map(u => u.searchParams.get('path') ?? decodeURIComponent(u.pathname))
          .filter(p => p.includes(`/${EXTENSION_ID}-`)),
      () => [],
    );

const WEB_ENTRY = '/dist/web/extension.js';
/** How many times the workers fetched the browser entry so far. */
const webEntryFetches = async () => (await Promise.all(workers.map(fetchedBy))).flat().filter(p => p.endsWith(WEB_ENTRY)).length;

console.log('web-check');
try {
  // the machine may be busy (2 cores shared): generous timeouts for the workbench's first load
  await page.goto(server.url, { timeout: 180000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 180000 });
  // activation events onLanguage:plaintext/markdown: nothing of the extension (nor its model data) is loaded yet
  const fetchedAtStartup = await webEntryFetches();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().click();
  await page.waitForSelector('.monaco-editor .view-lines:has-text("Putin")', { timeout: 60000 });
  const decoSel = '.monaco-editor .view-overlays [class*="ced-"], .monaco-editor .view-lines [class*="ced-"]';

  await check('the article shows highlight decorations', async () => {
    await page.waitForSelector(decoSel, { timeout: 60000 });
    const n = await page.locator(decoSel).count();
    if (n < 10) throw new Error(`only ${n} decoration elements`);
    console.log(`    ${n} decoration elements`);
  });

  await check('the .vsix installed carries both entries (main: dist/extension.js, browser: dist/web/extension.js)', async () => {
    const ext = path.join(server.work, 'extensions');
    const dir = fs.readdirSync(ext).find(d => d.startsWith(`${EXTENSION_ID}-`));
    if (!dir) throw new Error(`${EXTENSION_ID} is not installed in ${ext}`);
    const pkg = JSON.parse(fs.readFileSync(path.join(ext, dir, 'package.json'), 'utf8'));
    for (const entry of [pkg.main, pkg.browser]) {
      if (!entry || !fs.existsSync(path.join(ext, dir, entry))) throw new Error(`entry ${entry} is missing from the installed extension`);
    }
  });

  await check('the browser entry (with the model data in it) was not loaded before an article was opened', async () => {
    if (fetchedAtStartup !== 0) throw new Error(`fetched ${fetchedAtStartup} time(s) with no article open`);
  });

  await check('a web worker (no Node: `process` undefined) loaded the browser entry dist/web/extension.js', async () => {
    const found = [];
    for (const w of workers) {
      const files = await fetchedBy(w);
      if (files.length) found.push({ files, process: await w.evaluate(() => typeof process) });
    }
    const host = found.find(f => f.files.some(n => n.endsWith(WEB_ENTRY)));
    if (!host) throw new Error(`no worker fetched dist/web/extension.js (${workers.length} workers; extension files fetched: ${JSON.stringify(found)})`);
    if (host.process !== 'undefined') throw new Error(`the worker has a \`process\` (${host.process}): not a browser worker`);
    if (found.some(f => f.files.some(n => n.endsWith('/dist/extension.js')))) throw new Error('a worker also fetched the Node entry');
    console.log(`    ${host.files.map(n => n.replace(/^.*\/extensions\//, '')).join(', ')}`);
  });

  await check('a hover on the first mention shows its summary', async () => {
    const box = await page.locator(decoSel).first().boundingBox();
    if (!box) throw new Error('no decoration is rendered');
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    // the hover says "Loading..." until the extension host answers (slow on a busy machine)
    let text = '';
    await until(async () => /Putin/.test((text = await hover.innerText().catch(() => ''))), 30000, 'a hover naming Putin').catch(e => {
      throw new Error(`${e.message}; it shows ${JSON.stringify(text)}`);
    });
    console.log(`    hover: ${JSON.stringify(text.slice(0, 200))}`);
  });

  await check('removing the first mention writes the sidecar (with the rejection) into the workspace on disk', async () => {
    if (fs.existsSync(sidecar)) throw new Error('a sidecar exists before any annotation change');
    await page.mouse.move(5, 5); // away from the hover
    await page.keyboard.press('Escape');
    const box = await until(() => page.locator(decoSel).first().boundingBox(), 30000, 'the first decoration on screen');
    await page.mouse.click(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    await page.keyboard.press('Escape'); // the hover opened by the click
    await page.keyboard.press('Control+Alt+Backspace'); // News Annotator: Remove Annotation
    const text = await until(() => fs.existsSync(sidecar) && fs.readFileSync(sidecar, 'utf8'), 30000, path.basename(sidecar));
    const data = JSON.parse(text);
    if (data.document?.file !== SEED) throw new Error(`the sidecar names ${data.document?.file}, not ${SEED}`);
    if (!/^news-annotator /.test(data.generator)) throw new Error(`unexpected generator ${data.generator}`);
    const rejected = data.rejections?.find(r => r.start === 0);
    if (!rejected || rejected.text !== 'Vladimir Putin') throw new Error(`the removal is not recorded: rejections ${JSON.stringify(data.rejections)}`);
    if (data.annotations.some(a => a.start === 0)) throw new Error('the removed mention is still among the annotations');
    console.log(`    ${path.basename(sidecar)}: ${data.annotations.length} annotations, rejected ${JSON.stringify(rejected.text)}`);
  });

  await check('a second article is annotated by the same loaded bundle (fetched once)', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SECOND }).first().click();
    await page.waitForSelector('.monaco-editor .view-lines:has-text("anti-aircraft missile systems")', { timeout: 60000 });
    await page.waitForSelector(decoSel, { timeout: 60000 });
    const n = await webEntryFetches();
    if (n !== 1) throw new Error(`dist/web/extension.js fetched ${n} times`);
    console.log(`    ${await page.locator(decoSel).count()} decoration elements in ${SECOND}; the browser entry fetched once`);
  });

  await check("code-server's Node extension host did not activate the extension (its log lists the others)", async () => {
    const logs = path.join(server.work, 'user-data/logs');
    const files = fs
      .readdirSync(logs, { recursive: true })
      .filter(f => /remoteexthost\.log$/.test(f))
      .map(f => path.join(logs, f));
    const lines = files.flatMap(f => fs.readFileSync(f, 'utf8').split('\n')).filter(l => l.includes('_doActivateExtension'));
    if (lines.length === 0) throw new Error(`no activation is logged in ${files.join(', ') || logs}: cannot tell`);
    const ours = lines.filter(l => l.includes(EXTENSION_ID));
    if (ours.length) throw new Error(`the Node host activated it too:\n${ours.join('\n')}`);
    console.log(`    ${lines.length} activations of other extensions logged, none of ${EXTENSION_ID}`);
  });
} catch (e) {
  results.push(['the workbench opens the article', false]);
  console.log(`  ✘ the workbench opens the article\n    ${String((e && e.message) || e).split('\n')[0]}`);
} finally {
  await browser.close();
  server.stop();
}
const failed = results.filter(r => !r[1]).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
if (failed === 0) for (const dir of [workspace, server.work]) fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
