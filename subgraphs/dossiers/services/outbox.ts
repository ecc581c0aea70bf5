import type { Redis } from 'ioredis';
import { STREAM_MAX_LENGTH, STREAMS, type DossierEvent, type DossierReception } from '../../../platform/events';
import { eachLimited } from '../../../platform/concurrency';
import type { Logger } from '../../../platform/logger';
import type { DossierEventRecord } from '../models/dossier-event';
import type { DossierRecord } from '../models/dossier';
import type { EventLogModel, EventLogRecord } from '../models/event-log';
import { blockOf, GapFreeSequence, highestId } from '../../../platform/sequence';
import { startPeriodic } from '../../../platform/periodic';
import { Lease } from '../../../platform/lease';
import { DossierRepository, type DossierModels } from '../repositories/dossiers';

const BATCH = 500;

export interface RelayModels extends DossierModels {
  EventLog: EventLogModel;
}

export const toStreamEvent = (e: DossierEventRecord, globalSeq: number): DossierEvent => ({
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
  ivanProviderId: e.ivanProviderId ?? null,
  actor: { client: e.actor.client, subject: e.actor.subject },
  at: e.at.toISOString(),
  ...(e.action === 'RECEIVE' ? { reception: receptionOf(e.changes as Partial<DossierRecord>) } : {}),
  ...(e.facts ? { facts: e.facts } : {}),
  ...(e.traceparent ? { traceparent: e.traceparent } : {}),
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

/** The event log's entry for an event numbered n. */
export const logEntry = (e: DossierEventRecord, n: number): EventLogRecord => ({
  _id: n, block: blockOf(n), dossierCode: e.dossierCode, seq: e.seq, ivanProviderId: e.ivanProviderId ?? null, event: toStreamEvent(e, n),
});

/**
 * Gives each event its global sequence number, once. An event already in the log (a relay
 * crashed after numbering it, or another relay raced this one) keeps its number, found through
 * the log's unique (dossierCode, seq).
 */
export class Sequencer {
  private readonly numbers: GapFreeSequence;

  constructor(private readonly models: Pick<RelayModels, 'EventLog'>) {
    this.numbers = new GapFreeSequence(() => highestId(models.EventLog));
  }

  async sequence(e: StoredEvent): Promise<number> {
    const { EventLog } = this.models;
    return this.numbers.claim(
      async (n) => {
        await EventLog.create(logEntry(e, n));
        return n;
      },
      async () => {
        const raced = await EventLog.findOne({ dossierCode: e.dossierCode, seq: e.seq }).select({ _id: 1 }).lean().exec();
        return raced ? { value: raced._id } : undefined;
      },
    );
  }

  /** Numbers for events in this order: one insert for the whole run, one at a time from where it was refused. */
  async sequenceAll(events: StoredEvent[]): Promise<number[]> {
    const { first, stored } = await this.numbers.claimRun(events.length, async (n) => {
      await this.models.EventLog.insertMany(events.map((e, i) => logEntry(e, n + i)), { ordered: true, lean: true });
    });
    const numbers = events.slice(0, stored).map((_, i) => first + i);
    for (const e of events.slice(stored)) numbers.push(await this.sequence(e));
    return numbers;
  }
}

/**
 * Brings each dossier of the batch up to its newest pending event: one read per dossier, and a
 * write only for one whose writer crashed (or is still on its way) after appending the event.
 */
async function projectAll(models: RelayModels, pending: StoredEvent[]) {
  const byDossier = new Map<string, StoredEvent[]>();
  for (const e of pending) byDossier.set(e.dossierCode, [...(byDossier.get(e.dossierCode) ?? []), e]);
  const dossiers = new DossierRepository(models);
  await eachLimited([...byDossier.values()], 8, async (events) => {
    const current = await dossiers.find(events[0]!.dossierCode);
    for (const e of events) if (!current || current.seq < e.seq) await dossiers.project(e);
  });
}

/**
 * Publishes unpublished dossier events, in sequence order per dossier, a batch at a time:
 * projects them (repairing a dossier whose writer crashed after appending its event), numbers
 * them in the global log with one insert, puts them on the stream in one round trip, then marks
 * them published with one update. A crash in between publishes again with the same numbers;
 * consumers drop repeats by (dossierCode, seq). "Unpublished" is an indexed equality, so only
 * the pending events are read.
 */
export async function relayOutbox(models: RelayModels, redis: Redis, sequencer = new Sequencer(models)): Promise<number> {
  const pending = await models.DossierEvent.find({ published: false }).sort({ dossierCode: 1, seq: 1 }).limit(BATCH).lean().exec();
  if (pending.length === 0) return 0;
  await projectAll(models, pending);
  const numbers = await sequencer.sequenceAll(pending);
  const stream = redis.pipeline();
  pending.forEach((e, i) => stream.xadd(STREAMS.dossierEvents, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', JSON.stringify(toStreamEvent(e, numbers[i]!))));
  const failed = (await stream.exec())?.find(([err]) => err);
  if (failed) throw failed[0]!;
  // The pending events are the bucket FerretDB reads; the ids pick this batch's out of it.
  await models.DossierEvent.updateMany({ published: false, _id: { $in: pending.map((e) => e._id) } }, { $set: { published: true } }).exec();
  return pending.length;
}

/** Runs the relay every `intervalMs` until stopped; failures (Redis or database down) are retried next round. */
export function startOutboxRelay(models: RelayModels, redis: Redis, logger: Logger, intervalMs: number): () => Promise<void> {
  const sequencer = new Sequencer(models);
  return startPeriodic('outbox relay', logger, intervalMs, async () => (await relayOutbox(models, redis, sequencer)) === BATCH, new Lease(redis, 'dossiers:outbox-relay'));
}
