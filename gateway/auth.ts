import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '../platform/errors';
import { ANONYMOUS, isClientType, type Principal } from '../platform/principal';
import type { GatewayConfig } from './config';

export const ALLOWED_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

function principalFromClaims(claims: JWTPayload): Principal {
  const client = claims.client_type;
  if (!isClientType(client) || client === 'anonymous') {
    throw unauthenticated('token has no valid client_type claim (ivan, npsp, dashboard, officer or citizen)');
  }
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    client,
    subject: str(claims.sub) ?? `${client}:unknown`,
    scopes: (str(claims.scope) ?? '').split(' ').filter(Boolean),
    agencyCode: str(claims.agency_code),
    ivanProviderId: str(claims.ivan_provider_id),
    personalId: str(claims.personal_id),
  };
}

function describe(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `token claim "${err.claim}" is not acceptable`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return `token algorithm is not one of ${ALLOWED_ALGORITHMS.join(', ')}`;
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'token was not signed by a trusted key';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  return 'token is malformed';
}

/** A verified token is believed again for at most this long (and never past its expiry). */
const REMEMBER_MS = 5 * 60_000;

/**
 * Turns an Authorization header into a principal: no header → anonymous; a valid bearer JWT
 * (issuer, audience, expiry, allowed algorithm, trusted key) → its principal; anything else →
 * UNAUTHENTICATED (HTTP 401). A partner sends one token for thousands of requests, so a verified
 * token's principal is remembered until it expires (at most REMEMBER_MS): one signature check per
 * token, not per request. Refusals are not remembered.
 */
export function createAuthenticator(config: GatewayConfig) {
  const keys =
    config.jwks.kind === 'url'
      ? createRemoteJWKSet(new URL(config.jwks.url))
      : createLocalJWKSet(JSON.parse(readFileSync(config.jwks.path, 'utf8')) as Parameters<typeof createLocalJWKSet>[0]);

  const verified = new LRUCache<string, Principal>({ max: 10_000 });

  return async function authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <JWT>"');
    const known = verified.get(match[1]);
    if (known) return known;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(match[1], keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      throw unauthenticated(`invalid bearer token: ${describe(err)}`);
    }
    const principal = principalFromClaims(claims);
    const left = Math.min((claims.exp ?? 0) * 1000 - Date.now(), REMEMBER_MS);
    if (left > 0) verified.set(match[1], principal, { ttl: left });
    return principal;
  };
}
