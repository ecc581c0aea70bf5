import { useCallback, useEffect, useState } from 'react';
import { useSession } from './session';

export interface QueryState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/** Runs `query` with the session's token whenever it or `variables` change; `skip` holds it back. */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, skip = false): QueryState<T> {
  const session = useSession();
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: !skip });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    session.call<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    // A newer request supersedes this one: its late answer must not overwrite the newer one.
    return () => {
      current = false;
    };
    // session.call changes with the token, which is what should trigger a new request.
  }, [query, key, skip, round, session.call]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
