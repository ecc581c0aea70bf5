/**
 * What the dashboard reads from its own token to choose what to show (the leader's approve button,
 * the officer's agency). Read, not verified: the gateway verifies every request and decides.
 */
export interface Claims {
  client: string;
  subject: string;
  scopes: string[];
  agencyCode?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

export function claimsOf(token: string): Claims | null {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const c = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      client: str(c.client_type) ?? '?',
      subject: str(c.sub) ?? '?',
      scopes: (str(c.scope) ?? '').split(' ').filter(Boolean),
      agencyCode: str(c.agency_code),
      exp: typeof c.exp === 'number' ? c.exp : undefined,
    };
  } catch {
    return null;
  }
}
