import { loadServiceConfig } from '../../subgraphs/kit/config';
import { loadGatewayConfig } from '../../gateway/config';
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
    expect(loadGatewayConfig({ REDIS_URL: base.REDIS_URL, NODE_ENV: 'production', JWKS_URL: 'https://id.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toMatchObject({
      usesDevJwks: false,
      jwks: { kind: 'url', url: 'https://id.example/jwks' },
    });
  });

  test('subgraph URLs can be overridden one by one', () => {
    expect(loadGatewayConfig({ REDIS_URL: base.REDIS_URL, SUBGRAPH_DOSSIERS_URL: 'http://10.0.0.5:4003/graphql' }).subgraphUrls).toEqual({
      dossiers: 'http://10.0.0.5:4003/graphql',
    });
    expect(() => loadGatewayConfig({ REDIS_URL: base.REDIS_URL, SUBGRAPH_DOSSIERS_URL: 'nope' })).toThrow('SUBGRAPH_DOSSIERS_URL must be a URL');
  });
});

describe('subgraph settings are checked at start', () => {
  test('identity refuses to start in production without OTP_SECRET, or with NPSP_URL but no credentials', () => {
    expect(() => identitySubgraph.checkConfig?.({ NODE_ENV: 'production' })).toThrow('OTP_SECRET is required in production');
    expect(() => identitySubgraph.checkConfig?.({ NPSP_URL: 'http://127.0.0.1:1' })).toThrow('NPSP_USERNAME is required');
    expect(() => identitySubgraph.checkConfig?.({})).not.toThrow();
  });
});
