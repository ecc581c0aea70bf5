import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { appError, ErrorCode, forbidden, notFound } from '../../kit/errors';
import { enforceRateLimit } from '../../kit/rate-limit';
import type { Principal } from '../../kit/principal';
import type { Notifier } from '../../../adapters/notify/port';
import type { AccountModel } from '../models/account';

/**
 * One-time passwords for citizens confirming an electronic dossier (R-ID-4; 352 Art. 17):
 * 6 digits, kept in Redis only as a keyed hash for 5 minutes, at most 5 tries, single use, and
 * at most 5 requests per person per hour. Sent by the account's notification channel.
 */
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_REQUESTS_PER_HOUR = 5;

const keyOf = (personalId: string, purpose: string) => `otp:${personalId}:${purpose}`;
const hashOf = (secret: string, personalId: string, purpose: string, code: string) =>
  createHmac('sha256', secret).update(`${personalId}:${purpose}:${code}`).digest('hex');

function citizenOf(p: Principal): string {
  if (p.client !== 'citizen' || !p.personalId) throw forbidden('one-time passwords are for citizens confirming their own dossiers');
  return p.personalId;
}

export async function requestOtp(
  deps: { redis: Redis; Account: AccountModel; notifier: Notifier | null; secret: string },
  p: Principal,
  purpose: string,
): Promise<{ sentTo: string; expiresInSeconds: number }> {
  const personalId = citizenOf(p);
  if (!/^[\w.:-]{1,80}$/.test(purpose)) throw appError(ErrorCode.BAD_USER_INPUT, 'purpose is 1–80 letters, digits and . : _ - (e.g. the dossier code)');
  const account = await deps.Account.findOne({ username: personalId }).lean().exec();
  if (!account) throw notFound('register an account first: the one-time password goes to its contact details');
  if (!deps.notifier) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'no notification service is configured (NOTIFY_URL)', { serviceName: 'notify' });
  await enforceRateLimit(deps.redis, `otp-requests:${personalId}`, OTP_REQUESTS_PER_HOUR, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const key = keyOf(personalId, purpose);
  await deps.redis.multi().del(key).hset(key, 'hash', hashOf(deps.secret, personalId, purpose, code), 'attempts', 0).expire(key, OTP_TTL_SECONDS).exec();
  const to = (account.notifyBy === 'SMS' ? account.phone : account.email)!;
  await deps.notifier.send({ channel: account.notifyBy, to, subject: 'Mã OTP BHXH', text: `Ma OTP xac nhan ${purpose}: ${code}. Hieu luc 5 phut. Khong chia se ma nay.` });
  return { sentTo: to.replace(/^(.{2}).*(.{2})$/, '$1***$2'), expiresInSeconds: OTP_TTL_SECONDS };
}

export type OtpResult = { ok: true; reason: null; attemptsLeft: null } | { ok: false; reason: 'EXPIRED_OR_UNKNOWN' | 'WRONG_CODE' | 'TOO_MANY_ATTEMPTS'; attemptsLeft: number };

export async function verifyOtp(deps: { redis: Redis; secret: string }, p: Principal, purpose: string, code: string): Promise<OtpResult> {
  const personalId = citizenOf(p);
  const key = keyOf(personalId, purpose);
  const stored = await deps.redis.hget(key, 'hash');
  if (!stored) return { ok: false, reason: 'EXPIRED_OR_UNKNOWN', attemptsLeft: 0 };
  const attempts = await deps.redis.hincrby(key, 'attempts', 1);
  if (attempts > OTP_MAX_ATTEMPTS) {
    await deps.redis.del(key);
    return { ok: false, reason: 'TOO_MANY_ATTEMPTS', attemptsLeft: 0 };
  }
  const given = /^\d{6}$/.test(code) ? hashOf(deps.secret, personalId, purpose, code) : '0'.repeat(64);
  if (!timingSafeEqual(Buffer.from(stored, 'hex'), Buffer.from(given, 'hex'))) {
    return { ok: false, reason: 'WRONG_CODE', attemptsLeft: OTP_MAX_ATTEMPTS - attempts };
  }
  // Single use: of two checks with the right code at once, only the one that deletes it wins.
  return (await deps.redis.del(key)) === 1 ? { ok: true, reason: null, attemptsLeft: null } : { ok: false, reason: 'EXPIRED_OR_UNKNOWN', attemptsLeft: 0 };
}
