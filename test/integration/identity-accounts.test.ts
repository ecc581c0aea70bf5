import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { accountModel } from '../../subgraphs/identity/models/account';
import { npspClient } from '../../adapters/npsp/client';
import { startNpspSimulator } from '../../adapters/npsp/simulator';
import { startNotifySimulator } from '../../adapters/notify/simulator';
import { codesOf, principals, subgraphHarness } from '../support/harness';
import { confirmWithOtp } from '../support/otp';
import { contactChangedKey } from '../../subgraphs/identity/services/otp';

const LAN = '001190012345';
const HAS_NATIONAL_ACCOUNT = '079085001234';
let npsp: Awaited<ReturnType<typeof startNpspSimulator>>;
let notify: Awaited<ReturnType<typeof startNotifySimulator>>;
let h: Awaited<ReturnType<typeof subgraphHarness>>;
const lan = { client: 'citizen' as const, subject: 'lan', scopes: ['dossier:read'], personalId: LAN };

const REGISTER = `mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { username kind fullName phone notifyBy } }`;
const SIGN_IN = `mutation($u: ID!, $p: String!) { signInAccount(username: $u, password: $p) { ok lockedUntil message } }`;
const passwordIn = (text: string) => /Mật khẩu khởi tạo: (\S+)\./.exec(text)![1]!;

beforeAll(async () => {
  npsp = await startNpspSimulator({ username: 'vss', password: 'secret', accounts: [HAS_NATIONAL_ACCOUNT] });
  notify = await startNotifySimulator();
  h = await subgraphHarness(identitySubgraph, {
    redisDb: 9,
    env: { NPSP_URL: npsp.url, NPSP_USERNAME: 'vss', NPSP_PASSWORD: 'secret', NOTIFY_URL: notify.url, OTP_SECRET: 'test-otp-secret' },
  });
  await h.deps.redis.flushdb();
});
afterAll(async () => {
  await h.close();
  await npsp.stop();
  await notify.stop();
});

describe('national portal account check, client against its simulator', () => {
  test('answers per citizen, logs in again when the session expired, and reports errors as UPSTREAM_UNAVAILABLE', async () => {
    const client = npspClient({ baseUrl: npsp.url, username: 'vss', password: 'secret' });
    await expect(client.hasAccount(HAS_NATIONAL_ACCOUNT)).resolves.toBe(true);
    npsp.knobs.expireSessions = true;
    await expect(client.hasAccount(LAN)).resolves.toBe(false);
    await expect(npspClient({ baseUrl: npsp.url, username: 'vss', password: 'wrong' }).hasAccount(LAN)).rejects.toMatchObject({ system: 'npsp', kind: 'refused' });
    npsp.knobs.down = true;
    await expect(client.hasAccount(LAN)).rejects.toMatchObject({ system: 'npsp', kind: 'unavailable' });
    npsp.knobs.down = false;
  });
});

describe('accounts (R-ID-3)', () => {
  test('registering sends the initial credentials, keeps only a hash, and the password then signs in', async () => {
    const res = await h.exec(REGISTER, { i: { kind: 'CITIZEN', personalId: LAN, fullName: 'Nguyễn Thị Lan', phone: '0912345678', notifyBy: 'SMS' } });
    expect(res.data?.registerAccount).toEqual({ username: LAN, kind: 'CITIZEN', fullName: 'Nguyễn Thị Lan', phone: '0912345678', notifyBy: 'SMS' });
    const message = notify.sent.at(-1)!;
    expect(message).toMatchObject({ channel: 'SMS', to: '0912345678' });
    const password = passwordIn(message.text);
    const stored = await accountModel(h.deps.db).findOne({ username: LAN }).lean();
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(password);
    expect((await h.exec(SIGN_IN, { u: LAN, p: password }, principals.anonymous)).data?.signInAccount).toMatchObject({ ok: true });
  });

  test('a citizen who already has a national-portal account gets CONFLICT, and nothing is stored or sent', async () => {
    const sent = notify.sent.length;
    const res = await h.exec(REGISTER, { i: { kind: 'CITIZEN', personalId: HAS_NATIONAL_ACCOUNT, fullName: 'Trần Văn Minh', email: 'minh@example.vn', notifyBy: 'EMAIL' } });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('national-portal account') });
    expect(await accountModel(h.deps.db).exists({ username: HAS_NATIONAL_ACCOUNT })).toBeNull();
    expect(notify.sent.length).toBe(sent);
  });

  test('when the credentials cannot be sent, the account is not kept', async () => {
    notify.knobs.down = true;
    try {
      const res = await h.exec(REGISTER, { i: { kind: 'ORGANIZATION', unitCode: 'TA0123A', fullName: 'Công ty TNHH Sao Mai', email: 'ketoan@saomai.vn', notifyBy: 'EMAIL' } });
      expect(codesOf(res.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      notify.knobs.down = false;
    }
    expect(await accountModel(h.deps.db).exists({ username: 'TA0123A' })).toBeNull();
  });

  test('bad input is named field by field; strangers may not register or change accounts; the holder changes theirs with a CHANGE_CONTACT confirmation (R-ID-3)', async () => {
    const bad = await h.exec(REGISTER, { i: { kind: 'CITIZEN', personalId: '12', fullName: 'X', phone: '12345', notifyBy: 'EMAIL' } });
    expect((bad.errors?.[0]?.extensions?.inputErrors as { field: string }[]).map((e) => e.field)).toEqual(['personalId', 'phone', 'email']);
    expect(codesOf((await h.exec(REGISTER, { i: { kind: 'CITIZEN', personalId: LAN, fullName: 'X', phone: '0912345678', notifyBy: 'SMS' } }, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
    const change = `mutation($u: ID!, $c: AccountContactInput!) { changeAccountContact(username: $u, contact: $c) { phone email notifyBy } }`;
    expect(codesOf((await h.exec(change, { u: LAN, c: { phone: '0987654321' } }, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
    const confirmed = `mutation($u: ID!, $c: AccountContactInput!, $k: String) { changeAccountContact(username: $u, contact: $c, confirmation: $k) { phone email notifyBy } }`;
    const confirmation = await confirmWithOtp(h, notify, lan, 'CHANGE_CONTACT');
    expect((await h.exec(confirmed, { u: LAN, c: { phone: '0987654321' }, k: confirmation }, lan)).data?.changeAccountContact).toEqual({ phone: '0987654321', email: null, notifyBy: 'SMS' });
  });

  test('five failed sign-ins lock the account; the right password is refused while locked', async () => {
    await h.exec(REGISTER, { i: { kind: 'ORGANIZATION', unitCode: 'YN0456B', fullName: 'Công ty Cổ phần Bến Thành', email: 'ketoan@benthanh.vn', notifyBy: 'EMAIL' } });
    const password = passwordIn(notify.sent.at(-1)!.text);
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await h.exec(SIGN_IN, { u: 'YN0456B', p: 'wrong' })).data?.signInAccount as { ok: boolean; lockedUntil: string | null });
    expect(results.map((r) => [r.ok, r.lockedUntil !== null])).toEqual([[false, false], [false, false], [false, false], [false, false], [false, true]]);
    expect((await h.exec(SIGN_IN, { u: 'YN0456B', p: password })).data?.signInAccount).toMatchObject({ ok: false, lockedUntil: expect.any(String) });
  });
});

describe('one-time passwords (R-ID-4)', () => {
  // These are about the codes and the hourly limit; the tighter one after Lan's contact change is account-safety.test.ts's.
  beforeAll(() => h.deps.redis.del(contactChangedKey(LAN)));
  const REQUEST = `mutation($p: String!) { requestOtp(purpose: $p) { sentTo expiresInSeconds } }`;
  const VERIFY = `mutation($p: String!, $c: String!) { verifyOtp(purpose: $p, code: $c) { ok reason attemptsLeft } }`;
  const lastCode = () => /: (\d{6})\./.exec(notify.sent.at(-1)!.text)![1]!;
  const verify = async (purpose: string, code: string) => (await h.exec(VERIFY, { p: purpose, c: code }, lan)).data?.verifyOtp;

  test('6 digits sent to the account, stored hashed for 5 minutes, used once', async () => {
    const sent = await h.exec(REQUEST, { p: 'SUBMIT_DOSSIER:HS-1' }, lan);
    expect(sent.data?.requestOtp).toEqual({ sentTo: '09***21', expiresInSeconds: 300 });
    const code = lastCode();
    const stored = await h.deps.redis.hgetall(`otp:${LAN}:SUBMIT_DOSSIER:HS-1`);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await h.deps.redis.ttl(`otp:${LAN}:SUBMIT_DOSSIER:HS-1`)).toBeGreaterThan(290);
    expect(await verify('SUBMIT_DOSSIER:HS-1', code === '000000' ? '000001' : '000000')).toEqual({ ok: false, reason: 'WRONG_CODE', attemptsLeft: 4 });
    expect(await verify('SUBMIT_DOSSIER:HS-1', code)).toEqual({ ok: true, reason: null, attemptsLeft: null });
    expect(await verify('SUBMIT_DOSSIER:HS-1', code)).toEqual({ ok: false, reason: 'EXPIRED_OR_UNKNOWN', attemptsLeft: 0 });
  });

  test('after 5 wrong tries the code is gone, even the right one', async () => {
    await h.exec(REQUEST, { p: 'SUBMIT_DOSSIER:HS-2' }, lan);
    const code = lastCode();
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) await verify('SUBMIT_DOSSIER:HS-2', wrong);
    expect(await verify('SUBMIT_DOSSIER:HS-2', code)).toMatchObject({ ok: false, reason: 'TOO_MANY_ATTEMPTS' });
  });

  test('an expired code is refused', async () => {
    await h.exec(REQUEST, { p: 'SUBMIT_DOSSIER:HS-3' }, lan);
    const code = lastCode();
    await h.deps.redis.pexpire(`otp:${LAN}:SUBMIT_DOSSIER:HS-3`, 50); // the 5 minutes, shortened
    await new Promise((r) => setTimeout(r, 120));
    expect(await verify('SUBMIT_DOSSIER:HS-3', code)).toMatchObject({ ok: false, reason: 'EXPIRED_OR_UNKNOWN' });
  });

  test('at most 5 requests per person per hour; only citizens ask for themselves', async () => {
    await h.deps.redis.del(`ratelimit:otp-requests:${LAN}`);
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push(codesOf((await h.exec(REQUEST, { p: `SUBMIT_DOSSIER:HS-cap-${i}` }, lan)).errors)[0] ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);
    expect(codesOf((await h.exec(REQUEST, { p: 'SUBMIT_DOSSIER:HS-x' }, principals.officer)).errors)).toEqual(['FORBIDDEN']);
  });
});

describe('sign-in under a burst (R-ID-3)', () => {
  test('however many guesses arrive at once, at most 5 passwords are checked before the lock', async () => {
    const REG = `mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { username } }`;
    await h.exec(REG, { i: { kind: 'CITIZEN', personalId: '001090012345', fullName: 'Lê Văn An', email: 'an@example.vn', notifyBy: 'EMAIL' } });
    const password = /Mật khẩu khởi tạo: (\S+)\./.exec(notify.sent.at(-1)!.text)![1]!;
    const SIGN = `mutation($u: ID!, $p: String!) { signInAccount(username: $u, password: $p) { ok message } }`;
    const results = await Promise.all(
      Array.from({ length: 15 }, async (_, i) => (await h.exec(SIGN, { u: '001090012345', p: `wrong-${i}` }, { ...principals.dashboard, subject: `burst-${i}` })).data?.signInAccount as { message: string }),
    );
    const checked = results.filter((r) => r.message.startsWith('wrong user name or password')).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.length - checked).toBeGreaterThanOrEqual(10); // refused as locked, unchecked
    // And now even the right password is refused until the lock ends.
    expect((await h.exec(SIGN, { u: '001090012345', p: password }, principals.dashboard)).data?.signInAccount).toMatchObject({ ok: false });
    expect(await h.deps.redis.ttl('account:locked:001090012345')).toBeGreaterThan(0);
  });
});
