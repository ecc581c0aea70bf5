import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * Issued digitisation codes (R-DOC-2): the code is the _id, so it is unique even on FerretDB, and
 * a document has one code at most (unique documentId), so of two concurrent digitisations of
 * one document only one gets through.
 */
export interface DigitisationCodeRecord {
  _id: string;
  documentId: Types.ObjectId;
  issuedAt: Date;
}

const DigitisationCodeSchema = new Schema<DigitisationCodeRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    issuedAt: { type: Date, required: true },
  },
  { collection: 'digitisation_codes', versionKey: false },
);
DigitisationCodeSchema.index({ documentId: 1 }, { unique: true });

export type DigitisationCodeModel = Model<DigitisationCodeRecord>;
export const digitisationCodeModel = (db: Connection): DigitisationCodeModel =>
  (db.models.DigitisationCode as DigitisationCodeModel | undefined) ?? db.model<DigitisationCodeRecord>('DigitisationCode', DigitisationCodeSchema);
