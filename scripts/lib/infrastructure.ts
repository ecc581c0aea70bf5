import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEnv, setting } from '../../platform/config';
import { startFerretdb } from '../../tools/ferretdb';
import { migrateSqliteOnce } from '../../tools/ferretdb/migrate';
import { startPostgres } from '../../tools/postgres';
import { startRedis } from '../../tools/redis';

export interface Infrastructure {
  mongoUri: string;
  redisUrl: string;
  /** The embedded PostgreSQL under FerretDB (`postgres://…/`); absent when MONGODB_URI was given. */
  postgresUrl?: string;
  stop(): Promise<void>;
}

export interface InfrastructureOptions {
  /** npm start: everything is kept under it. Without it (tests, benchmarks) all is thrown away. */
  dataDir?: string;
  /** PostgreSQL's shared_buffers (benchmarks with a million dossiers want more). */
  sharedBuffers?: string;
  /**
   * Even in a temporary directory, keep npm start's durable settings (fsync and synchronous
   * commits on): benchmarks measure what would run, tests may trade durability for speed.
   */
  durable?: boolean;
  log?: (msg: string) => void;
}

/**
 * The database and Redis every service needs. MONGODB_URI / REDIS_URL, when set, are used as
 * they are; otherwise PostgreSQL, the embedded FerretDB on it, and a redis-server are started on
 * loopback ports. With `dataDir` (npm start) they keep their files under it, and data of the
 * SQLite backend used before is copied over once; without it they use temporary directories.
 */
export async function startInfrastructure(opts: InfrastructureOptions = {}): Promise<Infrastructure> {
  const env = readEnv({ MONGODB_URI: setting.text().optional(), REDIS_URL: setting.text().optional() });
  const log = opts.log ?? (() => {});
  // Stopped in reverse order: FerretDB before the PostgreSQL under it; each once, however often
  // stop is called (a second Ctrl-C, a failed start's cleanup).
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    let mongoUri = env.MONGODB_URI;
    let postgresUrl: string | undefined;
    if (!mongoUri) {
      const dir = opts.dataDir ? path.join(opts.dataDir, 'postgres') : mkdtempSync(path.join(tmpdir(), 'vss-postgres-'));
      if (!opts.dataDir) stops.push(async () => rmSync(dir, { recursive: true, force: true }));
      const logDir = opts.dataDir && path.join(opts.dataDir, 'logs');
      if (logDir) mkdirSync(logDir, { recursive: true });
      const postgres = await startPostgres({
        dataDir: dir, throwaway: !opts.dataDir && !opts.durable, sharedBuffers: opts.sharedBuffers, log, logFile: logDir && path.join(logDir, 'postgres.log'),
      });
      stops.push(postgres.stop);
      postgresUrl = postgres.url;
      const db = await startFerretdb(postgres.url, log);
      stops.push(db.stop);
      mongoUri = db.uri;
      if (opts.dataDir) await migrateSqliteOnce(path.join(opts.dataDir, 'ferretdb'), mongoUri, log);
    }
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startRedis(opts.log, opts.dataDir && path.join(opts.dataDir, 'redis'));
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
    return { mongoUri, redisUrl, postgresUrl, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
