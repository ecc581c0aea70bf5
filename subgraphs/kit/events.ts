import type { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * Event streams on Redis Streams with consumer groups. The durable record of each event lives
 * with its owner (e.g. the dossier's outbox); the stream only carries it, so a publisher may
 * publish twice after a crash and consumers must be idempotent.
 */
export const STREAMS = { dossierEvents: 'events:dossiers' } as const;
const STREAM_MAX_LENGTH = '1000000';

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
  actor: { client: string; subject: string };
  at: string;
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
}

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Reads a stream as one member of a consumer group. A message is acknowledged only after its
 * handler succeeded; failed ones stay pending and are retried with backoff, so nothing is lost
 * when the handler's database is down.
 */
export function startConsumer<T>(redis: Redis, opts: ConsumerOptions<T>): { stop(): Promise<void> } {
  const conn = redis.duplicate();
  let running = true;
  let retryPending = true; // on start, first re-deliver what this consumer left unacknowledged
  let backoffMs = 100;

  const loop = async () => {
    try {
      await conn.xgroup('CREATE', opts.stream, opts.group, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
    while (running) {
      try {
        const reply = (await conn.xreadgroup(
          'GROUP', opts.group, opts.consumer, 'COUNT', 100, 'BLOCK', opts.blockMs ?? 1000,
          'STREAMS', opts.stream, retryPending ? '0' : '>',
        )) as StreamReply;
        const messages = reply?.[0]?.[1] ?? [];
        if (retryPending && messages.length === 0) retryPending = false;
        for (const [id, fields] of messages) {
          const raw = fields[fields.indexOf('event') + 1];
          await opts.handle(JSON.parse(raw ?? 'null') as T);
          await conn.xack(opts.stream, opts.group, id);
        }
        backoffMs = 100;
      } catch (err) {
        if (!running) break;
        opts.logger.warn('event handler failed; will retry', { stream: opts.stream, err, backoffMs });
        retryPending = true;
        await new Promise((r) => setTimeout(r, backoffMs));
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  };
  const done = loop().catch((err: unknown) => opts.logger.error('consumer stopped', { stream: opts.stream, err }));

  return {
    async stop() {
      running = false;
      conn.disconnect();
      await done;
    },
  };
}
