#!/usr/bin/env node
// Screenshots of the interactive page for the README (docs/figures/page*.png), taken in Debian's
// chromium through playwright-core, offline, as the page tests run it. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const work = mkdtempSync(join(tmpdir(), 'activ-page-shots-'));
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1240, height: 820 },
  deviceScaleFactor: 1,
});
await context.setOffline(true);

/** Write the page for `args`, open it, let `act` use it, and take the screenshot. */
async function shoot(args, out, act) {
  const file = join(work, 'page.html');
  execFileSync(process.execPath, ['bin/activ.js', 'plot', ...args, '-o', file]);
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => 'activPage' in globalThis);
  await act(page);
  await page.screenshot({ path: out, fullPage: false });
  await page.close();
}

/** Point at data x on a default-size figure whose x view is lo..hi. */
async function pointAt(page, x, lo, hi, y = 240) {
  const box = await page.locator('#figure').boundingBox();
  await page.mouse.move(box.x + Math.floor(80 + ((x - lo) / (hi - lo)) * 496) + 0.25, box.y + y);
}

await shoot(['elu', 'gelu', '--alpha', '0.5,1'], 'docs/figures/page.png', async (page) => {
  await pointAt(page, -1, -5.5, 5.5);
});
await shoot(
  ['tanh', 'softsign', '--theme', 'dark', '--grid', '--title', '--derivative', '--range', '-4..4'],
  'docs/figures/page-dark.png',
  async (page) => {
    await pointAt(page, 0.5, -4.4, 4.4);
  },
);
await context.close();
rmSync(work, { recursive: true, force: true });
