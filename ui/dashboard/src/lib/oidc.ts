import type { UserManager } from 'oidc-client-ts';
import type { SignInConfig } from './sign-in-config';

type OidcConfig = Extract<SignInConfig, { mode: 'oidc' }>;

/**
 * Sign-in at the configured OIDC provider: authorization code with PKCE (oidc-client-ts), the
 * provider sending the browser back to /dashboard/. Loaded only in that mode, so development
 * builds do not pay for it. Its state and user live in sessionStorage, like the token.
 */
async function userManager(c: OidcConfig): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority: c.issuer,
    client_id: c.clientId,
    redirect_uri: new URL('./', window.location.href).href.split('?')[0]!,
    post_logout_redirect_uri: new URL('./', window.location.href).href.split('?')[0]!,
    response_type: 'code',
    scope: c.scope,
    userStore: store,
    stateStore: store,
  });
}

export async function redirectToProvider(c: OidcConfig): Promise<void> {
  await (await userManager(c)).signinRedirect();
}

/** On the provider's redirect back (?code=…&state=…): the access token to send to /graphql, else null. */
export async function completeRedirect(c: OidcConfig): Promise<string | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  const user = await (await userManager(c)).signinRedirectCallback();
  // The code and state must not stay in the address bar (or the history).
  window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  return user.access_token;
}

export async function forgetProviderUser(c: OidcConfig): Promise<void> {
  await (await userManager(c)).removeUser();
}
