import { Types } from 'mongoose';
import { insertIgnoringDuplicates, isDuplicateKey } from '../../../platform/mongo';
import type { DocumentModel, DocumentRecord } from '../models/document';
import type { DocumentLinkModel, DocumentLinkRecord } from '../models/document-link';
import type { DigitisationCodeModel } from '../models/digitisation-code';

/** What claiming a digitisation code found: it is ours now, another document holds it, or this document got another one meanwhile. */
export type CodeClaim = { claimed: true } | { claimed: false; heldBy: Types.ObjectId | null };

/**
 * The document aggregate's persistence: documents, their digitisation codes and reuse links, and
 * what this code knows about the database. Ids are ObjectIds, so a malformed id finds nothing
 * rather than failing; a digitisation code is claimed by inserting it under its unique `_id`, the
 * one race-safe primitive on FerretDB v1 (R-DOC-2); links are keyed by dossier and document, so
 * linking again changes nothing.
 */
export class DocumentRepository {
  constructor(private readonly models: { Document: DocumentModel; DigitisationCode: DigitisationCodeModel; DocumentLink: DocumentLinkModel }) {}

  async byId(id: string): Promise<DocumentRecord | null> {
    const _id = objectIdOf(id);
    return _id && this.models.Document.findById(_id).lean().exec();
  }

  exists(_id: Types.ObjectId): Promise<boolean> {
    return this.models.Document.exists({ _id }).then((found) => found !== null);
  }

  /** The id of the document a digitisation code was issued to (Art. 10), or null. */
  async idOfCode(code: string): Promise<string | null> {
    return (await this.models.DigitisationCode.findById(code).lean().exec())?.documentId.toString() ?? null;
  }

  /** The owner's documents (`ownerKeyOf`), one indexed equality. */
  ownedBy(ownerKey: string): Promise<DocumentRecord[]> {
    return this.models.Document.find({ ownerKey }).lean().exec();
  }

  /** The documents handed in with or issued for a dossier, one indexed equality. */
  ofDossier(dossierCode: string): Promise<DocumentRecord[]> {
    return this.models.Document.find({ dossierCode }).lean().exec();
  }

  /** Claims `code` for the document; claiming it again for the same one (a retry after a crash) succeeds. */
  async claimCode(code: string, documentId: Types.ObjectId, now: Date): Promise<CodeClaim> {
    try {
      await this.models.DigitisationCode.create({ _id: code, documentId, issuedAt: now });
      return { claimed: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const holder = await this.models.DigitisationCode.findById(code).lean().exec();
      return holder?.documentId.equals(documentId) ? { claimed: true } : { claimed: false, heldBy: holder?.documentId ?? null };
    }
  }

  releaseCode(code: string): Promise<unknown> {
    return this.models.DigitisationCode.deleteOne({ _id: code }).exec();
  }

  update(_id: Types.ObjectId, set: Partial<DocumentRecord>): Promise<unknown> {
    return this.models.Document.updateOne({ _id }, { $set: set }).exec();
  }

  /** Stores a document whose id is decided by its content (a result); storing it again changes nothing. */
  async insertOnce(record: DocumentRecord): Promise<void> {
    await this.models.Document.create(record).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
  }

  link(links: DocumentLinkRecord[]): Promise<unknown> {
    return insertIgnoringDuplicates(this.models.DocumentLink, links);
  }
}

export const objectIdOf = (id: string): Types.ObjectId | null => (/^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null);
