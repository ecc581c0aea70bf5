import type { DossierSyncRecord, NationalPortalDossiers, SupplementRecord } from '../../../adapters/npsp/port';
import { UpstreamError } from '../../../adapters/lib/errors';
import type { Logger } from '../../../platform/logger';
import { eachLimited } from '../../../platform/concurrency';
import { insertIgnoringDuplicates } from '../../../platform/mongo';
import { startPeriodic } from '../../../platform/periodic';
import type { Lease } from '../../../platform/lease';
import type { DossierRecord } from '../models/dossier';
import type { DossierEventModel, DossierEventRecord } from '../models/dossier-event';
import { eventId } from '../repositories/dossiers';
import type { EventLogModel } from '../models/event-log';
import { RETRY_BLOCK, type PortalSyncItemModel, type PortalSyncItemRecord, type PortalSyncStateModel } from '../models/portal-sync';
import { blockOf, highestId, readAfter } from '../../../platform/sequence';
import { npspStatusOf, type DossierState } from '../workflow/states';
import { backoffMs, dueHeads, PUSH_BATCH, readBuckets, type RetryPolicy } from './push-outbox';

/**
 * The dossier status push to the national portal (R-INT-2), as a durable outbox:
 * 1. `enqueue` turns each event of the dossier event log into an item holding the portal record
 *    (status code 1–10, both appointment dates around each supplement), idempotently;
 * 2. `sendDue` sends, per dossier, the oldest unsent item only, so order holds per dossier; a
 *    refused item waits with exponential backoff and jitter while other dossiers go on; an
 *    outage pauses the whole push, which probes again with backoff. Nothing needs an operator:
 *    every pending item is retried until the portal takes it, and the portal applies each
 *    (dossier, change number) once, so a repeat after a crash changes nothing there.
 */
export interface PortalSyncModels {
  DossierEvent: DossierEventModel;
  EventLog: EventLogModel;
  PortalSyncItem: PortalSyncItemModel;
  PortalSyncState: PortalSyncStateModel;
}

const { enqueue: ENQUEUE_BATCH, send: SEND_BATCH, concurrency: SEND_CONCURRENCY } = PUSH_BATCH;
const STATE_ID = 'portal-sync';

export { backoffMs, type RetryPolicy };

/** The dossier as the portal should see it after each of its events, folded from the event log. */
export function syncRecords(events: DossierEventRecord[]): DossierSyncRecord[] {
  let d: Partial<DossierRecord> = {};
  const supplements: SupplementRecord[] = [];
  return events.map((e) => {
    if (e.action === 'REQUEST_SUPPLEMENT') {
      supplements.push({ requestedAt: e.at, reason: e.reason ?? '', previousAppointmentAt: d.appointmentAt!, receivedAt: null, newAppointmentAt: null });
    }
    d = { ...d, ...(e.changes as Partial<DossierRecord>) };
    const open = supplements.at(-1);
    if (e.action === 'RECEIVE_SUPPLEMENT' && open && !open.receivedAt) Object.assign(open, { receivedAt: e.at, newAppointmentAt: d.appointmentAt! });
    return {
      dossierCode: e.dossierCode,
      syncSeq: e.seq,
      procedureCode: d.procedureCode!,
      procedureName: d.procedureName!,
      agencyCode: d.handlingAgencyCode!,
      channel: d.channel!,
      statusCode: npspStatusOf(e.state as DossierState),
      receivedAt: d.receivedAt!,
      appointmentAt: d.appointmentAt!,
      returnedAt: d.returnedAt ?? null,
      supplements: supplements.map((s) => ({ ...s })),
      updatedAt: e.at,
    };
  });
}

/** A dossier's events 1…through, in order. */
function eventsOf(models: Pick<PortalSyncModels, 'DossierEvent'>, code: string, through: number): Promise<DossierEventRecord[]> {
  return models.DossierEvent.find({ dossierCode: code, seq: { $lte: through } }).sort({ seq: 1 }).lean().exec();
}

/**
 * The dossier after each of the logged changes, keyed `<dossierCode>:<seq>`: each dossier's
 * events are read and folded once, up to its last change among them.
 */
export async function syncRecordsOf(models: Pick<PortalSyncModels, 'DossierEvent'>, logged: { dossierCode: string; seq: number }[]): Promise<Map<string, DossierSyncRecord>> {
  const through = new Map<string, number>();
  for (const l of logged) through.set(l.dossierCode, Math.max(through.get(l.dossierCode) ?? 0, l.seq));
  const records = new Map<string, DossierSyncRecord>();
  for (const [code, seq] of through) {
    for (const r of syncRecords(await eventsOf(models, code, seq))) records.set(eventId(code, r.syncSeq), r);
  }
  return records;
}

/** Adds the items for events logged since the last call; returns how many events it read. */
export async function enqueue(models: PortalSyncModels, now = new Date()): Promise<number> {
  const { EventLog, PortalSyncItem, PortalSyncState } = models;
  const state = await PortalSyncState.findById(STATE_ID).lean().exec();
  const logged = await readAfter(EventLog, state?.enqueuedThrough ?? 0, ENQUEUE_BATCH);
  if (logged.length === 0) return 0;
  // Below the low block every item was sent: one enqueued again (the mark went back when two
  // processes wrote it at once) would never be read there, and the portal has it already.
  const fresh = logged.filter((l) => blockOf(l._id) >= (state?.lowBlock ?? 0));
  const records = await syncRecordsOf(models, fresh);
  const items = fresh.map((l) => ({
    _id: eventId(l.dossierCode, l.seq),
    globalSeq: l._id,
    block: blockOf(l._id),
    dossierCode: l.dossierCode,
    seq: l.seq,
    service: l.seq === 1 ? 'DongBoHoSoMC' : 'CapNhatTienDoHoSoMC',
    record: records.get(eventId(l.dossierCode, l.seq))!,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  }));
  // Items already there (an earlier run crashed before moving the mark) are skipped.
  if (items.length) await insertIgnoringDuplicates(PortalSyncItem, items);
  await PortalSyncState.updateOne({ _id: STATE_ID }, { $set: { enqueuedThrough: logged.at(-1)!._id } }, { upsert: true }).exec();
  return logged.length;
}

/** The items that may be the head of their dossier (push-outbox.ts readBuckets). */
async function readPending(models: PortalSyncModels, wanted: number) {
  const { PortalSyncItem, PortalSyncState } = models;
  const state = await PortalSyncState.findById(STATE_ID).lean().exec();
  const read = await readBuckets((block) => PortalSyncItem.find({ block }).lean().exec(), state?.lowBlock ?? 0, blockOf(state?.enqueuedThrough ?? 0), wanted);
  if (read.lowBlock !== (state?.lowBlock ?? 0)) await PortalSyncState.updateOne({ _id: STATE_ID }, { $set: { lowBlock: read.lowBlock } }, { upsert: true }).exec();
  return read.items;
}

/** The portal refused this change (invalid data, unknown dossier): its own problem, not an outage. */
const isRefusal = (err: unknown) => err instanceof UpstreamError && ['03', '04'].includes(err.details.portalErrorCode ?? '');

/** What one round of sending did; `outage` when the portal did not answer (the round stopped). */
export interface SendReport {
  sent: number;
  refused: number;
  outage: boolean;
}

/** Sends the due head item of each dossier (the oldest unsent), a few dossiers at a time. */
export async function sendDue(models: PortalSyncModels, portal: NationalPortalDossiers, policy: RetryPolicy, now = new Date()): Promise<SendReport> {
  const { PortalSyncItem, PortalSyncState } = models;
  const pending = await readPending(models, SEND_BATCH);
  const heads = await dueHeads(pending, now, SEND_BATCH, (i) => PortalSyncItem.updateOne({ _id: i._id }, { $set: { block: RETRY_BLOCK } }).exec());

  const report: SendReport = { sent: 0, refused: 0, outage: false };
  const sendOne = async (item: PortalSyncItemRecord) => {
    try {
      await (item.service === 'DongBoHoSoMC' ? portal.syncDossier(item.record) : portal.updateProgress(item.record));
    } catch (err) {
      const message = (err as Error).message;
      // A refusal is this item's own problem: it backs off. An outage is nobody's: the whole push
      // pauses (startPortalSync) and the item keeps its place and its count.
      const refused = isRefusal(err);
      const attempts = item.attempts + 1;
      const retry = refused ? { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, policy)), block: RETRY_BLOCK } : {};
      await PortalSyncItem.updateOne({ _id: item._id }, { $set: { ...retry, lastAttemptAt: now, lastError: message } }).exec();
      await PortalSyncState.updateOne({ _id: STATE_ID }, { $set: { lastError: { message, at: now, dossierCode: item.dossierCode, seq: item.seq } } }, { upsert: true }).exec();
      if (refused) report.refused++;
      else report.outage = true;
      return;
    }
    await PortalSyncItem.deleteOne({ _id: item._id }).exec();
    report.sent++;
  };
  // An outage stops the round: the other items wait without being charged an attempt.
  await eachLimited(heads, SEND_CONCURRENCY, async (item) => {
    await sendOne(item);
    return !report.outage;
  });
  if (report.sent > 0) await PortalSyncState.updateOne({ _id: STATE_ID }, { $set: { lastSentAt: new Date() } }, { upsert: true }).exec();
  return report;
}

const MAX_FAILING_LISTED = 50;
// Refused items are few and the outbox holds only the backlog, so the range is checked over it.
const REFUSED = { attempts: { $gt: 0 } };

/** The changes the portal refused, next to be retried first: read only when a client asks for them, never by the metrics. */
export function refusedItems(models: Pick<PortalSyncModels, 'PortalSyncItem'>): Promise<PortalSyncItemRecord[]> {
  return models.PortalSyncItem.find(REFUSED).sort({ nextAttemptAt: 1 }).limit(MAX_FAILING_LISTED).lean().exec();
}

/** What operators see of the push: how much waits, since when, how much the portal refused, and what went wrong last. */
export async function syncStatus(models: PortalSyncModels) {
  // The backlog is counted whole (an operator's question; the outbox holds only the backlog).
  const [backlog, failing, pending, state, logged] = await Promise.all([
    models.PortalSyncItem.countDocuments().exec(),
    models.PortalSyncItem.countDocuments(REFUSED).exec(),
    readPending(models, 1),
    models.PortalSyncState.findById(STATE_ID).lean().exec(),
    highestId(models.EventLog),
  ]);
  const oldestPending = pending.reduce<PortalSyncItemRecord | null>((oldest, i) => (!oldest || i.globalSeq < oldest.globalSeq ? i : oldest), null);
  return {
    backlog,
    failing,
    notYetEnqueued: Math.max(0, logged - (state?.enqueuedThrough ?? 0)),
    oldestPending,
    lastSentAt: state?.lastSentAt ?? null,
    lastError: state?.lastError ?? null,
  };
}
export type PortalSyncStatus = Awaited<ReturnType<typeof syncStatus>>;
/** What `portalSync` resolves to; `failingItems` is read by its own resolver. */
export type PortalSyncStatusRecord = PortalSyncStatus & { enabled: boolean };

/**
 * Runs enqueue and send every `intervalMs`. After an outage the push pauses with backoff and
 * jitter (one probe per pause), so a portal coming back is not met by every item at once.
 */
export function startPortalSync(models: PortalSyncModels, portal: NationalPortalDossiers, policy: RetryPolicy, logger: Logger, intervalMs: number, lease?: Lease): () => Promise<void> {
  let outages = 0;
  let pausedUntil = 0;
  return startPeriodic('national portal sync', logger, intervalMs, async () => {
    const enqueued = await enqueue(models);
    if (Date.now() < pausedUntil) return false;
    const report = await sendDue(models, portal, policy);
    if (report.outage) {
      outages++;
      pausedUntil = Date.now() + backoffMs(outages, policy);
      if (outages === 1) logger.warn('national portal unavailable; dossier sync paused, will probe with backoff');
      return false;
    }
    if (outages > 0 && report.sent > 0) logger.info('national portal back; dossier sync resumed', { afterOutages: outages });
    if (report.sent > 0) outages = 0;
    return enqueued === ENQUEUE_BATCH || report.sent > 0;
  }, lease);
}
