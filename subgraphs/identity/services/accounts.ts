import { appError, ErrorCode, forbidden, invalidInput, notFound, type InputError } from '../../../platform/errors';
import { personalIdProblem, unitCodeProblem } from '../../../platform/identifiers';
import { isDuplicateKey } from '../../../platform/mongo';
import { failureLimit } from '../../../platform/rate-limit';
import type { Principal } from '../../../platform/principal';
import type { AccountRecord } from '../models/account';
import type { Context } from '../context';
import { hashPassword, initialPassword, passwordMatches } from './passwords';
import { audit, maskContact, outcomeOf } from './account-audit';
import { CONTACT_CHANGE_WATCH_SECONDS, contactChangedKey } from './otp';
import { missingConfirmation, type Consumed } from '../../../platform/confirmations';

/**
 * Portal accounts (R-ID-3; 352 Art. 11): registration with initial credentials sent by e-mail
 * or SMS, contact changes, and sign-in that locks after repeated failures. Before an individual's
 * account is made, the national portal is asked whether the citizen already has one (1333
 * Art. 13.2). Passwords are never stored or logged in clear.
 */
export type AccountContext = Pick<Context, 'principal' | 'requestId' | 'models' | 'redis' | 'services'>;

export interface RegisterInput {
  kind: 'CITIZEN' | 'ORGANIZATION';
  personalId?: string | null;
  unitCode?: string | null;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  notifyBy: 'EMAIL' | 'SMS';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^0\d{9}$/;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_SECONDS = 15 * 60;


function contactErrors(c: { email?: string | null; phone?: string | null; notifyBy?: 'EMAIL' | 'SMS' | null }): InputError[] {
  const errors: InputError[] = [];
  if (c.email && !EMAIL.test(c.email)) errors.push({ field: 'email', message: 'not an e-mail address' });
  if (c.phone && !PHONE.test(c.phone)) errors.push({ field: 'phone', message: 'a mobile number is 10 digits starting with 0' });
  if (c.notifyBy === 'EMAIL' && !c.email) errors.push({ field: 'email', message: 'needed to notify by EMAIL' });
  if (c.notifyBy === 'SMS' && !c.phone) errors.push({ field: 'phone', message: 'needed to notify by SMS' });
  return errors;
}

// The schema lets in officers with account:manage and citizens (@policy); a citizen acts for themself only.
const isOwnerOrOfficer = (p: Principal, username: string) => p.client === 'officer' || (p.client === 'citizen' && p.personalId === username);

export async function registerAccount(ctx: AccountContext, input: RegisterInput, now = new Date()): Promise<AccountRecord> {
  const p = ctx.principal;
  const { notifier, npsp } = ctx.services;
  const { Account } = ctx.models;
  const username = (input.kind === 'CITIZEN' ? input.personalId : input.unitCode) ?? '';
  const selfService = p.client === 'citizen' && input.kind === 'CITIZEN' && p.personalId === username;
  if (!selfService && p.client !== 'officer') {
    throw forbidden('officers with account:manage register accounts; a citizen may register only their own');
  }
  const errors = contactErrors(input);
  const idProblem = input.kind === 'CITIZEN' ? personalIdProblem(username, null, now) : unitCodeProblem(username);
  if (idProblem) errors.unshift({ field: input.kind === 'CITIZEN' ? 'personalId' : 'unitCode', message: idProblem });
  const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!fullName) errors.push({ field: 'fullName', message: 'required' });
  if (errors.length) throw invalidInput(errors);
  if (!notifier) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'no notification service is configured (NOTIFY_URL)', { serviceName: 'notify' });
  if (await Account.exists({ username })) throw appError(ErrorCode.CONFLICT, `an account ${username} already exists`);
  if (input.kind === 'CITIZEN') {
    if (!npsp) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the national portal is not configured (NPSP_URL)', { serviceName: 'npsp' });
    if (await npsp.hasAccount(username)) {
      throw appError(ErrorCode.CONFLICT, 'this citizen already has a national-portal account; they sign in with it instead (1333 Art. 13.2)');
    }
  }

  const password = initialPassword();
  const account: AccountRecord = {
    username, kind: input.kind, fullName, email: input.email ?? null, phone: input.phone ?? null, notifyBy: input.notifyBy,
    passwordHash: await hashPassword(password), createdBy: p.subject, createdAt: now,
  };
  try {
    await Account.create(account);
  } catch (err) {
    if (isDuplicateKey(err)) throw appError(ErrorCode.CONFLICT, `an account ${username} already exists`);
    throw err;
  }
  try {
    await notifier.send({
      channel: input.notifyBy,
      to: (input.notifyBy === 'EMAIL' ? input.email : input.phone)!,
      subject: 'Tài khoản Cổng Dịch vụ công BHXH',
      text: `Tên đăng nhập: ${username}. Mật khẩu khởi tạo: ${password}. Vui lòng đổi mật khẩu khi đăng nhập lần đầu.`,
    });
  } catch (err) {
    // Credentials that never reached their owner make an unusable account: take it back.
    await Account.deleteOne({ username }).exec();
    throw err;
  }
  return account;
}

export interface ContactInput {
  email?: string | null;
  phone?: string | null;
  notifyBy?: 'EMAIL' | 'SMS' | null;
}
type Contact = Pick<AccountRecord, 'email' | 'phone' | 'notifyBy'>;

const notifyAddress = (c: Contact) => (c.notifyBy === 'SMS' ? c.phone : c.email);
const described = (c: Contact) => `phone ${c.phone ? maskContact(c.phone) : '-'}, e-mail ${c.email ? maskContact(c.email) : '-'}, notify by ${c.notifyBy}`;

/**
 * Who hears of a change (issue 19): every old address that is replaced and the one the codes went
 * to (told first: they may not have asked for it), then the new address the codes will go to.
 */
function noticesOf(before: Contact, after: Contact): { channel: 'SMS' | 'EMAIL'; to: string; old: boolean }[] {
  const old = [
    { channel: before.notifyBy, to: notifyAddress(before) },
    { channel: 'SMS' as const, to: before.phone !== after.phone ? before.phone : null },
    { channel: 'EMAIL' as const, to: before.email !== after.email ? before.email : null },
  ];
  const out: { channel: 'SMS' | 'EMAIL'; to: string; old: boolean }[] = [];
  for (const n of old) if (n.to && !out.some((o) => o.to === n.to)) out.push({ channel: n.channel, to: n.to, old: true });
  const next = notifyAddress(after);
  if (next && !out.some((o) => o.to === next)) out.push({ channel: after.notifyBy, to: next, old: false });
  return out;
}

function noticeText(before: Contact, after: Contact, old: boolean, at: Date): string {
  const changes = [
    before.phone !== after.phone ? `số điện thoại ${before.phone ? maskContact(before.phone) : '(không có)'} → ${after.phone ? maskContact(after.phone) : '(không có)'}` : null,
    before.email !== after.email ? `thư điện tử ${before.email ? maskContact(before.email) : '(không có)'} → ${after.email ? maskContact(after.email) : '(không có)'}` : null,
    before.notifyBy !== after.notifyBy ? `nhận mã OTP qua ${after.notifyBy === 'SMS' ? 'SMS' : 'thư điện tử'}` : null,
  ].filter(Boolean).join('; ');
  const when = at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  return old
    ? `Thông tin liên hệ tài khoản BHXH của bạn vừa được thay đổi lúc ${when}: ${changes}. Nếu không phải bạn thực hiện, hãy liên hệ ngay cơ quan BHXH nơi gần nhất.`
    : `Địa chỉ này vừa được đăng ký nhận thông báo và mã OTP của tài khoản BHXH lúc ${when}: ${changes}.`;
}

/**
 * Changes an account's phone, e-mail or notification channel (R-ID-3; issue 19). The holder needs
 * a CHANGE_CONTACT confirmation: an OTP sent to the *current* contact, so a stolen citizen token
 * alone cannot redirect later codes; an officer with account:manage changes it at the desk without
 * one, having checked the person's identity there. Either way the old contact (and the new one)
 * is told, OTP requests are limited harder for 24 hours, and every step is audited. If the old
 * contact cannot be told, nothing is changed and the confirmation stays usable.
 */
export async function changeContact(
  ctx: AccountContext,
  { username, contact, confirmation }: { username: string; contact: ContactInput; confirmation?: string | null },
  now = new Date(),
): Promise<AccountRecord> {
  const p = ctx.principal;
  const { notifier, confirmations } = ctx.services;
  const how = p.client === 'citizen' ? 'by the holder' : 'at the desk';
  let consumed: Consumed | null = null;
  let prepared: Awaited<ReturnType<typeof prepareChange>>;
  try {
    prepared = await prepareChange(ctx, { username, contact, confirmation });
    if (!notifier) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'no notification service is configured (NOTIFY_URL): the old contact could not be told', { serviceName: 'notify' });
    const checked = confirmation ? await confirmations.check(confirmation, { subject: p.personalId!, purpose: 'CHANGE_CONTACT' }, now) : null;
    consumed = checked ? await confirmations.consume(checked, now) : null;
    // Only over the details it was checked against: a change made meanwhile is not overwritten.
    const { matchedCount } = await ctx.models.Account.updateOne({ username, ...prepared.before }, { $set: prepared.next }).exec();
    if (matchedCount !== 1) throw appError(ErrorCode.CONFLICT, `account ${username}'s contact details changed a moment ago; read them again`);
  } catch (err) {
    await consumed?.release();
    await audit(ctx, username, 'CONTACT_CHANGE', outcomeOf(err), how);
    throw err;
  }
  const { before, next } = prepared;
  const change = `${described(before)} → ${described(next)}; ${consumed ? `by the holder, confirmed by ${consumed.record.channel} otp ${consumed.record.otpId}` : 'at the desk'}`;
  try {
    await audit(ctx, username, 'CONTACT_CHANGE', 'OK', change);
    for (const n of noticesOf(before, next)) {
      const detail = `${n.old ? 'old' : 'new'} contact: ${n.channel} to ${maskContact(n.to)}`;
      try {
        await notifier!.send({ channel: n.channel, to: n.to, subject: 'Thay đổi thông tin liên hệ tài khoản BHXH', text: noticeText(before, next, n.old, now) });
      } catch (err) {
        await audit(ctx, username, 'CONTACT_CHANGE_NOTICE', outcomeOf(err), detail);
        // The new contact hearing nothing is a nuisance; the old one hearing nothing is how a takeover goes unnoticed.
        if (n.old) throw err;
        continue;
      }
      await audit(ctx, username, 'CONTACT_CHANGE_NOTICE', 'OK', detail);
    }
    await ctx.redis.set(contactChangedKey(username), now.toISOString(), 'EX', CONTACT_CHANGE_WATCH_SECONDS);
  } catch (err) {
    // Undone only if nothing changed it since, for the same reason.
    await ctx.models.Account.updateOne({ username, ...next }, { $set: before }).exec();
    await consumed?.release();
    await audit(ctx, username, 'CONTACT_CHANGE', 'UNDONE', `${change}; undone (${outcomeOf(err)}): the old contact could not be told`);
    throw err;
  }
  return { ...prepared.current, ...next };
}

/** Everything checked before anything is written: who asks, the account, the new details, the confirmation's presence. */
async function prepareChange(ctx: AccountContext, { username, contact, confirmation }: { username: string; contact: ContactInput; confirmation?: string | null }) {
  const p = ctx.principal;
  if (!isOwnerOrOfficer(p, username)) throw forbidden('only the account holder or an officer with account:manage may change it');
  const current = await ctx.models.Account.findOne({ username }).lean().exec();
  if (!current) throw notFound(`no account ${username}`);
  const before: Contact = { email: current.email, phone: current.phone, notifyBy: current.notifyBy };
  const next: Contact = {
    email: contact.email === undefined ? current.email : contact.email,
    phone: contact.phone === undefined ? current.phone : contact.phone,
    notifyBy: contact.notifyBy ?? current.notifyBy,
  };
  const errors = contactErrors(next);
  if (p.client === 'citizen' && !confirmation) errors.push(missingConfirmation('CHANGE_CONTACT'));
  if (p.client !== 'citizen' && confirmation) {
    errors.push({ field: 'confirmation', message: 'officers change contact details at the desk, having checked the person there; send no confirmation' });
  }
  if (next.email === before.email && next.phone === before.phone && next.notifyBy === before.notifyBy) {
    errors.push({ field: 'contact', message: 'these are the contact details the account already has' });
  }
  if (errors.length) throw invalidInput(errors);
  return { current, before, next };
}

// Compared against when the account does not exist, so an unknown name costs the same time.
const NO_ACCOUNT_HASH = hashPassword('no such account');

/**
 * Checks a password. Each attempt is taken in Redis before the password is even looked at
 * (platform/rate-limit.ts), so however many requests arrive at once, at most MAX_FAILED_SIGN_INS
 * passwords are checked; after that many failures within 15 minutes the account is locked for 15
 * minutes, during which even the right password is refused. A success forgets the failures.
 */
export async function signIn(ctx: Pick<AccountContext, 'models' | 'redis'>, { username, password }: { username: string; password: string }) {
  // Stored as account:locked:<username>: the failure count, and while locked, the lock.
  const guesses = failureLimit(ctx.redis, 'account:locked', MAX_FAILED_SIGN_INS, LOCK_SECONDS);
  const locked = (seconds: number) => ({
    ok: false, lockedUntil: new Date(Date.now() + seconds * 1000), message: `locked after ${MAX_FAILED_SIGN_INS} failed sign-ins; try again later`,
  });
  const taken = await guesses.take(username);
  if ('lockedSeconds' in taken) return locked(taken.lockedSeconds);
  const account = await ctx.models.Account.findOne({ username }).lean().exec();
  const matches = await passwordMatches(password, account?.passwordHash ?? (await NO_ACCOUNT_HASH));
  if (account && matches) {
    await guesses.clear(username);
    return { ok: true, lockedUntil: null, message: 'signed in' };
  }
  if (taken.attempt >= MAX_FAILED_SIGN_INS) {
    await guesses.lock(username);
    return locked(LOCK_SECONDS);
  }
  return { ok: false, lockedUntil: null, message: `wrong user name or password (${MAX_FAILED_SIGN_INS - taken.attempt} tries left)` };
}
