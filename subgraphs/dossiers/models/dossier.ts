import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export const DOSSIER_STATUSES = ['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * Events not yet handed to the event stream. They are written in the same single-document
 * update as the state change they describe, so a crash can delay an event but never lose it.
 */
const OutboxEventSchema = new Schema(
  {
    id: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true, enum: ['RECEIVED', 'STATUS_CHANGED'] },
    status: { type: String, required: true },
    previousStatus: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const DossierSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    status: { type: String, required: true, enum: DOSSIER_STATUSES },
    procedureCode: { type: String, required: true },
    agencyCode: { type: String, required: true, index: true },
    receivedAt: { type: Date, required: true },
    /** Sequence of the last event; doubles as the optimistic-concurrency version. */
    seq: { type: Number, required: true },
    outbox: { type: [OutboxEventSchema], default: [] },
  },
  { collection: 'dossiers', timestamps: true },
);
DossierSchema.index({ receivedAt: -1, code: -1 });

export type DossierRecord = InferSchemaType<typeof DossierSchema>;
export type DossierModel = Model<DossierRecord>;

export const dossierModel = (db: Connection): DossierModel =>
  (db.models.Dossier as DossierModel | undefined) ?? db.model<DossierRecord>('Dossier', DossierSchema);
