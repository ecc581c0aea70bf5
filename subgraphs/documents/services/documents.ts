import { badInput } from '../../kit/errors';
import type { DocumentModel, DocumentRecord } from '../models/document';

const DOSSIER_CODE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;

/** Registers a document against a dossier. Upload, hashing and signing come with R-DOC-1…5. */
export async function addDocument(
  Document: DocumentModel,
  input: { dossierCode: string; documentTypeCode: string; name: string },
): Promise<DocumentRecord> {
  if (!DOSSIER_CODE.test(input.dossierCode)) {
    throw badInput(`dossierCode "${input.dossierCode}" is not a dossier code like 000.00.01.H26-261126-0001`, { field: 'dossierCode' });
  }
  if (!input.documentTypeCode.trim()) throw badInput('documentTypeCode is required', { field: 'documentTypeCode' });
  if (!input.name.trim()) throw badInput('name is required', { field: 'name' });
  const doc = await Document.create({ ...input, name: input.name.normalize('NFC') });
  return doc.toObject();
}
