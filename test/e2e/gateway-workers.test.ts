import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from '../../scripts/lib/stack';
import { freePort, stopOnExit } from '../../tools/lib/process';
import { PROJECT_ROOT } from '../../platform/config';

/**
 * Issue 15, all cores: the gateway as npm start runs it, one process forking GATEWAY_WORKERS
 * workers on one port. Its answers here need no subgraph (`__typename`), so only Redis is shared.
 */
let gateway: ChildProcess;
let logDir: string;
let url: string;
let admin: string;

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-workers-logs-'));
  const port = String(await freePort());
  const metricsPort = String(await freePort());
  url = `http://127.0.0.1:${port}/graphql`;
  admin = `http://127.0.0.1:${metricsPort}`;
  // Not startService: its readiness check is /healthz, which asks subgraphs this test does not run.
  writeFileSync(path.join(logDir, 'gateway.log'), '');
  const log = createWriteStream(path.join(logDir, 'gateway.log'), { flags: 'a' });
  gateway = spawn(process.execPath, ['--import', 'tsx', 'gateway/index.ts'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PORT: port, REDIS_URL: `${process.env.REDIS_URL}/7`, KEYS_DIR: process.env.KEYS_DIR!, GATEWAY_WORKERS: '2', LOG_LEVEL: 'info', METRICS_PORT: metricsPort,
      // A small anonymous share, to see whether it holds across the workers.
      CLIENT_BUDGETS: JSON.stringify({ anonymous: { requestsPerMinute: 12, maxConcurrent: 4 } }),
    },
  });
  gateway.stdout?.pipe(log);
  gateway.stderr?.pipe(log);
  stopOnExit(gateway);
  // Both workers listening: the primary logs nothing per worker, each worker logs "listening".
  const listening = () => readFileSync(path.join(logDir, 'gateway.log'), 'utf8').split('\n').filter((l) => l.includes('"msg":"listening"')).length;
  for (const deadline = Date.now() + 50_000; listening() < 2; ) {
    if (Date.now() > deadline || gateway.exitCode !== null) throw new Error(`gateway did not start; see ${logDir}/gateway.log`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(async () => {
  await stopChild(gateway);
  rmSync(logDir, { recursive: true, force: true });
});

const ask = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
const workersInLog = () => new Set(
  readFileSync(path.join(logDir, 'gateway.log'), 'utf8').split('\n').filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; worker?: number })
    .filter((l) => l.msg === 'request').map((l) => l.worker),
);

describe('the gateway on every core (issue 15)', () => {
  test('two workers serve one port, and one anonymous caller\'s per-minute share holds across both of them', async () => {
    const statuses: number[] = [];
    // One connection per request, so the kernel hands them to both workers.
    for (let i = 0; i < 20; i++) statuses.push((await ask()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    for (const deadline = Date.now() + 3000; Date.now() < deadline && workersInLog().size < 2; ) await new Promise((r) => setTimeout(r, 100));
    expect([...workersInLog()].sort()).toEqual([1, 2]);
  });

  test('issue 16: the admin port\'s /metrics sums every worker\'s series, whichever worker answers; the main port then serves none', async () => {
    // The first test's 20 requests went to both workers (12 answered, 8 refused).
    const count = (text: string, status: string) =>
      Number(new RegExp(`^vss_http_request_duration_seconds_count\\{[^}]*route="/graphql"[^}]*status="${status}"[^}]*\\} (\\d+)`, 'm').exec(text)?.[1]);
    for (let i = 0; i < 4; i++) {
      // A new connection each time: the kernel hands them to either worker.
      const text = await (await fetch(`${admin}/metrics`, { headers: { connection: 'close' } })).text();
      expect([count(text, '200'), count(text, '429')]).toEqual([12, 8]);
    }
    // Not a probe there: an ordinary request (refused here, as this caller's share is spent).
    const main = await fetch(url.replace('/graphql', '/metrics'));
    expect([main.status, (await main.text()).includes('vss_http_request_duration_seconds')]).toEqual([429, false]);
    expect((await fetch(`${admin}/readyz`)).status).toBe(503); // no subgraph runs here
  });

  test('a worker that dies is replaced and the gateway keeps answering; SIGTERM stops every worker', async () => {
    // The primary's children, from /proc (field 4 of /proc/<pid>/stat is the parent's pid).
    const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1] === String(gateway.pid)
          && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('gateway/index.ts'); // not tsx's esbuild
      } catch {
        return false; // gone meanwhile
      }
    }).map(Number);
    const [victim] = pids();
    expect(pids()).toHaveLength(2);
    process.kill(victim!, 'SIGKILL');
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const now = pids();
      if (now.length === 2 && !now.includes(victim!) && (await fetch(url.replace('/graphql', '/healthz')).catch(() => null))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pids()).toHaveLength(2);
    expect(pids()).not.toContain(victim);
    // It answers (429: the first test spent this caller's share for the minute).
    expect((await ask()).status).toBe(429);
    const workers = pids();
    await stopChild(gateway);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
