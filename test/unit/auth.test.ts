import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { createAuthenticator } from '../../gateway/auth';
import { loadGatewayConfig } from '../../gateway/config';
import { DEV_AUDIENCE, DEV_ISSUER, ensureKeys, KEY_FILES, loadKey } from '../../platform/keys';
import { internalSigningKey, signInternalToken, verifyInternalToken } from '../../platform/internal-token';
import { keyStoreOf } from '../../platform/key-store';
import { mintDevToken } from '../../platform/dev-token';

let keysDir: string;
let authenticate: ReturnType<typeof createAuthenticator>;

beforeAll(async () => {
  keysDir = mkdtempSync(path.join(tmpdir(), 'vss-auth-test-'));
  await ensureKeys(keysDir);
  authenticate = createAuthenticator(loadGatewayConfig({ KEYS_DIR: keysDir, REDIS_URL: 'redis://127.0.0.1:6379' }));
});
afterAll(() => rmSync(keysDir, { recursive: true, force: true }));

const rejected = (message: string | RegExp) =>
  expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

async function otherToken(alg: 'ES256' | 'HS256', claims: Record<string, unknown> = { client_type: 'officer' }) {
  const key = alg === 'HS256' ? new TextEncoder().encode('a-shared-secret-of-32-bytes-long!') : (await generateKeyPair('ES256')).privateKey;
  const { jwk } = await loadKey(keysDir, KEY_FILES.devSigning);
  return new SignJWT(claims).setProtectedHeader({ alg, kid: jwk.kid }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('5m').sign(key);
}

describe('gateway bearer-token verification', () => {
  test('a valid development token yields its principal', async () => {
    const token = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0007', subject: 'ivan-7' });
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual({
      client: 'ivan',
      subject: 'ivan-7',
      scopes: ['dossier:submit', 'dossier:read', 'document:read'],
      ivanProviderId: 'IVAN-0007',
      agencyCode: undefined,
      personalId: undefined,
    });
  });

  test('no Authorization header means the anonymous principal', async () => {
    await expect(authenticate(undefined)).resolves.toMatchObject({ client: 'anonymous', scopes: [] });
  });

  test('a header that is not "Bearer <JWT>" is refused', async () => {
    await expect(authenticate('Basic dXNlcjpwYXNz')).rejects.toEqual(rejected('must be "Bearer <JWT>"'));
  });

  test('an expired token is refused', async () => {
    const token = await mintDevToken(keysDir, { client: 'officer', ttlSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    await expect(authenticate(`Bearer ${token}`)).rejects.toEqual(rejected('expired'));
  });

  test('a token forged with another key under the trusted kid is refused', async () => {
    await expect(authenticate(`Bearer ${await otherToken('ES256')}`)).rejects.toEqual(rejected('signature is invalid'));
  });

  test('a token with an algorithm outside ES256/RS256/EdDSA is refused', async () => {
    await expect(authenticate(`Bearer ${await otherToken('HS256')}`)).rejects.toEqual(rejected('algorithm'));
  });

  test('a token for another audience or issuer is refused', async () => {
    const { key, jwk } = await loadKey(keysDir, KEY_FILES.devSigning);
    const sign = (iss: string, aud: string) =>
      new SignJWT({ client_type: 'officer' }).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setIssuer(iss).setAudience(aud).setExpirationTime('5m').sign(key);
    await expect(authenticate(`Bearer ${await sign(DEV_ISSUER, 'another-api')}`)).rejects.toEqual(rejected('"aud"'));
    await expect(authenticate(`Bearer ${await sign('https://evil.example', DEV_AUDIENCE)}`)).rejects.toEqual(rejected('"iss"'));
  });

  test('a token without a known client_type is refused', async () => {
    const { key, jwk } = await loadKey(keysDir, KEY_FILES.devSigning);
    const token = await new SignJWT({ client_type: 'root' }).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('5m').sign(key);
    await expect(authenticate(`Bearer ${token}`)).rejects.toEqual(rejected('client_type'));
  });
});

describe('internal token between gateway and subgraphs', () => {
  test('carries the principal from the gateway to a subgraph', async () => {
    const keys = keyStoreOf({ dir: keysDir });
    const principal = { client: 'officer' as const, subject: 'o-1', scopes: ['dossier:read'], agencyCode: '000.00.01.H26' };
    await expect(verifyInternalToken(await signInternalToken(principal, 'req-1', await internalSigningKey(keys)), keys)).resolves.toEqual({ principal, clientKey: undefined });
  });

  test('is refused when signed by any other key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const keys = keyStoreOf({ dir: keysDir });
    const { kid } = await internalSigningKey(keys);
    const forged = await signInternalToken({ client: 'dashboard', subject: 'x', scopes: [] }, 'req-2', { key: privateKey, kid });
    await expect(verifyInternalToken(forged, keys)).rejects.toThrow();
  });
});
