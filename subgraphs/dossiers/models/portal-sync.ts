import { Schema, type Connection, type Model } from 'mongoose';
import type { DossierSyncRecord } from '../../../adapters/npsp/port';

/**
 * The outbox of the national-portal status sync (R-INT-2): one item per dossier change not yet
 * taken by the portal, keyed `<dossierCode>:<seq>` so that enqueueing twice stores one. An item
 * is deleted once the portal took it (the event log keeps the history), so the outbox stays as
 * small as the backlog; per dossier, items go out in seq order.
 *
 * Items are read by `block`, an indexed equality: the block of their global number (a new item
 * goes to the newest block, so an older block that emptied stays empty), or RETRY_BLOCK for the
 * items of dossiers whose head the portal refused, which wait with it.
 */
export const RETRY_BLOCK = -1;

export interface PortalSyncItemRecord {
  _id: string;
  /** Position of the change in the dossier event log. */
  globalSeq: number;
  /** blockOf(globalSeq), or RETRY_BLOCK. */
  block: number;
  dossierCode: string;
  seq: number;
  service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
  record: DossierSyncRecord;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

const PortalSyncItemSchema = new Schema<PortalSyncItemRecord>(
  {
    _id: { type: String, required: true },
    globalSeq: { type: Number, required: true },
    block: { type: Number, required: true, index: true },
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    service: { type: String, required: true },
    record: { type: Schema.Types.Mixed, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'portal_sync_items', minimize: false, versionKey: false },
);

/** Where the enqueuer stands in the event log, and the last outcome, for operators. */
export interface PortalSyncStateRecord {
  _id: 'portal-sync';
  /** Every event up to this global sequence number has its item. */
  enqueuedThrough: number;
  /** No item is left in a block below this one (but in RETRY_BLOCK). */
  lowBlock: number;
  lastSentAt: Date | null;
  lastError: { message: string; at: Date; dossierCode: string; seq: number } | null;
}

const PortalSyncStateSchema = new Schema<PortalSyncStateRecord>(
  {
    _id: { type: String, required: true },
    enqueuedThrough: { type: Number, default: 0 },
    lowBlock: { type: Number, default: 0 },
    lastSentAt: { type: Date, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'portal_sync_state', minimize: false, versionKey: false },
);

export type PortalSyncItemModel = Model<PortalSyncItemRecord>;
export type PortalSyncStateModel = Model<PortalSyncStateRecord>;

export const portalSyncItemModel = (db: Connection): PortalSyncItemModel =>
  (db.models.PortalSyncItem as PortalSyncItemModel | undefined) ?? db.model<PortalSyncItemRecord>('PortalSyncItem', PortalSyncItemSchema);
export const portalSyncStateModel = (db: Connection): PortalSyncStateModel =>
  (db.models.PortalSyncState as PortalSyncStateModel | undefined) ?? db.model<PortalSyncStateRecord>('PortalSyncState', PortalSyncStateSchema);
