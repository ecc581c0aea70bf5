import { Schema, type Connection, type Model } from 'mongoose';
import type { JWK } from 'jose';

/**
 * A scanning officer's public key; kept after it is replaced, so older scans still verify. A new
 * key of the same officer retires it from signing; a revoked one fails scans stamped from then on
 * (the same rules as platform/key-store.ts).
 */
export interface ScannerKeyRecord {
  /** The key's RFC 7638 thumbprint. */
  _id: string;
  subject: string;
  name: string;
  agencyCode: string;
  jwk: JWK;
  registeredAt: Date;
  retiredAt?: Date | null;
  revokedAt?: Date | null;
  revocationReason?: string | null;
}

/** The key in the key store's terms, for `stateAt`. */
export const scannerKeyState = (k: ScannerKeyRecord) => ({
  kid: k._id, validFrom: k.registeredAt.toISOString(), retiredAt: k.retiredAt?.toISOString(), revokedAt: k.revokedAt?.toISOString(), revocationReason: k.revocationReason ?? undefined,
});

const ScannerKeySchema = new Schema<ScannerKeyRecord>(
  {
    _id: { type: String, required: true },
    // Indexed: registering a key retires the officer's earlier ones.
    subject: { type: String, required: true, index: true },
    name: { type: String, required: true },
    agencyCode: { type: String, required: true },
    jwk: { type: Schema.Types.Mixed, required: true },
    registeredAt: { type: Date, required: true },
    retiredAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    revocationReason: { type: String, default: null },
  },
  { collection: 'scanner_keys', versionKey: false },
);

export type ScannerKeyModel = Model<ScannerKeyRecord>;
export const scannerKeyModel = (db: Connection): ScannerKeyModel =>
  (db.models.ScannerKey as ScannerKeyModel | undefined) ?? db.model<ScannerKeyRecord>('ScannerKey', ScannerKeySchema);
