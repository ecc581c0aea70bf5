import type { Redis } from 'ioredis';
import { publishEvent, STREAMS, type DossierEvent } from '../../kit/events';
import type { Logger } from '../../kit/logger';
import type { DossierModel } from '../models/dossier';

const BATCH = 100;

/**
 * Moves outbox events to the dossier event stream, oldest dossier change first, then removes
 * them from the outbox. A crash after publishing and before removal publishes again; consumers
 * drop repeats by (dossierCode, seq).
 */
export async function relayOutbox(Dossier: DossierModel, redis: Redis): Promise<number> {
  const pending = await Dossier.find({ 'outbox.0': { $exists: true } })
    .select({ code: 1, agencyCode: 1, procedureCode: 1, outbox: 1 })
    .limit(BATCH)
    .lean()
    .exec();
  let published = 0;
  for (const d of pending) {
    for (const e of [...d.outbox].sort((a, b) => a.seq - b.seq)) {
      const event: DossierEvent = {
        id: e.id,
        dossierCode: d.code,
        seq: e.seq,
        type: e.type as DossierEvent['type'],
        status: e.status,
        previousStatus: e.previousStatus ?? null,
        agencyCode: d.agencyCode,
        procedureCode: d.procedureCode,
        at: e.at.toISOString(),
      };
      await publishEvent(redis, STREAMS.dossierEvents, event);
      await Dossier.updateOne({ code: d.code }, { $pull: { outbox: { id: e.id } } }).exec();
      published++;
    }
  }
  return published;
}

/** Runs the relay every `intervalMs` until stopped; failures (Redis or database down) are retried next round. */
export function startOutboxRelay(Dossier: DossierModel, redis: Redis, logger: Logger, intervalMs = 500): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async (): Promise<void> => {
    try {
      const n = await relayOutbox(Dossier, redis);
      if (n > 0) logger.debug('outbox relayed', { events: n });
    } catch (err) {
      logger.warn('outbox relay failed; retrying', { err });
    }
    if (!stopped) timer = setTimeout(() => void (current = round()), intervalMs);
  };
  let current = round();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
