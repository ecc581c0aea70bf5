import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { staticApp } from '../../platform/static-files';

/**
 * Issue 18: a built browser app served under a prefix before authentication: its files, its own
 * routes answered with index.html, hashed assets cached for good, nothing outside the app's folder,
 * and everything else left to the rest of the server.
 */
let root: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'vss-static-'));
  const app = path.join(root, 'app');
  mkdirSync(path.join(app, 'assets'), { recursive: true });
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(app, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'not for the web');
  const serve = staticApp('/dashboard', app);
  const unbuilt = staticApp('/graphiql', path.join(root, 'not-built'));
  server = http.createServer(async (req, res) => {
    if ((await serve(req, res)) || (await unbuilt(req, res))) return;
    res.writeHead(418).end('not static');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(`${base}${p}`, { redirect: 'manual', ...init });

test('the prefix redirects to its folder, whose index.html is never cached (issue 18)', async () => {
  const bare = await get('/dashboard');
  expect(bare.status).toBe(301);
  expect(bare.headers.get('location')).toBe('/dashboard/');
  const index = await get('/dashboard/');
  expect(index.status).toBe(200);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  expect(await index.text()).toContain('<title>app</title>');
});

test("hashed assets are cached for a year; the app's own routes get index.html (issue 18)", async () => {
  const asset = await get('/dashboard/assets/main-abc123.js');
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const route = await get('/dashboard/reports?status=DRAFT');
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('<title>app</title>');
});

test('nothing outside the folder is served, and other paths, methods and unbuilt apps go on to the server (issue 18)', async () => {
  expect(await (await get('/dashboard/%2e%2e/secret.txt')).text()).not.toContain('not for the web');
  expect(await (await get('/dashboard/../secret.txt')).text()).not.toContain('not for the web');
  expect((await get('/graphql')).status).toBe(418);
  expect((await get('/dashboard/', { method: 'POST' })).status).toBe(418);
  expect((await get('/graphiql/')).status).toBe(418);
});
