import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

const DocumentSchema = new Schema(
  {
    dossierCode: { type: String, required: true, index: true },
    documentTypeCode: { type: String, required: true },
    name: { type: String, required: true },
  },
  { collection: 'documents', timestamps: true },
);

export type DocumentRecord = InferSchemaType<typeof DocumentSchema> & { _id: Types.ObjectId };
export type DocumentModel = Model<DocumentRecord>;

/** What resolvers see: the stored record plus its public id (the ObjectId as a string). */
export type DocumentView = DocumentRecord & { id: string };
export const toView = (d: DocumentRecord): DocumentView => ({ ...d, id: d._id.toString() });

/** A dossier as the documents subgraph knows it: only its key. */
export interface DossierRef {
  code: string;
}

export const documentModel = (db: Connection): DocumentModel =>
  (db.models.Document as DocumentModel | undefined) ?? db.model<DocumentRecord>('Document', DocumentSchema);
