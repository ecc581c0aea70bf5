import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, withPage } from '../support/browser';

/**
 * The browser harness itself (issue 18): a failed flow must leave a screenshot and say what the
 * page complained about, or a red browser test explains nothing. No stack: a page from a data URL.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

const BROKEN_PAGE = `data:text/html,<p>hello</p><script>console.error('boom from the page'); setTimeout(() => { throw new Error('thrown later'); });</script>`;

test('issue 18: withPage rethrows a failed step with a failure screenshot and the page console errors', async () => {
  let seen: unknown;
  await withPage(browser, 'harness', async ({ page, shot }) => {
    await page.goto(BROKEN_PAGE);
    await page.waitForFunction(() => true);
    expect(existsSync(await shot('loaded'))).toBe(true);
    await page.waitForTimeout(50); // the page's setTimeout throws meanwhile
    throw new Error('the step found nothing');
  }).catch((err: unknown) => {
    seen = err;
  });
  expect(seen).toBeInstanceOf(Error);
  const message = (seen as Error).message;
  expect(message).toContain('the step found nothing');
  expect(message).toContain('boom from the page');
  expect(message).toContain('uncaught: thrown later');
  const failure = /screenshot: (\S+harness-failure\.png)/.exec(message)?.[1];
  expect(failure && existsSync(failure)).toBe(true);
});
