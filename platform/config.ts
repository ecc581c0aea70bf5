import { sheddingFromEnv, type SheddingLimits } from './shedding';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LogLevel } from './logger';

/** Thrown when configuration is missing or malformed: the service refuses to start and says why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The folder holding package.json, schema/ and .data/: the nearest one above this file with a
 * package.json. One folder up from the sources, two from the compiled dist/platform/
 * (npm run build), and the image's /app in the Dockerfile.
 */
export const PROJECT_ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return path.resolve(__dirname, '../..');
})();

export type Env = Record<string, string | undefined>;

/** Typed readers over one environment; the only place that reads process.env. */
export function envReader(env: Env = process.env) {
  const raw = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    string(name: string, fallback?: string): string {
      const v = raw(name) ?? fallback;
      if (v === undefined) throw new ConfigError(`${name} is required but not set`);
      return v;
    },
    optional(name: string): string | undefined {
      return raw(name);
    },
    port(name: string, fallback: number): number {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a TCP port (0-65535), got "${v}"`);
      return n;
    },
    /** A whole number, at least `min`. */
    int(name: string, fallback: number, min = 0): number {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, got "${v}"`);
      return n;
    },
    url(name: string, fallback?: string): string {
      const v = this.string(name, fallback);
      try {
        new URL(v);
      } catch {
        throw new ConfigError(`${name} must be a URL, got "${v}"`);
      }
      return v;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
      const v = raw(name) ?? fallback;
      if (!(allowed as readonly string[]).includes(v)) {
        throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${v}"`);
      }
      return v as T;
    },
  };
}

export const SUBGRAPHS = ['identity', 'procedures', 'dossiers', 'documents', 'statistics'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Default ports; the committed supergraph names these as the subgraphs' URLs. */
export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  identity: 4001,
  procedures: 4002,
  dossiers: 4003,
  documents: 4004,
  statistics: 4005,
};

export interface ServiceConfig {
  host: string;
  port: number;
  production: boolean;
  logLevel: LogLevel;
  mongoUri: string;
  databaseName: string;
  /** `<MONGODB_DB_PREFIX>audit`: the one audit log (platform/audit.ts), shared by the gateway and the documents subgraph. */
  auditDatabaseName: string;
  redisUrl: string;
  keysDir: string;
  shedding: SheddingLimits;
  /** METRICS_PORT: an admin port serving /metrics, /healthz and /readyz to anyone who reaches it; null: none (the main port serves /metrics to loopback callers only). */
  metricsPort: number | null;
  /** The environment it was read from, for a subgraph's own settings (its config.ts). */
  env: Env;
}

/** METRICS_PORT, or null when unset (issue 16). */
export const metricsPortOf = (e: ReturnType<typeof envReader>): number | null => (e.optional('METRICS_PORT') === undefined ? null : e.port('METRICS_PORT', 0));

/** Reads and validates a subgraph's configuration once, at start. */
export function loadServiceConfig(name: SubgraphName, env: Env = process.env): ServiceConfig {
  const e = envReader(env);
  const mongoUri = e.optional('MONGODB_URI');
  if (!mongoUri) throw new ConfigError('MONGODB_URI is required (npm start sets it for the embedded FerretDB)');
  if (!/^mongodb(\+srv)?:\/\//.test(mongoUri)) throw new ConfigError(`MONGODB_URI must start with mongodb://, got "${mongoUri}"`);
  const redisUrl = e.optional('REDIS_URL');
  if (!redisUrl) throw new ConfigError('REDIS_URL is required (npm start sets it for the embedded redis-server)');
  return {
    host: e.string('HOST', '127.0.0.1'),
    port: e.port('PORT', DEFAULT_PORTS[name]),
    production: e.optional('NODE_ENV') === 'production',
    logLevel: e.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    mongoUri,
    databaseName: `${e.string('MONGODB_DB_PREFIX', 'vss_')}${name}`,
    auditDatabaseName: `${e.string('MONGODB_DB_PREFIX', 'vss_')}audit`,
    redisUrl,
    keysDir: path.resolve(PROJECT_ROOT, e.string('KEYS_DIR', '.data/keys')),
    shedding: sheddingFromEnv(e),
    metricsPort: metricsPortOf(e),
    env,
  };
}
