/** The outcome of checking a citizen's id, name and date of birth against the national population database (R-ID-2). */
export type VerificationOutcome =
  | { result: 'MATCH' }
  | { result: 'MISMATCH'; field: 'fullName' | 'dateOfBirth' }
  | { result: 'NOT_FOUND' };

export interface PopulationDatabase {
  /** Never crashes: answers an outcome, or throws an UpstreamError (adapters/lib/errors.ts). */
  verifyCitizen(personalId: string, fullName: string, dateOfBirth: string): Promise<VerificationOutcome>;
}

/** Names compare after Unicode NFC normalisation and case folding, never with accents stripped (Nguyễn ≠ Nguyên). */
export const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi') === b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
