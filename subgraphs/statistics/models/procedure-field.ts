import { Schema, type Connection, type Model } from 'mongoose';

/** Each procedure's field (lĩnh vực), as the procedure change stream last told it: figures group by it. */
export interface ProcedureFieldRecord {
  /** The procedure code. */
  _id: string;
  field: string;
  revision: number;
}

const ProcedureFieldSchema = new Schema<ProcedureFieldRecord>(
  { _id: { type: String, required: true }, field: { type: String, required: true }, revision: { type: Number, required: true } },
  { collection: 'procedure_fields', versionKey: false },
);

export type ProcedureFieldModel = Model<ProcedureFieldRecord>;
export const procedureFieldModel = (db: Connection): ProcedureFieldModel =>
  (db.models.ProcedureField as ProcedureFieldModel | undefined) ?? db.model<ProcedureFieldRecord>('ProcedureField', ProcedureFieldSchema);
