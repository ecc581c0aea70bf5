import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { appError, ErrorCode, invalidInput, type InputError } from './errors';
import { KeyError, type KeyStore } from './key-store';
import { sha256Hex } from './digest';
import { canonicalSubmission, type SubmissionFields } from './signed-submission';

/**
 * Confirmations (issue 19; R-ID-4, R-Q-2): the proof that a citizen confirmed one action with a
 * one-time password. The identity subgraph issues one when an OTP checks out (`verifyOtp`): a
 * compact JWS under the `confirmation` key set naming who, for what purpose, which OTP, by which
 * channel and when. The action it is for checks it here (signature, person, purpose, age) and
 * consumes it exactly once (Redis `SET NX` of its OTP id), then stores the record it answers.
 *
 * Purposes have a grammar, so that a confirmation for one kind of action cannot pass for another:
 * `SUBMIT_DOSSIER:<draft id>` (for an intake, the SHA-256 of the submission: `submissionPurpose`) and
 * `CHANGE_CONTACT`.
 */
export const CONFIRMATION_SET = 'confirmation';
export const CONFIRMATION_TYP = 'vss-confirmation+jws';
/** How long a confirmation may be used after the OTP was verified. */
export const CONFIRMATION_LIFETIME_SECONDS = 600;

export type Purpose = { kind: 'SUBMIT_DOSSIER'; draftId: string } | { kind: 'CHANGE_CONTACT' };
export type PurposeKind = Purpose['kind'];
export const PURPOSE_FORMS = 'SUBMIT_DOSSIER:<draft id> (1–64 letters, digits, _ or -; an intake accepts the SHA-256 of its canonical submission) or CHANGE_CONTACT';

const SUBMIT = /^SUBMIT_DOSSIER:([A-Za-z0-9_-]{1,64})$/;

/** The purpose `text` names, or null when it follows none of the allowed forms. */
export function parsePurpose(text: string): Purpose | null {
  if (text === 'CHANGE_CONTACT') return { kind: 'CHANGE_CONTACT' };
  const m = SUBMIT.exec(text);
  return m ? { kind: 'SUBMIT_DOSSIER', draftId: m[1]! } : null;
}

/** What a confirmation says; all its times are ISO instants. */
export interface ConfirmationClaims {
  /** The personal id of the citizen who confirmed. */
  sub: string;
  purpose: string;
  otpId: string;
  channel: 'SMS' | 'EMAIL';
  confirmedAt: string;
  expiresAt: string;
}

/** What the action stores: the dossier's and its RECEIVE event's `confirmation`, an audit entry's detail. */
export interface OtpConfirmation {
  method: 'OTP';
  by: string;
  at: Date;
  channel: 'SMS' | 'EMAIL';
  otpId: string;
  purpose: string;
}

/** A confirmation that is consumed: its record, and how to give it back when the action then stores nothing. */
export interface Consumed {
  record: OtpConfirmation;
  release(): Promise<void>;
}

export type ConfirmationRefusal = 'MISSING' | 'INVALID' | 'EXPIRED' | 'WRONG_PURPOSE' | 'NOT_YOURS';

const refused = (reason: ConfirmationRefusal, message: string) => invalidInput([{ field: 'confirmation', reason, message }]);
const usedKey = (otpId: string) => `confirmation:used:${otpId}`;
// Deletes the mark only if it is still ours (a release after our TTL ran out must not free another's).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

function claimsOf(payload: unknown): ConfirmationClaims | null {
  const c = payload as Partial<ConfirmationClaims> | null;
  if (!c || typeof c !== 'object') return null;
  const strings = [c.sub, c.purpose, c.otpId, c.confirmedAt, c.expiresAt].every((v) => typeof v === 'string' && v.length > 0);
  if (!strings || (c.channel !== 'SMS' && c.channel !== 'EMAIL')) return null;
  if (Number.isNaN(Date.parse(c.confirmedAt!)) || Number.isNaN(Date.parse(c.expiresAt!))) return null;
  return c as ConfirmationClaims;
}

/** The payload of a compact JWS, read before its signature is checked (only to know when it was signed). */
function unverifiedPayload(jws: string): unknown {
  try {
    return decodeJwt(jws);
  } catch {
    return null;
  }
}

/** Issues, checks and consumes confirmations; one per process, over the key store and Redis. */
export class Confirmations {
  constructor(private readonly keys: KeyStore, private readonly redis: Redis) {}

  /** Signs a confirmation that `subject` confirmed `purpose` with OTP `otpId` at `now` (identity, verifyOtp). */
  async issue(c: { subject: string; purpose: string; otpId: string; channel: 'SMS' | 'EMAIL' }, now = new Date()): Promise<string> {
    const claims: ConfirmationClaims = {
      sub: c.subject, purpose: c.purpose, otpId: c.otpId, channel: c.channel,
      confirmedAt: now.toISOString(), expiresAt: new Date(now.getTime() + CONFIRMATION_LIFETIME_SECONDS * 1000).toISOString(),
    };
    return (await this.keys.sign(CONFIRMATION_SET, claims, CONFIRMATION_TYP, now)).jws;
  }

  /**
   * Checks `token` for an action of `purpose` by `subject`, without consuming it. The key must have
   * been allowed to sign at the confirmation's own time (so a rotation does not void confirmations
   * made just before it), and the confirmation lives CONFIRMATION_LIFETIME_SECONDS from that time.
   * Refusals are BAD_USER_INPUT on the field `confirmation` with a reason.
   */
  async check(token: string, expected: { subject: string; purpose: PurposeKind }, now = new Date()): Promise<ConfirmationClaims> {
    const unverified = claimsOf(unverifiedPayload(token));
    if (!unverified) throw refused('INVALID', 'not a confirmation: pass the `confirmation` that verifyOtp answered, unchanged');
    try {
      await this.keys.verify(CONFIRMATION_SET, token, new Date(unverified.confirmedAt));
    } catch (err) {
      if (!(err instanceof KeyError) || err.reason === 'UNAVAILABLE') throw err;
      throw refused('INVALID', `the confirmation's signature does not hold (${err.message}); pass the \`confirmation\` that verifyOtp answered, unchanged`);
    }
    const c = unverified;
    if (c.sub !== expected.subject) throw refused('NOT_YOURS', 'the confirmation was made by another person; each citizen confirms with a one-time password of their own');
    const purpose = parsePurpose(c.purpose);
    if (purpose?.kind !== expected.purpose) {
      throw refused('WRONG_PURPOSE', `the confirmation is for ${c.purpose}; this action needs one for ${expected.purpose === 'SUBMIT_DOSSIER' ? 'SUBMIT_DOSSIER:<draft id>' : expected.purpose}`);
    }
    const expiresAt = Math.min(Date.parse(c.expiresAt), Date.parse(c.confirmedAt) + CONFIRMATION_LIFETIME_SECONDS * 1000);
    if (now.getTime() >= expiresAt) {
      throw refused('EXPIRED', `the confirmation expired at ${new Date(expiresAt).toISOString()} (${CONFIRMATION_LIFETIME_SECONDS / 60} minutes after the one-time password was verified); ask for a new one-time password`);
    }
    return c;
  }

  /**
   * Takes a checked confirmation for good: the first caller marks its OTP id used (kept beyond the
   * confirmation's expiry), every later one gets CONFLICT. `release` gives it back when the action
   * fails before storing anything, so the citizen can retry with the same confirmation.
   */
  async consume(c: ConfirmationClaims, now = new Date()): Promise<Consumed> {
    const owner = randomBytes(8).toString('hex');
    const ttlMs = Math.max(0, Date.parse(c.expiresAt) - now.getTime()) + 3_600_000;
    const taken = await this.redis.set(usedKey(c.otpId), owner, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') {
      throw appError(ErrorCode.CONFLICT, `this confirmation (one-time password ${c.otpId}) was already used; each confirms one action: ask for a new one-time password`);
    }
    return {
      record: { method: 'OTP', by: c.sub, at: new Date(c.confirmedAt), channel: c.channel, otpId: c.otpId, purpose: c.purpose },
      release: async () => {
        await this.redis.eval(RELEASE, 1, usedKey(c.otpId), owner);
      },
    };
  }
}

/** The input error when an action that needs a confirmation got none: says how to get one. */
/**
 * The purpose that confirms one submission: its draft id is the SHA-256 (hex) of the canonical
 * submission, the same bytes an I-VAN's employer signs (platform/signed-submission.ts). So a
 * confirmation binds what the citizen confirmed, not only that they confirmed something.
 */
export const submissionPurpose = (s: SubmissionFields) => `SUBMIT_DOSSIER:${sha256Hex(canonicalSubmission(s))}`;

export const missingConfirmation = (purpose: string): InputError => ({
  field: 'confirmation',
  reason: 'MISSING',
  message: `this action needs a confirmation: call requestOtp(purpose: "${purpose}") to have a one-time password sent to the account's contact, then verifyOtp(purpose, code), and pass the \`confirmation\` it answers here (valid ${CONFIRMATION_LIFETIME_SECONDS / 60} minutes, for one use)`,
});
