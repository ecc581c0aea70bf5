import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, startDaemon, waitUntil } from '../lib/process';

/** Debian's redis-server, started on a free loopback port with a throw-away directory. */
function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureRedisServer(log: (msg: string) => void = () => {}): void {
  if (hasRedisServer()) return;
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is not installed: run `sudo apt-get install -y redis-server`, or set REDIS_URL');
  }
  log('installing redis-server with apt-get (first run only)…');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // not listening yet: connect() rejects, which is the answer
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}

/**
 * Starts redis-server on a free loopback port. With `dataDir` (npm start) it keeps an append-only
 * file there, so event streams and consumer groups survive a restart; without it (tests) it uses
 * a throw-away directory and no persistence.
 */
export async function startRedis(log?: (msg: string) => void, dataDir?: string): Promise<{ url: string; stop(): Promise<void> }> {
  ensureRedisServer(log);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'vss-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const daemon = startDaemon('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
    '--save', '', '--appendonly', dataDir ? 'yes' : 'no', '--daemonize', 'no', '--protected-mode', 'yes',
    // Every test file gets a Redis database of its own; the default 16 are not enough.
    '--databases', '128',
  ]);
  await waitUntil('redis-server', daemon, () => answersPing(url));
  return {
    url,
    async stop() {
      await daemon.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
