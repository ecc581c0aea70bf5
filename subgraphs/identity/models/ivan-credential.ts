import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A WS-Security credential of an I-VAN provider's SOAP client (R-INT-1), under its username.
 * Only a SHA-256 of the password is stored: the password itself is derived from the username and
 * IVAN_CREDENTIAL_SECRET when a message is checked (services/ivan-credentials.ts says why).
 */
export interface IvanCredentialRecord {
  /** The username: "<providerId>.<random>", new for every credential issued. */
  _id: string;
  providerId: string;
  passwordSha256: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

const IvanCredentialSchema = new Schema<IvanCredentialRecord>(
  {
    _id: { type: String, required: true },
    providerId: { type: String, required: true, index: true },
    passwordSha256: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'ivan_credentials', versionKey: false },
);

export type IvanCredentialModel = Model<IvanCredentialRecord>;

export const ivanCredentialModel = (db: Connection): IvanCredentialModel =>
  (db.models.IvanCredential as IvanCredentialModel | undefined) ?? db.model<IvanCredentialRecord>('IvanCredential', IvanCredentialSchema);
