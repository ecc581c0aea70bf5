import type { Redis } from 'ioredis';
import { publishEvent, STREAMS, type DossierEvent, type DossierReception } from '../../kit/events';
import type { Logger } from '../../kit/logger';
import type { DossierEventRecord } from '../models/dossier-event';
import type { DossierRecord } from '../models/dossier';
import type { EventLogModel } from '../models/event-log';
import { GapFreeSequence } from '../../kit/sequence';
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
  ...(e.action === 'RECEIVE' ? { reception: receptionOf(e.changes as Partial<DossierRecord>) } : {}),
  ...(e.facts ? { facts: e.facts } : {}),
});

const receptionOf = (d: Partial<DossierRecord>): DossierReception => ({
  applicant: {
    kind: d.applicant!.kind, personalId: d.applicant!.personalId ?? null, unitCode: d.applicant!.unitCode ?? null, name: d.applicant!.name,
  },
  procedureName: d.procedureName!,
  ivanProviderId: d.ivanProviderId ?? null,
  componentTypes: [...new Set((d.components ?? []).map((c) => c.documentTypeCode))],
});

type StoredEvent = DossierEventRecord & { _id: unknown };

/**
 * Gives each event its global sequence number, once. An event already in the log (noted on the
 * event when the relay marked it published, or found through the log's unique (dossierCode, seq)
 * when a relay crashed in between or another relay raced this one) keeps its number. The note
 * saves that lookup, which reads the whole log on FerretDB v1.
 */
export class Sequencer {
  private readonly numbers: GapFreeSequence;

  constructor(private readonly models: Pick<RelayModels, 'EventLog'>) {
    this.numbers = new GapFreeSequence(async () => (await models.EventLog.findOne().sort({ _id: -1 }).select({ _id: 1 }).lean().exec())?._id ?? 0);
  }

  async sequence(e: StoredEvent): Promise<number> {
    if (e.globalSeq) return e.globalSeq;
    const { EventLog } = this.models;
    return this.numbers.claim(
      async (n) => {
        await EventLog.create({ _id: n, dossierCode: e.dossierCode, seq: e.seq, event: toStreamEvent(e, n) });
        return n;
      },
      async () => {
        const raced = await EventLog.findOne({ dossierCode: e.dossierCode, seq: e.seq }).select({ _id: 1 }).lean().exec();
        return raced ? { value: raced._id } : undefined;
      },
    );
  }
}

/**
 * Publishes unpublished dossier events, in sequence order per dossier: projects each (which
 * repairs a dossier whose writer crashed after appending the event), gives it its global
 * sequence number, puts it on the stream, then marks it published with its number (one write:
 * each write scans the collection on FerretDB v1). A crash in between publishes again with the
 * same numbers; consumers drop repeats by (dossierCode, seq).
 */
export async function relayOutbox(models: RelayModels, redis: Redis, sequencer = new Sequencer(models)): Promise<number> {
  const pending = await models.DossierEvent.find({ published: false }).sort({ dossierCode: 1, seq: 1 }).limit(BATCH).lean().exec();
  for (const e of pending) {
    await project(models, e);
    const globalSeq = await sequencer.sequence(e);
    await publishEvent(redis, STREAMS.dossierEvents, toStreamEvent(e, globalSeq));
    await models.DossierEvent.updateOne({ _id: e._id }, { $set: { published: true, globalSeq } }).exec();
  }
  return pending.length;
}

/** Runs the relay every `intervalMs` until stopped; failures (Redis or database down) are retried next round. */
export function startOutboxRelay(models: RelayModels, redis: Redis, logger: Logger, intervalMs: number): () => Promise<void> {
  const sequencer = new Sequencer(models);
  return startPeriodic('outbox relay', logger, intervalMs, async () => (await relayOutbox(models, redis, sequencer)) === BATCH);
}
