import type { Logger } from '../../../platform/logger';
import { agencySet } from '../../../platform/key-store';
import { signStamped } from '../../../adapters/timestamp/stamped';
import type { DocumentsDomain } from '../context';
import type { CountersignatureRecord } from '../models/document';
import type { DossierRefRecord } from '../models/dossier-ref';
import { checkIntegrity } from './integrity';
import { COUNTERSIGNATURE_TYP, signedDocumentClaimsOf, type CountersignClaims } from './signatures';

/**
 * 1333/QĐ-BHXH Art. 9.4: when a dossier is resolved successfully, its scanned components and their
 * metadata are signed by the agency ("ký số cơ quan"), so the scans become electronic copies that
 * later procedures reuse instead of asking for the paper again (Art. 9.5, 13.3b). Each digitised
 * component handed in with the dossier is checked first and countersigned by the handling agency
 * with a stamped signature; one that fails its check is left unsigned and logged. Components reused
 * from earlier dossiers are countersigned when those succeed. Idempotent: a repeated event signs
 * nothing twice.
 */
export async function countersignComponents(domain: DocumentsDomain, ref: DossierRefRecord, logger: Logger, now = new Date()): Promise<number> {
  let signed = 0;
  for (const doc of await domain.documents.ofDossier(ref._id)) {
    if (doc.kind !== 'COMPONENT' || doc.countersignature) continue;
    const claims = signedDocumentClaimsOf(doc, ref.handlingAgencyCode);
    if (!claims) continue; // not digitised: nothing the agency could vouch for
    const integrity = await checkIntegrity(doc, domain, now);
    if (integrity.status !== 'VALID') {
      logger.warn('a component failed its check and was not countersigned (Art. 9.4)', { dossierCode: ref._id, documentId: doc._id.toString(), reason: integrity.message });
      continue;
    }
    const countersigned: CountersignClaims = { ...claims, dossierCode: ref._id };
    const sig = await signStamped(domain.keys, domain.timestamps, agencySet(ref.handlingAgencyCode), countersigned, COUNTERSIGNATURE_TYP);
    const countersignature: CountersignatureRecord = {
      jws: sig.jws, keyId: sig.kid, agencyCode: ref.handlingAgencyCode, dossierCode: ref._id, signedAt: sig.stampedAt, timestamp: sig.timestamp!,
    };
    await domain.documents.update(doc._id, { countersignature });
    signed += 1;
  }
  return signed;
}
