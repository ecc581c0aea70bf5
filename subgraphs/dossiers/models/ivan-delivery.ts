import { Schema, type Connection, type Model } from 'mongoose';
import type { IvanStatusChange } from '../../../adapters/ivan/port';

/**
 * The outbox of status pushes to I-VAN providers (R-INT-1), shaped like the portal sync's
 * (models/portal-sync.ts): one item per change of a dossier filed by a provider with a callback,
 * keyed `<dossierCode>:<seq>` (also the Idempotency-Key the partner sees), deleted once the
 * partner answered 2xx. Items are read by the equality (providerId, block): the block of their
 * global number, or RETRY_BLOCK for the items of dossiers whose head was refused.
 */
export interface IvanDeliveryItemRecord {
  _id: string;
  providerId: string;
  globalSeq: number;
  /** blockOf(globalSeq), or RETRY_BLOCK. */
  block: number;
  dossierCode: string;
  seq: number;
  change: IvanStatusChange;
  /** Refusals (4xx) so far; outages are not counted. */
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

const IvanDeliveryItemSchema = new Schema<IvanDeliveryItemRecord>(
  {
    _id: { type: String, required: true },
    providerId: { type: String, required: true, index: true },
    globalSeq: { type: Number, required: true },
    block: { type: Number, required: true },
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    change: { type: Schema.Types.Mixed, required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'ivan_delivery_items', minimize: false, versionKey: false },
);
IvanDeliveryItemSchema.index({ providerId: 1, block: 1 });

export interface DeliveryError {
  message: string;
  at: Date;
  dossierCode: string;
  seq: number;
}

/**
 * How pushes to one provider stand, kept apart from its registration so that a removal leaves
 * the history readable. `_id` is the provider id.
 */
export interface IvanDeliveryProviderRecord {
  _id: string;
  /** No item of this provider is left in a block below this one (but in RETRY_BLOCK). */
  lowBlock: number;
  /** Consecutive outages; the pause after the n-th is backoff(n). */
  outages: number;
  pausedUntil: Date | null;
  lastDeliveredAt: Date | null;
  lastError: DeliveryError | null;
}

const IvanDeliveryProviderSchema = new Schema<IvanDeliveryProviderRecord>(
  {
    _id: { type: String, required: true },
    lowBlock: { type: Number, default: 0 },
    outages: { type: Number, default: 0 },
    pausedUntil: { type: Date, default: null },
    lastDeliveredAt: { type: Date, default: null },
    lastError: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'ivan_delivery_providers', minimize: false, versionKey: false },
);

/** Where the enqueuer stands in the dossier event log (one document). */
export interface IvanDeliveryMarkRecord {
  _id: 'ivan-delivery';
  /** Every log entry up to this global sequence number has been looked at. */
  enqueuedThrough: number;
}

const IvanDeliveryMarkSchema = new Schema<IvanDeliveryMarkRecord>(
  {
    _id: { type: String, required: true },
    enqueuedThrough: { type: Number, default: 0 },
  },
  { collection: 'ivan_delivery_mark', minimize: false, versionKey: false },
);

export type IvanDeliveryItemModel = Model<IvanDeliveryItemRecord>;
export type IvanDeliveryProviderModel = Model<IvanDeliveryProviderRecord>;
export type IvanDeliveryMarkModel = Model<IvanDeliveryMarkRecord>;

export const ivanDeliveryItemModel = (db: Connection): IvanDeliveryItemModel =>
  (db.models.IvanDeliveryItem as IvanDeliveryItemModel | undefined) ?? db.model<IvanDeliveryItemRecord>('IvanDeliveryItem', IvanDeliveryItemSchema);
export const ivanDeliveryProviderModel = (db: Connection): IvanDeliveryProviderModel =>
  (db.models.IvanDeliveryProvider as IvanDeliveryProviderModel | undefined) ?? db.model<IvanDeliveryProviderRecord>('IvanDeliveryProvider', IvanDeliveryProviderSchema);
export const ivanDeliveryMarkModel = (db: Connection): IvanDeliveryMarkModel =>
  (db.models.IvanDeliveryMark as IvanDeliveryMarkModel | undefined) ?? db.model<IvanDeliveryMarkRecord>('IvanDeliveryMark', IvanDeliveryMarkSchema);
