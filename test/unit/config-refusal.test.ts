import { ConfigError, loadServiceConfig, readEnv, setting } from '../../platform/config';
import { runSubgraph } from '../../platform/subgraph';
import { loadGatewayConfig } from '../../gateway/config';
import { DEFAULT_BUDGETS } from '../../gateway/budgets';
import { loadDossiersConfig } from '../../subgraphs/dossiers/config';
import { loadIdentityConfig } from '../../subgraphs/identity/config';
import { loadProceduresConfig } from '../../subgraphs/procedures/config';
import { loadDocumentsConfig } from '../../subgraphs/documents/config';
import { dossiersSubgraph } from '../../subgraphs/dossiers/subgraph';
import { thrown } from '../support/thrown';

/** Issue 17: the settings are zod schemas per service, refused in one line that names every problem. */

const REDIS_URL = 'redis://127.0.0.1:6379';
const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/', REDIS_URL };

const refusal = (load: () => unknown) => thrown(ConfigError, load);

describe('issue 17: one refusal names every bad variable at once', () => {
  test('a subgraph with four bad variables and a missing one hears of all five, in one line', () => {
    const err = refusal(() => loadServiceConfig('dossiers', { MONGODB_URI: 'postgres://x', PORT: 'http', SHED_MAX_IN_FLIGHT: '0', LOG_LEVEL: 'loud' }));
    expect(err.problems).toEqual([
      'PORT must be a TCP port (0-65535), got "http"',
      'LOG_LEVEL must be one of debug, info, warn, error, got "loud"',
      'SHED_MAX_IN_FLIGHT must be a whole number ≥ 1, got "0"',
      'MONGODB_URI must start with mongodb://, got "postgres://x"',
      'REDIS_URL is required (npm start sets it for the embedded redis-server)',
    ]);
    expect(err.message).toBe(err.problems.join('; '));
    expect(err.message).not.toContain('\n');
  });

  test('the gateway names bad values, bad list items and JSON keys, and production rules together', () => {
    const err = refusal(() =>
      loadGatewayConfig({
        NODE_ENV: 'production', AUDIT_LOG: 'off', REDIS_URL: 'nope', MAX_TOKENS: '99',
        TRUSTED_DOCUMENTS_FOR: 'npsp, partner', CORS_ORIGINS: 'https://dashboard.vss.gov.vn,dashboard',
        CLIENT_BUDGETS: '{"ivan":{"maxCost":-1}}',
      }),
    );
    expect(err.problems).toEqual([
      'REDIS_URL must be a URL, got "nope"',
      expect.stringMatching(/^CLIENT_BUDGETS\.ivan\.maxCost: /),
      expect.stringMatching(/^TRUSTED_DOCUMENTS_FOR: "partner" is not a client type \(/),
      'CORS_ORIGINS: "dashboard" is not an origin such as https://dashboard.example.vn',
      'MAX_TOKENS must be a whole number ≥ 100, got "99"',
      'NODE_ENV=production needs JWKS_URL or JWKS_PATH: the development JWKS is never trusted in production',
      'AUDIT_LOG=off is refused in production: every exchange is audited (R-Q-2)',
    ]);
  });

  test("a subgraph's own settings are refused with the common ones, before it connects to anything", async () => {
    await expect(runSubgraph(dossiersSubgraph, { ...base, PORT: '-1', SMS_GATEWAY_URL: 'http://127.0.0.1:1', OUTBOX_INTERVAL_MS: '5' })).rejects.toThrow(
      'PORT must be a TCP port (0-65535), got "-1"; OUTBOX_INTERVAL_MS must be a whole number ≥ 10, got "5"; SMS_API_KEY is required with SMS_GATEWAY_URL; SMS_WEBHOOK_SECRET is required with SMS_GATEWAY_URL',
    );
  });

  test('a JWKS of our own needs its issuer and audience; the national portal needs its account', () => {
    expect(refusal(() => loadGatewayConfig({ REDIS_URL, JWKS_PATH: 'idp.json' })).problems).toEqual([
      'JWT_ISSUER is required with JWKS_URL or JWKS_PATH',
      'JWT_AUDIENCE is required with JWKS_URL or JWKS_PATH',
    ]);
    expect(refusal(() => loadProceduresConfig({ NPSP_URL: 'http://127.0.0.1:1' })).problems).toEqual([
      'NPSP_USERNAME is required with NPSP_URL',
      'NPSP_PASSWORD is required with NPSP_URL',
    ]);
  });

  test('production refuses the development secrets, even when set to them explicitly', () => {
    expect(refusal(() => loadIdentityConfig({ NODE_ENV: 'production', OTP_SECRET: 'dev-only-otp-secret' })).problems).toEqual([
      'OTP_SECRET is required in production',
      'IVAN_CREDENTIAL_SECRET is required in production',
    ]);
    expect(loadIdentityConfig({ NODE_ENV: 'production', OTP_SECRET: 's1', IVAN_CREDENTIAL_SECRET: 's2' })).toMatchObject({ otpSecret: 's1', ivanCredentialSecret: 's2' });
  });
});

describe('issue 17: the same variables and defaults as before the schemas', () => {
  test('unset and empty are the same: every default applies', () => {
    const empty = { ...base, PORT: '', SHED_MAX_LAG_MS: '', PUBLIC_LOOKUPS_PER_MINUTE: '' };
    expect(loadServiceConfig('documents', empty)).toMatchObject({ host: '127.0.0.1', port: 4004, logLevel: 'info', metricsPort: null, shedding: { maxInFlight: 512, maxEventLoopDelayMs: 1000 } });
    expect(loadDossiersConfig(empty)).toEqual({
      proceduresUrl: 'http://127.0.0.1:4002/graphql', identityUrl: 'http://127.0.0.1:4001/graphql', publicLookupsPerMinute: 30, outboxIntervalMs: 250, sms: null, smsLookupsPerHour: 10, npsp: null,
      portalSyncIntervalMs: 1000, portalSyncRetry: { baseMs: 1000, maxMs: 300_000 },
      ivanDeliveryIntervalMs: 1000, ivanDeliveryRetry: { baseMs: 1000, maxMs: 300_000 }, ivanDeliveryTimeoutMs: 5000,
    });
    expect(loadDocumentsConfig({})).toEqual({ maxBytes: 20 * 1024 * 1024, uploadTicketSeconds: 600 });
    expect(loadProceduresConfig({})).toEqual({ npsp: null, npspAgencyCode: 'BHXH', importIntervalMs: 3_600_000, relayIntervalMs: 250 });
    expect(loadIdentityConfig({})).toMatchObject({ populationUrl: null, populationCacheSeconds: 86_400, npsp: null, notifyUrl: null });
  });

  test('the gateway: its defaults, lists trimmed, shedding in MiB, budgets merged', () => {
    const config = loadGatewayConfig({ REDIS_URL, TRUSTED_DOCUMENTS_FOR: ' npsp, ivan ,', CORS_ORIGINS: 'https://dashboard.vss.gov.vn', SHED_MAX_HEAP_MB: '64', METRICS_PORT: '9464' });
    expect(config).toMatchObject({
      port: 4000, maxTokens: 3000, maxUploadBytes: 20 * 1024 * 1024, ivanSoapMaxBytes: 256 * 1024, dedup: true, cache: true,
      trustedProxies: [], trustedDocumentsFor: ['npsp', 'ivan'], corsOrigins: ['https://dashboard.vss.gov.vn'],
      shedding: { maxHeapBytes: 64 * 2 ** 20 }, metricsPort: 9464, budgets: DEFAULT_BUDGETS, audit: null,
    });
    expect(config.publicUrl).toBeUndefined();
  });

  test('a script reads its few variables the same way', () => {
    expect(readEnv({ GATEWAY_URL: setting.url('http://127.0.0.1:4000/graphql'), KEYS_DIR: setting.path('/keys') }, {})).toEqual({
      GATEWAY_URL: 'http://127.0.0.1:4000/graphql',
      KEYS_DIR: '/keys',
    });
    expect(() => readEnv({ MONGODB_URI: setting.text() }, {})).toThrow(new ConfigError('MONGODB_URI is required but not set'));
  });
});
