/** How to sign in, as the gateway serves it at /dashboard/config.json (gateway/dashboard.ts). */
export type SignInConfig =
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string }
  | { mode: 'dev'; devSignIn: boolean; roles: string[] };

export async function loadSignInConfig(): Promise<SignInConfig> {
  const res = await fetch('config.json', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as SignInConfig;
}
