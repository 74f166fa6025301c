/**
 * A real browser for the page tests: Debian's chromium (apt-get install -y chromium), driven by
 * playwright-core, started here with a fresh profile and the network switched off. Nothing is
 * downloaded: playwright-core brings no browser of its own, and this uses the system's.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Debian's chromium, or the Chromium-based browser ACTIV_CHROMIUM names. */
export const CHROMIUM = process.env.ACTIV_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium, headless, offline, in a profile of its own that is removed on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the page tests need a Chromium at ${CHROMIUM}: apt-get install -y chromium, or set ACTIV_CHROMIUM`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'activ-chromium-'));
  // launchPersistentContext is Playwright's way to give Chromium a --user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1300, height: 1000 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  await context.setOffline(true);
  // The page's Copy button writes the clipboard; the tests read it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenPage {
  readonly page: Page;
  /** Console errors and warnings, and uncaught exceptions, as they happen. */
  readonly problems: string[];
  /** Every URL the page asked for, the page itself included. */
  readonly requests: string[];
}

/** Open an HTML file and wait until its figure is drawn. */
export async function openPage(browser: Browser, file: string): Promise<OpenPage> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => 'activPage' in window, undefined, { timeout: 20_000 });
  return { page, problems, requests };
}

/** The figure's canvas as PNG bytes (at device pixel ratio 1 its pixels are the figure's). */
export async function canvasPng(page: Page, selector = '#figure'): Promise<Buffer> {
  const url = await page.evaluate(
    (s) => (document.querySelector(s) as HTMLCanvasElement).toDataURL('image/png'),
    selector,
  );
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

export function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}
