import type { Redis } from 'ioredis';
import { publishEvent, STREAMS, type ProcedureChangeEvent } from '../../../platform/events';
import type { Logger } from '../../../platform/logger';
import { startPeriodic } from '../../../platform/periodic';
import { Lease } from '../../../platform/lease';
import type { ProcedureChangeRecord } from '../models/procedure-change';
import { ProcedureRepository, type ProcedureModels } from '../repositories/procedures';

const BATCH = 200;

const toEvent = (c: ProcedureChangeRecord): ProcedureChangeEvent => ({
  sequence: c._id,
  code: c.code,
  revision: c.revision,
  kind: c.kind,
  version: c.version,
  status: c.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'PUBLISHED',
  name: c.content.name,
  field: c.content.field,
  processingDays: c.content.processingDays,
  at: c.at.toISOString(),
  ...(c.traceparent ? { traceparent: c.traceparent } : {}),
});

/**
 * Puts unpublished publication changes on the event stream in feed order, after making sure
 * each is applied to its procedure (a writer may have crashed in between). A crash after
 * publishing and before marking publishes again; consumers drop repeats by (code, revision).
 */
export async function relayChanges(models: ProcedureModels, redis: Redis): Promise<number> {
  // `published` is indexed and pushed down as an equality on FerretDB, so this reads only the few
  // pending entries; the sort and limit then run on those (FerretDB pushes neither into SQL).
  const pending = await models.ProcedureChange.find({ published: false }).sort({ _id: 1 }).limit(BATCH).lean().exec();
  const procedures = new ProcedureRepository(models);
  for (const c of pending) {
    await procedures.current(c.code);
    await publishEvent(redis, STREAMS.procedureChanges, toEvent(c));
    await models.ProcedureChange.updateOne({ _id: c._id }, { $set: { published: true } }).exec();
  }
  return pending.length;
}

export function startChangeRelay(models: ProcedureModels, redis: Redis, logger: Logger, intervalMs: number): () => Promise<void> {
  return startPeriodic('procedure change relay', logger, intervalMs, async () => (await relayChanges(models, redis)) === BATCH, new Lease(redis, 'procedures:change-relay'));
}
