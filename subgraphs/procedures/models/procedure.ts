import { Schema, type Connection, type Model } from 'mongoose';
import { searchForm } from '../../../platform/text';

export const SERVICE_LEVELS = ['FULL_ONLINE', 'PARTIAL_ONLINE', 'OFFLINE'] as const;
export const AGENCY_LEVELS = ['CENTRAL', 'PROVINCIAL', 'DISTRICT'] as const;
export const SUBMISSION_METHODS = ['ONLINE', 'DESK', 'POSTAL'] as const;
export const PROCEDURE_STATUSES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

/** What a procedure says: every field of R-PRO-1 (352 Art. 18.1). A version freezes one of these. */
export interface ProcedureContentRecord {
  name: string;
  nameEn?: string | null;
  field: string;
  agencyLevels: (typeof AGENCY_LEVELS)[number][];
  serviceLevel: (typeof SERVICE_LEVELS)[number];
  submissionMethods: (typeof SUBMISSION_METHODS)[number][];
  processingDays: number;
  /** Fees in VND; an empty list means free of charge. */
  fees: { description: string; amountVnd: number }[];
  components: { documentTypeCode: string; name: string; originals: number; copies: number; formTemplate?: string | null }[];
  resultDocuments: string[];
  legalBasis: string[];
  guide: string;
}

export const CONTENT_FIELDS = [
  'name', 'nameEn', 'field', 'agencyLevels', 'serviceLevel', 'submissionMethods', 'processingDays',
  'fees', 'components', 'resultDocuments', 'legalBasis', 'guide',
] as const satisfies readonly (keyof ProcedureContentRecord)[];

export interface Actor {
  client: string;
  subject: string;
}

/**
 * A procedure of the catalogue. Its content is what the public reads: the published version
 * (or, before the first publication, the draft). Edits to a published procedure wait in
 * `pendingContent` until published as the next version (R-PRO-2).
 */
export interface ProcedureRecord extends ProcedureContentRecord {
  code: string;
  status: ProcedureStatus;
  /** The published version of the content; 0 before the first publication. */
  version: number;
  /** Number of the last change in the change feed for this procedure (0: none yet). */
  revision: number;
  /** Where it was authored: here, or imported from the national database (R-PRO-3). */
  source: 'LOCAL' | 'NATIONAL';
  pendingContent: ProcedureContentRecord | null;
  publishedAt: Date | null;
  publishedBy: Actor | null;
  withdrawnAt: Date | null;
  withdrawnBy: Actor | null;
  withdrawalReason: string | null;
  /** The national record's last-change time when last imported: unchanged records are skipped. */
  nationalUpdatedAt: Date | null;
  /** Names and code in search form (no diacritics, lower case): what text search matches. */
  searchText: string;
}

export const ActorSchema = new Schema<Actor>({ client: String, subject: String }, { _id: false });

const contentDefinition = {
  name: { type: String, required: true },
  nameEn: { type: String, default: null },
  field: { type: String, required: true, index: true },
  agencyLevels: { type: [String], enum: AGENCY_LEVELS, default: [] },
  serviceLevel: { type: String, enum: SERVICE_LEVELS, default: 'PARTIAL_ONLINE' as const },
  submissionMethods: { type: [String], enum: SUBMISSION_METHODS, default: [] },
  processingDays: { type: Number, required: true, min: 0 },
  fees: { type: [{ _id: false, description: String, amountVnd: Number }], default: [] },
  components: {
    type: [{ _id: false, documentTypeCode: String, name: String, originals: Number, copies: Number, formTemplate: { type: String, default: null } }],
    default: [],
  },
  resultDocuments: { type: [String], default: [] },
  legalBasis: { type: [String], default: [] },
  guide: { type: String, default: '' },
};

const ProcedureSchema = new Schema<ProcedureRecord>(
  {
    code: { type: String, required: true, unique: true, match: /^\d\.\d{6}$/ },
    ...contentDefinition,
    status: { type: String, required: true, enum: PROCEDURE_STATUSES, default: 'DRAFT' },
    version: { type: Number, default: 0 },
    revision: { type: Number, default: 0 },
    source: { type: String, enum: ['LOCAL', 'NATIONAL'], default: 'LOCAL' },
    pendingContent: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: ActorSchema, default: null },
    withdrawnAt: { type: Date, default: null },
    withdrawnBy: { type: ActorSchema, default: null },
    withdrawalReason: { type: String, default: null },
    nationalUpdatedAt: { type: Date, default: null },
    searchText: { type: String, default: '' },
  },
  { collection: 'procedures', timestamps: true, minimize: false },
);

export const searchTextOf = (p: Pick<ProcedureRecord, 'code' | 'name' | 'nameEn'>) => searchForm(`${p.code} ${p.name} ${p.nameEn ?? ''}`);

// Kept in step with the names on every save through the model (updates set it with searchTextOf).
ProcedureSchema.pre('validate', function keepSearchText(this: ProcedureRecord) {
  this.searchText = searchTextOf(this);
});

/** Just the content fields of a record, in a fixed order (versions and imports compare these). */
export function contentOf(p: ProcedureContentRecord): ProcedureContentRecord {
  const c = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, p[f] ?? null])) as unknown as ProcedureContentRecord;
  c.components = p.components.map((x) => ({ documentTypeCode: x.documentTypeCode, name: x.name, originals: x.originals, copies: x.copies, formTemplate: x.formTemplate ?? null }));
  c.fees = p.fees.map((f) => ({ description: f.description, amountVnd: f.amountVnd }));
  return c;
}

export type ProcedureModel = Model<ProcedureRecord>;

export const procedureModel = (db: Connection): ProcedureModel =>
  (db.models.Procedure as ProcedureModel | undefined) ?? db.model<ProcedureRecord>('Procedure', ProcedureSchema);
