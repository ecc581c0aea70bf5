import type { DossierRecord } from './dossier';

export type { AgencyStepRecord } from './dossier';

/** Shapes resolvers pass around besides the stored records (codegen mappers). */
export interface AgencyRef {
  code: string;
}
export interface ProcedureRef {
  code: string;
}
export interface CitizenRef {
  personalId: string;
}
export interface OrganizationRef {
  unitCode: string;
}
/** The Art. 12 fields of a dossier and nothing else (R-DOS-3, R-DOS-4). */
export type StatusLookup = Pick<DossierRecord, 'code' | 'status' | 'handlingAgencyCode' | 'handlingDepartment' | 'receivedAt' | 'appointmentAt' | 'returnedAt'>;
export interface ProcedureVersionRef {
  code: string;
  version: number;
}
