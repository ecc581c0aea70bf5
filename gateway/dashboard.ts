import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, type HttpRoute } from '../platform/http';
import { badInput } from '../platform/errors';
import { mintDevToken, type DevTokenOptions } from '../platform/dev-token';
import { DEFAULT_SCOPES } from '../platform/principal';
import { AGENCY_CODE } from '../platform/identifiers';
import type { DashboardSignInConfig } from './config';
import type { GatewayContext } from './context';

/**
 * The demo roles the dashboard's development sign-in mints tokens for (issue 18). A leader is a
 * dashboard user who may also approve statistics reports (statistics:approve, R-STA-2) under a
 * subject of their own, since the author of a report may not approve it.
 */
export const DEV_ROLES = {
  dashboard: (): DevTokenOptions => ({ client: 'dashboard', subject: 'dev-dashboard' }),
  leader: (): DevTokenOptions => ({ client: 'dashboard', subject: 'dev-leader', scopes: [...DEFAULT_SCOPES.dashboard, 'statistics:approve'] }),
  officer: (agencyCode: string): DevTokenOptions => ({ client: 'officer', subject: `dev-officer-${agencyCode}`, agencyCode }),
} as const;
export type DevRole = keyof typeof DEV_ROLES;
const isDevRole = (role: unknown): role is DevRole => typeof role === 'string' && Object.hasOwn(DEV_ROLES, role);

/** A working day's sign-in, as npm start's printed officer token. */
const DEV_TOKEN_SECONDS = 8 * 3600;

export const DASHBOARD_CONFIG_PATH = '/dashboard/config.json';
export const DEV_SIGN_IN_PATH = '/dashboard/dev-token';

/** What /dashboard/config.json tells the app: how to sign in. Nothing secret: a public client's id and its issuer. */
export function dashboardSettings(c: DashboardSignInConfig) {
  return c.oidc
    ? { mode: 'oidc' as const, issuer: c.oidc.issuer, clientId: c.oidc.clientId, scope: c.oidc.scope }
    : { mode: 'dev' as const, devSignIn: c.devSignIn, roles: c.devSignIn ? Object.keys(DEV_ROLES) : [] };
}

/**
 * Answers GET /dashboard/config.json before the app's files (which would answer it with
 * index.html) and before authentication: the app reads it to know how to sign in.
 */
export function dashboardConfigFile(c: DashboardSignInConfig): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const body = dashboardSettings(c);
  return async (req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== DASHBOARD_CONFIG_PATH) return false;
    res.setHeader('cache-control', 'no-cache');
    sendJson(res, 200, body);
    return true;
  };
}

/**
 * POST /dashboard/dev-token {"role": "dashboard" | "leader" | "officer", "agencyCode"?}: a development
 * token for that demo role, as `npm run token` would print. The gateway lists this route only when
 * it trusts the development JWKS and is not in production (DashboardSignInConfig.devSignIn), so the
 * tokens it mints are worthless anywhere else. Admitted as an anonymous caller: rate limited like one.
 */
export function devSignInRoute(keysDir: string): HttpRoute<GatewayContext> {
  return {
    method: 'POST',
    path: /^\/dashboard\/dev-token$/,
    async handle(req, res) {
      let asked: { role?: unknown; agencyCode?: unknown };
      try {
        asked = JSON.parse(await readBody(req)) as typeof asked;
      } catch {
        throw badInput('the body must be JSON: {"role": "dashboard" | "leader" | "officer", "agencyCode"?}');
      }
      const { role, agencyCode } = asked ?? {};
      if (!isDevRole(role)) throw badInput(`role must be one of ${Object.keys(DEV_ROLES).join(', ')}`, { argument: 'role' });
      if (role === 'officer' && (typeof agencyCode !== 'string' || !AGENCY_CODE.test(agencyCode))) {
        throw badInput('an officer needs agencyCode, an agency code like 000.00.01.H26', { argument: 'agencyCode' });
      }
      const token = await mintDevToken(keysDir, { ...DEV_ROLES[role](agencyCode as string), ttlSeconds: DEV_TOKEN_SECONDS });
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { token, role, expiresIn: DEV_TOKEN_SECONDS });
    },
  };
}
