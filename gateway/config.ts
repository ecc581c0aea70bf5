import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_PORTS, envReader, metricsPortOf, PROJECT_ROOT, SUBGRAPHS, type SubgraphName } from '../platform/config';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES } from '../platform/keys';
import type { LogLevel } from '../platform/logger';
import { CLIENT_TYPES, type ClientType } from '../platform/principal';
import { sheddingFromEnv, type SheddingLimits } from '../platform/shedding';
import { documentMaxBytes } from '../platform/documents-protocol';
import { loadBudgets, type Budget } from './budgets';
import { auditDatabaseName } from '../platform/audit';

export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  logLevel: LogLevel;
  keysDir: string;
  /** Where client tokens' signing keys come from: a JWKS file or URL. */
  jwks: { kind: 'file'; path: string } | { kind: 'url'; url: string };
  usesDevJwks: boolean;
  issuer: string;
  audience: string;
  /** Overrides of the subgraph URLs named in the supergraph (SUBGRAPH_<NAME>_URL). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** Shared fair-share counters live here. */
  redisUrl: string;
  budgets: Record<ClientType, Budget>;
  /** Proxies whose X-Forwarded-For is believed (proxy-addr syntax: "loopback", "10.0.0.0/8"). */
  trustedProxies: string[];
  trustedDocuments?: string;
  trustedDocumentsFor: ClientType[];
  /** Browser origins allowed to call the graph (the dashboard's); none means same-origin only. */
  corsOrigins: string[];
  /** The parser stops past this many tokens: the first limit, before any other work. */
  maxTokens: number;
  /** The largest file upload forwarded to the documents subgraph (its DOCUMENT_MAX_BYTES). */
  maxUploadBytes: number;
  /** The largest SOAP envelope the I-VAN endpoint reads. */
  ivanSoapMaxBytes: number;
  /** The URL partners reach the gateway at, e.g. https://graph.baohiemxahoi.gov.vn (the SOAP WSDL's address); unset: the Host header. */
  publicUrl?: string;
  shedding: SheddingLimits;
  /** An admin port for /metrics, /healthz and /readyz (served by the primary under node:cluster); null: none. */
  metricsPort: number | null;
  /** Requests the gateway runs at once; the rest wait their client key's turn (gateway/fair-queue.ts). */
  maxActive: number;
  /** Identical in-flight subgraph queries of one principal share one fetch (answer-sharing.ts). */
  dedup: boolean;
  /** Public subgraph answers (agencies, published procedures, catalogue pages) are cached. */
  cache: boolean;
  /** Worker processes serving the port (gateway/index.ts): one per core by default. */
  workers: number;
  /** The audit trail (R-Q-2, gateway/audit/): off only outside production when MONGODB_URI is unset. */
  audit: AuditConfig | null;
}

export interface AuditConfig {
  mongoUri: string;
  /** `<MONGODB_DB_PREFIX>audit`, the one audit log the documents subgraph writes too. */
  database: string;
  /** A signed checkpoint after this many entries, or this often when any were appended. */
  checkpointEvery: number;
  checkpointMs: number;
}

function auditConfigOf(e: ReturnType<typeof envReader>, production: boolean): AuditConfig | null {
  // Off only for measuring what it costs (bench:gateway before/after); production always records.
  if (e.oneOf('AUDIT_LOG', ['on', 'off'] as const, 'on') === 'off') {
    if (production) throw new ConfigError('AUDIT_LOG=off is refused in production: every exchange is audited (R-Q-2)');
    return null;
  }
  const mongoUri = e.optional('MONGODB_URI');
  if (!mongoUri) {
    if (production) throw new ConfigError('MONGODB_URI is required in production: the gateway writes the audit trail (R-Q-2)');
    return null;
  }
  return {
    mongoUri,
    database: auditDatabaseName(e.string('MONGODB_DB_PREFIX', 'vss_')),
    checkpointEvery: e.int('AUDIT_CHECKPOINT_EVERY', 1000, 1),
    checkpointMs: e.int('AUDIT_CHECKPOINT_MS', 60_000, 100),
  };
}

function redisUrlOf(e: ReturnType<typeof envReader>): string {
  if (!e.optional('REDIS_URL')) throw new ConfigError('REDIS_URL is required (npm start sets it for the embedded redis-server)');
  return e.url('REDIS_URL');
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Reads and validates the gateway's configuration once, at start. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const e = envReader(env);
  const production = e.optional('NODE_ENV') === 'production';
  const keysDir = path.resolve(PROJECT_ROOT, e.string('KEYS_DIR', '.data/keys'));
  const jwksUrl = e.optional('JWKS_URL');
  const jwksPath = e.optional('JWKS_PATH');
  if (jwksUrl && jwksPath) throw new ConfigError('set JWKS_URL or JWKS_PATH, not both');
  const usesDevJwks = !jwksUrl && !jwksPath;
  if (usesDevJwks && production) {
    throw new ConfigError('NODE_ENV=production needs JWKS_URL or JWKS_PATH: the development JWKS is never trusted in production');
  }
  const jwks: GatewayConfig['jwks'] = jwksUrl
    ? { kind: 'url', url: e.url('JWKS_URL') }
    : { kind: 'file', path: path.resolve(PROJECT_ROOT, jwksPath ?? path.join(keysDir, KEY_FILES.devJwks)) };
  const subgraphUrls: GatewayConfig['subgraphUrls'] = {};
  for (const name of SUBGRAPHS) {
    const key = `SUBGRAPH_${name.toUpperCase()}_URL`;
    if (e.optional(key)) subgraphUrls[name] = e.url(key);
  }
  return {
    host: e.string('HOST', '127.0.0.1'),
    port: e.port('PORT', DEFAULT_PORTS.gateway),
    production,
    logLevel: e.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    keysDir,
    jwks,
    usesDevJwks,
    issuer: usesDevJwks ? DEV_ISSUER : e.string('JWT_ISSUER'),
    audience: usesDevJwks ? DEV_AUDIENCE : e.string('JWT_AUDIENCE'),
    subgraphUrls,
    redisUrl: redisUrlOf(e),
    budgets: loadBudgets(e.optional('CLIENT_BUDGETS')),
    trustedProxies: list(e.optional('TRUSTED_PROXIES')),
    trustedDocuments: e.optional('TRUSTED_DOCUMENTS') && path.resolve(PROJECT_ROOT, e.string('TRUSTED_DOCUMENTS')),
    trustedDocumentsFor: list(e.optional('TRUSTED_DOCUMENTS_FOR')).map((c) => {
      if (!(CLIENT_TYPES as readonly string[]).includes(c)) throw new ConfigError(`TRUSTED_DOCUMENTS_FOR: "${c}" is not a client type (${CLIENT_TYPES.join(', ')})`);
      return c as ClientType;
    }),
    corsOrigins: list(e.optional('CORS_ORIGINS')).map((o) => {
      if (!/^https?:\/\/[^/]+$/.test(o)) throw new ConfigError(`CORS_ORIGINS: "${o}" is not an origin such as https://dashboard.example.vn`);
      return o;
    }),
    maxTokens: e.int('MAX_TOKENS', 3000, 100),
    maxUploadBytes: documentMaxBytes(e),
    ivanSoapMaxBytes: e.int('IVAN_SOAP_MAX_BYTES', 256 * 1024, 1024),
    publicUrl: e.optional('PUBLIC_URL') && e.url('PUBLIC_URL'),
    shedding: sheddingFromEnv(e),
    metricsPort: metricsPortOf(e),
    maxActive: e.int('GATEWAY_MAX_ACTIVE', 4 * availableParallelism(), 1),
    dedup: e.oneOf('GATEWAY_DEDUP', ['on', 'off'] as const, 'on') === 'on',
    cache: e.oneOf('GATEWAY_CACHE', ['on', 'off'] as const, 'on') === 'on',
    workers: e.int('GATEWAY_WORKERS', availableParallelism(), 1),
    audit: auditConfigOf(e, production),
  };
}
