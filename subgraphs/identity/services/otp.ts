import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { appError, ErrorCode, forbidden, notFound } from '../../../platform/errors';
import { parsePurpose, PURPOSE_FORMS, type Purpose } from '../../../platform/confirmations';
import { enforceRateLimit } from '../../../platform/rate-limit';
import type { Principal } from '../../../platform/principal';
import type { Context } from '../context';
import { audit, audited, maskContact } from './account-audit';

type OtpContext = Pick<Context, 'principal' | 'requestId' | 'models' | 'redis' | 'services'>;

/**
 * One-time passwords for citizens confirming an action (R-ID-4; 352 Art. 17): submitting a dossier
 * online (`SUBMIT_DOSSIER:<draft id>`) or changing their contact details (`CHANGE_CONTACT`).
 * 6 digits, kept in Redis only as a keyed hash for 5 minutes with the OTP's id and channel, at
 * most 5 tries, single use, and at most 5 requests per person per hour — 3 in the 24 hours after
 * a contact change. Always sent to the account's current contact; a code that checks out is
 * answered with a confirmation (platform/confirmations.ts) that the action consumes.
 */
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_REQUESTS_PER_HOUR = 5;
/** After a contact change, whoever changed it gets few codes: a thief who did cannot spray them. */
export const OTP_REQUESTS_AFTER_CHANGE = 3;
export const CONTACT_CHANGE_WATCH_SECONDS = 86_400;
/** When the account's contact last changed (ISO), kept CONTACT_CHANGE_WATCH_SECONDS. */
export const contactChangedKey = (username: string) => `contact-changed:${username}`;
const afterChangeKey = (username: string) => `otp-requests-after-change:${username}`;

const keyOf = (personalId: string, purpose: string) => `otp:${personalId}:${purpose}`;
const hashOf = (secret: string, personalId: string, purpose: string, code: string) =>
  createHmac('sha256', secret).update(`${personalId}:${purpose}:${code}`).digest('hex');

function citizenOf(p: Principal): string {
  if (p.client !== 'citizen' || !p.personalId) throw forbidden('one-time passwords are for citizens confirming their own actions');
  return p.personalId;
}

function purposeOf(text: string): Purpose {
  const purpose = parsePurpose(text);
  if (!purpose) throw appError(ErrorCode.BAD_USER_INPUT, `purpose "${text.slice(0, 80)}" is not one of the allowed forms: ${PURPOSE_FORMS}`);
  return purpose;
}

/** What the code confirms, in the words of the message. */
const inWords = (p: Purpose) =>
  p.kind === 'SUBMIT_DOSSIER' ? `nộp hồ sơ trực tuyến (bản khai ${p.draftId.length > 16 ? `${p.draftId.slice(0, 8)}…` : p.draftId})` : 'thay đổi thông tin liên hệ (số điện thoại, thư điện tử) của tài khoản';

/**
 * Counts a request within the 24 hours after a contact change, all in Redis: the count expires
 * with the change's mark. Answers [count, ms left of the watch], or [-1, 0] when there was no
 * recent change.
 */
const AFTER_CHANGE = `
local left = redis.call('PTTL', KEYS[1])
if left <= 0 then return {-1, 0} end
local n = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], left)
return {n, left}`;

async function limitAfterChange(ctx: Pick<OtpContext, 'redis'>, personalId: string): Promise<void> {
  const [n, left] = (await ctx.redis.eval(AFTER_CHANGE, 2, contactChangedKey(personalId), afterChangeKey(personalId))) as [number, number];
  if (n > OTP_REQUESTS_AFTER_CHANGE) {
    const retryAfterSeconds = Math.max(1, Math.ceil(left / 1000));
    throw appError(ErrorCode.RATE_LIMITED, `too many one-time passwords: at most ${OTP_REQUESTS_AFTER_CHANGE} in the 24 hours after the account's contact details changed; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export async function requestOtp(ctx: OtpContext, { purpose }: { purpose: string }): Promise<{ sentTo: string; expiresInSeconds: number }> {
  const { notifier, otpSecret } = ctx.services;
  const personalId = citizenOf(ctx.principal);
  const what = purposeOf(purpose);
  let note = `purpose ${purpose}`;
  return audited(ctx, personalId, 'OTP_REQUEST', () => note, async () => {
    const account = await ctx.models.Account.findOne({ username: personalId }).lean().exec();
    if (!account) throw notFound('register an account first: the one-time password goes to its contact details');
    if (!notifier) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'no notification service is configured (NOTIFY_URL)', { serviceName: 'notify' });
    const to = account.notifyBy === 'SMS' ? account.phone : account.email;
    if (!to) throw appError(ErrorCode.BAD_USER_INPUT, `the account has no ${account.notifyBy === 'SMS' ? 'phone' : 'e-mail'} to send the code to; an officer updates its contact details at the desk`);
    await enforceRateLimit(ctx.redis, `otp-requests:${personalId}`, OTP_REQUESTS_PER_HOUR, 3600);
    await limitAfterChange(ctx, personalId);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const otpId = randomUUID();
    const key = keyOf(personalId, purpose);
    await ctx.redis.multi().del(key)
      .hset(key, 'hash', hashOf(otpSecret, personalId, purpose, code), 'attempts', 0, 'otpId', otpId, 'channel', account.notifyBy)
      .expire(key, OTP_TTL_SECONDS).exec();
    note = `purpose ${purpose}; otp ${otpId}; ${account.notifyBy} to ${maskContact(to)}`;
    try {
      await notifier.send({
        channel: account.notifyBy, to, subject: 'Mã OTP BHXH',
        text: `Mã OTP xác nhận ${inWords(what)}: ${code}. Hiệu lực 5 phút. Không chia sẻ mã này với bất kỳ ai, kể cả người tự xưng là cán bộ BHXH.`,
      });
    } catch (err) {
      // A code nobody received must not stay usable.
      await ctx.redis.del(key);
      throw err;
    }
    return { sentTo: maskContact(to), expiresInSeconds: OTP_TTL_SECONDS };
  });
}

export type OtpResult =
  | { ok: true; reason: null; attemptsLeft: null; confirmation: string }
  | { ok: false; reason: 'EXPIRED_OR_UNKNOWN' | 'WRONG_CODE' | 'TOO_MANY_ATTEMPTS'; attemptsLeft: number; confirmation: null };

/**
 * One check, in one Redis script so that nothing happens in between: counts the try, compares
 * the hash, and deletes the code when it matched (single use) or when the tries are spent.
 * Answers {-1} unknown/expired, {-2} too many tries, {0, otpId, channel} matched, or {tries used}.
 */
const CHECK_OTP = `
local stored = redis.call('HMGET', KEYS[1], 'hash', 'otpId', 'channel')
if not stored[1] or not stored[2] then return {-1} end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if attempts > tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]) return {-2} end
if stored[1] == ARGV[1] then redis.call('DEL', KEYS[1]) return {0, stored[2], stored[3]} end
return {attempts}`;

export async function verifyOtp(ctx: Omit<OtpContext, 'models'>, { purpose, code }: { purpose: string; code: string }, now = new Date()): Promise<OtpResult> {
  const personalId = citizenOf(ctx.principal);
  purposeOf(purpose);
  const given = /^\d{6}$/.test(code) ? hashOf(ctx.services.otpSecret, personalId, purpose, code) : 'not-a-code';
  const [r, otpId, channel] = (await ctx.redis.eval(CHECK_OTP, 1, keyOf(personalId, purpose), given, OTP_MAX_ATTEMPTS)) as [number, string?, string?];
  let result: OtpResult;
  if (r === 0) {
    const confirmation = await ctx.services.confirmations.issue({ subject: personalId, purpose, otpId: otpId!, channel: channel === 'EMAIL' ? 'EMAIL' : 'SMS' }, now);
    result = { ok: true, reason: null, attemptsLeft: null, confirmation };
  } else if (r === -1) {
    result = { ok: false, reason: 'EXPIRED_OR_UNKNOWN', attemptsLeft: 0, confirmation: null };
  } else if (r === -2) {
    result = { ok: false, reason: 'TOO_MANY_ATTEMPTS', attemptsLeft: 0, confirmation: null };
  } else {
    result = { ok: false, reason: 'WRONG_CODE', attemptsLeft: OTP_MAX_ATTEMPTS - r, confirmation: null };
  }
  await audit(ctx, personalId, 'OTP_VERIFY', result.ok ? 'OK' : result.reason, `purpose ${purpose}${otpId ? `; otp ${otpId}` : ''}`);
  return result;
}
