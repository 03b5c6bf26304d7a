// The README's picture of the Timeline view (media/screenshot-timeline.png): opens a seed article in the real
// workbench (code-server + headless Chromium), runs News Annotator: Show Timeline, and photographs the editor with
// the timeline beside it. Not part of `npm test`: run by `npm run screenshots`.
// usage: node test/ui/timeline-screenshot.mjs [DIR]   (default out/screenshots, gitignored)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureTools, packageVsix, root, startCodeServer } from './code-server.mjs';

const SEED = '001_aa74a8b8cfacc576.txt';
const shots = path.resolve(root, process.argv[2] ?? 'out/screenshots');
fs.mkdirSync(shots, { recursive: true });

ensureTools();
const vsix = packageVsix();
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-shot-'));
fs.copyFileSync(path.join(root, 'seeds', SEED), path.join(workspace, SEED));
const server = await startCodeServer({ workspace, vsix, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
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
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
try {
  await page.goto(server.url, { timeout: 90000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().click();
  await page.waitForSelector('.monaco-editor .view-lines:has-text("Russia")', { timeout: 30000 });
  await page.waitForSelector('.monaco-editor [class*="ced-"]', { timeout: 30000 }); // analysed
  await page.keyboard.press('Control+b'); // hide the side bar: room for the article and the timeline
  await page.keyboard.press('F1');
  await page.keyboard.type('News Annotator: Show Timeline');
  await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Show Timeline")', { timeout: 15000 });
  await page.keyboard.press('Enter');
  // the webview's page lives in nested frames: wait until one of them has drawn the items
  const t0 = Date.now();
  let frame;
  while (!frame) {
    for (const f of page.frames()) if (await f.$('g.event').catch(() => null)) frame = f;
    if (!frame && Date.now() - t0 > 60000) throw new Error('the timeline did not draw');
    if (!frame) await page.waitForTimeout(250);
  }
  // put the cursor on a date so the picture shows an item highlighted from the article
  await frame.locator('li.card', { hasText: 'Tue 3 Nov 2015' }).first().click({ timeout: 10000 });
  await page.waitForTimeout(800);
  const file = path.join(shots, 'screenshot-timeline.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(root, file)}`);
} finally {
  await browser.close();
  server.stop();
}
fs.rmSync(workspace, { recursive: true, force: true });
