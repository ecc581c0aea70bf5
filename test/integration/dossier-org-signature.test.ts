import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FlattenedSign } from 'jose';
import { certificateModel } from '../../subgraphs/identity/models/certificate';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { registerCertificate } from '../../subgraphs/identity/services/signatures';
import { httpSignatureVerifier } from '../../subgraphs/dossiers/services/organization-signature';
import { receiveDossier, type ReceiveInput } from '../../subgraphs/dossiers/services/intake';
import { demoOrganizationKey, makeOrganizationCertificate, signSubmission } from '../../scripts/lib/organization-keys';
import type { Principal } from '../../platform/principal';
import { keyStoreOf } from '../../platform/key-store';
import type { ConfirmationRecord } from '../../subgraphs/dossiers/models/confirmation';
import { localTimestamps } from '../../adapters/timestamp/local';
import { principals } from '../support/harness';
import { dossiersWorld, HN, orgInput } from '../support/dossiers';

/**
 * R-ID-4 (352/QĐ-BHXH Art. 17), R-INT-1: an I-VAN provider files for an employer, and the
 * employer confirms the submission with its digital signature. The dossiers subgraph asks the
 * identity subgraph (over HTTP, as in production) before it claims a number; a refusal stores
 * nothing.
 */
let w: Awaited<ReturnType<typeof dossiersWorld>>;
const keysDir = process.env.KEYS_DIR!;
const SAO_MAI = { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' };
const BEN_THANH = { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' };
/** An I-VAN submission for Sao Mai at the Hà Nội agency. */
const ivanInput = (over: Partial<ReceiveInput> = {}): ReceiveInput => orgInput({ channel: undefined, agencyCode: HN, applicant: SAO_MAI, ...over });
const counts = async () => ({ dossiers: await w.models.Dossier.countDocuments(), events: await w.models.DossierEvent.countDocuments() });
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code channel
  confirmation { method by at channel otpId purpose signature payloadSha256 certificateFingerprint certificateSubject } } }`;
const READ = 'query($code: ID!) { dossier(code: $code) { code confirmation { method by signature payloadSha256 certificateFingerprint } } }';

/** Runs the intake and returns its refusal (fails the test when it was accepted). */
async function refusal(input: ReceiveInput, p: Principal = principals.ivanA, ctx: Partial<typeof w.domain> = {}) {
  const call = await w.h.context(p);
  const err = await receiveDossier({ ...w.domain, ...ctx, principal: p, requestId: call.requestId, internalToken: call.internalToken }, input).then(
    (d) => new Error(`accepted as ${d.code}`),
    (e: unknown) => e,
  );
  return err as { message: string; extensions?: { code?: string; serviceName?: string; inputErrors?: { field: string; message: string; reason?: string }[] } };
}

/** Expects a refusal on organizationSignature with `reason`, and nothing stored. */
async function expectSignatureRefused(input: ReceiveInput, reason: string, message: RegExp) {
  const before = await counts();
  const err = await refusal(input);
  expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'organizationSignature', reason, message: expect.stringMatching(message) }] });
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 53 });
});
afterAll(() => w.close());

describe('I-VAN submissions carry the employer\'s digital signature (R-ID-4, R-INT-1)', () => {
  test('R-ID-4: a signed I-VAN submission is stored with its confirmation, on the dossier and its RECEIVE event, readable by whoever reads the dossier', async () => {
    const input = await w.sign(ivanInput());
    const res = await w.h.exec(RECEIVE, { input }, principals.ivanA);
    expect(res.errors).toBeUndefined();
    const d = res.data!.receiveDossier as { code: string; confirmation: Record<string, unknown> };
    const cert = new X509Certificate(demoOrganizationKey(keysDir, SAO_MAI.unitCode).pem);
    const payload = '{"agencyCode":"000.00.01.H26","applicant":{"name":"Công ty TNHH Sao Mai","unitCode":"TA0123A"},'
      + '"components":[{"copies":0,"documentTypeCode":"TK1-TS","name":"Tờ khai tham gia BHXH, BHYT","originals":1}],"procedureCode":"1.002001"}';
    expect(d.confirmation).toEqual({
      method: 'ORGANIZATION_SIGNATURE', by: SAO_MAI.unitCode, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), channel: null, otpId: null, purpose: null,
      signature: input.organizationSignature, payloadSha256: sha256(payload), certificateFingerprint: cert.fingerprint256, certificateSubject: cert.subject,
    });
    const event = await w.models.DossierEvent.findOne({ dossierCode: d.code, seq: 1 }).lean();
    // Dated by the time-stamping authority (issue 19): the token vouches for `at`, over this signature.
    const stamp = await localTimestamps(keyStoreOf({ dir: keysDir })).verify((event!.changes.confirmation as ConfirmationRecord).timestamp!, sha256(input.organizationSignature!));
    expect(stamp.at.toISOString()).toBe(d.confirmation.at);
    expect(event!.changes.confirmation).toMatchObject({ method: 'ORGANIZATION_SIGNATURE', by: SAO_MAI.unitCode, signature: input.organizationSignature, payloadSha256: sha256(payload) });
    const read = { code: d.code, confirmation: { method: 'ORGANIZATION_SIGNATURE', by: SAO_MAI.unitCode, signature: input.organizationSignature, payloadSha256: sha256(payload), certificateFingerprint: cert.fingerprint256 } };
    expect((await w.h.exec(READ, { code: d.code }, principals.ivanA)).data).toEqual({ dossier: read });
    expect((await w.h.exec(READ, { code: d.code }, principals.officer)).data).toEqual({ dossier: read });
    expect((await w.h.exec(READ, { code: d.code }, principals.ivanB)).data).toEqual({ dossier: null });
  });

  test('R-ID-4: a desk intake asks for no signature and has no confirmation', async () => {
    const desk = await w.receive(orgInput());
    expect(desk.confirmation).toBeNull();
    expect((await w.h.exec(READ, { code: desk.code })).data).toEqual({ dossier: { code: desk.code, confirmation: null } });
  });

  test('R-ID-4: a partner following the documented rule by hand (defaults filled, absent fields left out, trimmed, NFC) is accepted', async () => {
    const { privateKeyPem } = demoOrganizationKey(keysDir, SAO_MAI.unitCode);
    const payload = '{"agencyCode":"000.00.01.H26","applicant":{"name":"Công ty TNHH Sao Mai","unitCode":"TA0123A"},'
      + '"components":[{"copies":0,"documentTypeCode":"D02-LT","name":"Danh sách lao động","originals":1}],"procedureCode":"1.002001"}';
    const jws = await new FlattenedSign(Buffer.from(payload, 'utf8')).setProtectedHeader({ alg: 'RS256' }).sign(createPrivateKey(privateKeyPem));
    // As sent: no originals or copies, a decomposed (NFD) name with spaces around it, channel null.
    const sent: ReceiveInput = {
      procedureCode: '1.002001', agencyCode: HN, channel: null, applicant: { unitCode: 'TA0123A', personalId: null, name: ` ${SAO_MAI.name.normalize('NFD')} ` },
      components: [{ documentTypeCode: 'D02-LT', name: 'Danh sách lao động' }], organizationSignature: `${jws.protected}..${jws.signature}`,
    };
    const d = await w.receive(sent, principals.ivanA);
    expect(d.confirmation).toMatchObject({ method: 'ORGANIZATION_SIGNATURE', payloadSha256: sha256(payload) });
  });

  test('R-ID-4: an unsigned I-VAN submission is refused with reason MISSING, and nothing is stored', async () => {
    await expectSignatureRefused(ivanInput(), 'MISSING', /employer's signature/);
  });

  test("R-ID-4: a submission signed with another organisation's key is refused (SIGNATURE_INVALID), and nothing is stored", async () => {
    const signed = { ...ivanInput(), organizationSignature: await signSubmission(ivanInput(), demoOrganizationKey(keysDir, BEN_THANH.unitCode).privateKeyPem) };
    await expectSignatureRefused(signed, 'SIGNATURE_INVALID', /does not match this payload/);
  });

  test('R-ID-4: a submission changed after it was signed is refused (SIGNATURE_INVALID), and nothing is stored', async () => {
    const signed = await w.sign(ivanInput());
    await expectSignatureRefused({ ...signed, components: [{ ...signed.components[0]!, copies: 2 }] }, 'SIGNATURE_INVALID', /does not match this payload/);
    await expectSignatureRefused({ ...signed, agencyCode: '000.00.01.H29' }, 'SIGNATURE_INVALID', /does not match this payload/);
  });

  test('R-ID-4: a signature under an expired certificate is refused (CERTIFICATE_EXPIRED), and nothing is stored', async () => {
    const expired = makeOrganizationCertificate(BEN_THANH.name, new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    await registerCertificate(
      { principal: principals.officer, models: { Certificate: certificateModel(w.identityDb), Organization: organizationModel(w.identityDb) } },
      { unitCode: BEN_THANH.unitCode, pem: expired.pem }, new Date('2020-06-01T00:00:00Z'),
    );
    const input = ivanInput({ applicant: BEN_THANH });
    await expectSignatureRefused({ ...input, organizationSignature: await signSubmission(input, expired.privateKeyPem) }, 'CERTIFICATE_EXPIRED', /valid until 2021-01-01/);
  });

  test('R-ID-4: an organisation with no certificate, and a signature that is no detached JWS, are refused with their reasons', async () => {
    await organizationModel(w.identityDb).create({ unitCode: 'HN0001K', name: 'Công ty TNHH Chưa Đăng Ký', taxCode: '0101234565001' });
    const unregistered = ivanInput({ applicant: { unitCode: 'HN0001K', name: 'Công ty TNHH Chưa Đăng Ký' } });
    const own = makeOrganizationCertificate('Cong ty TNHH Chua Dang Ky');
    await expectSignatureRefused({ ...unregistered, organizationSignature: await signSubmission(unregistered, own.privateKeyPem) }, 'NO_CERTIFICATE', /no registered certificate/);
    await expectSignatureRefused({ ...ivanInput(), organizationSignature: 'not-a-jws' }, 'MALFORMED', /detached compact JWS/);
  });

  test('R-ID-4, R-INT-1: an I-VAN provider files for employers only; other clients may not send a signature', async () => {
    const before = await counts();
    const forCitizen = await refusal({ ...ivanInput({ applicant: { personalId: '001090012345', name: 'Nguyễn Thị Lan' } }), organizationSignature: 'x..y' });
    expect(forCitizen.extensions?.inputErrors).toEqual([{ field: 'applicant.unitCode', message: expect.stringContaining('file for employers') }]);
    const fromOfficer = await refusal(await w.sign(orgInput()), principals.officer);
    expect(fromOfficer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'organizationSignature', message: expect.stringContaining('only I-VAN providers') }] });
    expect(await counts()).toEqual(before);
  });

  test('R-ID-4: the signature is checked after the input and before the procedure, and a refused one claims no number', async () => {
    const first = await w.receive(await w.sign(ivanInput()), principals.ivanA);
    // A bad signature on a submission for a procedure that does not exist: the signature is what is refused.
    const unknown = { ...ivanInput({ procedureCode: '1.009999' }), organizationSignature: (await w.sign(ivanInput())).organizationSignature };
    expect((await refusal(unknown)).extensions?.inputErrors).toEqual([expect.objectContaining({ field: 'organizationSignature', reason: 'SIGNATURE_INVALID' })]);
    // Bad input is refused before anyone is asked: the identity subgraph being unreachable does not matter then.
    const unreachable = { signatures: httpSignatureVerifier('http://127.0.0.1:1/graphql', 500) };
    expect((await refusal({ ...(await w.sign(ivanInput())), components: [] }, principals.ivanA, unreachable)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'components' }] });
    const next = await w.receive(await w.sign(ivanInput()), principals.ivanA);
    const number = (code: string) => Number(code.slice(-4));
    expect(number(next.code)).toBe(number(first.code) + 1);
  });

  describe('with the identity subgraph unreachable or slow', () => {
    let silent: Server;
    let silentUrl: string;
    beforeAll(async () => {
      // Accepts the request and never answers.
      silent = createServer(() => undefined);
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    });
    afterAll(() => {
      silent.closeAllConnections();
      silent.close();
    });

    test('R-ID-4: identity down or too slow is UPSTREAM_UNAVAILABLE naming identity, and nothing is stored', async () => {
      const before = await counts();
      const input = await w.sign(ivanInput());
      const down = await refusal(input, principals.ivanA, { signatures: httpSignatureVerifier('http://127.0.0.1:1/graphql', 500) });
      expect(down).toMatchObject({ message: expect.stringMatching(/cannot check the signature of organisation TA0123A right now \(unreachable\); nothing was stored/), extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'identity' } });
      const started = Date.now();
      const slow = await refusal(input, principals.ivanA, { signatures: httpSignatureVerifier(silentUrl, 300) });
      expect(slow).toMatchObject({ message: expect.stringContaining('(timed out)'), extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'identity' } });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await counts()).toEqual(before);
    });
  });
});
