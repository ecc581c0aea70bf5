import { loadServiceConfig } from '../../platform/config';
import { loadGatewayConfig } from '../../gateway/config';
import { DEFAULT_BUDGETS } from '../../gateway/budgets';
import { loadTrustedDocuments } from '../../gateway/trusted-documents';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';

const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('configuration is validated once, with a clear message', () => {
  test('a subgraph gets its own database and its default port', () => {
    expect(loadServiceConfig('dossiers', base)).toMatchObject({ port: 4003, databaseName: 'vss_dossiers', production: false });
    expect(loadServiceConfig('statistics', { ...base, MONGODB_DB_PREFIX: 'x_' }).databaseName).toBe('x_statistics');
  });

  test('a subgraph refuses to start without a database, with a bad URI or a bad port', () => {
    expect(() => loadServiceConfig('identity', { REDIS_URL: base.REDIS_URL })).toThrow('MONGODB_URI is required');
    expect(() => loadServiceConfig('identity', { ...base, MONGODB_URI: 'postgres://x' })).toThrow('must start with mongodb://');
    expect(() => loadServiceConfig('identity', { ...base, PORT: 'http' })).toThrow('PORT must be a TCP port');
  });

  test('the gateway trusts the development JWKS only outside production', () => {
    expect(loadGatewayConfig({ REDIS_URL: base.REDIS_URL })).toMatchObject({ usesDevJwks: true, port: 4000, production: false });
    expect(() => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, NODE_ENV: 'production' })).toThrow('NODE_ENV=production needs JWKS_URL or JWKS_PATH');
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production', JWKS_URL: 'https://id.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toMatchObject({
      usesDevJwks: false,
      jwks: { kind: 'url', url: 'https://id.example/jwks' },
    });
  });

  test('issue 16, R-Q-2: a production gateway always writes the audit trail, to <prefix>audit', () => {
    const prod = { REDIS_URL: base.REDIS_URL, NODE_ENV: 'production', JWKS_URL: 'https://id.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(() => loadGatewayConfig(prod)).toThrow('MONGODB_URI is required in production');
    expect(() => loadGatewayConfig({ ...prod, MONGODB_URI: base.MONGODB_URI, AUDIT_LOG: 'off' })).toThrow('AUDIT_LOG=off is refused in production');
    expect(loadGatewayConfig({ ...prod, MONGODB_URI: base.MONGODB_URI, MONGODB_DB_PREFIX: 'x_' }).audit).toMatchObject({ database: 'x_audit', checkpointEvery: 1000 });
    expect(loadGatewayConfig({ REDIS_URL: base.REDIS_URL }).audit).toBeNull();
  });

  test('issue 18: GraphiQL is on by default in development, off in production unless GRAPHIQL=on; other values are refused', () => {
    const prod = { ...base, NODE_ENV: 'production', JWKS_URL: 'https://id.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    expect(loadGatewayConfig(base).graphiql).toBe(true);
    expect(loadGatewayConfig({ ...base, GRAPHIQL: 'off' }).graphiql).toBe(false);
    expect(loadGatewayConfig(prod).graphiql).toBe(false);
    expect(loadGatewayConfig({ ...prod, GRAPHIQL: 'on' }).graphiql).toBe(true);
    expect(() => loadGatewayConfig({ ...base, GRAPHIQL: 'yes' })).toThrow('GRAPHIQL must be one of on, off, got "yes"');
  });

  test('subgraph URLs can be overridden one by one', () => {
    expect(loadGatewayConfig({ REDIS_URL: base.REDIS_URL, SUBGRAPH_DOSSIERS_URL: 'http://10.0.0.5:4003/graphql' }).subgraphUrls).toEqual({
      dossiers: 'http://10.0.0.5:4003/graphql',
    });
    expect(() => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, SUBGRAPH_DOSSIERS_URL: 'nope' })).toThrow('SUBGRAPH_DOSSIERS_URL must be a URL');
  });
});

describe('client budgets (issue 13)', () => {
  test('CLIENT_BUDGETS tunes one figure of one client type and keeps the defaults for the rest', () => {
    const { budgets } = loadGatewayConfig({ REDIS_URL: base.REDIS_URL, CLIENT_BUDGETS: '{"ivan":{"maxCost":8000,"requestsPerMinute":6000}}' });
    expect(budgets.ivan).toEqual({ ...DEFAULT_BUDGETS.ivan, maxCost: 8000, requestsPerMinute: 6000 });
    expect(budgets.dashboard).toEqual(DEFAULT_BUDGETS.dashboard);
  });

  test('a bad budget stops the gateway at start with one line naming it', () => {
    const load = (CLIENT_BUDGETS: string) => () => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, CLIENT_BUDGETS });
    expect(load('{"ivan":{"maxCost":-1}}')).toThrow(/^CLIENT_BUDGETS\.ivan\.maxCost: /);
    expect(load('{"robot":{"maxCost":1}}')).toThrow('CLIENT_BUDGETS: "robot" is not a client type');
    expect(load('{"ivan":{"maxCots":1}}')).toThrow('CLIENT_BUDGETS.ivan: "maxCots" is not a budget figure');
    expect(load('not json')).toThrow('CLIENT_BUDGETS is not JSON');
    expect(() => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, TRUSTED_DOCUMENTS_FOR: 'partner' })).toThrow('TRUSTED_DOCUMENTS_FOR: "partner" is not a client type');
    expect(() => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, CORS_ORIGINS: 'dashboard' })).toThrow('CORS_ORIGINS: "dashboard" is not an origin');
  });
});

test('a trusted-documents manifest is checked at start: its format, and each id the SHA-256 of its body', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vss-manifest-'));
  const file = path.join(dir, 'm.json');
  const body = '{ __typename }';
  const write = (m: object) => writeFileSync(file, JSON.stringify(m));
  try {
    write({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'abc', name: 'T', type: 'query', body }] });
    expect(() => loadTrustedDocuments(file, ['npsp'])).toThrow("operation T's id is not the SHA-256 of its body");
    write({ operations: [] });
    expect(() => loadTrustedDocuments(file, ['npsp'])).toThrow(/is not a persisted-query manifest/);
    expect(() => loadTrustedDocuments(undefined, ['npsp'])).toThrow('TRUSTED_DOCUMENTS_FOR needs TRUSTED_DOCUMENTS');
    write({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: createHash('sha256').update(body).digest('hex'), name: 'T', type: 'query', body }] });
    const trusted = loadTrustedDocuments(file, ['npsp']);
    expect(() => trusted.check('npsp', createHash('sha256').update(body).digest('hex'))).not.toThrow();
    expect(() => trusted.check('npsp', 'f'.repeat(64))).toThrow('npsp clients may run only the operations in the trusted-documents list');
    expect(() => trusted.check('ivan', 'f'.repeat(64))).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('subgraph settings are checked at start', () => {
  test('identity refuses to start in production without OTP_SECRET, or with NPSP_URL but no credentials', () => {
    expect(() => identitySubgraph.checkConfig?.({ NODE_ENV: 'production' })).toThrow('OTP_SECRET is required in production');
    expect(() => identitySubgraph.checkConfig?.({ NPSP_URL: 'http://127.0.0.1:1' })).toThrow('NPSP_USERNAME is required');
    expect(() => identitySubgraph.checkConfig?.({})).not.toThrow();
  });
});
