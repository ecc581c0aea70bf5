import { SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES, loadKey } from './keys';
import { DEFAULT_SCOPES, type ClientType } from './principal';

export interface DevTokenOptions {
  client: Exclude<ClientType, 'anonymous'>;
  scopes?: string[];
  agencyCode?: string;
  ivanProviderId?: string;
  personalId?: string;
  subject?: string;
  ttlSeconds?: number;
}

/** Mints a development token with the local key; the gateway trusts it only without a production JWKS. */
export async function mintDevToken(keysDir: string, o: DevTokenOptions): Promise<string> {
  const { key, jwk } = await loadKey(keysDir, KEY_FILES.devSigning);
  const claims: Record<string, string> = {
    client_type: o.client,
    scope: (o.scopes ?? DEFAULT_SCOPES[o.client]).join(' '),
  };
  if (o.agencyCode) claims.agency_code = o.agencyCode;
  if (o.ivanProviderId) claims.ivan_provider_id = o.ivanProviderId;
  if (o.personalId) claims.personal_id = o.personalId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(o.subject ?? `dev-${o.client}`)
    .setIssuedAt()
    .setExpirationTime(`${o.ttlSeconds ?? 3600}s`)
    .sign(key);
}
