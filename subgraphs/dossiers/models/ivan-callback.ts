import { Schema, type Connection, type Model } from 'mongoose';
import type { CallbackKind } from '../../../adapters/ivan/port';

/**
 * Where an I-VAN provider receives its dossiers' status changes (R-INT-1): one document per
 * provider, keyed by its id, so registering again replaces it. The secret signs every delivery;
 * it is kept as issued because signing needs it (it is answered to the provider only once).
 */
export interface IvanCallbackRecord {
  _id: string;
  kind: CallbackKind;
  url: string;
  secret: string;
  registeredAt: Date;
  /** Changes logged up to this global sequence number were before the registration and are not pushed. */
  sinceGlobalSeq: number;
  registeredBy: { client: string; subject: string };
}

const IvanCallbackSchema = new Schema<IvanCallbackRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    url: { type: String, required: true },
    secret: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    sinceGlobalSeq: { type: Number, required: true },
    registeredBy: { client: { type: String, required: true }, subject: { type: String, required: true } },
  },
  { collection: 'ivan_callbacks', minimize: false, versionKey: false },
);

export type IvanCallbackModel = Model<IvanCallbackRecord>;

export const ivanCallbackModel = (db: Connection): IvanCallbackModel =>
  (db.models.IvanCallback as IvanCallbackModel | undefined) ?? db.model<IvanCallbackRecord>('IvanCallback', IvanCallbackSchema);
