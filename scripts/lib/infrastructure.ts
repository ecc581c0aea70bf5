import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envReader } from '../../subgraphs/kit/config';
import { startFerretdb } from '../../tools/ferretdb';
import { startRedis } from '../../tools/redis';

export interface Infrastructure {
  mongoUri: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * The database and Redis every service needs. MONGODB_URI / REDIS_URL, when set, are used as
 * they are; otherwise the embedded FerretDB and a redis-server are started on loopback ports.
 * With `dataDir` (npm start) both keep their files under it; without it they use temporary
 * directories (tests).
 */
export async function startInfrastructure(opts: { dataDir?: string; log?: (msg: string) => void } = {}): Promise<Infrastructure> {
  const env = envReader();
  const stops: (() => Promise<void>)[] = [];
  try {
    let mongoUri = env.optional('MONGODB_URI');
    if (!mongoUri) {
      const dir = opts.dataDir ? path.join(opts.dataDir, 'ferretdb') : mkdtempSync(path.join(tmpdir(), 'vss-ferretdb-'));
      const db = await startFerretdb(dir, opts.log);
      stops.push(async () => {
        await db.stop();
        if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
      });
      mongoUri = db.uri;
    }
    let redisUrl = env.optional('REDIS_URL');
    if (!redisUrl) {
      const redis = await startRedis(opts.log, opts.dataDir && path.join(opts.dataDir, 'redis'));
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
    return { mongoUri, redisUrl, stop: () => Promise.all(stops.map((s) => s())).then(() => undefined) };
  } catch (err) {
    await Promise.all(stops.map((s) => s()));
    throw err;
  }
}
