import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import { workerStarted } from './background';
import { inConsumerSpan } from './tracing';
import { untilSuccess } from './resilience';

/**
 * Event streams on Redis Streams with consumer groups. The durable record of each event lives
 * with its owner (e.g. the dossier's outbox); the stream only carries it, so a publisher may
 * publish twice after a crash and consumers must be idempotent.
 */
export const STREAMS = { dossierEvents: 'events:dossiers', procedureChanges: 'events:procedures' } as const;
export const STREAM_MAX_LENGTH = '1000000';

/** A dossier state change, as the dossiers subgraph publishes it. `seq` grows by one per dossier. */
export interface DossierEvent {
  id: string;
  /** Position in the dossiers subgraph's event log: total order, no gaps, replayable. */
  globalSeq: number;
  dossierCode: string;
  seq: number;
  /** RECEIVE, or the workflow action (ASSIGN, TRANSFER, …). */
  action: string;
  state: string;
  previousState: string | null;
  /** The public state (Art. 12) after and before the change. */
  status: string;
  previousStatus: string | null;
  agencyCode: string;
  departmentCode: string | null;
  procedureCode: string;
  channel: string;
  /** The I-VAN provider that filed the dossier, on every event of it; null for other channels (absent on events published before it was added). */
  ivanProviderId?: string | null;
  actor: { client: string; subject: string };
  at: string;
  /** On RECEIVE only: whom the dossier is for and what was handed in (the documents subgraph's data store, R-DOC-4). */
  reception?: DossierReception;
  /** On COMPLETE and TRANSFER: what the statistics need beyond the change itself (R-STA-1). */
  facts?: DossierFacts;
  /** The W3C trace context of the request that made the change, when it was traced: consumers continue its trace. */
  traceparent?: string | null;
}

/**
 * Facts known to the dossiers subgraph at the moment of a change, recorded with the event so that
 * figures computed from events alone (and replays of them) agree with the dossiers.
 */
export interface DossierFacts {
  /** TRANSFER: the agency the dossier left. */
  fromAgencyCode?: string;
  /** COMPLETE: the appointment in force, and whether the result was ready by it. */
  appointmentAt?: string;
  onTime?: boolean;
  /** COMPLETE: working days from the counting start to the result (R-DOS-10). */
  workingDays?: number;
}

export interface DossierReception {
  applicant: { kind: 'CITIZEN' | 'ORGANIZATION'; personalId: string | null; unitCode: string | null; name: string };
  procedureName: string;
  ivanProviderId: string | null;
  /** Document type codes of the components received. */
  componentTypes: string[];
}

/** A publication change of a procedure, as the procedures subgraph publishes it (R-PRO-2). */
export interface ProcedureChangeEvent {
  /** Position in the procedure change feed: total order, no gaps. */
  sequence: number;
  code: string;
  /** Grows by one per change of this procedure. */
  revision: number;
  kind: 'PUBLISHED' | 'CHANGED' | 'WITHDRAWN';
  version: number;
  status: 'PUBLISHED' | 'WITHDRAWN';
  name: string;
  /** The procedure's field (lĩnh vực): statistics group and filter by it (R-STA-1). */
  field: string;
  processingDays: number;
  at: string;
  /** The W3C trace context of the request that made the change, when it was traced. */
  traceparent?: string | null;
}

export async function publishEvent(redis: Redis, stream: string, event: object): Promise<string> {
  const id = await redis.xadd(stream, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', JSON.stringify(event));
  if (!id) throw new Error(`XADD to ${stream} returned no id`);
  return id;
}

export interface ConsumerOptions<T> {
  stream: string;
  group: string;
  consumer: string;
  logger: Logger;
  handle(event: T): Promise<void>;
  blockMs?: number;
  /** A message another consumer has held unacknowledged this long is taken over (it crashed). */
  claimIdleMs?: number;
  /** After this many failed deliveries a message is moved to `<stream>:dead`, so it blocks nothing. */
  maxDeliveries?: number;
}

type StreamReply = [string, [string, string[]][]][] | null;
const CLAIM_EVERY_MS = 10_000;
/** Waits between failed rounds: from up to 100 ms, doubling, to at most 10 s (platform/resilience.ts). */
const ROUND_BACKOFF = { baseMs: 100, maxMs: 10_000 };

/**
 * Reads a stream as one member of a consumer group. A message is acknowledged only after its
 * handler succeeded; failed ones stay pending and are retried with backoff, so nothing is lost
 * when the handler's database is down. Messages left pending by a consumer that died are
 * claimed after `claimIdleMs`; one that keeps failing goes to a dead-letter stream after
 * `maxDeliveries`; a group lost with a Redis restart is created again.
 */
export function startConsumer<T>(redis: Redis, opts: ConsumerOptions<T>): { stop(): Promise<void> } {
  const conn = redis.duplicate();
  const { stream, group, consumer, logger } = opts;
  const maxDeliveries = opts.maxDeliveries ?? 5;
  let running = true;
  const stopped = new AbortController();
  let retryPending = true; // on start, first re-deliver what this consumer left unacknowledged
  let lastClaim = 0;
  let grouped = false;
  const status = workerStarted(`consumer:${stream}:${group}`);

  const ensureGroup = async () => {
    try {
      await conn.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  };

  /** Takes over messages that another (dead) consumer of the group has held too long. */
  const claimAbandoned = async () => {
    lastClaim = Date.now();
    const [, claimed] = (await conn.xautoclaim(stream, group, consumer, opts.claimIdleMs ?? 60_000, '0', 'COUNT', 100)) as [string, unknown[]];
    if (claimed.length > 0) {
      logger.warn('claimed messages abandoned by another consumer', { stream, count: claimed.length });
      retryPending = true;
    }
  };

  /** Handles one message; a message that failed too often is set aside instead of blocking the rest. */
  const process = async (id: string, fields: string[]) => {
    const raw = fields[fields.indexOf('event') + 1] ?? 'null';
    try {
      const event = JSON.parse(raw) as T;
      const traceparent = (event as { traceparent?: string | null } | null)?.traceparent;
      await inConsumerSpan({ stream, group, id, traceparent }, () => opts.handle(event));
    } catch (err) {
      const [[, , , deliveries] = []] = (await conn.xpending(stream, group, id, id, 1)) as [string, string, number, number][];
      if ((deliveries ?? 0) < maxDeliveries) throw err;
      await conn.xadd(`${stream}:dead`, '*', 'event', raw, 'group', group, 'error', String(err));
      logger.error('message moved to the dead-letter stream', { stream, id, deliveries, err });
    }
    await conn.xack(stream, group, id);
  };

  /** One read of the group and the handling of what it brought. */
  const round = async () => {
    try {
      // Inside the retried round: Redis down at start delays the consumer, it does not end it.
      if (!grouped) {
        await ensureGroup();
        grouped = true;
      }
      if (Date.now() - lastClaim > CLAIM_EVERY_MS) await claimAbandoned();
      const reply = (await conn.xreadgroup(
        'GROUP', group, consumer, 'COUNT', 100, 'BLOCK', opts.blockMs ?? 1000,
        'STREAMS', stream, retryPending ? '0' : '>',
      )) as StreamReply;
      const messages = reply?.[0]?.[1] ?? [];
      if (retryPending && messages.length === 0) retryPending = false;
      for (const [id, fields] of messages) await process(id, fields);
    } catch (err) {
      if (running) {
        retryPending = true;
        if (String(err).includes('NOGROUP')) {
          logger.warn('consumer group missing (Redis restarted?); creating it again', { stream, group });
          await ensureGroup().catch(() => undefined);
        } else status.failed();
      }
      throw err;
    }
  };
  // A failed round is tried again after a growing wait, which starts afresh once a round succeeds.
  const untilRoundSucceeds = untilSuccess(ROUND_BACKOFF, (err, backoffMs) => {
    if (running && !String(err).includes('NOGROUP')) logger.warn('event handler failed; will retry', { stream, err, backoffMs });
  });
  const loop = async () => {
    while (running) await untilRoundSucceeds(round, stopped.signal).catch((err: unknown) => {
      if (running) throw err;
    });
  };
  const done = loop()
    .catch((err: unknown) => logger.error('consumer stopped', { stream, err }))
    .finally(() => status.stopped());

  return {
    async stop() {
      running = false;
      stopped.abort();
      conn.disconnect();
      await done;
    },
  };
}

/**
 * How far behind each consumer group of `stream` is: `lag` entries not yet delivered to it
 * (Redis 7's XINFO GROUPS) and `pending` delivered but not acknowledged. Nothing for a stream
 * that does not exist yet.
 */
export async function groupLags(redis: Redis, stream: string): Promise<{ group: string; lag: number; pending: number }[]> {
  let groups: unknown[][];
  try {
    groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  } catch (err) {
    if (String(err).includes('no such key')) return [];
    throw err;
  }
  return groups.map((fields) => {
    const field = (name: string) => fields[fields.indexOf(name) + 1];
    return { group: String(field('name')), lag: Number(field('lag') ?? 0), pending: Number(field('pending') ?? 0) };
  });
}
