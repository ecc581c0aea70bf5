import { Schema, type Connection, type Model } from 'mongoose';

/** A citizen as identity knows them: what was confirmed, and the last verification (R-ID-1, R-ID-2). */
export interface CitizenRecord {
  personalId: string;
  fullName?: string | null;
  dateOfBirth?: string | null;
  verification?: { result: 'MATCH' | 'MISMATCH' | 'NOT_FOUND'; mismatchedField: string | null; at: Date } | null;
}

const CitizenSchema = new Schema<CitizenRecord>(
  {
    // Every lookup and the verification upsert are by personalId: its index serves them (on FerretDB
    // through the GIN twin of the leading key), and being unique it settles two first verifications.
    personalId: { type: String, required: true, unique: true },
    fullName: { type: String, default: null },
    dateOfBirth: { type: String, default: null },
    verification: {
      type: new Schema(
        { result: { type: String, required: true }, mismatchedField: { type: String, default: null }, at: { type: Date, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: 'citizens', timestamps: true },
);

export type CitizenModel = Model<CitizenRecord>;

export const citizenModel = (db: Connection): CitizenModel =>
  (db.models.Citizen as CitizenModel | undefined) ?? db.model<CitizenRecord>('Citizen', CitizenSchema);
