import type { Context } from '../context';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { passwordDigest } from 'soap';
import { sha256Hex } from '../../../platform/digest';
import { badInput, unauthenticated } from '../../../platform/errors';
import type { IvanCredentialModel, IvanCredentialRecord } from '../models/ivan-credential';

/**
 * WS-Security UsernameToken credentials of I-VAN providers' SOAP clients (R-INT-1).
 *
 * PasswordDigest (Base64(SHA-1(nonce + created + password))) can only be checked by whoever knows
 * the password, so a password cannot be stored as a slow one-way hash. Instead each password is
 * derived, HMAC-SHA256(IVAN_CREDENTIAL_SECRET, username), and the database keeps only its SHA-256
 * (enough for a 256-bit random-equivalent secret): a stolen database alone yields no password,
 * and a check costs microseconds, not the scrypt that account passwords get.
 */
export const CREATED_WINDOW_MS = 5 * 60_000;
/** A nonce is remembered past both ends of the window, so no replay can fall between. */
const NONCE_TTL_SECONDS = (2 * CREATED_WINDOW_MS) / 1000 + 60;
const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;

const derivePassword = (secret: string, username: string) => createHmac('sha256', secret).update(username).digest('base64url');

/**
 * Issues a new credential for the provider and answers it (the only time the password is shown).
 * With `rotate`, the provider's earlier credentials are revoked once the new one is stored.
 */
export async function issueCredential(ctx: Pick<Context, 'models' | 'services'>, { providerId, rotate = false }: { providerId: string; rotate?: boolean | null }) {
  const model = ctx.models.IvanCredential;
  const secret = ctx.services.ivanCredentialSecret;
  if (!PROVIDER_ID.test(providerId)) throw badInput('the provider id must be 2–64 letters, digits, "-" or "_"', { argument: 'providerId' });
  const username = `${providerId}.${randomBytes(6).toString('hex')}`;
  const password = derivePassword(secret, username);
  const now = new Date();
  await model.create({ _id: username, providerId, passwordSha256: sha256Hex(password), issuedAt: now, revokedAt: null });
  const revoked = rotate ? (await model.updateMany({ providerId, revokedAt: null, _id: { $ne: username } }, { $set: { revokedAt: now } }).exec()).modifiedCount : 0;
  return { username, password, providerId, revoked };
}

/** Revokes one credential; answers whether it was active. */
export async function revokeCredential(ctx: Pick<Context, 'models'>, { username }: { username: string }): Promise<boolean> {
  return (await ctx.models.IvanCredential.updateOne({ _id: username, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec()).modifiedCount === 1;
}

/** The UsernameToken of a message, as the SOAP endpoint found it. */
export interface UsernameToken {
  username: string;
  /** Base64(SHA-1(nonce + created + password)). */
  passwordDigest: string;
  /** Base64. */
  nonce: string;
  /** ISO 8601. */
  created: string;
}

const refuse = (why: string) => unauthenticated(`WS-Security: ${why}`);

/**
 * Checks a UsernameToken with PasswordDigest: Created within 5 minutes of now, a known and
 * unrevoked username, the digest, and a nonce not seen before (remembered in Redis, so a replayed
 * message is refused). Answers the credential; every failure is UNAUTHENTICATED with its reason.
 */
export async function verifyUsernameToken(model: IvanCredentialModel, redis: Redis, secret: string, t: UsernameToken, now = Date.now()): Promise<IvanCredentialRecord> {
  const created = Date.parse(t.created);
  if (!/^\d{4}-\d\d-\d\dT/.test(t.created) || Number.isNaN(created)) throw refuse('Created is not an ISO 8601 time');
  if (Math.abs(now - created) > CREATED_WINDOW_MS) throw refuse('Created is more than 5 minutes away from our clock; check the client clock and send a fresh message');
  const nonce = Buffer.from(t.nonce, 'base64');
  if (nonce.length < 8) throw refuse('the Nonce must be at least 8 random bytes, base64-encoded');
  const credential = await model.findById(t.username).lean().exec();
  const password = derivePassword(secret, t.username);
  // The same work for an unknown user as for a known one, so timing does not tell usernames apart.
  const expected = Buffer.from(passwordDigest(t.nonce, t.created, password), 'base64');
  const given = Buffer.from(t.passwordDigest, 'base64');
  const digestOk = given.length === expected.length && timingSafeEqual(given, expected);
  if (!credential || credential.passwordSha256 !== sha256Hex(password) || !digestOk) throw refuse('unknown username or wrong password');
  if (credential.revokedAt) throw refuse('this credential was revoked; ask VSS for a new one');
  const fresh = await redis.set(`wss:nonce:${t.username}:${nonce.toString('base64')}`, '1', 'EX', NONCE_TTL_SECONDS, 'NX');
  if (fresh !== 'OK') throw refuse('this Nonce was used before (a replayed message); send each message with a new Nonce');
  return credential;
}
