import { SignJWT, decodeJwt, jwtVerify, type CryptoKey } from 'jose';
import type { KeyStore } from './key-store';
import { LRUCache } from 'lru-cache';
import { isClientType, type Principal } from './principal';

/**
 * The short-lived token the gateway signs for each subgraph request. Subgraphs trust nothing
 * else: a request without a valid internal token is refused, so a subgraph port reached
 * directly exposes no data.
 */
export const INTERNAL_TOKEN_HEADER = 'x-vss-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';
const ISSUER = 'vss-graph-gateway';
const AUDIENCE = 'vss-graph-subgraphs';
const TTL_SECONDS = 60;
/** The gateway reuses a token for half its life, so every request it sends has ≥ 30 s of validity left (no subgraph request runs longer). */
const REUSE_MS = (TTL_SECONDS / 2) * 1000;

export interface InternalClaims {
  principal: Principal;
  /** Who the caller is for rate limits: the I-VAN provider, the subject, or ip:<address> (gateway/fair-share.ts). */
  clientKey?: string;
}

/** The gateway's current key of the `internal` set (rotated by `npm run keys:rotate -- --set internal`). */
export const internalSigningKey = async (keys: KeyStore): Promise<{ key: CryptoKey; kid: string }> => {
  const { key, record } = await keys.signingKey('internal');
  return { key, kid: record.kid };
};

export async function signInternalToken(
  principal: Principal,
  requestId: string,
  signing: { key: CryptoKey; kid: string },
  clientKey?: string,
): Promise<string> {
  return new SignJWT({ principal, rid: requestId, ...(clientKey ? { ck: clientKey } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', kid: signing.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(signing.key);
}

/** Returns the principal, or throws when the token is missing, forged, expired, or its key was revoked. */
export async function verifyInternalToken(token: string, keys: KeyStore): Promise<InternalClaims> {
  const { payload } = await jwtVerify(token, async (header) => (await keys.verificationKey('internal', header.kid, new Date())).key, {
    issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'],
  });
  const p = payload.principal as Partial<Principal> | undefined;
  if (!p || !isClientType(p.client) || typeof p.subject !== 'string' || !Array.isArray(p.scopes)) {
    throw new Error('internal token carries no valid principal');
  }
  return { principal: p as Principal, clientKey: typeof payload.ck === 'string' ? payload.ck : undefined };
}

/**
 * The gateway's tokens: one per principal and client key, signed once and reused for REUSE_MS
 * (an EdDSA signature per request was a visible share of the gateway's CPU, issue 15). The
 * request id travels in its own header; the token's `rid` names the request that minted it.
 */
export function createInternalTokenSigner(keys: KeyStore) {
  const tokens = new LRUCache<string, Promise<string>>({ max: 10_000, ttl: REUSE_MS });
  return (principal: Principal, requestId: string, clientKey?: string): Promise<string> => {
    const id = JSON.stringify([principal, clientKey ?? null]);
    let token = tokens.get(id);
    if (!token) {
      token = internalSigningKey(keys).then((signing) => signInternalToken(principal, requestId, signing, clientKey));
      tokens.set(id, token);
      token.catch(() => tokens.delete(id));
    }
    return token;
  };
}

/** verifyInternalToken with each token's answer remembered until it expires: the gateway sends one token many times. */
export function createInternalTokenVerifier(keys: KeyStore) {
  const verified = new LRUCache<string, InternalClaims>({ max: 10_000 });
  return async (token: string): Promise<InternalClaims> => {
    const known = verified.get(token);
    if (known) return known;
    const claims = await verifyInternalToken(token, keys);
    const left = (decodeJwt(token).exp ?? 0) * 1000 - Date.now();
    if (left > 0) verified.set(token, claims, { ttl: left });
    return claims;
  };
}
