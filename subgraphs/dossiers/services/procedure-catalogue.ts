import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { DEADLINE_HEADER } from '../../../platform/deadline';
import { appError, ErrorCode } from '../../../platform/errors';
import { startConsumer, STREAMS, type ProcedureChangeEvent } from '../../../platform/events';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from '../../../platform/internal-token';
import type { Logger } from '../../../platform/logger';
import { insertIgnoringDuplicates } from '../../../platform/mongo';
import type { ProcedureRevisionModel } from '../models/procedure-revision';

export interface ProcedureInfo {
  code: string;
  name: string;
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  processingDays: number;
  /** The published version in force; a dossier keeps the one it was received under. */
  version: number;
}

/** What intake needs to know about a procedure, at the moment of reception (R-DOS-5). */
export interface ProcedureCatalogue {
  get(code: string, call: { internalToken?: string; requestId: string }): Promise<ProcedureInfo | null>;
}

const QUERY = 'query ProcedureForIntake($code: ID!) { procedure(code: $code) { code name status processingDays version } }';

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
          // Callers sharing this lookup may have other deadlines: the procedures subgraph gets ours at most.
          [DEADLINE_HEADER]: String(timeoutMs),
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

/**
 * The catalogue as the procedure events have told it (R-PRO-2): the newest revision of each
 * procedure in the local copy. A procedure the copy has not heard of (this database is newer
 * than the events, or they were lost with Redis) is asked of the procedures subgraph instead.
 */
export function replicatedProcedureCatalogue(revisions: ProcedureRevisionModel, fallback: ProcedureCatalogue): ProcedureCatalogue {
  return {
    async get(code, call) {
      const latest = await revisions.findOne({ code }).sort({ revision: -1 }).lean().exec();
      if (!latest) return fallback.get(code, call);
      return { code, name: latest.name, status: latest.status, processingDays: latest.processingDays, version: latest.version };
    },
  };
}

/** Keeps the local copy current from the procedure change stream; repeats are dropped by (code, revision). */
export function followProcedureChanges(revisions: ProcedureRevisionModel, redis: Redis, logger: Logger): () => Promise<void> {
  const consumer = startConsumer<ProcedureChangeEvent>(redis, {
    stream: STREAMS.procedureChanges,
    group: 'dossiers-catalogue',
    consumer: `dossiers@${hostname()}`,
    logger,
    handle: (e) =>
      insertIgnoringDuplicates(revisions, [{ code: e.code, revision: e.revision, status: e.status, version: e.version, name: e.name, processingDays: e.processingDays, at: new Date(e.at) }]),
  });
  return () => consumer.stop();
}
