import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { adoptRetiredKey, ensureKeySets, LEGACY_AGENCY_SET } from './key-store';

/**
 * Local key material, generated on first start under KEYS_DIR (default .data/keys, never committed):
 * - the development token issuer (ES256): private key for `npm run token`, public JWKS for the gateway.
 *   It stands in for the identity provider, so it is not one of our key sets;
 * - the key sets of platform/key-store.ts (internal tokens, timestamps, OTP confirmations; agency
 *   sets are made per agency). In production they come from KEYS_DIR or KEYS_URL, made by
 *   `npm run keys:rotate`, never here.
 */
export const KEY_FILES = {
  devSigning: 'dev-signing-key.json',
  devJwks: 'dev-jwks.json',
} as const;

export const DEV_ISSUER = 'https://dev.vss-graph.local';
export const DEV_AUDIENCE = 'vss-graph';

/** Creates whichever keys are missing; safe to call from several processes' start-up scripts. */
export async function ensureKeys(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(path.join(dir, KEY_FILES.devSigning))) {
    const kid = `dev-${new Date().toISOString().slice(0, 10)}`;
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pub: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    writeFileSync(path.join(dir, KEY_FILES.devSigning), JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' }, null, 2), { mode: 0o600 });
    writeFileSync(path.join(dir, KEY_FILES.devJwks), JSON.stringify({ keys: [pub] }, null, 2));
  }
  await ensureKeySets(dir);
  await adoptLegacyKeys(dir);
}

/**
 * The single key files of before issue 19 (`internal-public-key.json`, which signed audit
 * checkpoints, and `agency-public-key.json`, which signed every agency's results) join the key
 * sets as retired keys, so what they signed still verifies. Their files are left where they are.
 */
export async function adoptLegacyKeys(dir: string): Promise<void> {
  for (const [file, set] of [['internal-public-key.json', 'internal'], ['agency-public-key.json', LEGACY_AGENCY_SET]] as const) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    const jwk = JSON.parse(readFileSync(full, 'utf8')) as JWK & { kid: string; alg: string };
    await adoptRetiredKey(dir, set, jwk);
  }
}

/** A key file of KEYS_DIR (the development issuer's), imported. */
export async function loadKey(dir: string, file: string): Promise<{ key: CryptoKey; jwk: JWK }> {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`key file ${full} is missing: run npm start once, or set KEYS_DIR`);
  const jwk = JSON.parse(readFileSync(full, 'utf8')) as JWK;
  return { key: (await importJWK(jwk, jwk.alg)) as CryptoKey, jwk };
}
