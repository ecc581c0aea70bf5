import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { startConsumer, STREAMS, type ProcedureChangeEvent } from '../../../platform/events';
import { querySubgraph, type OnBehalfOf } from '../../../platform/subgraph-call';
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
  get(code: string, call: OnBehalfOf): Promise<ProcedureInfo | null>;
}

const QUERY = 'query ProcedureForIntake($code: ID!) { procedure(code: $code) { code name status processingDays version } }';

/**
 * Asks the procedures subgraph over HTTP, on the caller's behalf (platform/subgraph-call.ts): no
 * extra credential exists and no other database is read.
 */
export function httpProcedureCatalogue(url: string, timeoutMs = 3000): ProcedureCatalogue {
  // Lookups of one code that overlap share one request (no caching beyond that): a burst of
  // intakes costs one round trip, and every answer is as fresh as a request made during it.
  const inFlight = new Map<string, Promise<ProcedureInfo | null>>();
  const fetchOne: ProcedureCatalogue['get'] = async (code, call) => {
    const data = await querySubgraph<{ procedure: ProcedureInfo | null }>(
      { url, serviceName: 'procedures', what: `check procedure ${code}`, query: QUERY, variables: { code }, timeoutMs },
      call,
    );
    return data.procedure;
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
