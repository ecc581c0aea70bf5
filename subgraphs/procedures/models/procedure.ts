import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const ProcedureSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, match: /^\d\.\d{6}$/ },
    name: { type: String, required: true },
    nameEn: { type: String },
    field: { type: String, required: true },
    processingDays: { type: Number, required: true, min: 0 },
    status: { type: String, required: true, enum: ['DRAFT', 'PUBLISHED', 'WITHDRAWN'], default: 'DRAFT' },
  },
  { collection: 'procedures', timestamps: true },
);

export type ProcedureRecord = InferSchemaType<typeof ProcedureSchema>;
export type ProcedureModel = Model<ProcedureRecord>;

export const procedureModel = (db: Connection): ProcedureModel =>
  (db.models.Procedure as ProcedureModel | undefined) ?? db.model<ProcedureRecord>('Procedure', ProcedureSchema);
