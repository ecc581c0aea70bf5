import { appError, ErrorCode } from '../../kit/errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../../kit/internal-token';

export interface ProcedureInfo {
  code: string;
  name: string;
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  processingDays: number;
}

/** What intake needs to know about a procedure, at the moment of reception (R-DOS-5). */
export interface ProcedureCatalogue {
  get(code: string, call: { internalToken?: string; requestId: string }): Promise<ProcedureInfo | null>;
}

const QUERY = 'query ProcedureForIntake($code: ID!) { procedure(code: $code) { code name status processingDays } }';

/**
 * Asks the procedures subgraph over HTTP, on the caller's behalf: the request carries the
 * caller's internal token (signed by the gateway, accepted by every subgraph), so no extra
 * credential exists and no other database is read.
 */
export function httpProcedureCatalogue(url: string, timeoutMs = 3000): ProcedureCatalogue {
  // Lookups of one code that overlap share one request (no caching beyond that): a burst of
  // intakes costs one round trip, and every answer is as fresh as a request made during it.
  const inFlight = new Map<string, Promise<ProcedureInfo | null>>();
  const fetchOne: ProcedureCatalogue['get'] = async (code, call) => {
    const unavailable = (why: string) =>
      appError(ErrorCode.UPSTREAM_UNAVAILABLE, `cannot check procedure ${code} right now (${why}); nothing was stored, retry later`, {
        serviceName: 'procedures',
      });
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [REQUEST_ID_HEADER]: call.requestId,
          ...(call.internalToken ? { [INTERNAL_TOKEN_HEADER]: call.internalToken } : {}),
        },
        body: JSON.stringify({ query: QUERY, variables: { code } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw unavailable((err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
    if (!res.ok) throw unavailable(`HTTP ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { data?: { procedure: ProcedureInfo | null }; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw unavailable('it answered with an error');
    return body.data.procedure;
  };
  return {
    get(code, call) {
      let pending = inFlight.get(code);
      if (!pending) {
        pending = fetchOne(code, call).finally(() => inFlight.delete(code));
        inFlight.set(code, pending);
      }
      return pending;
    },
  };
}
