import type { AgencySignatureRecord, CountersignatureRecord, DocumentRecord, ScanSignatureRecord } from '../models/document';
import { scannerKeyState, type ScannerKeyRecord } from '../models/scanner-key';
import { TimestampError } from '../../../adapters/timestamp/port';
import type { DocumentsDomain } from '../context';
import { agencySet, LEGACY_AGENCY_SET, stateAt } from '../../../platform/key-store';
import { verifyStamped, type StampedCheck } from '../../../adapters/timestamp/stamped';
import { sha256Hex } from '../../../platform/digest';
import { signedDocumentClaimsOf, verifyScanSignature } from './signatures';

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
    const held = await agencySigned(deps, legacy ? LEGACY_AGENCY_SET : agencySet(sig.agencyCode), sig, signedDocumentClaimsOf(doc, sig.agencyCode), 'agency signature');
    if (!held.ok) return fail('SIGNATURE_INVALID', held.reason);
    checked.push(`agency signature of ${sig.agencyCode} verifies (key ${held.key.kid}, ${held.stamped ? 'stamped' : 'claimed'} ${held.signedAt.toISOString()})`);
  }
  if (doc.countersignature) {
    const cs = doc.countersignature;
    const claims = signedDocumentClaimsOf(doc, cs.agencyCode);
    const held = await agencySigned(deps, agencySet(cs.agencyCode), cs, claims && { ...claims, dossierCode: cs.dossierCode }, 'agency countersignature');
    if (!held.ok) return fail('SIGNATURE_INVALID', held.reason);
    checked.push(`countersigned by ${cs.agencyCode} on the success of ${cs.dossierCode} (Art. 9.4)`);
  }
  return { status: 'VALID', message: checked.join('; '), checkedAt: now, bytes };
}

/**
 * An agency's stamped signature (a result's, or a countersignature): it holds under a key of `set`
 * as the key was at the stamped time, and over exactly `expected` (null: the document lacks what
 * it covers). Claims beyond `expected`, such as the time a result's signer claimed, are not compared.
 */
async function agencySigned(
  deps: Pick<DocumentsDomain, 'keys' | 'timestamps'>, set: string, sig: AgencySignatureRecord | CountersignatureRecord, expected: object | null, what: string,
): Promise<StampedCheck> {
  const verified = await verifyStamped(deps.keys, deps.timestamps, set, { jws: sig.jws, kid: sig.keyId, timestamp: sig.timestamp }, new Date(sig.signedAt));
  if (!verified.ok) return { ok: false, reason: `the ${what} does not hold: ${verified.reason}` };
  const claims = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  const over = expected !== null && Object.entries(expected).every(([k, v]) => claims[k] === v);
  return over ? verified : { ok: false, reason: `the ${what} is over another file, metadata or code` };
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
