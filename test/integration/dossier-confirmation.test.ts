import { submissionPurpose } from '../../platform/confirmations';
import { receiveDossier, type ReceiveInput } from '../../subgraphs/dossiers/services/intake';
import type { DossierRepository } from '../../subgraphs/dossiers/repositories/dossiers';
import { dossiersWorld, HN, orgInput } from '../support/dossiers';
import { citizenPrincipal } from '../support/otp';

/**
 * Issue 19, point 2 (R-ID-4; 352/QĐ-BHXH Art. 17): a citizen confirms an online submission with
 * a one-time password; the confirmation is checked, consumed once, and stored with the dossier
 * and its RECEIVE event. The dossiers subgraph (with procedures over HTTP) and the identity
 * subgraph with the notify simulator, on the real FerretDB and Redis.
 */
let w: Awaited<ReturnType<typeof dossiersWorld>>;
beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 72 });
});
afterAll(() => w.close());

// A citizen per test: each may ask for at most 5 one-time passwords an hour.
const AN = citizenPrincipal('001090030001');
const BINH = citizenPrincipal('001190030002');
const CHI = citizenPrincipal('001190030003');
const DUNG = citizenPrincipal('001090030004');
const EM = citizenPrincipal('001190030005');
const GIANG = citizenPrincipal('001090030006');
const online = (citizen: typeof AN, confirmation?: string): ReceiveInput =>
  orgInput({ channel: undefined, agencyCode: HN, applicant: { personalId: citizen.personalId!, name: 'Nguyễn Văn An' }, confirmation });
/** The citizen's confirmation of their usual online submission (`online(citizen)`). */
const confirmOnline = (citizen: typeof AN) => w.confirm(citizen, online(citizen));
const stored = async () => ({ dossiers: await w.models.Dossier.countDocuments(), events: await w.models.DossierEvent.countDocuments() });
const refusalOf = (err: unknown) => (err as { extensions: { code: string; inputErrors?: { field: string; reason?: string; message: string }[] } }).extensions;

const RECEIVE = `mutation($i: ReceiveDossierInput!) { receiveDossier(input: $i) { code channel confirmation { method by channel otpId purpose } } }`;
const READ = `query($c: ID!) { dossier(code: $c) { code confirmation { method by at channel otpId purpose signature certificateFingerprint } } }`;

describe('a citizen confirms an online submission with a one-time password (R-ID-4)', () => {
  test('without a confirmation the submission is refused, naming the requestOtp and verifyOtp steps, and nothing is stored', async () => {
    const before = await stored();
    const err = await w.receive(online(AN), AN).catch((e: unknown) => e);
    // It names the very purpose to ask for: the SHA-256 of this submission.
    expect(refusalOf(err)).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'confirmation', reason: 'MISSING', message: expect.stringMatching(new RegExp(`requestOtp\\(purpose: "${submissionPurpose(online(AN))}"\\).*verifyOtp`)) }] });
    expect(await stored()).toEqual(before);
  });

  test('with one it is stored, and the dossier, its RECEIVE event and GraphQL show how it was confirmed: OTP, who, channel, OTP id, purpose', async () => {
    const submission = { ...online(AN), components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] };
    const purpose = submissionPurpose(submission);
    expect(purpose).toMatch(/^SUBMIT_DOSSIER:[0-9a-f]{64}$/);
    const confirmation = await w.confirm(AN, submission);
    const res = await w.h.exec(RECEIVE, { i: { ...submission, confirmation } }, AN);
    expect(res.errors).toBeUndefined();
    const received = res.data?.receiveDossier as { code: string; confirmation: { otpId: string } };
    expect(received).toEqual({ code: expect.any(String), channel: 'ONLINE', confirmation: { method: 'OTP', by: AN.personalId, channel: 'SMS', otpId: expect.stringMatching(/^[0-9a-f-]{36}$/), purpose } });
    const read = await w.h.exec(READ, { c: received.code }, AN);
    expect(read.data?.dossier).toEqual({
      code: received.code,
      confirmation: { method: 'OTP', by: AN.personalId, at: expect.any(String), channel: 'SMS', otpId: received.confirmation.otpId, purpose, signature: null, certificateFingerprint: null },
    });
    const event = (await w.models.DossierEvent.findOne({ dossierCode: received.code, seq: 1 }).lean().exec())!;
    expect(event.changes.confirmation).toMatchObject({ method: 'OTP', by: AN.personalId, otpId: received.confirmation.otpId });
    // Desk, post and portal intakes need none, and may not send one.
    expect((await w.receive(orgInput())).confirmation).toBeNull();
    await expect(w.receive(orgInput({ confirmation }))).rejects.toMatchObject({ extensions: { inputErrors: [{ field: 'confirmation', message: expect.stringContaining('only citizens filing online') }] } });
  });
});

describe('an OTP confirms only its purpose, and only once (R-ID-4)', () => {
  test('a confirmation binds the content: the same citizen\'s confirmation of one submission cannot file another, nor one changed after it was confirmed', async () => {
    const confirmation = await confirmOnline(BINH);
    const before = await stored();
    const changed = await w.receive({ ...online(BINH, confirmation), components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai', copies: 2 }] }, BINH).catch((e: unknown) => e);
    expect(refusalOf(changed).inputErrors).toEqual([{ field: 'confirmation', reason: 'WRONG_PURPOSE', message: expect.stringContaining('the submission changed after it was confirmed, or the confirmation is for another') }]);
    const someDraft = await w.receive(online(BINH, await w.confirm(BINH)), BINH).catch((e: unknown) => e);
    expect(refusalOf(someDraft).inputErrors).toMatchObject([{ field: 'confirmation', reason: 'WRONG_PURPOSE' }]);
    expect(await stored()).toEqual(before);
    // Neither refusal used it up: the submission it confirmed goes through.
    expect((await w.receive(online(BINH, confirmation), BINH)).confirmation).toMatchObject({ purpose: submissionPurpose(online(BINH)) });
  });

  test('a CHANGE_CONTACT confirmation cannot submit a dossier', async () => {
    const before = await stored();
    const err = await w.receive(online(CHI, await w.confirm(CHI, 'CHANGE_CONTACT')), CHI).catch((e: unknown) => e);
    expect(refusalOf(err).inputErrors).toEqual([{ field: 'confirmation', reason: 'WRONG_PURPOSE', message: expect.stringContaining('is for CHANGE_CONTACT; this action needs one for SUBMIT_DOSSIER:<draft id>') }]);
    expect(await stored()).toEqual(before);
  });

  test('a SUBMIT_DOSSIER confirmation submits once: a second use, or three more at once, are CONFLICT and store nothing', async () => {
    const confirmation = await confirmOnline(DUNG);
    const first = await w.receive(online(DUNG, confirmation), DUNG);
    const after = await stored();
    const again = await w.receive(online(DUNG, confirmation), DUNG).catch((e: unknown) => e);
    expect(refusalOf(again).code).toBe('CONFLICT');
    expect((again as Error).message).toContain('already used');
    expect(await stored()).toEqual(after);

    const fresh = await confirmOnline(DUNG);
    const racing = await Promise.allSettled([1, 2, 3].map(() => w.receive(online(DUNG, fresh), DUNG)));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(racing.flatMap((r) => (r.status === 'rejected' ? [refusalOf(r.reason).code] : []))).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await stored()).toEqual({ dossiers: after.dossiers + 1, events: after.events + 1 });
    expect(first.confirmation).toMatchObject({ method: 'OTP', by: DUNG.personalId });
  });

  test("an expired confirmation, or another citizen's, is refused and stores nothing", async () => {
    const before = await stored();
    const ems = await confirmOnline(EM);
    const elevenMinutesOn = new Date(Date.now() + 11 * 60_000);
    const expired = await w.receive(online(EM, ems), EM, elevenMinutesOn).catch((e: unknown) => e);
    expect(refusalOf(expired).inputErrors).toEqual([{ field: 'confirmation', reason: 'EXPIRED', message: expect.stringContaining('10 minutes after the one-time password was verified') }]);
    const notBinhs = await w.receive(online(BINH, ems), BINH).catch((e: unknown) => e);
    expect(refusalOf(notBinhs).inputErrors).toEqual([{ field: 'confirmation', reason: 'NOT_YOURS', message: expect.any(String) }]);
    expect(await stored()).toEqual(before);
    // Neither refusal used it up: within its 10 minutes it still confirms Em's own submission.
    expect((await w.receive(online(EM, ems), EM)).confirmation).toMatchObject({ by: EM.personalId });
  });

  test('an intake that stores nothing leaves the confirmation usable: a procedure not published (refused before it is consumed), a failed number claim (given back)', async () => {
    const submission = { ...online(GIANG), procedureCode: '1.002005' };
    const confirmation = await w.confirm(GIANG, submission);
    const before = await stored();
    await expect(w.receive({ ...submission, confirmation }, GIANG)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', inputErrors: [{ field: 'procedureCode', message: expect.stringContaining('1.002005') }] } });
    await w.catalogue.publish('1.002005');
    const failing = Object.assign(Object.create(w.domain.dossiers) as DossierRepository, {
      claimNumber: () => Promise.reject(new Error('the database went away')),
    });
    const call = { internalToken: (await w.h.context(GIANG)).internalToken, requestId: 'claim-fails' };
    await expect(receiveDossier({ ...w.domain, dossiers: failing, principal: GIANG, ...call }, { ...submission, confirmation })).rejects.toThrow('the database went away');
    expect(await stored()).toEqual(before);
    const d = await w.receive({ ...submission, confirmation }, GIANG);
    expect(d.confirmation).toMatchObject({ method: 'OTP', by: GIANG.personalId });
  });
});
