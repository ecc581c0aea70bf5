import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../platform/config';
import { CHROMIUM_PATH, ensureChromium } from '../../tools/chromium';

/**
 * The browser tests' harness (issue 18): Debian's Chromium driven headless by playwright-core, a
 * page that remembers its console errors, and screenshots under .data/screenshots/ (git-ignored)
 * so a person can look at what the test saw, and at what it saw when it failed.
 */
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, '.data', 'screenshots');

export interface OpenedPage {
  page: Page;
  /** console.error messages and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Saves `.data/screenshots/<name>-<step>.png` and answers its path. */
  shot(step: string): Promise<string>;
}

/** One headless Chromium for a test file; the global setup installed it (or said why it could not). */
export function launchBrowser(): Promise<Browser> {
  // Installed by the global setup; this only throws its one line when that was bypassed as non-root.
  ensureChromium();
  // --no-sandbox: tests run as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'], headless: true });
}

export async function openPage(browser: Browser, name: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
  const shot = async (step: string): Promise<string> => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  return { page, consoleErrors, shot };
}

/**
 * Runs a flow on a fresh page and closes it. A failure leaves a `<name>-failure.png` and is
 * rethrown with the page's console errors appended, since the browser's own complaint is usually
 * the reason a step found nothing.
 */
export async function withPage(browser: Browser, name: string, fn: (p: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openPage(browser, name);
  try {
    await fn(opened);
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const failureShot = await opened.shot('failure').catch((e: unknown) => `(no screenshot: ${(e as Error).message})`);
    const errors = opened.consoleErrors.length ? opened.consoleErrors.map((e) => `  ${e}`).join('\n') : '  (none)';
    error.message = `${error.message}\n\nscreenshot: ${failureShot}\npage console errors:\n${errors}`;
    throw error;
  } finally {
    await opened.page.close().catch(() => {});
  }
}
