import path from 'node:path';
import { ConfigError, DEFAULT_PORTS, envReader, PROJECT_ROOT, SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES } from '../subgraphs/kit/keys';
import type { LogLevel } from '../subgraphs/kit/logger';

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
}

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
  };
}
