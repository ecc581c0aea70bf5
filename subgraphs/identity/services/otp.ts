import { createHmac, randomInt } from 'node:crypto';
import { appError, ErrorCode, forbidden, notFound } from '../../../platform/errors';
import { enforceRateLimit } from '../../../platform/rate-limit';
import type { Principal } from '../../../platform/principal';
import type { Context } from '../context';

type OtpContext = Pick<Context, 'principal' | 'models' | 'redis' | 'services'>;

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

export async function requestOtp(ctx: OtpContext, { purpose }: { purpose: string }): Promise<{ sentTo: string; expiresInSeconds: number }> {
  const p = ctx.principal;
  const { notifier, otpSecret } = ctx.services;
  const personalId = citizenOf(p);
  if (!/^[\w.:-]{1,80}$/.test(purpose)) throw appError(ErrorCode.BAD_USER_INPUT, 'purpose is 1–80 letters, digits and . : _ - (e.g. the dossier code)');
  const account = await ctx.models.Account.findOne({ username: personalId }).lean().exec();
  if (!account) throw notFound('register an account first: the one-time password goes to its contact details');
  if (!notifier) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'no notification service is configured (NOTIFY_URL)', { serviceName: 'notify' });
  await enforceRateLimit(ctx.redis, `otp-requests:${personalId}`, OTP_REQUESTS_PER_HOUR, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const key = keyOf(personalId, purpose);
  await ctx.redis.multi().del(key).hset(key, 'hash', hashOf(otpSecret, personalId, purpose, code), 'attempts', 0).expire(key, OTP_TTL_SECONDS).exec();
  const to = account.notifyBy === 'SMS' ? account.phone : account.email;
  if (!to) throw appError(ErrorCode.BAD_USER_INPUT, `the account has no ${account.notifyBy === 'SMS' ? 'phone' : 'e-mail'} to send the code to; update its contact details`);
  await notifier.send({ channel: account.notifyBy, to, subject: 'Mã OTP BHXH', text: `Ma OTP xac nhan ${purpose}: ${code}. Hieu luc 5 phut. Khong chia se ma nay.` });
  return { sentTo: to.replace(/^(.{2}).*(.{2})$/, '$1***$2'), expiresInSeconds: OTP_TTL_SECONDS };
}

export type OtpResult = { ok: true; reason: null; attemptsLeft: null } | { ok: false; reason: 'EXPIRED_OR_UNKNOWN' | 'WRONG_CODE' | 'TOO_MANY_ATTEMPTS'; attemptsLeft: number };

/**
 * One check, in one Redis script so that nothing happens in between: counts the try, compares
 * the hash, and deletes the code when it matched (single use) or when the tries are spent.
 * Returns -1 unknown/expired, -2 too many tries, 0 matched, or the tries used so far.
 */
const CHECK_OTP = `
local stored = redis.call('HGET', KEYS[1], 'hash')
if not stored then return -1 end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if attempts > tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]) return -2 end
if stored == ARGV[1] then redis.call('DEL', KEYS[1]) return 0 end
return attempts`;

export async function verifyOtp(ctx: Pick<OtpContext, 'principal' | 'redis' | 'services'>, { purpose, code }: { purpose: string; code: string }): Promise<OtpResult> {
  const p = ctx.principal;
  const personalId = citizenOf(p);
  const given = /^\d{6}$/.test(code) ? hashOf(ctx.services.otpSecret, personalId, purpose, code) : 'not-a-code';
  const r = (await ctx.redis.eval(CHECK_OTP, 1, keyOf(personalId, purpose), given, OTP_MAX_ATTEMPTS)) as number;
  if (r === 0) return { ok: true, reason: null, attemptsLeft: null };
  if (r === -1) return { ok: false, reason: 'EXPIRED_OR_UNKNOWN', attemptsLeft: 0 };
  if (r === -2) return { ok: false, reason: 'TOO_MANY_ATTEMPTS', attemptsLeft: 0 };
  return { ok: false, reason: 'WRONG_CODE', attemptsLeft: OTP_MAX_ATTEMPTS - r };
}
