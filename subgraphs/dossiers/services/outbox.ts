import type { Redis } from 'ioredis';
import { publishEvent, STREAMS, type DossierEvent } from '../../kit/events';
import type { Logger } from '../../kit/logger';
import type { DossierEventRecord } from '../models/dossier-event';
import { project, type DossierModels } from './events';

const BATCH = 200;

const toStreamEvent = (e: DossierEventRecord): DossierEvent => ({
  id: `${e.dossierCode}:${e.seq}`,
  dossierCode: e.dossierCode,
  seq: e.seq,
  action: e.action,
  state: e.state,
  previousState: e.previousState ?? null,
  status: e.status,
  previousStatus: e.previousStatus ?? null,
  agencyCode: e.agencyCode,
  departmentCode: e.departmentCode ?? null,
  procedureCode: e.procedureCode,
  channel: e.channel,
  actor: { client: e.actor.client, subject: e.actor.subject },
  at: e.at.toISOString(),
});

/**
 * Publishes unpublished dossier events to the stream, in sequence order per dossier, then marks
 * them published. Each event's projection is applied first, which repairs a dossier whose
 * writer crashed after appending the event. A crash after publishing and before marking
 * publishes again; consumers drop repeats by (dossierCode, seq).
 */
export async function relayOutbox(models: DossierModels, redis: Redis): Promise<number> {
  const pending = await models.DossierEvent.find({ published: false }).sort({ dossierCode: 1, seq: 1 }).limit(BATCH).lean().exec();
  for (const e of pending) {
    await project(models, e);
    await publishEvent(redis, STREAMS.dossierEvents, toStreamEvent(e));
    await models.DossierEvent.updateOne({ dossierCode: e.dossierCode, seq: e.seq }, { $set: { published: true } }).exec();
  }
  return pending.length;
}

/** Runs the relay every `intervalMs` until stopped; failures (Redis or database down) are retried next round. */
export function startOutboxRelay(models: DossierModels, redis: Redis, logger: Logger, intervalMs = 500): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async (): Promise<void> => {
    try {
      // Drain a backlog without waiting between full batches.
      let n: number;
      do {
        n = await relayOutbox(models, redis);
        if (n > 0) logger.debug('outbox relayed', { events: n });
      } while (n === BATCH && !stopped);
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
