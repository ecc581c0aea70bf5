/** Who is asking: carried from the gateway to every subgraph inside the internal token. */
export const CLIENT_TYPES = ['ivan', 'npsp', 'dashboard', 'officer', 'citizen', 'anonymous'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export interface Principal {
  client: ClientType;
  /** The token's subject (a partner id, a user id); "anonymous" for public callers. */
  subject: string;
  scopes: string[];
  agencyCode?: string;
  ivanProviderId?: string;
  personalId?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ client: 'anonymous', subject: 'anonymous', scopes: [] });

/** What each kind of client may do unless its token says otherwise. */
export const DEFAULT_SCOPES: Record<ClientType, string[]> = {
  ivan: ['dossier:submit', 'dossier:read', 'document:read'],
  npsp: ['procedure:sync', 'dossier:submit', 'dossier:events'],
  dashboard: ['statistics:read', 'statistics:report', 'dossier:read', 'dossier:events', 'document:read', 'sync:monitor', 'audit:read'],
  officer: ['dossier:read', 'dossier:process', 'document:read', 'document:digitise', 'statistics:read', 'citizen:verify', 'organization:manage', 'account:manage', 'procedure:publish', 'sync:monitor', 'ivan:manage', 'audit:read'],
  citizen: ['dossier:read', 'dossier:submit', 'document:read'],
  anonymous: [],
};

/** The scope of the gateway's own calls to identity to check a SOAP message's UsernameToken; no client token carries it. */
export const WS_SECURITY_SCOPE = 'ivan:authenticate';

export function isClientType(value: unknown): value is ClientType {
  return typeof value === 'string' && (CLIENT_TYPES as readonly string[]).includes(value);
}
