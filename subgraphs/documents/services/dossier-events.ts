import type { DossierEvent } from '../../../platform/events';
import type { Logger } from '../../../platform/logger';
import { isDuplicateKey } from '../../../platform/mongo';
import type { DocumentsDomain } from '../context';
import { ownerKeyOf, resultIdOf, type DocumentRecord, type MetadataRecord } from '../models/document';
import type { DossierRefRecord } from '../models/dossier-ref';
import { countPages } from './content';
import { countersignComponents } from './countersign';
import { claimCode } from './digitise';
import { digitisationCodeOf } from './metadata';
import { renderResultDocument } from './result-document';
import { agencySet } from '../../../platform/key-store';
import { signStamped } from '../../../adapters/timestamp/stamped';
import { sha256Hex } from '../../../platform/digest';
import { RESULT_TYP, signedDocumentClaimsOf, type AgencyClaims } from './signatures';

/**
 * What the documents subgraph does with the dossier event stream; each step is idempotent, since
 * events arrive at least once:
 * - RECEIVE: remember whose the dossier is, and link the documents its owner already holds
 *   electronically for the components handed in (R-DOC-4, Art. 13.3b);
 * - any change: follow the handling agency (for access) and the state;
 * - COMPLETE: issue the signed electronic result (R-DOC-5) and countersign the digitised
 *   components (1333 Art. 9.4).
 */
export async function applyDossierEvent(domain: DocumentsDomain, e: DossierEvent, logger: Logger, now = new Date()): Promise<void> {
  const { DossierRef } = domain.models;
  if (e.reception) {
    const ref: DossierRefRecord = {
      _id: e.dossierCode, applicant: e.reception.applicant, procedureCode: e.procedureCode, procedureName: e.reception.procedureName,
      ivanProviderId: e.reception.ivanProviderId, componentTypes: e.reception.componentTypes, handlingAgencyCode: e.agencyCode, state: e.state, seq: e.seq,
    };
    // Links first: once the dossier is known here, its reused documents are too (startDocumentUpload relies on it).
    await linkHeldDocuments(domain, ref, now);
    await DossierRef.create(ref).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
    return;
  }
  const ref = await DossierRef.findById(e.dossierCode).lean().exec();
  if (!ref) {
    logger.warn('dossier event for a dossier received before documents followed the stream; skipped', { dossierCode: e.dossierCode, seq: e.seq });
    return;
  }
  if (e.seq > ref.seq) await DossierRef.updateOne({ _id: ref._id }, { $set: { handlingAgencyCode: e.agencyCode, state: e.state, seq: e.seq } }).exec();
  if (e.action === 'COMPLETE') {
    // RESULT_READY: the result is issued and the components countersigned (Art. 9.4), both idempotent.
    const completed = { ...ref, handlingAgencyCode: e.agencyCode };
    await issueResult(domain, completed, new Date(e.at), now);
    await countersignComponents(domain, completed, logger, now);
  }
}

/**
 * Links, per component type handed in, the owner's digitised document of that type still in force:
 * a countersigned one (a valid electronic copy, Art. 9.4) before one that is not, then the latest.
 */
export async function linkHeldDocuments(domain: DocumentsDomain, ref: DossierRefRecord, now: Date): Promise<number> {
  const ownerKey = ownerKeyOf(ref.applicant);
  if (!ownerKey) return 0;
  const held = await domain.documents.ownedBy(ownerKey);
  const latest = new Map<string, DocumentRecord>();
  for (const d of held) {
    const inForce = d.digitisationCode && d.dossierCode !== ref._id && (!d.metadata?.validUntil || d.metadata.validUntil > now);
    if (!inForce || !ref.componentTypes.includes(d.documentTypeCode)) continue;
    const seen = latest.get(d.documentTypeCode);
    const better = !seen || (!!d.countersignature !== !!seen.countersignature ? !!d.countersignature : seen.metadata!.extractedAt < d.metadata!.extractedAt);
    if (better) latest.set(d.documentTypeCode, d);
  }
  const links = [...latest.values()].map((d) => ({ _id: `${ref._id}:${d._id.toString()}`, dossierCode: ref._id, documentId: d._id, linkedAt: now }));
  if (links.length) await domain.documents.link(links);
  return links.length;
}

/**
 * The result's document type code. 2268/QĐ-BHXH lists VSS's result codes per procedure; that list
 * is not in this repository, so the code is derived from the procedure code until it is loaded.
 */
export const resultTypeCodeOf = (procedureCode: string) => `KQ${procedureCode.replace(/\./g, '')}`;

/**
 * Issues the electronic result of a completed dossier (R-DOC-5, Art. 12): a PDF made from its
 * Art. 9.2 metadata, stored in GridFS, given its digitisation code (Art. 10.2) and signed with the
 * agency key over file, metadata and code. Its id comes from the dossier code, so a repeated event
 * (or a retry after a crash part-way) ends with exactly one result.
 */
export async function issueResult(domain: DocumentsDomain, ref: DossierRefRecord, completedAt: Date, now: Date): Promise<void> {
  const _id = resultIdOf(ref._id);
  if (await domain.documents.exists(_id)) return;
  const a = ref.applicant;
  const metadata: MetadataRecord = {
    documentTypeCode: resultTypeCodeOf(ref.procedureCode),
    owner: {
      kind: a.kind === 'CITIZEN' ? 'PERSON' : 'ORGANIZATION', personalId: a.personalId, unitCode: a.unitCode,
      fullName: null, dateOfBirth: null, organizationName: null, foundedYear: null,
    },
    name: `Kết quả giải quyết thủ tục: ${ref.procedureName}`,
    numberSymbol: ref._id,
    issuedOn: completedAt,
    issuingAuthority: ref.handlingAgencyCode,
    summary: `Kết quả giải quyết hồ sơ ${ref._id} (thủ tục ${ref.procedureCode}).`,
    validUntil: null,
    validityScope: null,
    otherFields: [{ name: 'Mã hồ sơ', value: ref._id }],
    extractedAt: now,
    extractedBy: { client: 'system', subject: 'documents' },
  };
  const code = digitisationCodeOf('RESULT', metadata, ref.procedureCode);
  const bytes = await renderResultDocument(metadata, ref._id, code);
  const sha256 = sha256Hex(bytes);
  const claims: AgencyClaims = { ...signedDocumentClaimsOf({ _id, file: { sha256 }, metadata, digitisationCode: code }, ref.handlingAgencyCode)!, signedAt: now.toISOString() };
  const signature = await signStamped(domain.keys, domain.timestamps, agencySet(ref.handlingAgencyCode), claims, RESULT_TYP);
  await claimCode(domain.documents, code, _id, now);
  const fileName = `ket-qua-${ref._id}.pdf`;
  await domain.files.remove(_id); // what a crash part-way may have left
  await domain.files.put(_id, fileName, bytes, 'application/pdf');
  const record: DocumentRecord = {
    _id, kind: 'RESULT', dossierCode: ref._id, procedureCode: ref.procedureCode, agencyCode: ref.handlingAgencyCode,
    documentTypeCode: metadata.documentTypeCode, name: metadata.name,
    file: { fileName, contentType: 'application/pdf', size: bytes.length, pages: await countPages(bytes, 'application/pdf'), sha256, uploadedAt: now },
    uploadedBy: { client: 'system', subject: 'documents' }, scan: null, metadata, digitisationCode: code, ownerKey: ownerKeyOf(metadata.owner),
    agencySignature: { jws: signature.jws, keyId: signature.kid, agencyCode: ref.handlingAgencyCode, signedAt: signature.stampedAt, timestamp: signature.timestamp }, createdAt: now, updatedAt: now,
  };
  await domain.documents.insertOnce(record);
}
