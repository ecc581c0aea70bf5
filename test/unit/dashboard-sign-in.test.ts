import { loadGatewayConfig } from '../../gateway/config';
import { dashboardSettings } from '../../gateway/dashboard';

/** How the dashboard signs in (issue 18): what /dashboard/config.json says under each gateway configuration. */
const base = { REDIS_URL: 'redis://127.0.0.1:6379' };
const production = { ...base, NODE_ENV: 'production', JWKS_URL: 'https://id.example.vn/jwks', JWT_ISSUER: 'https://id.example.vn', JWT_AUDIENCE: 'vss-graph', MONGODB_URI: 'mongodb://db' };

test('issue 18: development mints tokens by role only with the development JWKS outside production', () => {
  expect(dashboardSettings(loadGatewayConfig(base).dashboard)).toEqual({ mode: 'dev', devSignIn: true, roles: ['dashboard', 'leader', 'officer'] });
  expect(dashboardSettings(loadGatewayConfig({ ...base, JWKS_URL: 'https://id.example.vn/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }).dashboard)).toEqual({ mode: 'dev', devSignIn: false, roles: [] });
  expect(loadGatewayConfig(production).dashboard).toEqual({ oidc: null, devSignIn: false });
});

test('issue 18: with DASHBOARD_OIDC_ISSUER and DASHBOARD_OIDC_CLIENT_ID the dashboard signs in at that provider; one without the other is refused', () => {
  const oidc = { ...production, DASHBOARD_OIDC_ISSUER: 'https://id.example.vn/realms/vss', DASHBOARD_OIDC_CLIENT_ID: 'vss-dashboard' };
  expect(dashboardSettings(loadGatewayConfig(oidc).dashboard)).toEqual({ mode: 'oidc', issuer: 'https://id.example.vn/realms/vss', clientId: 'vss-dashboard', scope: 'openid profile' });
  expect(() => loadGatewayConfig({ ...production, DASHBOARD_OIDC_ISSUER: 'https://id.example.vn' })).toThrow('DASHBOARD_OIDC_CLIENT_ID is required with DASHBOARD_OIDC_ISSUER');
  expect(() => loadGatewayConfig({ ...production, DASHBOARD_OIDC_CLIENT_ID: 'x' })).toThrow('DASHBOARD_OIDC_ISSUER is required with DASHBOARD_OIDC_CLIENT_ID');
  expect(() => loadGatewayConfig({ ...base, DASHBOARD_OIDC_ISSUER: 'not a url', DASHBOARD_OIDC_CLIENT_ID: 'x' })).toThrow('DASHBOARD_OIDC_ISSUER must be a URL');
});
