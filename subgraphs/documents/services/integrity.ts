import type { DocumentRecord } from '../models/document';
import type { DocumentsDomain } from '../context';
import { agencySet } from '../../../platform/key-store';
import { verifyStamped } from '../../../adapters/timestamp/stamped';
import { metadataHash, sha256Hex, verifyScanSignature, type AgencyClaims } from './signatures';

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
 * bytes, metadata and code. Anything that does not hold is reported, and the bytes withheld.
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
    checked.push(`scan signature of ${scan.key.name} verifies`);
  }
  if (doc.agencySignature) {
    const sig = doc.agencySignature;
    const verified = await verifyStamped(deps.keys, deps.timestamps, agencySet(sig.agencyCode), { jws: sig.jws, kid: sig.keyId, timestamp: sig.timestamp }, new Date(sig.signedAt));
    if (!verified.ok) return fail('SIGNATURE_INVALID', `the agency signature does not hold: ${verified.reason}`);
    const claims = JSON.parse(new TextDecoder().decode(verified.payload)) as AgencyClaims;
    const holds = claims.documentId === doc._id.toString() && claims.sha256 === file.sha256 && claims.agencyCode === sig.agencyCode
      && claims.digitisationCode === doc.digitisationCode && !!doc.metadata && claims.metadataSha256 === metadataHash(doc.metadata);
    if (!holds) return fail('SIGNATURE_INVALID', 'the agency signature is over another file, metadata or code');
    checked.push(`agency signature of ${claims.agencyCode} verifies (key ${verified.key.kid}, ${verified.stamped ? 'stamped' : 'claimed'} ${verified.signedAt.toISOString()})`);
  }
  return { status: 'VALID', message: checked.join('; '), checkedAt: now, bytes };
}
