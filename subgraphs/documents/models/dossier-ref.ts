import { Schema, type Connection, type Model } from 'mongoose';
import type { DossierReception } from '../../../platform/events';

/**
 * What the documents subgraph knows of a dossier, kept from the dossier event stream: whose it is
 * (for reuse and access), which agency handles it now, and how far it has got. _id is the code.
 */
export interface DossierRefRecord {
  _id: string;
  applicant: DossierReception['applicant'];
  procedureCode: string;
  procedureName: string;
  ivanProviderId: string | null;
  componentTypes: string[];
  handlingAgencyCode: string;
  state: string;
  /** The last event applied (events arrive at least once). */
  seq: number;
}

const DossierRefSchema = new Schema<DossierRefRecord>(
  {
    _id: { type: String, required: true },
    applicant: { type: Schema.Types.Mixed, required: true },
    procedureCode: { type: String, required: true },
    procedureName: { type: String, required: true },
    ivanProviderId: { type: String, default: null },
    componentTypes: { type: [String], default: [] },
    handlingAgencyCode: { type: String, required: true },
    state: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { collection: 'dossier_refs', versionKey: false },
);

export type DossierRefModel = Model<DossierRefRecord>;
export const dossierRefModel = (db: Connection): DossierRefModel =>
  (db.models.DossierRef as DossierRefModel | undefined) ?? db.model<DossierRefRecord>('DossierRef', DossierRefSchema);
