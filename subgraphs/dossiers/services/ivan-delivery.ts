import type { CallbackTarget, DeliveryResult, IvanReceiverPort, IvanStatusChange } from '../../../adapters/ivan/port';
import type { Logger } from '../../../platform/logger';
import type { Lease } from '../../../platform/lease';
import { eachLimited } from '../../../platform/concurrency';
import { insertIgnoringDuplicates } from '../../../platform/mongo';
import { startPeriodic } from '../../../platform/periodic';
import { blockOf, readAfter } from '../../../platform/sequence';
import type { EventLogRecord } from '../models/event-log';
import type { IvanCallbackModel, IvanCallbackRecord } from '../models/ivan-callback';
import type { DeliveryError, IvanDeliveryItemModel, IvanDeliveryItemRecord, IvanDeliveryMarkModel, IvanDeliveryProviderModel, IvanDeliveryProviderRecord } from '../models/ivan-delivery';
import { RETRY_BLOCK } from '../models/portal-sync';
import { npspStatusOf, type DossierState } from '../workflow/states';
import { eventId } from '../repositories/dossiers';
import { syncRecordsOf, type PortalSyncModels } from './portal-sync';
import { backoffMs, dueHeads, PUSH_BATCH, readBuckets, type RetryPolicy } from './push-outbox';

/**
 * Status pushes to I-VAN partners (R-INT-1), as a durable outbox shaped like the portal push
 * (portal-sync.ts, sharing push-outbox.ts):
 * 1. `enqueue` follows the dossier event log with its own mark and adds one item per change of a
 *    dossier whose provider has a callback, keyed `<dossierCode>:<seq>` (the Idempotency-Key);
 * 2. `sendDue` sends, per provider and per dossier, only the oldest pending item. A refusal (4xx)
 *    backs that item off (its dossier waits, others go on); an outage (5xx, timeout, unreachable)
 *    pauses that provider only, with backoff, charging nothing. Items stay in the database until
 *    the partner answers 2xx: at least once, across our restarts and the partner's outages.
 */
export interface IvanDeliveryModels extends Pick<PortalSyncModels, 'DossierEvent' | 'EventLog'> {
  IvanCallback: IvanCallbackModel;
  IvanDeliveryItem: IvanDeliveryItemModel;
  IvanDeliveryProvider: IvanDeliveryProviderModel;
  IvanDeliveryMark: IvanDeliveryMarkModel;
}

// Per provider: each partner gets the portal push's batch and concurrency.
const { enqueue: ENQUEUE_BATCH, send: SEND_BATCH, concurrency: SEND_CONCURRENCY } = PUSH_BATCH;
const MARK_ID = 'ivan-delivery';

const enqueuedThrough = async (models: IvanDeliveryModels) => (await models.IvanDeliveryMark.findById(MARK_ID).lean().exec())?.enqueuedThrough ?? 0;
const providerState = (models: IvanDeliveryModels, providerId: string) => models.IvanDeliveryProvider.findById(providerId).lean().exec();
const setProviderState = (models: IvanDeliveryModels, providerId: string, set: Partial<IvanDeliveryProviderRecord>) =>
  models.IvanDeliveryProvider.updateOne({ _id: providerId }, { $set: set }, { upsert: true }).exec();

/** The change as the partner receives it, from its log entry and the dossier as it was after it. */
function changeOf(l: EventLogRecord, appointmentAt: Date | undefined): IvanStatusChange {
  const e = l.event;
  return {
    idempotencyKey: eventId(l.dossierCode, l.seq),
    dossierCode: l.dossierCode,
    seq: l.seq,
    globalSeq: l._id,
    action: e.action,
    fromState: e.previousState,
    toState: e.state,
    status: e.status,
    npspStatusCode: npspStatusOf(e.state as DossierState),
    agencyCode: e.agencyCode,
    appointmentAt: appointmentAt ? new Date(appointmentAt).toISOString() : null,
    at: new Date(e.at).toISOString(),
  };
}

/** Adds the items for changes logged since the last call; returns how many log entries it read. */
export async function enqueue(models: IvanDeliveryModels, now = new Date()): Promise<number> {
  const { EventLog, IvanCallback, IvanDeliveryItem, IvanDeliveryMark } = models;
  const logged = await readAfter(EventLog, await enqueuedThrough(models), ENQUEUE_BATCH);
  if (logged.length === 0) return 0;
  const providers = new Map<string, { callback: IvanCallbackRecord | null; lowBlock: number }>();
  for (const id of new Set(logged.map((l) => l.ivanProviderId).filter((p): p is string => !!p))) {
    const [callback, state] = await Promise.all([IvanCallback.findById(id).lean().exec(), providerState(models, id)]);
    providers.set(id, { callback, lowBlock: state?.lowBlock ?? 0 });
  }
  // Pushed: changes of a registered provider's dossiers logged after it registered. Below the
  // provider's low block every item was delivered: one enqueued again (the mark went back when
  // two processes wrote it at once) would never be read there, and the partner has it already.
  const wanted = logged.filter((l) => {
    const p = l.ivanProviderId ? providers.get(l.ivanProviderId) : undefined;
    return !!p?.callback && l._id > p.callback.sinceGlobalSeq && blockOf(l._id) >= p.lowBlock;
  });
  if (wanted.length) {
    const records = await syncRecordsOf(models, wanted);
    const items: Omit<IvanDeliveryItemRecord, 'lastAttemptAt' | 'lastError'>[] = wanted.map((l) => ({
      _id: eventId(l.dossierCode, l.seq),
      providerId: l.ivanProviderId!,
      globalSeq: l._id,
      block: blockOf(l._id),
      dossierCode: l.dossierCode,
      seq: l.seq,
      change: changeOf(l, records.get(eventId(l.dossierCode, l.seq))?.appointmentAt),
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    }));
    // Items already there (an earlier run crashed before moving the mark) are skipped.
    await insertIgnoringDuplicates(IvanDeliveryItem, items);
  }
  await IvanDeliveryMark.updateOne({ _id: MARK_ID }, { $set: { enqueuedThrough: logged.at(-1)!._id } }, { upsert: true }).exec();
  return logged.length;
}

/** The provider's items that may be the head of their dossier, by (providerId, block) equality. */
async function readPending(models: IvanDeliveryModels, providerId: string, wanted: number, newest?: number) {
  const state = await providerState(models, providerId);
  const low = state?.lowBlock ?? 0;
  const read = await readBuckets((block) => models.IvanDeliveryItem.find({ providerId, block }).lean().exec(), low, newest ?? blockOf(await enqueuedThrough(models)), wanted);
  if (read.lowBlock !== low) await setProviderState(models, providerId, { lowBlock: read.lowBlock });
  return { items: read.items, state };
}

/** What one round did for one provider; `paused` when its receiver is out and the pause has not ended. */
export interface ProviderReport {
  providerId: string;
  sent: number;
  refused: number;
  outage: boolean;
  paused: boolean;
}

/** Sends the due head items of one provider's dossiers; an outage stops its round and pauses it. */
async function sendForProvider(models: IvanDeliveryModels, receiver: IvanReceiverPort, policy: RetryPolicy, callback: IvanCallbackRecord, newest: number, now: Date): Promise<ProviderReport> {
  const { IvanDeliveryItem } = models;
  const providerId = callback._id;
  const report: ProviderReport = { providerId, sent: 0, refused: 0, outage: false, paused: false };
  const paused = (await providerState(models, providerId))?.pausedUntil;
  if (paused && paused > now) return { ...report, paused: true };
  const { items: pending, state } = await readPending(models, providerId, SEND_BATCH, newest);
  const heads = await dueHeads(pending, now, SEND_BATCH, (i) => IvanDeliveryItem.updateOne({ _id: i._id }, { $set: { block: RETRY_BLOCK } }).exec());
  const target: CallbackTarget = { kind: callback.kind, url: callback.url, secret: callback.secret };
  let lastError: DeliveryError | null = null;
  const failed = async (item: IvanDeliveryItemRecord, result: Exclude<DeliveryResult, { outcome: 'DELIVERED' }>) => {
    lastError = { message: result.message, at: now, dossierCode: item.dossierCode, seq: item.seq };
    // A refusal is this change's own problem: it backs off. An outage is the receiver's: the item
    // keeps its place and its count, and the whole provider pauses below.
    const attempts = item.attempts + 1;
    const retry = result.outcome === 'REFUSED' ? { attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, policy)), block: RETRY_BLOCK } : {};
    await IvanDeliveryItem.updateOne({ _id: item._id }, { $set: { ...retry, lastAttemptAt: now, lastError: result.message } }).exec();
  };
  await eachLimited(heads, SEND_CONCURRENCY, async (item) => {
    const result = await receiver.deliver(target, item.change);
    if (result.outcome === 'DELIVERED') {
      await IvanDeliveryItem.deleteOne({ _id: item._id }).exec();
      report.sent++;
      return true;
    }
    await failed(item, result);
    if (result.outcome === 'REFUSED') report.refused++;
    else report.outage = true;
    return !report.outage;
  });
  const outages = report.outage ? (state?.outages ?? 0) + 1 : 0;
  const set: Partial<IvanDeliveryProviderRecord> = {
    ...(lastError ? { lastError } : {}),
    ...(report.sent > 0 ? { lastDeliveredAt: new Date() } : {}),
    // One probe per pause, the pauses growing with each outage in a row: a partner coming back
    // is not met by its whole backlog at once, and other partners never wait for it.
    ...(report.outage ? { outages, pausedUntil: new Date(now.getTime() + backoffMs(outages, policy)) } : {}),
    // Any answer but an outage (a 2xx, a refusal) shows the receiver is back.
    ...(!report.outage && report.sent + report.refused > 0 && (state?.outages ?? 0) > 0 ? { outages: 0, pausedUntil: null } : {}),
  };
  if (Object.keys(set).length) await setProviderState(models, providerId, set);
  return report;
}

/** One round over every registered provider, side by side, so a slow or absent partner delays no other. */
export async function sendDue(models: IvanDeliveryModels, receiver: IvanReceiverPort, policy: RetryPolicy, now = new Date()): Promise<ProviderReport[]> {
  // Registrations are one per contracted provider: a short list, read whole.
  const callbacks = await models.IvanCallback.find().lean().exec();
  const newest = blockOf(await enqueuedThrough(models));
  return Promise.all(callbacks.map((c) => sendForProvider(models, receiver, policy, c, newest, now)));
}

/** How pushes to one provider stand, for the provider itself and for operators (`ivanDeliveries`). */
export async function deliveryStatus(models: IvanDeliveryModels, providerId: string, now = new Date()) {
  const [callback, backlog, retrying, pending] = await Promise.all([
    models.IvanCallback.findById(providerId).lean().exec(),
    // Counted whole: an operator's question, and the outbox holds only the backlog.
    models.IvanDeliveryItem.countDocuments({ providerId }).exec(),
    models.IvanDeliveryItem.find({ providerId, block: RETRY_BLOCK }).lean().exec(),
    readPending(models, providerId, 1),
  ]);
  const { state } = pending;
  const oldest = pending.items.reduce<IvanDeliveryItemRecord | null>((o, i) => (!o || i.globalSeq < o.globalSeq ? i : o), null);
  return {
    providerId,
    registered: callback !== null,
    kind: callback?.kind ?? null,
    url: callback?.url ?? null,
    backlog,
    // Refused items wait in the retry bucket (with the later changes of their dossiers, not counted).
    failing: retrying.filter((i) => i.attempts > 0).length,
    oldestPending: oldest && {
      idempotencyKey: oldest._id, dossierCode: oldest.dossierCode, seq: oldest.seq, toState: oldest.change.toState as DossierState,
      createdAt: oldest.createdAt, attempts: oldest.attempts, nextAttemptAt: oldest.nextAttemptAt, lastError: oldest.lastError,
    },
    lastDeliveredAt: state?.lastDeliveredAt ?? null,
    lastError: state?.lastError ?? null,
    pausedUntil: state?.pausedUntil && state.pausedUntil > now ? state.pausedUntil : null,
  };
}

/** Runs enqueue and send every `intervalMs`; a round with work done is followed at once. */
export function startIvanDelivery(models: IvanDeliveryModels, receiver: IvanReceiverPort, policy: RetryPolicy, logger: Logger, intervalMs: number, lease?: Lease): () => Promise<void> {
  const out = new Set<string>();
  return startPeriodic('I-VAN status push', logger, intervalMs, async () => {
    const enqueued = await enqueue(models);
    const reports = await sendDue(models, receiver, policy);
    for (const r of reports) {
      if (r.outage && !out.has(r.providerId)) logger.warn('I-VAN callback unavailable; pushes to it paused, will probe with backoff', { providerId: r.providerId });
      if (r.outage) out.add(r.providerId);
      if (r.sent > 0 && out.delete(r.providerId)) logger.info('I-VAN callback back; pushes resumed', { providerId: r.providerId });
    }
    return enqueued === ENQUEUE_BATCH || reports.some((r) => r.sent > 0);
  }, lease);
}
