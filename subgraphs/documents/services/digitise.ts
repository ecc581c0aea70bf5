import type { Types } from 'mongoose';
import { appError, ErrorCode, forbidden, invalidInput, notFound } from '../../../platform/errors';
import { isDuplicateKey } from '../../../platform/mongo';
import { objectIdOf, type Context, type DocumentModels } from '../context';
import { ownerKeyOf, toView, type DocumentView } from '../models/document';
import { buildMetadata, digitisationCodeOf, metadataErrors, type MetadataInput } from './metadata';
import { requireDigitiser } from './scanner-keys';

/**
 * Claims a digitisation code for a document under the code's unique _id (R-DOC-2). Claiming it
 * again for the same document (a retry after a crash) is fine; a code held by another document,
 * or a document that already got another code (a concurrent digitisation), is a CONFLICT.
 */
export async function claimCode(models: Pick<DocumentModels, 'DigitisationCode'>, code: string, documentId: Types.ObjectId, now: Date): Promise<void> {
  try {
    await models.DigitisationCode.create({ _id: code, documentId, issuedAt: now });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const holder = await models.DigitisationCode.findById(code).lean().exec();
    if (holder?.documentId.equals(documentId)) return;
    if (holder) {
      throw appError(ErrorCode.CONFLICT, `digitisation code ${code} already belongs to document ${holder.documentId.toString()}: the same paper was digitised before`, { documentId: holder.documentId.toString() });
    }
    throw appError(ErrorCode.CONFLICT, `document ${documentId.toString()} was given another digitisation code a moment ago; reload it`);
  }
}

/**
 * Step 3 of a scan (Art. 9, 10): records the Art. 9.2 metadata and issues the digitisation code.
 * The code is claimed first and released if the document cannot be updated, so a failure
 * leaves neither a code without metadata nor metadata without a code.
 */
export async function digitiseDocument(ctx: Context, id: string, input: MetadataInput, now = new Date()): Promise<DocumentView> {
  const officer = requireDigitiser(ctx);
  const _id = objectIdOf(id);
  const doc = _id && (await ctx.models.Document.findById(_id).lean().exec());
  if (!doc) throw notFound(`no document ${id}`);
  if (doc.agencyCode !== officer.agencyCode) throw forbidden(`document ${id} is held by ${doc.agencyCode}, not your agency`);
  if (doc.digitisationCode) throw appError(ErrorCode.CONFLICT, `document ${id} was digitised already as ${doc.digitisationCode}; its metadata is not changed once the code is issued`);
  if (!doc.file) throw invalidInput([{ field: 'id', message: 'this document has no file to digitise; upload the scan first' }]);
  const errors = metadataErrors(input, now);
  if (errors.length) throw invalidInput(errors);

  const metadata = buildMetadata(input, doc.documentTypeCode, { client: ctx.principal.client, subject: ctx.principal.subject }, now);
  const code = digitisationCodeOf('COMPONENT', metadata, doc.procedureCode);
  await claimCode(ctx.models, code, doc._id, now);
  try {
    await ctx.models.Document.updateOne({ _id: doc._id }, { $set: { metadata, digitisationCode: code, ownerKey: ownerKeyOf(metadata.owner) } }).exec();
  } catch (err) {
    await ctx.models.DigitisationCode.deleteOne({ _id: code }).exec();
    throw err;
  }
  await ctx.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_DIGITISE', target: `document:${id}`, outcome: 'ALLOWED', detail: code });
  return toView({ ...doc, metadata, digitisationCode: code, ownerKey: ownerKeyOf(metadata.owner) });
}
