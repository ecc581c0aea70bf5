import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The append-only log of dossier changes, and the outbox of the event stream.
 *
 * The unique (dossierCode, seq) index is what makes writes safe under concurrency: a change
 * claims the next sequence number by inserting its event, so of two concurrent changes one
 * insert fails and becomes a CONFLICT. We rely on unique indexes rather than conditional
 * updates because FerretDB v1 does not apply a filtered update atomically (see README, Design).
 */
const DossierEventSchema = new Schema(
  {
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true, enum: ['RECEIVED', 'STATUS_CHANGED'] },
    status: { type: String, required: true },
    previousStatus: { type: String, default: null },
    agencyCode: { type: String, required: true },
    procedureCode: { type: String, required: true },
    at: { type: Date, required: true },
    /** Set once the event is on the stream; unpublished events are retried by the relay. */
    published: { type: Boolean, required: true, default: false, index: true },
  },
  { collection: 'dossier_events' },
);
DossierEventSchema.index({ dossierCode: 1, seq: 1 }, { unique: true });

export type DossierEventRecord = InferSchemaType<typeof DossierEventSchema>;
export type DossierEventModel = Model<DossierEventRecord>;

export const dossierEventModel = (db: Connection): DossierEventModel =>
  (db.models.DossierEvent as DossierEventModel | undefined) ?? db.model<DossierEventRecord>('DossierEvent', DossierEventSchema);
