import { Schema, type Connection, type Model } from 'mongoose';
import type { DossierEvent } from '../../../platform/events';

/**
 * Every published dossier event under its global sequence number (the _id), in the order the
 * relay published them: the record consumers replay from (`dossierEvents(after:)`).
 * Numbers are claimed by inserting under the unique _id, like everything else that must not race;
 * `block` (platform/sequence.ts) lets readers go on from a number by equality lookups.
 */
export interface EventLogRecord {
  _id: number;
  block: number;
  dossierCode: string;
  seq: number;
  /** The I-VAN provider that filed the dossier, or null: what the I-VAN change feed is keyed by. */
  ivanProviderId: string | null;
  event: DossierEvent;
}

const EventLogSchema = new Schema<EventLogRecord>(
  {
    _id: { type: Number, required: true },
    block: { type: Number, required: true, index: true },
    dossierCode: { type: String, required: true },
    seq: { type: Number, required: true },
    ivanProviderId: { type: String, default: null },
    event: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'dossier_event_log', minimize: false, versionKey: false },
);
EventLogSchema.index({ dossierCode: 1, seq: 1 }, { unique: true });

export type EventLogModel = Model<EventLogRecord>;

export const eventLogModel = (db: Connection): EventLogModel =>
  (db.models.EventLog as EventLogModel | undefined) ?? db.model<EventLogRecord>('EventLog', EventLogSchema);
