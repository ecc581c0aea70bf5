import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The dossiers subgraph's copy of each procedure's publication changes, fed by the procedures
 * subgraph's events (R-PRO-2): intake checks R-DOS-5 here without a call to another service.
 * One row per (code, revision), inserted under a unique index, so repeated or concurrent
 * deliveries never set a procedure back to an older state; the newest revision is in force.
 */
export interface ProcedureRevisionRecord {
  code: string;
  revision: number;
  status: 'PUBLISHED' | 'WITHDRAWN';
  version: number;
  name: string;
  processingDays: number;
  at: Date;
}

const ProcedureRevisionSchema = new Schema<ProcedureRevisionRecord>(
  {
    code: { type: String, required: true },
    revision: { type: Number, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    processingDays: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'procedure_revisions', versionKey: false },
);
ProcedureRevisionSchema.index({ code: 1, revision: 1 }, { unique: true });

export type ProcedureRevisionModel = Model<ProcedureRevisionRecord>;

export const procedureRevisionModel = (db: Connection): ProcedureRevisionModel =>
  (db.models.ProcedureRevision as ProcedureRevisionModel | undefined) ??
  db.model<ProcedureRevisionRecord>('ProcedureRevision', ProcedureRevisionSchema);
