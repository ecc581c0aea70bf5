import { DEADLINE_HEADER } from './deadline';
import { appError, ErrorCode } from './errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from './internal-token';

/** Who a subgraph asks another on behalf of: the caller's internal token and request id. */
export interface OnBehalfOf {
  internalToken?: string;
  requestId: string;
}

export interface SubgraphQuery {
  /** The other subgraph's /graphql URL. */
  url: string;
  /** Its name, as `extensions.serviceName` says on UPSTREAM_UNAVAILABLE. */
  serviceName: string;
  /** What could not be done, for the message: "check procedure 1.002001". */
  what: string;
  query: string;
  variables: Record<string, unknown>;
  timeoutMs: number;
}

/**
 * Asks another subgraph over HTTP on the caller's behalf: the request carries the caller's internal
 * token (signed by the gateway, accepted by every subgraph), so no extra credential exists and no
 * other database is read. Any failure (unreachable, slow, an HTTP or GraphQL error) is
 * UPSTREAM_UNAVAILABLE naming the service, and says that nothing was stored: callers ask before
 * they write.
 */
export async function querySubgraph<T>(q: SubgraphQuery, call: OnBehalfOf): Promise<T> {
  const unavailable = (why: string) =>
    appError(ErrorCode.UPSTREAM_UNAVAILABLE, `cannot ${q.what} right now (${why}); nothing was stored, retry later`, { serviceName: q.serviceName });
  let res: Response;
  try {
    res = await fetch(q.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [REQUEST_ID_HEADER]: call.requestId,
        ...(call.internalToken ? { [INTERNAL_TOKEN_HEADER]: call.internalToken } : {}),
        // Callers sharing one request may have other deadlines: the other subgraph gets ours at most.
        [DEADLINE_HEADER]: String(q.timeoutMs),
      },
      body: JSON.stringify({ query: q.query, variables: q.variables }),
      signal: AbortSignal.timeout(q.timeoutMs),
    });
  } catch (err) {
    throw unavailable((err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
  if (!res.ok) throw unavailable(`HTTP ${res.status}`);
  const body = (await res.json().catch(() => ({}))) as { data?: T | null; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw unavailable('it answered with an error');
  return body.data;
}
