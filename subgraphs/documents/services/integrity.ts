import type { DocumentRecord, ScanSignatureRecord } from '../models/document';
import { scannerKeyState, type ScannerKeyRecord } from '../models/scanner-key';
import { TimestampError } from '../../../adapters/timestamp/port';
import type { DocumentsDomain } from '../context';
import { agencySet, LEGACY_AGENCY_SET, stateAt } from '../../../platform/key-store';
import { verifyStamped } from '../../../adapters/timestamp/stamped';
import { countersignClaimsOf, metadataHash, sha256Hex, verifyScanSignature, type AgencyClaims, type CountersignClaims } from './signatures';

export type IntegrityStatus = 'VALID' | 'TAMPERED' | 'SIGNATURE_INVALID';

export interface IntegrityResult {
  status: IntegrityStatus;
  message: string;
  checkedAt: Date;
  /** The bytes, when they are the ones recorded (to serve them without a second read). */
  bytes: Buffer | null;
}


/**
 * The check made on every read (R-DOC-3): the stored bytes against the SHA-256 recorded at upload,
 * the scanner's signature against those bytes, and on results the agency's signature against
 * bytes, metadata and code, and on components of a successful dossier the agency's countersignature
 * (Art. 9.4). Anything that does not hold is reported, and the bytes withheld.
 */
export async function checkIntegrity(doc: DocumentRecord, deps: Pick<DocumentsDomain, 'files' | 'models' | 'keys' | 'timestamps'>, now = new Date()): Promise<IntegrityResult> {
  const fail = (status: IntegrityStatus, message: string): IntegrityResult => ({ status, message, checkedAt: now, bytes: null });
  const file = doc.file!;
  const bytes = await deps.files.read(doc._id);
  if (!bytes) return fail('TAMPERED', 'the stored file is missing or incomplete');
  if (sha256Hex(bytes) !== file.sha256) return fail('TAMPERED', 'the stored bytes no longer match the SHA-256 recorded at upload');
  const checked = ['SHA-256 matches'];
  // Deny by default: a result must carry the agency's signature, anything else a scanner's.
  if (doc.kind !== 'RESULT' && !doc.scan) return fail('SIGNATURE_INVALID', 'a scanned component without the scanner\'s signature');
  if (doc.kind === 'RESULT' && !doc.agencySignature) return fail('SIGNATURE_INVALID', 'a result without the agency\'s signature');
  if (doc.scan) {
    const scan = await verifyScanSignature(doc.scan.jws, deps.models.ScannerKey, { ...file, documentId: doc._id.toString(), dossierCode: doc.dossierCode, documentTypeCode: doc.documentTypeCode });
    if (!scan.ok) return fail('SIGNATURE_INVALID', scan.reason);
    if (scan.key.subject !== doc.scan.signerSubject || Date.parse(scan.claims.scannedAt) !== new Date(doc.scan.scannedAt).getTime()) {
      return fail('SIGNATURE_INVALID', 'the recorded scanner or scan time differs from what the signature says');
    }
    const keyProblem = await scanKeyProblem(doc.scan, scan.key, deps);
    if (keyProblem) return fail('SIGNATURE_INVALID', keyProblem);
    checked.push(`scan signature of ${scan.key.name} verifies`);
  }
  if (doc.agencySignature) {
    const sig = doc.agencySignature;
    // Results signed before key sets (no stamp, a kid the agency's set lacks) were signed with the one agency key of then.
    const legacy = !sig.timestamp && !(await deps.keys.key(agencySet(sig.agencyCode), sig.keyId));
    const set = legacy ? LEGACY_AGENCY_SET : agencySet(sig.agencyCode);
    const verified = await verifyStamped(deps.keys, deps.timestamps, set, { jws: sig.jws, kid: sig.keyId, timestamp: sig.timestamp }, new Date(sig.signedAt));
    if (!verified.ok) return fail('SIGNATURE_INVALID', `the agency signature does not hold: ${verified.reason}`);
    const claims = JSON.parse(new TextDecoder().decode(verified.payload)) as AgencyClaims;
    const holds = claims.documentId === doc._id.toString() && claims.sha256 === file.sha256 && claims.agencyCode === sig.agencyCode
      && claims.digitisationCode === doc.digitisationCode && !!doc.metadata && claims.metadataSha256 === metadataHash(doc.metadata);
    if (!holds) return fail('SIGNATURE_INVALID', 'the agency signature is over another file, metadata or code');
    checked.push(`agency signature of ${claims.agencyCode} verifies (key ${verified.key.kid}, ${verified.stamped ? 'stamped' : 'claimed'} ${verified.signedAt.toISOString()})`);
  }
  if (doc.countersignature) {
    const problem = await countersignatureProblem(doc, deps);
    if (problem) return fail('SIGNATURE_INVALID', problem);
    checked.push(`countersigned by ${doc.countersignature.agencyCode} on the success of ${doc.countersignature.dossierCode} (Art. 9.4)`);
  }
  return { status: 'VALID', message: checked.join('; '), checkedAt: now, bytes };
}

/** The countersignature's check, joined to `integrity`: null when it holds, else the reason. */
async function countersignatureProblem(doc: DocumentRecord, deps: Pick<DocumentsDomain, 'keys' | 'timestamps'>): Promise<string | null> {
  const cs = doc.countersignature!;
  const verified = await verifyStamped(deps.keys, deps.timestamps, agencySet(cs.agencyCode), { jws: cs.jws, kid: cs.keyId, timestamp: cs.timestamp }, new Date(cs.signedAt));
  if (!verified.ok) return `the agency countersignature does not hold: ${verified.reason}`;
  const claims = JSON.parse(new TextDecoder().decode(verified.payload)) as CountersignClaims;
  const expected = doc.metadata && doc.file && doc.digitisationCode ? countersignClaimsOf(doc, cs.dossierCode, cs.agencyCode) : null;
  const holds = expected && (Object.keys(expected) as (keyof CountersignClaims)[]).every((k) => claims[k] === expected[k]);
  if (!holds) return 'the agency countersignature is over another file, metadata or code';
  return null;
}

/**
 * The scanner's key as it was when the upload was stamped: a key revoked since then leaves the
 * scan valid, one revoked (or retired) before it does not. A scan from before timestamps has no
 * trusted time, so any revocation of its key fails it.
 */
async function scanKeyProblem(scan: ScanSignatureRecord, key: ScannerKeyRecord, deps: Pick<DocumentsDomain, 'timestamps'>): Promise<string | null> {
  if (!scan.timestamp) return key.revokedAt ? `scanner key ${key._id} was revoked at ${key.revokedAt.toISOString()} and the scan carries no timestamp to show it was made before` : null;
  let at: Date;
  try {
    at = (await deps.timestamps.verify(scan.timestamp, sha256Hex(scan.jws))).at;
  } catch (err) {
    if (err instanceof TimestampError) return `the scan's timestamp does not hold: ${err.message}`;
    throw err;
  }
  const state = stateAt(scannerKeyState(key), at);
  return state.ok ? null : `scanner key: ${state.reason}`;
}
