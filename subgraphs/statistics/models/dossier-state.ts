import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** The latest known public state of each dossier, as learnt from dossier events. */
const DossierStateSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    status: { type: String, required: true, index: true },
    agencyCode: { type: String, required: true, index: true },
    /** Sequence of the last event applied; older or repeated events are ignored. */
    seq: { type: Number, required: true },
  },
  { collection: 'dossier_states' },
);

export type DossierStateRecord = InferSchemaType<typeof DossierStateSchema>;
export type DossierStateModel = Model<DossierStateRecord>;

export const dossierStateModel = (db: Connection): DossierStateModel =>
  (db.models.DossierState as DossierStateModel | undefined) ?? db.model<DossierStateRecord>('DossierState', DossierStateSchema);
