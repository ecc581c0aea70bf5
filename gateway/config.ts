import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  commonConfigOf, commonSettings, DEFAULT_PORTS, isProduction, PROJECT_ROOT, readEnv, requiredWith, setting, SUBGRAPHS, subgraphUrlVariable,
  type CommonConfig, type EnvRule, type SubgraphName, type SubgraphUrlVariable,
} from '../platform/config';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES } from '../platform/keys';
import { CLIENT_TYPES, type ClientType } from '../platform/principal';
import { DOCUMENT_MAX_BYTES } from '../platform/documents-protocol';
import { CLIENT_BUDGETS, type Budget } from './budgets';
import { auditDatabaseName } from '../platform/audit';

export interface GatewayConfig extends CommonConfig {
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
  /** GraphiQL at /graphiql (issue 18): on by default outside production, off in it unless GRAPHIQL=on. */
  graphiql: boolean;
  /** What the dashboard's sign-in offers (issue 18; gateway/dashboard.ts serves it as /dashboard/config.json). */
  dashboard: DashboardSignInConfig;
}

/**
 * How people sign in to the dashboard: at an OIDC provider (authorization code + PKCE) when one is
 * configured; otherwise by pasting a token, and, only with the development JWKS outside production,
 * by minting one for a demo role.
 */
export interface DashboardSignInConfig {
  oidc: { issuer: string; clientId: string; scope: string } | null;
  devSignIn: boolean;
}

export interface AuditConfig {
  mongoUri: string;
  /** `<MONGODB_DB_PREFIX>audit`, the one audit log the documents subgraph writes too. */
  database: string;
  /** A signed checkpoint after this many entries, or this often when any were appended. */
  checkpointEvery: number;
  checkpointMs: number;
}

const ON_OFF = ['on', 'off'] as const;
const optionalUrl = () => setting.url().optional();

const GATEWAY_SETTINGS = {
  ...commonSettings(DEFAULT_PORTS.gateway),
  REDIS_URL: setting.required('npm start sets it for the embedded redis-server').pipe(setting.url()),
  MONGODB_URI: setting.text().optional(),
  AUDIT_LOG: setting.oneOf(ON_OFF, 'on'),
  AUDIT_CHECKPOINT_EVERY: setting.int(1000, 1),
  AUDIT_CHECKPOINT_MS: setting.int(60_000, 100),
  JWKS_URL: optionalUrl(),
  JWKS_PATH: setting.text().optional(),
  JWT_ISSUER: setting.text().optional(),
  JWT_AUDIENCE: setting.text().optional(),
  ...(Object.fromEntries(SUBGRAPHS.map((name) => [subgraphUrlVariable(name), optionalUrl()])) as Record<SubgraphUrlVariable, ReturnType<typeof optionalUrl>>),
  CLIENT_BUDGETS,
  TRUSTED_PROXIES: setting.list(),
  TRUSTED_DOCUMENTS: setting.text().optional(),
  TRUSTED_DOCUMENTS_FOR: setting.listOf(CLIENT_TYPES, 'a client type'),
  CORS_ORIGINS: setting.list(/^https?:\/\/[^/]+$/, 'an origin such as https://dashboard.example.vn'),
  MAX_TOKENS: setting.int(3000, 100),
  DOCUMENT_MAX_BYTES,
  IVAN_SOAP_MAX_BYTES: setting.int(256 * 1024, 1024),
  PUBLIC_URL: optionalUrl(),
  GATEWAY_MAX_ACTIVE: setting.int(4 * availableParallelism(), 1),
  GATEWAY_DEDUP: setting.oneOf(ON_OFF, 'on'),
  GATEWAY_CACHE: setting.oneOf(ON_OFF, 'on'),
  GATEWAY_WORKERS: setting.int(availableParallelism(), 1),
  DASHBOARD_OIDC_ISSUER: optionalUrl(),
  DASHBOARD_OIDC_CLIENT_ID: setting.text().optional(),
  DASHBOARD_OIDC_SCOPE: setting.text('openid profile'),
  // Unset: on in development, off in production, where an IDE is a choice to make, not a default.
  GRAPHIQL: setting.oneOf(ON_OFF).optional(),
};

const GATEWAY_RULES: EnvRule[] = [
  (g) => (g.JWKS_URL && g.JWKS_PATH ? 'set JWKS_URL or JWKS_PATH, not both' : undefined),
  (g) =>
    isProduction(g) && !g.JWKS_URL && !g.JWKS_PATH
      ? 'NODE_ENV=production needs JWKS_URL or JWKS_PATH: the development JWKS is never trusted in production'
      : undefined,
  requiredWith('JWT_ISSUER', 'JWKS_URL', 'JWKS_PATH'),
  requiredWith('JWT_AUDIENCE', 'JWKS_URL', 'JWKS_PATH'),
  requiredWith('DASHBOARD_OIDC_CLIENT_ID', 'DASHBOARD_OIDC_ISSUER'),
  requiredWith('DASHBOARD_OIDC_ISSUER', 'DASHBOARD_OIDC_CLIENT_ID'),
  // Off only for measuring what it costs (bench:gateway before/after); production always records.
  (g) => (isProduction(g) && g.AUDIT_LOG === 'off' ? 'AUDIT_LOG=off is refused in production: every exchange is audited (R-Q-2)' : undefined),
  (g) =>
    isProduction(g) && g.AUDIT_LOG !== 'off' && !g.MONGODB_URI
      ? 'MONGODB_URI is required in production: the gateway writes the audit trail (R-Q-2)'
      : undefined,
];

/** Reads and validates the gateway's configuration once, at start. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const v = readEnv(GATEWAY_SETTINGS, env, GATEWAY_RULES);
  const common = commonConfigOf(v);
  const usesDevJwks = !v.JWKS_URL && !v.JWKS_PATH;
  const subgraphUrls: GatewayConfig['subgraphUrls'] = {};
  for (const name of SUBGRAPHS) {
    const url = v[subgraphUrlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  return {
    ...common,
    jwks: v.JWKS_URL
      ? { kind: 'url', url: v.JWKS_URL }
      : { kind: 'file', path: path.resolve(PROJECT_ROOT, v.JWKS_PATH ?? path.join(common.keysDir, KEY_FILES.devJwks)) },
    usesDevJwks,
    issuer: v.JWT_ISSUER ?? DEV_ISSUER,
    audience: v.JWT_AUDIENCE ?? DEV_AUDIENCE,
    subgraphUrls,
    redisUrl: v.REDIS_URL,
    budgets: v.CLIENT_BUDGETS,
    trustedProxies: v.TRUSTED_PROXIES,
    trustedDocuments: v.TRUSTED_DOCUMENTS && path.resolve(PROJECT_ROOT, v.TRUSTED_DOCUMENTS),
    trustedDocumentsFor: v.TRUSTED_DOCUMENTS_FOR,
    corsOrigins: v.CORS_ORIGINS,
    maxTokens: v.MAX_TOKENS,
    maxUploadBytes: v.DOCUMENT_MAX_BYTES,
    ivanSoapMaxBytes: v.IVAN_SOAP_MAX_BYTES,
    publicUrl: v.PUBLIC_URL,
    maxActive: v.GATEWAY_MAX_ACTIVE,
    dedup: v.GATEWAY_DEDUP === 'on',
    cache: v.GATEWAY_CACHE === 'on',
    workers: v.GATEWAY_WORKERS,
    graphiql: (v.GRAPHIQL ?? (common.production ? 'off' : 'on')) === 'on',
    audit:
      v.AUDIT_LOG === 'off' || !v.MONGODB_URI
        ? null
        : { mongoUri: v.MONGODB_URI, database: auditDatabaseName(v.MONGODB_DB_PREFIX), checkpointEvery: v.AUDIT_CHECKPOINT_EVERY, checkpointMs: v.AUDIT_CHECKPOINT_MS },
    dashboard: {
      oidc: v.DASHBOARD_OIDC_ISSUER && v.DASHBOARD_OIDC_CLIENT_ID ? { issuer: v.DASHBOARD_OIDC_ISSUER, clientId: v.DASHBOARD_OIDC_CLIENT_ID, scope: v.DASHBOARD_OIDC_SCOPE } : null,
      // Minting tokens is harmless only where the gateway trusts nothing but the local development key.
      devSignIn: usesDevJwks && !common.production,
    },
  };
}
