import type { Redis } from 'ioredis';
import type { AuditLog, AuditRecord } from '../../platform/audit';
import type { AuditCheckpointer } from '../../platform/audit-checkpoints';
import { Lease } from '../../platform/lease';
import type { Logger } from '../../platform/logger';

/**
 * The audit inbox (R-Q-2): a Redis stream that every gateway worker appends its records to, and
 * that one writer drains into the hash chain in batches. Reads are recorded here without the
 * request waiting (the XADD is not awaited); mutations await theirs. A record leaves the stream
 * only after the chain append: the writer reads through a consumer group and acknowledges (and
 * deletes) an entry once it is in the chain, so a writer that dies mid-batch leaves its entries
 * pending, and the next writer appends them (at least once: after such a crash a record may
 * appear twice in the chain, with the same request id).
 */
export const inboxKey = (auditDb: string) => `audit:${auditDb}:inbox`;
const GROUP = 'writer';
/** One consumer name: only the lease holder reads, and it takes over what the last holder left pending. */
const CONSUMER = 'writer';

export interface AuditInbox {
  /** Adds a record; the promise settles when Redis has it (reads need not wait for it). */
  add(record: AuditRecord): Promise<void>;
  /** Records not yet handed to Redis (it was unreachable); resent every second. */
  held(): number;
  stop(): void;
}

export function createAuditInbox(redis: Redis, key: string, logger: Logger): AuditInbox {
  /** Records Redis refused; kept and resent, never dropped while the process lives. */
  let unsent: string[] = [];
  const send = (json: string) => redis.xadd(key, '*', 'r', json).then(() => undefined);
  const retry = setInterval(() => {
    if (!unsent.length) return;
    const batch = unsent;
    unsent = [];
    const pipe = redis.pipeline();
    for (const json of batch) pipe.xadd(key, '*', 'r', json);
    pipe.exec().then(
      (results) => {
        results?.forEach(([err], i) => err && unsent.push(batch[i]!));
      },
      () => unsent.push(...batch),
    );
  }, 1000);
  retry.unref();
  return {
    async add(record) {
      const json = JSON.stringify(record);
      try {
        await send(json);
      } catch (err) {
        unsent.push(json);
        logger.warn('audit inbox unreachable; the record is held and resent', { err });
        throw err;
      }
    },
    held: () => unsent.length,
    stop: () => clearInterval(retry),
  };
}

export interface AuditWriterOptions {
  redis: Redis;
  key: string;
  log: AuditLog;
  checkpoints?: AuditCheckpointer;
  logger: Logger;
  batch?: number;
  blockMs?: number;
  /** Pause after a batch smaller than `batch`, so that the next gathers more. */
  pauseMs?: number;
}

/**
 * Drains the inbox into the chain while this process holds the `audit-writer` lease (one writer
 * for the whole deployment, so gateway processes do not collide on entry numbers; direct appends
 * of mutation intents and of the documents subgraph still may, and the unique _id settles those).
 * Checkpoints are signed by the same writer. Its own Redis connection, as XREADGROUP blocks.
 */
export function startAuditWriter(o: AuditWriterOptions): { stop(): Promise<void>; drained: () => Promise<void> } {
  const reader = o.redis.duplicate();
  const lease = new Lease(o.redis, `audit-writer:${o.key}`, 10_000);
  let stopped = false;
  let idle: (() => void)[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

  async function ensureGroup() {
    await reader.xgroup('CREATE', o.key, GROUP, '0', 'MKSTREAM').catch((err: Error) => {
      if (!/BUSYGROUP/.test(err.message)) throw err;
    });
  }

  type Entries = [string, [string, string[]][]][] | null;
  async function round(): Promise<number> {
    // What a previous holder read but did not acknowledge comes first, then new entries.
    let got = (await reader.xreadgroup('GROUP', GROUP, CONSUMER, 'COUNT', o.batch ?? 500, 'STREAMS', o.key, '0')) as Entries;
    if (!got?.[0]?.[1].length) {
      got = (await reader.xreadgroup('GROUP', GROUP, CONSUMER, 'COUNT', o.batch ?? 500, 'BLOCK', o.blockMs ?? 1000, 'STREAMS', o.key, '>')) as Entries;
    }
    const entries = got?.[0]?.[1] ?? [];
    if (!entries.length) return 0;
    const records = entries.map(([, fields]) => JSON.parse(fields[1] ?? '{}') as AuditRecord);
    await o.log.recordAll(records);
    const ids = entries.map(([id]) => id);
    await reader.multi().xack(o.key, GROUP, ...ids).xdel(o.key, ...ids).exec();
    return entries.length;
  }

  const running = (async () => {
    await ensureGroup().catch((err: unknown) => o.logger.error('audit writer: cannot create the inbox group', { err }));
    while (!stopped) {
      try {
        if (!(await lease.held())) {
          await sleep(1000);
          continue;
        }
        const n = await round();
        await o.checkpoints?.maybe(n);
        // A part batch: let more gather (a round's cost on the database is mostly per statement).
        if (n > 0 && n < (o.batch ?? 500)) await sleep(o.pauseMs ?? 250);
        if (n === 0) {
          for (const done of idle) done();
          idle = [];
        }
      } catch (err) {
        if (stopped) break;
        if (/NOGROUP/.test((err as Error).message)) await ensureGroup().catch(() => undefined);
        else o.logger.error('audit writer: a batch failed; it stays in the inbox and is retried', { err });
        await sleep(1000);
      }
    }
  })();

  return {
    /** Resolves once the writer found the inbox empty (tests). */
    drained: () => new Promise<void>((resolve) => idle.push(resolve)),
    async stop() {
      stopped = true;
      reader.disconnect();
      await running;
      await lease.release();
    },
  };
}
