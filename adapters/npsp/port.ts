/**
 * What vss-graph asks of the National Public Service Portal (Cổng DVC quốc gia). The client
 * translates between these domain shapes and the portal's wire conventions (Vietnamese field
 * names, dates as yyyyMMddHHmmss in Asia/Ho_Chi_Minh, `error_code` "00" for success).
 */

/** Whether a citizen already has a national-portal account (R-ID-3; 1333 Art. 13.2). */
export interface NationalPortalAccounts {
  hasAccount(personalId: string): Promise<boolean>;
}

export type AgencyLevel = 'CENTRAL' | 'PROVINCIAL' | 'DISTRICT';
export type ServiceLevel = 'FULL_ONLINE' | 'PARTIAL_ONLINE' | 'OFFLINE';
export type SubmissionMethod = 'ONLINE' | 'DESK' | 'POSTAL';

/** A line of the national procedure list (LayDanhSachTTHC). */
export interface NationalProcedureSummary {
  code: string;
  name: string;
  /** Withdrawn (bãi bỏ) nationally; still listed so that importers learn of the withdrawal. */
  withdrawn: boolean;
  updatedAt: Date;
}

/** A procedure of the national database on administrative procedures, in full (LayThuTuc). */
export interface NationalProcedure extends NationalProcedureSummary {
  nameEn: string | null;
  field: string;
  agencyLevels: AgencyLevel[];
  serviceLevel: ServiceLevel;
  submissionMethods: SubmissionMethod[];
  processingDays: number;
  fees: { description: string; amountVnd: number }[];
  components: { documentTypeCode: string; name: string; originals: number; copies: number; formTemplate: string | null }[];
  resultDocuments: string[];
  legalBasis: string[];
  guide: string;
}

/** The national procedure database, read side (R-PRO-3 import). */
export interface NationalProcedureCatalogue {
  /** One page (1-based) of the procedures of an agency (VSS: its agency code). */
  listProcedures(q: { agencyCode: string; page: number; pageSize: number }): Promise<{ items: NationalProcedureSummary[]; total: number }>;
  /** One procedure in full; null when the portal does not know the code. */
  getProcedure(code: string): Promise<NationalProcedure | null>;
}

/** A supplement request and the two appointment dates around it (DanhSachHoSoBoSung). */
export interface SupplementRecord {
  requestedAt: Date;
  reason: string;
  /** The appointment before the request (NgayHenTraCu). */
  previousAppointmentAt: Date;
  /** When the supplement was handed in; null while awaited. */
  receivedAt: Date | null;
  /** The appointment set when it was handed in (NgayHenTraMoi); null while awaited. */
  newAppointmentAt: Date | null;
}

/** The state of one dossier as pushed to the portal after one of its changes (R-INT-2). */
export interface DossierSyncRecord {
  dossierCode: string;
  /** The dossier's change number: the portal applies each (dossierCode, syncSeq) once, in order. */
  syncSeq: number;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  channel: string;
  /** National status code 1–10 (TrangThaiHoSo). */
  statusCode: number;
  receivedAt: Date;
  appointmentAt: Date;
  returnedAt: Date | null;
  supplements: SupplementRecord[];
  updatedAt: Date;
}

/** What the portal holds about a dossier (TraCuuHoSo). */
export interface NationalDossierStatus {
  dossierCode: string;
  syncSeq: number;
  statusCode: number;
  appointmentAt: Date;
  returnedAt: Date | null;
}

/** The portal's dossier sync services (R-INT-2). */
export interface NationalPortalDossiers {
  /** First sync of a received dossier (DongBoHoSoMC). */
  syncDossier(d: DossierSyncRecord): Promise<void>;
  /** A later change of status or progress (CapNhatTienDoHoSoMC). */
  updateProgress(d: DossierSyncRecord): Promise<void>;
  /** What the portal holds; null when it has never received the dossier (TraCuuHoSo). */
  lookupDossier(dossierCode: string): Promise<NationalDossierStatus | null>;
}
