import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { freePort } from '../../tools/lib/process';
import { PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { launchBrowser, withPage } from '../support/browser';

/**
 * GraphiQL served offline by the gateway (issue 18): the real stack, Debian's Chromium, a dev token
 * typed into the header editor, a query run, and every request the page made kept on the
 * gateway's origin. Then a second gateway with GRAPHIQL=off, which must not serve it.
 */
const keysDir = process.env.KEYS_DIR!;
// A Redis database no other test file uses (event streams and consumer groups are per database).
const redisUrl = `${process.env.REDIS_URL}/58`;
let stack: Stack;
let logDir: string;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // npm test's pretest builds ui/ (scripts/ensure-deps.mjs); a lone jest run needs it done once.
  if (!existsSync(path.join(PROJECT_ROOT, 'ui', 'graphiql', 'dist', 'index.html'))) throw new Error('ui/graphiql is not built: run `node scripts/ensure-deps.mjs` (npm test does)');
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-e2e-logs-'));
  const dbPrefix = `gq${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  [stack, browser] = await Promise.all([
    startStack({ mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix }),
    launchBrowser(),
  ]);
  origin = new URL(stack.gatewayUrl).origin;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

/** Replaces a CodeMirror 5 editor's text, as a paste would (typing would get brackets auto-closed). */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).waitFor();
  await page.evaluate(
    ([sel, value]) => (document.querySelector(sel) as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value),
    [selector, text] as const,
  );
}

test('issue 18: GraphiQL at /graphiql runs a query with the token from its header editor, loading nothing from outside the gateway', async () => {
  const token = await mintDevToken(keysDir, { client: 'dashboard' });
  await withPage(browser, 'graphiql', async ({ page, consoleErrors, shot }) => {
    const requests: { url: string; authorization?: string }[] = [];
    page.on('request', (req) => requests.push({ url: req.url(), authorization: req.headers().authorization }));
    const encodings = new Map<string, string | undefined>();
    page.on('response', (res) => {
      if (/\/graphiql\/assets\/index-.+\.(js|css)$/.test(res.url())) encodings.set(res.url(), res.headers()['content-encoding']);
    });

    await page.goto(`${origin}/graphiql`); // redirected to /graphiql/
    await setEditor(page, '.graphiql-query-editor .CodeMirror', '{ agencies(first: 3) { edges { node { code } } } }');
    await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify({ Authorization: `Bearer ${token}` }));
    await shot('ready');
    await page.locator('.graphiql-execute-button').click();

    const response = page.locator('.graphiql-response');
    await response.getByText('000.00.').first().waitFor();
    const shown = await page.evaluate(() => (document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    const result = JSON.parse(shown) as { data?: { agencies: { edges: { node: { code: string } }[] } }; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(result.data?.agencies.edges).toHaveLength(3);
    for (const { node } of result.data!.agencies.edges) expect(node.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
    await shot('result');

    // The query went to this origin's /graphql with the header editor's token.
    const queries = requests.filter((r) => r.url === `${origin}/graphql` && r.authorization);
    expect(queries.map((r) => r.authorization)).toContain(`Bearer ${token}`);
    // Fonts and styles are inlined: no CDN, no font service, nothing but the gateway (data: URLs aside).
    const outside = requests.map((r) => r.url).filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    // The build's precompressed bundle and stylesheet are what travels (scripts/lib/build-ui.mjs).
    expect(encodings.size).toBe(2);
    expect(new Set(encodings.values())).toEqual(new Set(['br']));
    expect(consoleErrors).toEqual([]);
  });
}, 60_000);

test('issue 18: a browser opening /graphql is pointed at /graphiql, not at Apollo\'s CDN-loaded landing page', async () => {
  const res = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('url=/graphiql/');
  expect(html).not.toMatch(/apollographql\.com|cdn\./);
});

test('issue 18: with GRAPHIQL=off the gateway does not serve /graphiql (404) and /graphql has no landing page', async () => {
  const gateway = await startGateway(loadGatewayConfig({ ...stack.gatewayEnv, PORT: '0', GRAPHIQL: 'off', LOG_LEVEL: 'error' }));
  try {
    const base = `http://127.0.0.1:${gateway.port}`;
    for (const p of ['/graphiql', '/graphiql/', '/graphiql/index.html']) expect([p, (await fetch(`${base}${p}`, { redirect: 'manual' })).status]).toEqual([p, 404]);
    const landing = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toContain('/graphiql');
    // The graph itself still answers.
    const graph = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies(first: 1) { edges { node { code } } } }' }) });
    expect(graph.status).toBe(200);
  } finally {
    await gateway.stop();
  }
});
