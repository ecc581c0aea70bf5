import { Schema } from 'mongoose';

export const CONFIRMATION_METHODS = ['OTP', 'ORGANIZATION_SIGNATURE'] as const;

/**
 * How the applicant confirmed an electronic dossier (R-ID-4; 352/QĐ-BHXH Art. 17): a one-time
 * password for a citizen, a digital signature for an organisation. Kept on the dossier and on its
 * RECEIVE event; null for dossiers received at a desk, by post or from the national portal.
 */
export interface ConfirmationRecord {
  method: (typeof CONFIRMATION_METHODS)[number];
  /** The personal id or unit code that confirmed. */
  by: string;
  at: Date;
  /** OTP: the channel (SMS or EMAIL) the code went by, its id and purpose. */
  channel?: string | null;
  otpId?: string | null;
  purpose?: string | null;
  /** Signature: the detached JWS as sent, the SHA-256 (hex) of the canonical payload it signs, the certificate that verified it. */
  signature?: string | null;
  payloadSha256?: string | null;
  certificateFingerprint?: string | null;
  certificateSubject?: string | null;
  /** Signature: the timestamp token over its SHA-256 (adapters/timestamp), which vouches for `at`. */
  timestamp?: string | null;
}

export const ConfirmationSchema = new Schema<ConfirmationRecord>(
  {
    method: { type: String, required: true, enum: CONFIRMATION_METHODS },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    channel: { type: String, default: null },
    otpId: { type: String, default: null },
    purpose: { type: String, default: null },
    signature: { type: String, default: null },
    payloadSha256: { type: String, default: null },
    certificateFingerprint: { type: String, default: null },
    certificateSubject: { type: String, default: null },
    timestamp: { type: String, default: null },
  },
  { _id: false },
);
