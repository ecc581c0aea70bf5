import { Schema, type Connection, type Model } from 'mongoose';

/** One document per agency and day; `$inc` on it is the atomic source of dossier sequence numbers. */
const CounterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { collection: 'counters' });

export type CounterModel = Model<{ _id: string; seq: number }>;

export const counterModel = (db: Connection): CounterModel =>
  (db.models.Counter as CounterModel | undefined) ?? db.model('Counter', CounterSchema);
