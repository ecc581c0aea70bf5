import { createHash } from 'node:crypto';
import { Schema, Types, type Connection, type Model } from 'mongoose';

export const DOCUMENT_KINDS = ['COMPONENT', 'RESULT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface StoredFileRecord {
  fileName: string;
  contentType: string;
  size: number;
  pages: number;
  sha256: string;
  uploadedAt: Date;
}

/** The scanning officer's compact JWS over the file's hash (Art. 8.1), with what it says. */
export interface ScanSignatureRecord {
  jws: string;
  keyId: string;
  signedBy: string;
  signerSubject: string;
  scannedAt: Date;
  /** The time-stamping authority's token over the JWS, made at upload (issue 19), and its time. */
  timestamp?: string | null;
  stampedAt?: Date | null;
}

/**
 * The agency's compact JWS over the file's hash, the metadata and the code (R-DOC-5), under its
 * key set agency-<code>, with the timestamp token over the JWS that dates it (issue 19).
 */
export interface AgencySignatureRecord {
  jws: string;
  keyId: string;
  agencyCode: string;
  /** The stamped time (before issue 19: the time the signer claimed). */
  signedAt: Date;
  timestamp?: string | null;
}

/**
 * The agency's countersignature of a digitised component when its dossier succeeded (1333 Art.
 * 9.4): a stamped JWS over the file's hash, the metadata and the code, which makes the scan a
 * valid electronic copy to reuse (issue 19).
 */
export interface CountersignatureRecord {
  jws: string;
  keyId: string;
  agencyCode: string;
  /** The dossier whose success it records. */
  dossierCode: string;
  /** The stamped time. */
  signedAt: Date;
  timestamp: string;
}

export interface OwnerRecord {
  kind: 'PERSON' | 'ORGANIZATION';
  personalId: string | null;
  unitCode: string | null;
  fullName: string | null;
  dateOfBirth: string | null;
  organizationName: string | null;
  foundedYear: number | null;
}

/** Art. 9.2 a)–l). */
export interface MetadataRecord {
  documentTypeCode: string;
  owner: OwnerRecord;
  name: string;
  numberSymbol: string;
  issuedOn: Date;
  issuingAuthority: string;
  summary: string;
  validUntil: Date | null;
  validityScope: string | null;
  otherFields: { name: string; value: string }[];
  extractedAt: Date;
  extractedBy: { client: string; subject: string };
}

export interface DocumentRecord {
  /** Also the GridFS id of its file. */
  _id: Types.ObjectId;
  kind: DocumentKind;
  dossierCode: string;
  procedureCode: string | null;
  /** The agency that holds it: whose officer scanned it, or which issued the result. */
  agencyCode: string | null;
  documentTypeCode: string;
  name: string;
  file: StoredFileRecord | null;
  uploadedBy: { client: string; subject: string } | null;
  scan: ScanSignatureRecord | null;
  metadata: MetadataRecord | null;
  digitisationCode: string | null;
  /** "P:<personal id>" or "O:<unit code>" once digitised with an owner id: the owner's data store (R-DOC-4). */
  ownerKey: string | null;
  agencySignature: AgencySignatureRecord | null;
  countersignature?: CountersignatureRecord | null;
  createdAt: Date;
  updatedAt: Date;
}

const DocumentSchema = new Schema<DocumentRecord>(
  {
    kind: { type: String, enum: DOCUMENT_KINDS, default: 'COMPONENT' },
    dossierCode: { type: String, required: true, index: true },
    procedureCode: { type: String, default: null },
    agencyCode: { type: String, default: null },
    documentTypeCode: { type: String, required: true },
    name: { type: String, required: true },
    file: { type: Schema.Types.Mixed, default: null },
    uploadedBy: { type: Schema.Types.Mixed, default: null },
    scan: { type: Schema.Types.Mixed, default: null },
    metadata: { type: Schema.Types.Mixed, default: null },
    digitisationCode: { type: String, default: null },
    ownerKey: { type: String, default: null, index: true },
    agencySignature: { type: Schema.Types.Mixed, default: null },
    countersignature: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'documents', timestamps: true, minimize: false },
);

export type DocumentModel = Model<DocumentRecord>;

/** What resolvers see: the stored record plus its public id (the ObjectId as a string). */
export type DocumentView = DocumentRecord & { id: string };
export const toView = (d: DocumentRecord): DocumentView => ({
  ...d,
  // Documents listed before files were kept lack the newer fields.
  kind: d.kind ?? 'COMPONENT', file: d.file ?? null, scan: d.scan ?? null, metadata: d.metadata ?? null,
  digitisationCode: d.digitisationCode ?? null, agencySignature: d.agencySignature ?? null, countersignature: d.countersignature ?? null,
  id: d._id.toString(),
});

export const ownerKeyOf = (o: Pick<OwnerRecord, 'personalId' | 'unitCode'>): string | null =>
  o.personalId ? `P:${o.personalId}` : o.unitCode ? `O:${o.unitCode}` : null;

/** The result of a dossier has an id derived from its code, so issuing it twice stores it once. */
export const resultIdOf = (dossierCode: string) => new Types.ObjectId(createHash('sha256').update(`result:${dossierCode}`).digest('hex').slice(0, 24));

/** A dossier as the documents subgraph's GraphQL types refer to it: only its key. */
export interface DossierRef {
  code: string;
}

export interface CitizenRef {
  personalId: string;
}

export interface OrganizationRef {
  unitCode: string;
}

export const documentModel = (db: Connection): DocumentModel =>
  (db.models.Document as DocumentModel | undefined) ?? db.model<DocumentRecord>('Document', DocumentSchema);
