import { Schema, type Connection, type Model } from 'mongoose';

/** An X.509 certificate an organisation signs its submissions with (R-ID-4). */
export interface CertificateRecord {
  unitCode: string;
  fingerprint: string;
  subject: string;
  pem: string;
  validFrom: Date;
  validTo: Date;
  registeredBy: string;
  registeredAt: Date;
}

const CertificateSchema = new Schema<CertificateRecord>(
  {
    // An organisation's certificates are read by unit code (the loader, signature checks).
    unitCode: { type: String, required: true, index: true },
    fingerprint: { type: String, required: true, unique: true },
    subject: { type: String, required: true },
    pem: { type: String, required: true },
    validFrom: { type: Date, required: true },
    validTo: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'organization_certificates' },
);

export type CertificateModel = Model<CertificateRecord>;

export const certificateModel = (db: Connection): CertificateModel =>
  (db.models.Certificate as CertificateModel | undefined) ?? db.model<CertificateRecord>('Certificate', CertificateSchema);
