import { Schema, type Connection, type Model } from 'mongoose';

/** A portal account of a citizen or an organisation (R-ID-3). The password is kept only as a scrypt hash. */
export interface AccountRecord {
  username: string;
  kind: 'CITIZEN' | 'ORGANIZATION';
  fullName: string;
  email: string | null;
  phone: string | null;
  notifyBy: 'EMAIL' | 'SMS';
  passwordHash: string;
  createdBy: string;
  createdAt: Date;
}

const AccountSchema = new Schema<AccountRecord>(
  {
    // Registration, sign-in, contact changes and OTP requests all find the account by user name.
    username: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: ['CITIZEN', 'ORGANIZATION'] },
    fullName: { type: String, required: true },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    notifyBy: { type: String, required: true, enum: ['EMAIL', 'SMS'] },
    passwordHash: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'accounts' },
);

export type AccountModel = Model<AccountRecord>;

export const accountModel = (db: Connection): AccountModel =>
  (db.models.Account as AccountModel | undefined) ?? db.model<AccountRecord>('Account', AccountSchema);
