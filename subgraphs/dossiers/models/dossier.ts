import { Schema, type Connection, type Model } from 'mongoose';
import { STATES } from '../workflow/states';
import { ConfirmationSchema, type ConfirmationRecord } from './confirmation';

export const CHANNELS = ['ONLINE', 'NATIONAL_PORTAL', 'DESK', 'POSTAL', 'IVAN'] as const;
export const RETURN_METHODS = ['ONLINE', 'POSTAL', 'DESK'] as const;

export interface Applicant {
  kind: 'CITIZEN' | 'ORGANIZATION';
  personalId: string | null;
  unitCode: string | null;
  name: string;
}
export interface ComponentRecord {
  documentTypeCode: string;
  name: string;
  originals: number;
  copies: number;
}
export interface AppointmentRecord {
  appointmentAt: Date;
  setAt: Date;
  reason: string;
}
export interface AgencyStepRecord {
  agencyCode: string;
  receivedAt: Date;
  transferredAt: Date | null;
  reason: string | null;
}

/** The applicant as one top-level lookup key: "P:<personal id>" or "O:<unit code>". */
export const applicantKeyOf = (a: Pick<Applicant, 'personalId' | 'unitCode'>) => (a.personalId ? `P:${a.personalId}` : `O:${a.unitCode}`);
/** A work queue: the dossiers one agency handles in one state, "<agency code>|<state>". */
export const queueKeyOf = (agencyCode: string, state: string) => `${agencyCode}|${state}`;

/** A dossier as stored (see the schema below for what each field means). */
export interface DossierRecord {
  /** The code; an ObjectId on dossiers stored before (see the schema). */
  _id?: unknown;
  code: string;
  state: string;
  status: string;
  channel: (typeof CHANNELS)[number];
  ivanProviderId: string | null;
  applicant: Applicant;
  applicantKey: string;
  procedureCode: string;
  procedureName: string;
  processingDays: number;
  /** The procedure's published version at reception (absent on dossiers older than versions). */
  procedureVersion: number | null;
  receivingAgencyCode: string;
  handlingAgencyCode: string;
  handlingDepartment: string | null;
  queue: string;
  agencyCodes: string[];
  agencyChain: AgencyStepRecord[];
  receivedAt: Date;
  appointmentAt: Date;
  appointmentHistory: AppointmentRecord[];
  components: ComponentRecord[];
  supplementRequestedAt: Date | null;
  completedAt: Date | null;
  returnMethod: (typeof RETURN_METHODS)[number] | null;
  returnedAt: Date | null;
  /** How the applicant confirmed it (R-ID-4); null or absent when no confirmation was asked (desk, post, older dossiers). */
  confirmation?: ConfirmationRecord | null;
  seq: number;
}

const ApplicantSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['CITIZEN', 'ORGANIZATION'] },
    personalId: { type: String, default: null },
    unitCode: { type: String, default: null },
    name: { type: String, required: true },
  },
  { _id: false },
);

const ComponentSchema = new Schema(
  {
    documentTypeCode: { type: String, required: true },
    name: { type: String, required: true },
    originals: { type: Number, required: true },
    copies: { type: Number, required: true },
  },
  { _id: false },
);

const AppointmentSchema = new Schema(
  { appointmentAt: { type: Date, required: true }, setAt: { type: Date, required: true }, reason: { type: String, required: true } },
  { _id: false },
);

const AgencyStepSchema = new Schema(
  {
    agencyCode: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    transferredAt: { type: Date, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

/**
 * The current state of a dossier: a projection of its events (models/dossier-event.ts), which
 * are the record of truth. Every event carries the fields it sets, so the projection can always
 * be brought up to date from them.
 *
 * Every lookup is a top-level equality on a field some index leads (code, applicantKey, queue,
 * agencyCodes, …): FerretDB serves only those from an index, and MongoDB serves them alike
 * (README, Design). Nested keys are copied to the top level for that.
 */
const DossierSchema = new Schema<DossierRecord>(
  {
    // The code (ObjectIds on dossiers stored before); lookups go by the code field, which has its own index.
    _id: { type: Schema.Types.Mixed },
    code: { type: String, required: true, unique: true },
    state: { type: String, required: true, enum: Object.keys(STATES) },
    /** The public state (Art. 12), stored for filtering; always STATES[state].public. */
    status: { type: String, required: true },
    channel: { type: String, required: true, enum: CHANNELS },
    ivanProviderId: { type: String, default: null, index: true },
    applicant: { type: ApplicantSchema, required: true },
    /** applicantKeyOf(applicant): a citizen's or organisation's dossiers are found by it. */
    applicantKey: { type: String, required: true, index: true },
    procedureCode: { type: String, required: true, index: true },
    procedureName: { type: String, required: true },
    processingDays: { type: Number, required: true },
    procedureVersion: { type: Number, default: null },
    receivingAgencyCode: { type: String, required: true },
    handlingAgencyCode: { type: String, required: true, index: true },
    handlingDepartment: { type: String, default: null },
    /**
     * queueKeyOf(handling agency, state): an officer's work queue is one equality bucket, as big
     * as the queue itself however long the history grows.
     */
    queue: { type: String, required: true, index: true },
    /** Codes of every agency that has held the dossier; officers of any of them may read it. */
    agencyCodes: { type: [String], required: true, index: true },
    agencyChain: { type: [AgencyStepSchema], required: true },
    receivedAt: { type: Date, required: true },
    appointmentAt: { type: Date, required: true },
    appointmentHistory: { type: [AppointmentSchema], required: true },
    components: { type: [ComponentSchema], required: true },
    supplementRequestedAt: { type: Date, default: null },
    completedAt: { type: Date, default: null },
    returnMethod: { type: String, enum: [...RETURN_METHODS, null], default: null },
    returnedAt: { type: Date, default: null },
    confirmation: { type: ConfirmationSchema, default: null },
    /** Sequence of the last event applied; clients pass it back as expectedVersion. */
    seq: { type: Number, required: true },
  },
  { collection: 'dossiers' },
);
// MongoDB serves the newest-first lists from it (FerretDB sorts in memory).
DossierSchema.index({ receivedAt: -1, code: -1 });

export type DossierModel = Model<DossierRecord>;

export const dossierModel = (db: Connection): DossierModel =>
  (db.models.Dossier as DossierModel | undefined) ?? db.model<DossierRecord>('Dossier', DossierSchema);
