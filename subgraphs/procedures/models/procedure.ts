import { Schema, type Connection, type Model } from 'mongoose';
import { searchForm } from '../../kit/text';

export const SERVICE_LEVELS = ['FULL_ONLINE', 'PARTIAL_ONLINE', 'OFFLINE'] as const;
export const AGENCY_LEVELS = ['CENTRAL', 'PROVINCIAL', 'DISTRICT'] as const;
export const SUBMISSION_METHODS = ['ONLINE', 'DESK', 'POSTAL'] as const;

/** A procedure of the catalogue with every field of R-PRO-1 (352 Art. 18.1). */
export interface ProcedureRecord {
  code: string;
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
  status: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
  /** Names and code in search form (no diacritics, lower case): what text search matches. */
  searchText: string;
}

const ProcedureSchema = new Schema<ProcedureRecord>(
  {
    code: { type: String, required: true, unique: true, match: /^\d\.\d{6}$/ },
    name: { type: String, required: true },
    nameEn: { type: String, default: null },
    field: { type: String, required: true, index: true },
    agencyLevels: { type: [String], enum: AGENCY_LEVELS, default: [] },
    serviceLevel: { type: String, enum: SERVICE_LEVELS, default: 'PARTIAL_ONLINE' },
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
    status: { type: String, required: true, enum: ['DRAFT', 'PUBLISHED', 'WITHDRAWN'], default: 'DRAFT' },
    searchText: { type: String, default: '' },
  },
  { collection: 'procedures', timestamps: true },
);

export const searchTextOf = (p: Pick<ProcedureRecord, 'code' | 'name' | 'nameEn'>) => searchForm(`${p.code} ${p.name} ${p.nameEn ?? ''}`);

// Kept in step with the names on every save through the model (updates set it with searchTextOf).
ProcedureSchema.pre('validate', function keepSearchText() {
  this.searchText = searchTextOf(this);
});

export type ProcedureModel = Model<ProcedureRecord>;

export const procedureModel = (db: Connection): ProcedureModel =>
  (db.models.Procedure as ProcedureModel | undefined) ?? db.model<ProcedureRecord>('Procedure', ProcedureSchema);
