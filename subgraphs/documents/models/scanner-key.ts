import { Schema, type Connection, type Model } from 'mongoose';
import type { JWK } from 'jose';

/** A scanning officer's public key; kept after it is replaced, so older scans still verify. */
export interface ScannerKeyRecord {
  /** The key's RFC 7638 thumbprint. */
  _id: string;
  subject: string;
  name: string;
  agencyCode: string;
  jwk: JWK;
  registeredAt: Date;
}

const ScannerKeySchema = new Schema<ScannerKeyRecord>(
  {
    _id: { type: String, required: true },
    subject: { type: String, required: true },
    name: { type: String, required: true },
    agencyCode: { type: String, required: true },
    jwk: { type: Schema.Types.Mixed, required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'scanner_keys', versionKey: false },
);

export type ScannerKeyModel = Model<ScannerKeyRecord>;
export const scannerKeyModel = (db: Connection): ScannerKeyModel =>
  (db.models.ScannerKey as ScannerKeyModel | undefined) ?? db.model<ScannerKeyRecord>('ScannerKey', ScannerKeySchema);
