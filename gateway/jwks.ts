import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../platform/http';
import type { KeyStore } from '../platform/key-store';

export const JWKS_PATH = '/.well-known/jwks.json';
const ONE_SET = /^\/\.well-known\/jwks\/([\w.-]+)\.json$/;

/**
 * Publishes the public keys (issue 19), to anyone and before authentication, as a verifier of a
 * result or a timestamp needs them: GET /.well-known/jwks.json has every set's keys, each naming
 * its agency (agency sets) and its validity window (validFrom, retiredAt, revokedAt with the
 * reason); GET /.well-known/jwks/<set>.json one set, e.g. agency-000.00.01.H26 or timestamp.
 * Cached for a minute: a rotation or revocation shows within a minute and the store's refresh.
 */
export function jwksFiles(keys: KeyStore): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (req.method !== 'GET') return false;
    const url = req.url?.split('?')[0] ?? '';
    const one = ONE_SET.exec(url);
    if (url !== JWKS_PATH && !one) return false;
    const names = await keys.names();
    if (one && !names.includes(one[1]!)) {
      sendJson(res, 404, { error: `no key set ${one[1]}; GET ${JWKS_PATH} lists them all` });
      return true;
    }
    res.setHeader('cache-control', 'public, max-age=60');
    sendJson(res, 200, await keys.jwks(one ? [one[1]!] : names));
    return true;
  };
}
