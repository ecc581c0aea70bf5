import { sha256Hex } from '../../../platform/digest';
import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import type { ScannerKeyModel, ScannerKeyRecord } from '../models/scanner-key';
import type { DocumentRecord, MetadataRecord } from '../models/document';

/** Signature algorithms accepted from scanning officers' keys. */
export const SCAN_ALGORITHMS = ['ES256', 'EdDSA'] as const;


/** JSON with object keys sorted and dates as ISO strings: the same metadata always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What a scanning officer signs (Art. 8.1: who scanned, and when), bound to the file by its hash
 * and to the document it becomes (id announced by startDocumentUpload), its dossier and its type,
 * so a signature copied onto another document does not verify.
 */
export interface ScanClaims {
  documentId: string;
  dossierCode: string;
  documentTypeCode: string;
  sha256: string;
  pages: number;
  scannedAt: string;
}

/** What a scan signature must cover. */
export type ScanSubject = Omit<ScanClaims, 'scannedAt'>;

const textDecoder = new TextDecoder();

/** Checks a public JWK for registration and answers its thumbprint (the kid to sign with). */
export async function scannerKeyId(jwk: JWK): Promise<string> {
  if ('d' in jwk) throw new Error('this is a private key: register the public half only, and keep the private key on the scanning workstation');
  const ok = (jwk.kty === 'EC' && jwk.crv === 'P-256') || (jwk.kty === 'OKP' && jwk.crv === 'Ed25519');
  if (!ok) throw new Error('the key must be EC P-256 (ES256) or OKP Ed25519 (EdDSA)');
  await importJWK(jwk, jwk.kty === 'EC' ? 'ES256' : 'EdDSA'); // throws when the key is malformed
  return calculateJwkThumbprint(jwk, 'sha256');
}

export type ScanVerification = { ok: true; key: ScannerKeyRecord; claims: ScanClaims } | { ok: false; reason: string };

/** Verifies a scan signature against the registered key it names, and that it covers these bytes. */
export async function verifyScanSignature(jws: string, keys: ScannerKeyModel, expected: ScanSubject): Promise<ScanVerification> {
  let key: ScannerKeyRecord | null = null;
  let claims: ScanClaims;
  try {
    const { payload } = await compactVerify(jws, async (header) => {
      key = header.kid ? await keys.findById(header.kid).lean().exec() : null;
      if (!key) throw new Error(header.kid ? `no scanner key ${header.kid} is registered` : 'the signature names no key (kid)');
      return importJWK(key.jwk, header.alg);
    }, { algorithms: [...SCAN_ALGORITHMS] });
    claims = JSON.parse(textDecoder.decode(payload)) as ScanClaims;
  } catch (err) {
    const reason = (err as Error).message;
    return { ok: false, reason: /registered|names no key/.test(reason) ? reason : `the scan signature does not verify (${reason})` };
  }
  if (claims.sha256 !== expected.sha256) return { ok: false, reason: 'the scan signature is over other bytes (its sha256 differs from the file)' };
  if (claims.pages !== expected.pages) return { ok: false, reason: `the scan signature says ${claims.pages} pages, the file has ${expected.pages}` };
  for (const k of ['documentId', 'dossierCode', 'documentTypeCode'] as const) {
    if (claims[k] !== expected[k]) return { ok: false, reason: `the scan signature is for another document (its ${k} is ${JSON.stringify(claims[k] ?? null)}, not ${expected[k]})` };
  }
  if (typeof claims.scannedAt !== 'string' || Number.isNaN(Date.parse(claims.scannedAt))) return { ok: false, reason: 'the scan signature carries no scannedAt time' };
  return { ok: true, key: key!, claims };
}

export const metadataHash = (m: MetadataRecord) => sha256Hex(canonicalJson(m));

/** The JWS `typ` of agency signatures on results, and on countersigned components (Art. 9.4). */
export const RESULT_TYP = 'vss-result+jws';
export const COUNTERSIGNATURE_TYP = 'vss-countersignature+jws';

/**
 * What every agency signature binds of a document (R-DOC-5, Art. 9.4): its id, file, metadata and
 * code, and the agency; null while the document lacks any of them (nothing to sign, or to check).
 */
export interface SignedDocumentClaims {
  documentId: string;
  sha256: string;
  metadataSha256: string;
  digitisationCode: string;
  agencyCode: string;
}

type Signable = Pick<DocumentRecord, '_id' | 'digitisationCode' | 'metadata'> & { file: { sha256: string } | null };

export const signedDocumentClaimsOf = (doc: Signable, agencyCode: string): SignedDocumentClaims | null =>
  doc.file && doc.metadata && doc.digitisationCode
    ? { documentId: doc._id.toString(), sha256: doc.file.sha256, metadataSha256: metadataHash(doc.metadata), digitisationCode: doc.digitisationCode, agencyCode }
    : null;

/** On a result, also the time the signer claimed (the stamp is what counts). */
export type AgencyClaims = SignedDocumentClaims & { signedAt: string };
/** On a component of a successful dossier, also that dossier. */
export type CountersignClaims = SignedDocumentClaims & { dossierCode: string };
