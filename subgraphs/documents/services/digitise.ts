import type { Types } from 'mongoose';
import { appError, ErrorCode, forbidden, invalidInput, notFound } from '../../../platform/errors';
import type { Context } from '../context';
import type { DocumentRepository } from '../repositories/documents';
import { ownerKeyOf, toView, type DocumentView } from '../models/document';
import { buildMetadata, digitisationCodeOf, metadataErrors, type MetadataInput } from './metadata';
import { requireDigitiser } from './scanner-keys';

/**
 * Claims a digitisation code for a document (R-DOC-2). A code held by another document, or a
 * document that already got another code (a concurrent digitisation), is a CONFLICT.
 */
export async function claimCode(documents: DocumentRepository, code: string, documentId: Types.ObjectId, now: Date): Promise<void> {
  const claim = await documents.claimCode(code, documentId, now);
  if (claim.claimed) return;
  if (claim.heldBy) {
    throw appError(ErrorCode.CONFLICT, `digitisation code ${code} already belongs to document ${claim.heldBy.toString()}: the same paper was digitised before`, { documentId: claim.heldBy.toString() });
  }
  throw appError(ErrorCode.CONFLICT, `document ${documentId.toString()} was given another digitisation code a moment ago; reload it`);
}

/**
 * Step 3 of a scan (Art. 9, 10): records the Art. 9.2 metadata and issues the digitisation code.
 * The code is claimed first and released if the document cannot be updated, so a failure
 * leaves neither a code without metadata nor metadata without a code.
 */
export async function digitiseDocument(ctx: Context, { id, metadata: input }: { id: string; metadata: MetadataInput }, now = new Date()): Promise<DocumentView> {
  const officer = requireDigitiser(ctx);
  const doc = await ctx.documents.byId(id);
  if (!doc) throw notFound(`no document ${id}`);
  if (doc.agencyCode !== officer.agencyCode) throw forbidden(`document ${id} is held by ${doc.agencyCode}, not your agency`);
  if (doc.digitisationCode) throw appError(ErrorCode.CONFLICT, `document ${id} was digitised already as ${doc.digitisationCode}; its metadata is not changed once the code is issued`);
  if (!doc.file) throw invalidInput([{ field: 'id', message: 'this document has no file to digitise; upload the scan first' }]);
  const errors = metadataErrors(input, now);
  if (errors.length) throw invalidInput(errors);

  const metadata = buildMetadata(input, doc.documentTypeCode, { client: ctx.principal.client, subject: ctx.principal.subject }, now);
  const code = digitisationCodeOf('COMPONENT', metadata, doc.procedureCode);
  await claimCode(ctx.documents, code, doc._id, now);
  try {
    await ctx.documents.update(doc._id, { metadata, digitisationCode: code, ownerKey: ownerKeyOf(metadata.owner) });
  } catch (err) {
    await ctx.documents.releaseCode(code);
    throw err;
  }
  await ctx.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_DIGITISE', target: `document:${id}`, outcome: 'ALLOWED', detail: code });
  return toView({ ...doc, metadata, digitisationCode: code, ownerKey: ownerKeyOf(metadata.owner) });
}
