import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SHEDDING, type SheddingLimits } from './shedding';
import type { KeyStoreOptions } from './key-store';
import type { LogLevel } from './logger';

/**
 * Every service's settings, read from its environment and validated once at start with zod: each
 * service declares its variables as a shape of the `setting` builders below (the common ones here,
 * its own in its config.ts), and `readEnv` refuses in one line naming every bad variable at once.
 * The rest of the code sees plain typed config objects, never zod and never process.env.
 */

/** Thrown when configuration is missing or malformed: the service refuses to start and says why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** One entry per bad variable or broken rule; the message joins them. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('; '));
    this.problems = list;
  }
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
/** The variables a service reads, each with the schema of its value (built with `setting`). */
export type EnvShape = Record<string, z.ZodType<unknown, string | undefined>>;
export type Settings<S extends EnvShape> = z.output<z.ZodObject<S>>;
/** The environment as rules see it: only the variables set to something other than "". */
export type GivenEnv = Readonly<Record<string, string>>;
/** A rule across variables (one needs another, production needs one): the refusal, or undefined. */
export type EnvRule = (given: GivenEnv) => string | undefined;

const REQUIRED = 'is required but not set';
const present = (missing = REQUIRED) => z.string({ error: (issue) => (issue.input === undefined ? missing : undefined) });
const wholeNumber = (min: number, max: number, message: string) =>
  present().transform(Number).pipe(z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }));

function text(): z.ZodString;
function text(fallback: string): z.ZodDefault<z.ZodString>;
function text(fallback?: string) {
  return fallback === undefined ? present() : present().default(fallback);
}
function int(fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return wholeNumber(min, max, max === Number.MAX_SAFE_INTEGER ? `must be a whole number ≥ ${min}` : `must be a whole number from ${min} to ${max}`).default(fallback);
}
type Port = ReturnType<typeof wholeNumber>;
function port(): Port;
function port(fallback: number): z.ZodDefault<Port>;
function port(fallback?: number) {
  const schema = wholeNumber(0, 65535, 'must be a TCP port (0-65535)');
  return fallback === undefined ? schema : schema.default(fallback);
}
type Url = z.ZodPipe<z.ZodString, z.ZodURL>;
function url(): Url;
function url(fallback: string): z.ZodDefault<Url>;
function url(fallback?: string) {
  const schema = present().pipe(z.url({ error: 'must be a URL' }));
  return fallback === undefined ? schema : schema.default(fallback);
}
type OneOf<T extends readonly [string, ...string[]]> = z.ZodEnum<{ [K in T[number]]: K }>;
/** One of `allowed`; without a fallback, required (add `.optional()` when the default depends on other settings). */
function oneOf<const T extends readonly [string, ...string[]]>(allowed: T): OneOf<T>;
function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]): z.ZodDefault<OneOf<T>>;
function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback?: T[number]) {
  const schema = z.enum(allowed, { error: `must be one of ${allowed.join(', ')}` });
  return fallback === undefined ? schema : schema.default(fallback);
}
const split = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Schemas of one variable's value; without a fallback a variable is required (add `.optional()` when it is not). */
export const setting = {
  text,
  /** Required, with why it is and who sets it, e.g. "npm start sets it for the embedded redis-server". */
  required: (why: string) => present(`is required (${why})`),
  /** A whole number, at least `min`. */
  int,
  port,
  url,
  oneOf,
  /** A path, relative to the project's folder unless absolute. */
  path: (fallback: string) => text(fallback).transform((p) => path.resolve(PROJECT_ROOT, p)),
  /** Comma-separated values, each matching `pattern` (described by `what`); none when unset. */
  list: (pattern = /.*/, what = 'allowed here') =>
    z.string().default('').transform(split).pipe(z.array(z.string().regex(pattern, { error: (issue) => `${JSON.stringify(issue.input)} is not ${what}` }))),
  /** Comma-separated members of `allowed` (described by `what`); none when unset. */
  listOf: <const T extends readonly [string, ...string[]]>(allowed: T, what: string) =>
    z.string().default('').transform(split).pipe(z.array(z.enum(allowed, { error: (issue) => `${JSON.stringify(issue.input)} is not ${what} (${allowed.join(', ')})` }))),
};

/** `variable` must be set whenever any of `others` is. */
export const requiredWith = (variable: string, ...others: string[]): EnvRule => (given) =>
  given[variable] === undefined && others.some((o) => given[o] !== undefined) ? `${variable} is required with ${others.join(' or ')}` : undefined;

export const isProduction = (given: GivenEnv) => given.NODE_ENV === 'production';

/** `variable` must be set, to something other than its development value, when NODE_ENV=production. */
export const requiredInProduction = (variable: string, developmentValue?: string): EnvRule => (given) =>
  isProduction(given) && (given[variable] ?? developmentValue) === developmentValue ? `${variable} is required in production` : undefined;

/**
 * One problem as a line: "PORT must be a TCP port (0-65535), got "http"" for a variable's value,
 * "CORS_ORIGINS: "x" is not an origin…" or "CLIENT_BUDGETS.ivan.maxCost: …" for a part of it.
 */
function describe(issue: z.core.$ZodIssue, given: GivenEnv): string {
  const [variable, ...within] = issue.path;
  if (typeof variable !== 'string') return issue.message;
  if (within.length > 0 || issue.code === 'unrecognized_keys') {
    // List positions are left out: the message quotes the item itself.
    return `${[variable, ...within.filter((k) => typeof k === 'string')].join('.')}: ${issue.message}`;
  }
  const value = given[variable];
  return `${variable} ${issue.message}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`;
}

/** Reads `shape`'s variables from `env`; throws one ConfigError naming every bad variable and broken rule. */
export function readEnv<S extends EnvShape>(shape: S, env: Env = process.env, rules: readonly EnvRule[] = []): Settings<S> {
  // An empty variable counts as unset, as a blank line in an env file means it.
  const given: GivenEnv = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const parsed = z.object(shape).safeParse(given);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => describe(issue, given))),
    ...rules.map((rule) => rule(given)).filter((p): p is string => p !== undefined),
  ];
  if (problems.length) throw new ConfigError(problems);
  return parsed.data as Settings<S>;
}

/** Runs a service's loaders (its common and its own settings) and refuses once, with every problem any of them found. */
export function loadTogether<T>(first: () => T, ...others: (() => unknown)[]): T {
  const problems: string[] = [];
  const attempt = <R>(load: () => R): R | undefined => {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const result = attempt(first);
  for (const load of others) attempt(load);
  if (problems.length) throw new ConfigError(problems);
  return result as T;
}

export const SUBGRAPHS = ['identity', 'procedures', 'dossiers', 'documents', 'statistics'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** The gateway's override of a subgraph's URL, e.g. SUBGRAPH_DOSSIERS_URL. */
export const subgraphUrlVariable = (name: SubgraphName) => `SUBGRAPH_${name.toUpperCase() as Uppercase<SubgraphName>}_URL` as const;
export type SubgraphUrlVariable = ReturnType<typeof subgraphUrlVariable>;

/** Default ports; the committed supergraph names these as the subgraphs' URLs. */
export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  identity: 4001,
  procedures: 4002,
  dossiers: 4003,
  documents: 4004,
  statistics: 4005,
};

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];

/** What the gateway and every subgraph read alike: where it listens, how it logs, its keys, when it sheds load. */
export const commonSettings = (defaultPort: number) => ({
  HOST: setting.text('127.0.0.1'),
  PORT: setting.port(defaultPort),
  NODE_ENV: setting.text().optional(),
  LOG_LEVEL: setting.oneOf(LOG_LEVELS, 'info'),
  MONGODB_DB_PREFIX: setting.text('vss_'),
  KEYS_DIR: setting.path('.data/keys'),
  KEYS_URL: setting.url().optional(),
  KEYS_TOKEN: setting.text().optional(),
  // At most half the retirement grace (platform/key-store.ts), so every process leaves a retired key within it.
  KEYS_REFRESH_MS: setting.int(5000, 100, 30_000),
  SHED_MAX_IN_FLIGHT: setting.int(DEFAULT_SHEDDING.maxInFlight, 1),
  SHED_MAX_LAG_MS: setting.int(DEFAULT_SHEDDING.maxEventLoopDelayMs, 1),
  SHED_MAX_HEAP_MB: setting.int(Math.floor(DEFAULT_SHEDDING.maxHeapBytes / 2 ** 20), 16),
  METRICS_PORT: setting.port().optional(),
});

export interface CommonConfig {
  host: string;
  port: number;
  production: boolean;
  logLevel: LogLevel;
  keysDir: string;
  /** The signing key sets (platform/key-store.ts): KEYS_URL when set, else KEYS_DIR; made on first use outside production. */
  keys: KeyStoreOptions;
  shedding: SheddingLimits;
  /** METRICS_PORT: an admin port serving /metrics, /healthz and /readyz to anyone who reaches it; null: none (the main port serves /metrics to loopback callers only). */
  metricsPort: number | null;
}

export function commonConfigOf(v: Settings<ReturnType<typeof commonSettings>>): CommonConfig {
  return {
    host: v.HOST,
    port: v.PORT,
    production: v.NODE_ENV === 'production',
    logLevel: v.LOG_LEVEL,
    keysDir: v.KEYS_DIR,
    keys: { dir: v.KEYS_DIR, url: v.KEYS_URL, token: v.KEYS_TOKEN, refreshMs: v.KEYS_REFRESH_MS, createMissing: v.NODE_ENV !== 'production' },
    shedding: { maxInFlight: v.SHED_MAX_IN_FLIGHT, maxEventLoopDelayMs: v.SHED_MAX_LAG_MS, maxHeapBytes: v.SHED_MAX_HEAP_MB * 2 ** 20 },
    metricsPort: v.METRICS_PORT ?? null,
  };
}

export interface ServiceConfig extends CommonConfig {
  mongoUri: string;
  databaseName: string;
  /** `<MONGODB_DB_PREFIX>audit`: the one audit log (platform/audit.ts), shared by the gateway and the documents and identity subgraphs. */
  auditDatabaseName: string;
  redisUrl: string;
  /** The environment it was read from, for a subgraph's own settings (its config.ts). */
  env: Env;
}

const serviceSettings = (name: SubgraphName) => ({
  ...commonSettings(DEFAULT_PORTS[name]),
  MONGODB_URI: setting.required('npm start sets it for the embedded FerretDB').regex(/^mongodb(\+srv)?:\/\//, { error: 'must start with mongodb://' }),
  REDIS_URL: setting.required('npm start sets it for the embedded redis-server'),
});

/** Reads and validates a subgraph's common configuration once, at start (its own: its config.ts). */
export function loadServiceConfig(name: SubgraphName, env: Env = process.env): ServiceConfig {
  const v = readEnv(serviceSettings(name), env);
  return {
    ...commonConfigOf(v),
    mongoUri: v.MONGODB_URI,
    databaseName: `${v.MONGODB_DB_PREFIX}${name}`,
    auditDatabaseName: `${v.MONGODB_DB_PREFIX}audit`,
    redisUrl: v.REDIS_URL,
    env,
  };
}
