import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Permission for one upload, issued by startDocumentUpload; _id is the random ticket in the path. */
export interface UploadTicketRecord {
  _id: string;
  /** The id the document will have, announced so the scanner can sign it (Art. 8.1). */
  documentId: Types.ObjectId;
  subject: string;
  agencyCode: string;
  dossierCode: string;
  procedureCode: string;
  documentTypeCode: string;
  name: string;
  pages: number;
  fileName: string;
  expiresAt: Date;
}

const UploadTicketSchema = new Schema<UploadTicketRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    subject: { type: String, required: true },
    agencyCode: { type: String, required: true },
    dossierCode: { type: String, required: true },
    procedureCode: { type: String, required: true },
    documentTypeCode: { type: String, required: true },
    name: { type: String, required: true },
    pages: { type: Number, required: true },
    fileName: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'upload_tickets', versionKey: false },
);

export type UploadTicketModel = Model<UploadTicketRecord>;
export const uploadTicketModel = (db: Connection): UploadTicketModel =>
  (db.models.UploadTicket as UploadTicketModel | undefined) ?? db.model<UploadTicketRecord>('UploadTicket', UploadTicketSchema);
