import { Schema, type Connection, type Model } from 'mongoose';
import { ActorSchema, type Actor, type ProcedureContentRecord, type ProcedureStatus } from './procedure';

export const CHANGE_KINDS = ['PUBLISHED', 'CHANGED', 'WITHDRAWN'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One publication change (R-PRO-2, R-PRO-3), under its global sequence number (the _id): the
 * record the pull feed pages through and the versions are read from. A change is appended
 * before the procedure is updated, so this log, not the procedure, is the record of truth.
 * Numbers are claimed by inserting under the unique _id; (code, revision) is unique too, so
 * two officers changing one procedure at once cannot both succeed.
 *
 * Every lookup is a top-level equality on an indexed field, the only filter FerretDB v1 pushes
 * into PostgreSQL (README, Design): `_id`; `code` (leads both compound indexes: a procedure's
 * changes, versions and catch-up); `block` (the feed); `published: false` (the relay).
 */
export interface ProcedureChangeRecord {
  _id: number;
  /** ⌊_id / 256⌋ (platform/sequence.ts): the feed reads on from a number one block at a time. */
  block: number;
  code: string;
  revision: number;
  kind: ChangeKind;
  /** The content version in force after the change. */
  version: number;
  status: ProcedureStatus;
  content: ProcedureContentRecord;
  source: 'LOCAL' | 'NATIONAL';
  reason: string | null;
  at: Date;
  by: Actor;
  /** Whether the relay has put it on the event stream; few are not, so `{published: false}` is a short index lookup. */
  published: boolean;
  /** The W3C trace context of the request that made the change (null when untraced), carried on its event. */
  traceparent?: string | null;
}

const ProcedureChangeSchema = new Schema<ProcedureChangeRecord>(
  {
    _id: { type: Number, required: true },
    block: { type: Number, required: true, index: true },
    code: { type: String, required: true },
    revision: { type: Number, required: true },
    kind: { type: String, required: true, enum: CHANGE_KINDS },
    version: { type: Number, required: true },
    status: { type: String, required: true },
    content: { type: Schema.Types.Mixed, required: true },
    source: { type: String, required: true },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
    by: { type: ActorSchema, required: true },
    published: { type: Boolean, default: false, index: true },
    traceparent: { type: String, default: null },
  },
  { collection: 'procedure_changes', minimize: false, versionKey: false },
);
ProcedureChangeSchema.index({ code: 1, revision: 1 }, { unique: true });
ProcedureChangeSchema.index({ code: 1, version: 1 });

export type ProcedureChangeModel = Model<ProcedureChangeRecord>;

export const procedureChangeModel = (db: Connection): ProcedureChangeModel =>
  (db.models.ProcedureChange as ProcedureChangeModel | undefined) ?? db.model<ProcedureChangeRecord>('ProcedureChange', ProcedureChangeSchema);
