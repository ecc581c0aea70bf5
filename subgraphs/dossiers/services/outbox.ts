import type { Redis } from 'ioredis';
import { publishEvent, STREAMS, type DossierEvent } from '../../kit/events';
import type { Logger } from '../../kit/logger';
import type { DossierEventRecord } from '../models/dossier-event';
import type { EventLogModel } from '../models/event-log';
import { isDuplicateKey } from '../../kit/mongo';
import { startPeriodic } from '../../kit/periodic';
import { project, type DossierModels } from './events';

const BATCH = 200;

export interface RelayModels extends DossierModels {
  EventLog: EventLogModel;
}

const toStreamEvent = (e: DossierEventRecord, globalSeq: number): DossierEvent => ({
  id: `${e.dossierCode}:${e.seq}`,
  globalSeq,
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
 * Gives each event its global sequence number, once: an event already in the log keeps its
 * number; otherwise the next number is claimed by inserting under the unique _id. Another
 * relay claiming the same number makes this one re-read the last number and try again.
 */
export class Sequencer {
  private last: number | undefined;

  constructor(private readonly EventLog: EventLogModel) {}

  async sequence(e: DossierEventRecord): Promise<number> {
    const existing = await this.EventLog.findOne({ dossierCode: e.dossierCode, seq: e.seq }).select({ _id: 1 }).lean().exec();
    if (existing) return existing._id;
    for (;;) {
      this.last ??= (await this.EventLog.findOne().sort({ _id: -1 }).select({ _id: 1 }).lean().exec())?._id ?? 0;
      const next = this.last + 1;
      try {
        await this.EventLog.create({ _id: next, dossierCode: e.dossierCode, seq: e.seq, event: toStreamEvent(e, next) });
        this.last = next;
        return next;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        this.last = undefined;
        const raced = await this.EventLog.findOne({ dossierCode: e.dossierCode, seq: e.seq }).select({ _id: 1 }).lean().exec();
        if (raced) return raced._id;
      }
    }
  }
}

/**
 * Publishes unpublished dossier events, in sequence order per dossier: projects each (which
 * repairs a dossier whose writer crashed after appending the event), gives it its global
 * sequence number, puts it on the stream, then marks it published. A crash in between publishes
 * again with the same numbers; consumers drop repeats by (dossierCode, seq).
 */
export async function relayOutbox(models: RelayModels, redis: Redis, sequencer = new Sequencer(models.EventLog)): Promise<number> {
  const pending = await models.DossierEvent.find({ published: false }).sort({ dossierCode: 1, seq: 1 }).limit(BATCH).lean().exec();
  for (const e of pending) {
    await project(models, e);
    const globalSeq = await sequencer.sequence(e);
    await publishEvent(redis, STREAMS.dossierEvents, toStreamEvent(e, globalSeq));
    await models.DossierEvent.updateOne({ dossierCode: e.dossierCode, seq: e.seq }, { $set: { published: true } }).exec();
  }
  return pending.length;
}

/** Runs the relay every `intervalMs` until stopped; failures (Redis or database down) are retried next round. */
export function startOutboxRelay(models: RelayModels, redis: Redis, logger: Logger, intervalMs: number): () => Promise<void> {
  const sequencer = new Sequencer(models.EventLog);
  return startPeriodic('outbox relay', logger, intervalMs, async () => (await relayOutbox(models, redis, sequencer)) === BATCH);
}
