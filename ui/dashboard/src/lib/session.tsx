import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { claimsOf, type Claims } from './jwt';
import { graphql, GraphQLFailure } from './graphql';

// sessionStorage, never localStorage (issue 18): the token dies with the tab and is not shared with other tabs.
const TOKEN_KEY = 'vss.dashboard.token';

export interface Session {
  token: string | null;
  claims: Claims | null;
  /** Set when the gateway refused the token: the sign-in screen says why. */
  expired: boolean;
  signIn(token: string): void;
  signOut(): void;
  /** A GraphQL call with this session's token; a refused token ends the session. */
  call<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  has(scope: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

function stored(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? claimsOf(token) : null;
  if (!token || !claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export function SessionProvider({ children, onSignOut }: { children: ReactNode; onSignOut?: () => void }) {
  const [token, setToken] = useState<string | null>(stored);
  const [expired, setExpired] = useState(false);
  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setExpired(false);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    onSignOut?.();
  }, [onSignOut]);
  const value = useMemo<Session>(() => {
    const claims = token ? claimsOf(token) : null;
    return {
      token, claims, expired, signIn, signOut,
      has: (scope) => claims?.scopes.includes(scope) ?? false,
      async call<T>(query: string, variables: Record<string, unknown> = {}) {
        try {
          return await graphql<T>(query, variables, token);
        } catch (err) {
          if (token && err instanceof GraphQLFailure && err.code === 'UNAUTHENTICATED') {
            sessionStorage.removeItem(TOKEN_KEY);
            setExpired(true);
            setToken(null);
          }
          throw err;
        }
      },
    };
  }, [token, expired, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
