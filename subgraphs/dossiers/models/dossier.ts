import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

export const DOSSIER_STATUSES = ['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * The current state of a dossier: a projection of its events (models/dossier-event.ts), which
 * are the record of truth. It can always be brought up to date from them.
 */
const DossierSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    status: { type: String, required: true, enum: DOSSIER_STATUSES },
    procedureCode: { type: String, required: true },
    agencyCode: { type: String, required: true, index: true },
    receivedAt: { type: Date, required: true },
    /** Sequence of the last event applied; clients pass it back as the expected version. */
    seq: { type: Number, required: true },
  },
  { collection: 'dossiers', timestamps: true },
);
DossierSchema.index({ receivedAt: -1, code: -1 });

export type DossierRecord = InferSchemaType<typeof DossierSchema>;
export type DossierModel = Model<DossierRecord>;

export const dossierModel = (db: Connection): DossierModel =>
  (db.models.Dossier as DossierModel | undefined) ?? db.model<DossierRecord>('Dossier', DossierSchema);
