import { z } from 'zod';
import { HttpError, readBody, sendJson } from '../../platform/http';
import type { SubgraphRoute } from '../../platform/authorization';
import type { SubgraphDeps } from '../../platform/context';
import { WS_SECURITY_SCOPE } from '../../platform/principal';
import { loadIdentityConfig } from './config';
import type { Context } from './context';
import { ivanCredentialModel } from './models/ivan-credential';
import { verifyUsernameToken } from './services/ivan-credentials';


const Token = z.object({ username: z.string().min(1).max(200), passwordDigest: z.string().max(200), nonce: z.string().max(200), created: z.string().max(64) });

/**
 * POST /internal/ws-security: the gateway's SOAP endpoint asks whether a UsernameToken is good
 * (R-INT-1) and for whom. Not forwarded by the gateway; only a call carrying the gateway's
 * internal token with the ivan:authenticate scope is answered.
 */
export function wsSecurityRoute(deps: SubgraphDeps): SubgraphRoute<Context> {
  const secret = loadIdentityConfig(deps.config.env).ivanCredentialSecret;
  const model = ivanCredentialModel(deps.db);
  return {
    method: 'POST',
    path: /^\/internal\/ws-security$/,
    policy: { requiresScopes: [[WS_SECURITY_SCOPE]] },
    async handle(req, res) {
      let token: z.infer<typeof Token>;
      try {
        token = Token.parse(JSON.parse(await readBody(req)));
      } catch {
        throw new HttpError(400, 'the body must be {"username","passwordDigest","nonce","created"}');
      }
      const credential = await verifyUsernameToken(model, deps.redis, secret, token);
      sendJson(res, 200, { username: credential._id, providerId: credential.providerId });
    },
  };
}
