import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const DepartmentSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
  },
  { _id: false },
);

const AgencySchema = new Schema(
  {
    // Agencies (and parents) are loaded by code, one indexed equality per code.
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    nameEn: { type: String },
    level: { type: String, required: true, enum: ['CENTRAL', 'PROVINCIAL', 'DISTRICT'] },
    parentCode: { type: String, default: null },
    departments: { type: [DepartmentSchema], default: [] },
  },
  { collection: 'agencies', timestamps: true },
);

export type AgencyRecord = InferSchemaType<typeof AgencySchema>;
export type AgencyModel = Model<AgencyRecord>;

export const agencyModel = (db: Connection): AgencyModel =>
  (db.models.Agency as AgencyModel | undefined) ?? db.model<AgencyRecord>('Agency', AgencySchema);
