import { Schema, type Connection, type Model } from 'mongoose';
import type { DossierFacts } from '../../../platform/events';

/** One change of one dossier, as stored (see the schema for what each field means). */
export interface DossierEventRecord {
  /** "<dossierCode>:<seq>"; an ObjectId on events stored before (see the schema). */
  _id?: unknown;
  dossierCode: string;
  seq: number;
  action: string;
  previousState: string | null;
  state: string;
  previousStatus: string | null;
  status: string;
  actor: { client: string; subject: string; agencyCode: string | null };
  agencyCode: string;
  departmentCode: string | null;
  procedureCode: string;
  channel: string;
  /** The I-VAN provider that filed the dossier (channel IVAN), on every event: its change feed and pushes are keyed by it (R-INT-1). */
  ivanProviderId?: string | null;
  reason: string | null;
  at: Date;
  changes: Record<string, unknown>;
  published: boolean;
  /** Its number in the global event log, once the relay has given it one. */
  globalSeq?: number | null;
  /** What the statistics need and cannot see from the change itself (see DossierFacts). */
  facts?: DossierFacts | null;
  /** The W3C trace context of the request that made the change (null when untraced): the stream event carries it to consumers. */
  traceparent?: string | null;
}

/**
 * The append-only log of dossier changes (R-DOS-11), and the outbox of the event stream.
 *
 * The unique (dossierCode, seq) index is what makes writes safe under concurrency: a change
 * claims the next sequence number by inserting its event, so of two concurrent changes one
 * insert fails and becomes a CONFLICT. We rely on unique indexes rather than conditional
 * updates because FerretDB v1 does not apply a filtered update atomically (see README, Design).
 */
const DossierEventSchema = new Schema<DossierEventRecord>(
  {
    // "<dossierCode>:<seq>" (ObjectIds on events stored before), so lookups go by _id; see dossier.ts.
    _id: { type: Schema.Types.Mixed },
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    /** RECEIVE for the first event, otherwise the workflow action. */
    action: { type: String, required: true },
    previousState: { type: String, default: null },
    state: { type: String, required: true },
    previousStatus: { type: String, default: null },
    status: { type: String, required: true },
    actor: {
      client: { type: String, required: true },
      subject: { type: String, required: true },
      agencyCode: { type: String, default: null },
    },
    /** Handling agency and department after the change. */
    agencyCode: { type: String, required: true },
    departmentCode: { type: String, default: null },
    procedureCode: { type: String, required: true },
    channel: { type: String, required: true },
    ivanProviderId: { type: String, default: null },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
    /** The projection fields this change sets, whole (arrays included), so applying it twice is harmless. */
    changes: { type: Schema.Types.Mixed, required: true },
    facts: { type: Schema.Types.Mixed, default: null },
    /** Set once the event is on the stream; unpublished events are retried by the relay. */
    published: { type: Boolean, required: true, default: false, index: true },
    globalSeq: { type: Number, default: null },
    traceparent: { type: String, default: null },
  },
  { collection: 'dossier_events', minimize: false },
);
DossierEventSchema.index({ dossierCode: 1, seq: 1 }, { unique: true });

export type DossierEventModel = Model<DossierEventRecord>;

export const dossierEventModel = (db: Connection): DossierEventModel =>
  (db.models.DossierEvent as DossierEventModel | undefined) ?? db.model<DossierEventRecord>('DossierEvent', DossierEventSchema);
