import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A document from the owner's data store linked to a later dossier instead of being handed in again (R-DOC-4). */
export interface DocumentLinkRecord {
  /** <dossier code>:<document id>, so a repeated event links once. */
  _id: string;
  dossierCode: string;
  documentId: Types.ObjectId;
  linkedAt: Date;
}

const DocumentLinkSchema = new Schema<DocumentLinkRecord>(
  {
    _id: { type: String, required: true },
    dossierCode: { type: String, required: true, index: true },
    // Indexed: whether a document may be read depends on the dossiers that reused it (services/access.ts).
    documentId: { type: Schema.Types.ObjectId, required: true, index: true },
    linkedAt: { type: Date, required: true },
  },
  { collection: 'document_links', versionKey: false },
);

export type DocumentLinkModel = Model<DocumentLinkRecord>;
export const documentLinkModel = (db: Connection): DocumentLinkModel =>
  (db.models.DocumentLink as DocumentLinkModel | undefined) ?? db.model<DocumentLinkRecord>('DocumentLink', DocumentLinkSchema);
