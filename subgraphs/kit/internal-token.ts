import { SignJWT, jwtVerify, type CryptoKey } from 'jose';
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

export interface InternalClaims {
  principal: Principal;
  /** Who the caller is for rate limits: the I-VAN provider, the subject, or ip:<address> (gateway/fair-share.ts). */
  clientKey?: string;
}

export async function signInternalToken(
  principal: Principal,
  requestId: string,
  key: CryptoKey,
  options: { kid?: string; clientKey?: string } = {},
): Promise<string> {
  const { kid, clientKey } = options;
  return new SignJWT({ principal, rid: requestId, ...(clientKey ? { ck: clientKey } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', ...(kid ? { kid } : {}) })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(principal.subject)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key);
}

/** Returns the principal, or throws when the token is missing, forged or expired. */
export async function verifyInternalToken(token: string, key: CryptoKey): Promise<InternalClaims> {
  const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
  const p = payload.principal as Partial<Principal> | undefined;
  if (!p || !isClientType(p.client) || typeof p.subject !== 'string' || !Array.isArray(p.scopes)) {
    throw new Error('internal token carries no valid principal');
  }
  return { principal: p as Principal, clientKey: typeof payload.ck === 'string' ? payload.ck : undefined };
}
