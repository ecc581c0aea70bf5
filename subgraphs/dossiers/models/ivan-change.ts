import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The change feed of each I-VAN provider (R-INT-1): every change of the dossiers it filed, numbered
 * 1, 2, 3 … per provider without gaps, so that a partner pages it with "after my last number" as
 * from the event log. `_id` is "<provider>:<n>" (the number is claimed by inserting under it) and
 * `block` is blockOf(n), so reading on is one equality lookup on (providerId, block) per 256
 * changes, whatever the size of the history. The unique `globalSeq` keeps one entry per logged
 * change when the follower repeats itself after a crash.
 */
export interface IvanChangeRecord {
  _id: string;
  providerId: string;
  n: number;
  block: number;
  globalSeq: number;
  dossierCode: string;
  /** The dossier's version after the change. */
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  status: string;
  npspStatusCode: number;
  agencyCode: string;
  at: Date;
}

const IvanChangeSchema = new Schema<IvanChangeRecord>(
  {
    _id: { type: String, required: true },
    providerId: { type: String, required: true },
    n: { type: Number, required: true },
    block: { type: Number, required: true },
    globalSeq: { type: Number, required: true, unique: true },
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    action: { type: String, required: true },
    fromState: { type: String, default: null },
    toState: { type: String, required: true },
    status: { type: String, required: true },
    npspStatusCode: { type: Number, required: true },
    agencyCode: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'ivan_changes', minimize: false, versionKey: false },
);
IvanChangeSchema.index({ providerId: 1, block: 1 });

/** How far the follower has read the event log. */
export interface IvanFeedStateRecord {
  _id: 'ivan-changes';
  followedThrough: number;
}
const IvanFeedStateSchema = new Schema<IvanFeedStateRecord>(
  { _id: { type: String, required: true }, followedThrough: { type: Number, default: 0 } },
  { collection: 'ivan_changes_state', versionKey: false },
);

export type IvanChangeModel = Model<IvanChangeRecord>;
export type IvanFeedStateModel = Model<IvanFeedStateRecord>;

export const ivanChangeModel = (db: Connection): IvanChangeModel =>
  (db.models.IvanChange as IvanChangeModel | undefined) ?? db.model<IvanChangeRecord>('IvanChange', IvanChangeSchema);
export const ivanFeedStateModel = (db: Connection): IvanFeedStateModel =>
  (db.models.IvanFeedState as IvanFeedStateModel | undefined) ?? db.model<IvanFeedStateRecord>('IvanFeedState', IvanFeedStateSchema);
