import { auditDatabase, auditModel, type AuditEntry } from '../../platform/audit';
import { accountModel } from '../../subgraphs/identity/models/account';
import { accountRef } from '../../subgraphs/identity/services/account-audit';
import { contactChangedKey } from '../../subgraphs/identity/services/otp';
import { codesOf, principals } from '../support/harness';
import { citizenPrincipal, codeSentTo, confirmWithOtp, otpDesk, REQUEST_OTP, VERIFY_OTP } from '../support/otp';

/**
 * Issue 19, points 1 and 2 (R-ID-3, R-ID-4, R-Q-2): a stolen citizen token cannot redirect the
 * one-time passwords; the holder changes their contact with a code sent to the old one; both
 * contacts are told; OTPs are limited harder for a day; every step is in the audit log, masked.
 * Real identity subgraph, FerretDB, Redis and notify simulator.
 */
let desk: Awaited<ReturnType<typeof otpDesk>>;
beforeAll(async () => {
  desk = await otpDesk({ redisDb: 71 });
});
afterAll(() => desk.close());

const CHANGE = `mutation($u: ID!, $c: AccountContactInput!, $k: String) { changeAccountContact(username: $u, contact: $c, confirmation: $k) { phone email notifyBy } }`;
const change = (username: string, contact: Record<string, unknown>, confirmation: string | null, as = citizenPrincipal(username)) =>
  desk.identity.exec(CHANGE, { u: username, c: contact, k: confirmation }, as);
const inputErrorsOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.inputErrors as { field: string; reason?: string; message: string }[] | undefined;
const stored = async (username: string) => {
  const a = (await accountModel(desk.identity.deps.db).findOne({ username }).lean().exec())!;
  return { phone: a.phone, email: a.email, notifyBy: a.notifyBy };
};
const sentTo = (to: string) => desk.inbox.sent.filter((m) => m.to === to);
async function auditOf(username: string): Promise<AuditEntry[]> {
  const { services } = await desk.identity.context();
  const Audit = auditModel(auditDatabase(desk.identity.deps.db, desk.identity.deps.config.auditDatabaseName));
  return Audit.find({ target: accountRef(services.otpSecret, username) }).sort({ _id: 1 }).lean().exec();
}

describe('a stolen citizen token cannot redirect one-time passwords (R-ID-3, R-ID-4, R-Q-2)', () => {
  const VICTIM = '001190020001';
  const VICTIM_PHONE = '0912000001';
  const THIEF = '001090020002';
  const THIEF_PHONE = '0987000009';
  const stolen = citizenPrincipal(VICTIM);

  test('without a confirmation, with one for another purpose, with a forged or another person\'s, the change is refused; the CHANGE_CONTACT code goes to the old phone; the account is unchanged', async () => {
    await desk.account(VICTIM, { phone: VICTIM_PHONE, notifyBy: 'SMS' });
    await desk.account(THIEF, { phone: THIEF_PHONE, notifyBy: 'SMS' });
    const before = await stored(VICTIM);
    const redirect = { phone: THIEF_PHONE, notifyBy: 'SMS' };

    const bare = await change(VICTIM, redirect, null, stolen);
    expect(inputErrorsOf(bare)).toEqual([{ field: 'confirmation', reason: 'MISSING', message: expect.stringContaining('requestOtp(purpose: "CHANGE_CONTACT")') }]);

    // A confirmation for a submission (say one the victim's client leaked) does not change contacts.
    const forSubmission = await confirmWithOtp(desk.identity, desk.inbox, stolen, 'SUBMIT_DOSSIER:draft-1');
    expect(inputErrorsOf(await change(VICTIM, redirect, forSubmission, stolen))).toEqual([
      { field: 'confirmation', reason: 'WRONG_PURPOSE', message: expect.stringContaining('is for SUBMIT_DOSSIER:draft-1') },
    ]);

    // The thief asks for the code with the stolen token: it goes to the victim's phone, not the thief's.
    const thiefInboxBefore = sentTo(THIEF_PHONE).length;
    const asked = await desk.identity.exec(REQUEST_OTP, { p: 'CHANGE_CONTACT' }, stolen);
    expect(asked.data?.requestOtp).toEqual({ sentTo: '09***01', expiresInSeconds: 300 });
    expect(sentTo(VICTIM_PHONE).at(-1)).toMatchObject({ channel: 'SMS', text: expect.stringContaining('thay đổi thông tin liên hệ') });
    expect(sentTo(THIEF_PHONE).length).toBe(thiefInboxBefore);
    const victimsCode = codeSentTo(desk.inbox, VICTIM_PHONE);
    const guess = victimsCode === '000000' ? '000001' : '000000';
    expect((await desk.identity.exec(VERIFY_OTP, { p: 'CHANGE_CONTACT', c: guess }, stolen)).data?.verifyOtp).toEqual({ ok: false, reason: 'WRONG_CODE', attemptsLeft: 4, confirmation: null });

    // The thief's own CHANGE_CONTACT confirmation is the thief's: not for the victim's account.
    const thiefs = await confirmWithOtp(desk.identity, desk.inbox, citizenPrincipal(THIEF), 'CHANGE_CONTACT');
    expect(inputErrorsOf(await change(VICTIM, redirect, thiefs, stolen))).toEqual([{ field: 'confirmation', reason: 'NOT_YOURS', message: expect.any(String) }]);
    expect(codesOf((await change(VICTIM, redirect, thiefs, citizenPrincipal(THIEF))).errors)).toEqual(['FORBIDDEN']);

    // Rewriting a confirmation's claims breaks its signature.
    const [header, payload, signature] = thiefs.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, sub: VICTIM })).toString('base64url'), signature].join('.');
    expect(inputErrorsOf(await change(VICTIM, redirect, forged, stolen))).toEqual([{ field: 'confirmation', reason: 'INVALID', message: expect.stringContaining('signature does not hold') }]);

    expect(await stored(VICTIM)).toEqual(before);
    expect(sentTo(THIEF_PHONE).filter((m) => m.subject.startsWith('Thay đổi'))).toEqual([]);
    const audit = await auditOf(VICTIM);
    expect(audit.filter((e) => e.action === 'CONTACT_CHANGE').map((e) => e.outcome)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'FORBIDDEN', 'BAD_USER_INPUT']);
    expect(audit.find((e) => e.action === 'OTP_REQUEST' && e.detail?.startsWith('purpose CHANGE_CONTACT'))).toMatchObject({ outcome: 'OK', detail: expect.stringContaining('SMS to 09***01') });
  });
});

describe('the holder changes their contact with a code sent to the old one (R-ID-3, R-ID-4, R-Q-2)', () => {
  const HOLDER = '001190020003';
  const OLD_PHONE = '0912000003';
  const NEW_PHONE = '0933000088';
  const holder = citizenPrincipal(HOLDER);

  test('the change is made once; the old and new phones are told; the next 24 hours allow 3 OTPs; the audit log has every step with contacts masked', async () => {
    await desk.account(HOLDER, { phone: OLD_PHONE, notifyBy: 'SMS' });
    const confirmation = await confirmWithOtp(desk.identity, desk.inbox, holder, 'CHANGE_CONTACT');
    expect(desk.inbox.sent.at(-1)).toMatchObject({ to: OLD_PHONE, subject: 'Mã OTP BHXH' });

    const done = await change(HOLDER, { phone: NEW_PHONE }, confirmation);
    expect(done.data?.changeAccountContact).toEqual({ phone: NEW_PHONE, email: null, notifyBy: 'SMS' });
    expect(await stored(HOLDER)).toEqual({ phone: NEW_PHONE, email: null, notifyBy: 'SMS' });
    expect(sentTo(OLD_PHONE).at(-1)).toMatchObject({
      subject: 'Thay đổi thông tin liên hệ tài khoản BHXH',
      text: expect.stringMatching(/số điện thoại 09\*\*\*03 → 09\*\*\*88\. Nếu không phải bạn thực hiện/),
    });
    expect(sentTo(NEW_PHONE).at(-1)).toMatchObject({ subject: 'Thay đổi thông tin liên hệ tài khoản BHXH', text: expect.stringContaining('vừa được đăng ký nhận thông báo') });

    // Once only: the same confirmation again is CONFLICT, and changes nothing.
    const again = await change(HOLDER, { phone: OLD_PHONE }, confirmation);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('already used') });
    expect((await stored(HOLDER)).phone).toBe(NEW_PHONE);

    // The next 24 hours: 3 codes, then RATE_LIMITED, whoever asks (the hourly limit allows 5).
    expect(await desk.identity.deps.redis.ttl(contactChangedKey(HOLDER))).toBeGreaterThan(86_390);
    const asks = [];
    for (let i = 0; i < 4; i++) asks.push(await desk.identity.exec(REQUEST_OTP, { p: `SUBMIT_DOSSIER:after-${i}` }, holder));
    expect(asks.map((a) => codesOf(a.errors)[0] ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    expect(asks[3]!.errors?.[0]?.message).toContain('at most 3 in the 24 hours after');
    expect(asks[0]!.data?.requestOtp).toEqual({ sentTo: '09***88', expiresInSeconds: 300 });
    expect(desk.inbox.sent.filter((m) => m.subject === 'Mã OTP BHXH').at(-1)!.to).toBe(NEW_PHONE);
    // A day on (the mark's 24 hours run out; the hourly window too): the usual limit again.
    await desk.identity.deps.redis.pexpire(contactChangedKey(HOLDER), 1);
    await desk.identity.deps.redis.del(`ratelimit:otp-requests:${HOLDER}`);
    await new Promise((r) => setTimeout(r, 20));
    expect(codesOf((await desk.identity.exec(REQUEST_OTP, { p: 'SUBMIT_DOSSIER:next-day' }, holder)).errors)).toEqual([]);

    const audit = await auditOf(HOLDER);
    expect(audit.map((e) => [e.action, e.outcome])).toEqual([
      ['OTP_REQUEST', 'OK'], ['OTP_VERIFY', 'OK'],
      ['CONTACT_CHANGE', 'OK'], ['CONTACT_CHANGE_NOTICE', 'OK'], ['CONTACT_CHANGE_NOTICE', 'OK'],
      ['CONTACT_CHANGE', 'CONFLICT'],
      ['OTP_REQUEST', 'OK'], ['OTP_REQUEST', 'OK'], ['OTP_REQUEST', 'OK'], ['OTP_REQUEST', 'RATE_LIMITED'], ['OTP_REQUEST', 'OK'],
    ]);
    expect(audit[2]!.detail).toMatch(/^phone 09\*\*\*03, e-mail -, notify by SMS → phone 09\*\*\*88, e-mail -, notify by SMS; by the holder, confirmed by SMS otp [0-9a-f-]{36}$/);
    expect(audit.slice(3, 5).map((e) => e.detail)).toEqual(['old contact: SMS to 09***03', 'new contact: SMS to 09***88']);
    expect(audit[2]!.actor).toEqual({ client: 'citizen', subject: holder.subject, agencyCode: null, providerId: null });
    const text = JSON.stringify(audit);
    for (const clear of [HOLDER, OLD_PHONE, NEW_PHONE]) expect(text).not.toContain(clear);
  });

  test('an officer with account:manage changes it at the desk without a confirmation; the old e-mail is told and it is audited the same', async () => {
    const AT_DESK = '001190020004';
    await desk.account(AT_DESK, { phone: null, email: 'cu@example.vn', notifyBy: 'EMAIL' });
    const withOne = await change(AT_DESK, { email: 'moi@example.vn' }, 'anything', principals.officer);
    expect(inputErrorsOf(withOne)).toEqual([{ field: 'confirmation', message: expect.stringContaining('officers change contact details at the desk') }]);
    const done = await change(AT_DESK, { email: 'moi@example.vn' }, null, principals.officer);
    expect(done.data?.changeAccountContact).toEqual({ phone: null, email: 'moi@example.vn', notifyBy: 'EMAIL' });
    expect(sentTo('cu@example.vn').at(-1)).toMatchObject({ channel: 'EMAIL', text: expect.stringContaining('thư điện tử cu***vn → mo***vn') });
    expect(sentTo('moi@example.vn')).toHaveLength(1);
    const audit = await auditOf(AT_DESK);
    expect(audit.map((e) => [e.action, e.outcome, e.actor.subject])).toEqual([
      ['CONTACT_CHANGE', 'BAD_USER_INPUT', 'officer-hn'],
      ['CONTACT_CHANGE', 'OK', 'officer-hn'], ['CONTACT_CHANGE_NOTICE', 'OK', 'officer-hn'], ['CONTACT_CHANGE_NOTICE', 'OK', 'officer-hn'],
    ]);
    expect(audit[1]!.detail).toMatch(/at the desk$/);
    expect(await desk.identity.deps.redis.exists(contactChangedKey(AT_DESK))).toBe(1);
  });

  test('when the old contact cannot be told, nothing changes and the same confirmation works once it can', async () => {
    const UNTOLD = '001190020005';
    await desk.account(UNTOLD, { phone: '0912000005', notifyBy: 'SMS' });
    const confirmation = await confirmWithOtp(desk.identity, desk.inbox, citizenPrincipal(UNTOLD), 'CHANGE_CONTACT');
    desk.inbox.knobs.down = true;
    try {
      expect(codesOf((await change(UNTOLD, { phone: '0933000005' }, confirmation)).errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      desk.inbox.knobs.down = false;
    }
    expect(await stored(UNTOLD)).toEqual({ phone: '0912000005', email: null, notifyBy: 'SMS' });
    expect(await desk.identity.deps.redis.exists(contactChangedKey(UNTOLD))).toBe(0);
    expect((await change(UNTOLD, { phone: '0933000005' }, confirmation)).data?.changeAccountContact).toMatchObject({ phone: '0933000005' });
    expect((await auditOf(UNTOLD)).filter((e) => e.action.startsWith('CONTACT_CHANGE')).map((e) => [e.action, e.outcome])).toEqual([
      ['CONTACT_CHANGE', 'OK'], ['CONTACT_CHANGE_NOTICE', 'UPSTREAM_UNAVAILABLE'], ['CONTACT_CHANGE', 'UNDONE'],
      ['CONTACT_CHANGE', 'OK'], ['CONTACT_CHANGE_NOTICE', 'OK'], ['CONTACT_CHANGE_NOTICE', 'OK'],
    ]);
  });
});

describe('one-time passwords for a purpose (R-ID-4)', () => {
  const ASKER = '001190020006';
  const asker = citizenPrincipal(ASKER);

  test('a purpose outside SUBMIT_DOSSIER:<draft id> and CHANGE_CONTACT is refused, naming the allowed forms', async () => {
    await desk.account(ASKER);
    for (const purpose of ['H26.2026.000123', 'SUBMIT_DOSSIER:', `SUBMIT_DOSSIER:${'x'.repeat(65)}`, 'SUBMIT_DOSSIER:a b', 'change_contact']) {
      const res = await desk.identity.exec(REQUEST_OTP, { p: purpose }, asker);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('SUBMIT_DOSSIER:<draft id>') });
    }
    expect(codesOf((await desk.identity.exec(VERIFY_OTP, { p: 'HS-1', c: '123456' }, asker)).errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('each code has an id kept with it; the message names the purpose; verifying answers a signed confirmation of who, what, which code, which channel and when, valid 10 minutes', async () => {
    const purpose = `SUBMIT_DOSSIER:${'A-z_9'.repeat(12)}1234`;
    await desk.identity.exec(REQUEST_OTP, { p: purpose }, asker);
    const stored = await desk.identity.deps.redis.hgetall(`otp:${ASKER}:${purpose}`);
    expect(stored).toMatchObject({ otpId: expect.stringMatching(/^[0-9a-f-]{36}$/), channel: 'SMS', attempts: '0' });
    // A long draft id (a submission's SHA-256 is 64 characters) is named by its first 8 in the SMS.
    expect(desk.inbox.sent.at(-1)!.text).toMatch(/^Mã OTP xác nhận nộp hồ sơ trực tuyến \(bản khai A-z_9A-z…\): \d{6}\. Hiệu lực 5 phút\./);
    const code = codeSentTo(desk.inbox, `09${ASKER.slice(-8)}`);
    const checked = (await desk.identity.exec(VERIFY_OTP, { p: purpose, c: code }, asker)).data?.verifyOtp as { confirmation: string };
    const [header, payload] = checked.confirmation.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, string>);
    expect(header).toEqual({ alg: 'EdDSA', kid: expect.stringMatching(/^confirmation-/), typ: 'vss-confirmation+jws' });
    expect(payload).toEqual({ sub: ASKER, purpose, otpId: stored.otpId, channel: 'SMS', confirmedAt: expect.any(String), expiresAt: expect.any(String) });
    expect(Date.parse(payload!.expiresAt!) - Date.parse(payload!.confirmedAt!)).toBe(600_000);
    expect(await desk.identity.deps.redis.exists(`otp:${ASKER}:${purpose}`)).toBe(0);
  });
});
