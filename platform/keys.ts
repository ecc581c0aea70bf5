import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

/**
 * Local key material, generated on first start under KEYS_DIR (default .data/keys, never committed):
 * - the development token issuer (ES256): private key for `npm run token`, public JWKS for the gateway;
 * - the internal token key (EdDSA): the gateway signs with the private half, subgraphs verify with the public one;
 * - the agency's signing key (ES256): the documents subgraph signs electronic results with it (R-DOC-5). In
 *   production this is the agency's own certificate key, held in an HSM; locally it is a file.
 */
export const KEY_FILES = {
  devSigning: 'dev-signing-key.json',
  devJwks: 'dev-jwks.json',
  internalSigning: 'internal-signing-key.json',
  internalPublic: 'internal-public-key.json',
  agencySigning: 'agency-signing-key.json',
  agencyPublic: 'agency-public-key.json',
} as const;

export const DEV_ISSUER = 'https://dev.vss-graph.local';
export const DEV_AUDIENCE = 'vss-graph';

async function writeKeyPair(dir: string, alg: 'ES256' | 'EdDSA', kid: string, privateFile: string, publicFile: string, asJwks: boolean) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const pub: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  const priv: JWK = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  writeFileSync(path.join(dir, privateFile), JSON.stringify(priv, null, 2), { mode: 0o600 });
  writeFileSync(path.join(dir, publicFile), JSON.stringify(asJwks ? { keys: [pub] } : pub, null, 2));
}

/** Creates whichever key pairs are missing; safe to call from several processes' start-up scripts. */
export async function ensureKeys(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().slice(0, 10);
  if (!existsSync(path.join(dir, KEY_FILES.devSigning))) {
    await writeKeyPair(dir, 'ES256', `dev-${stamp}`, KEY_FILES.devSigning, KEY_FILES.devJwks, true);
  }
  if (!existsSync(path.join(dir, KEY_FILES.internalSigning))) {
    await writeKeyPair(dir, 'EdDSA', `internal-${stamp}`, KEY_FILES.internalSigning, KEY_FILES.internalPublic, false);
  }
  if (!existsSync(path.join(dir, KEY_FILES.agencySigning))) {
    await writeKeyPair(dir, 'ES256', `agency-${stamp}`, KEY_FILES.agencySigning, KEY_FILES.agencyPublic, false);
  }
}

export function readJwk(dir: string, file: string): JWK {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`key file ${full} is missing: run npm start once, or set KEYS_DIR`);
  return JSON.parse(readFileSync(full, 'utf8')) as JWK;
}

export async function loadKey(dir: string, file: string): Promise<{ key: CryptoKey; jwk: JWK }> {
  const jwk = readJwk(dir, file);
  const key = await importJWK(jwk, jwk.alg);
  return { key: key as CryptoKey, jwk };
}
