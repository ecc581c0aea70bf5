import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { certificateModel } from '../../subgraphs/identity/models/certificate';
import { checkSignature, registerCertificate } from '../../subgraphs/identity/services/signatures';
import { ORGANIZATIONS } from '../../scripts/seed-data';
import { makeOrganizationCertificate, signCanonical } from '../../scripts/lib/organization-keys';
import { codesOf, principals, subgraphHarness } from '../support/harness';

const makeCertificate = (notBefore: Date, notAfter: Date) => makeOrganizationCertificate('Công ty TNHH Sao Mai', notBefore, notAfter);
const signDetached = (payload: unknown, key: { privateKeyPem: string }) => signCanonical(payload, key.privateKeyPem);

let h: Awaited<ReturnType<typeof subgraphHarness>>;
const year = 365 * 86_400_000;
const valid = makeCertificate(new Date(Date.now() - year), new Date(Date.now() + year));
const submission = { dossier: { procedureCode: '1.002001', unitCode: 'TA0123A', employees: 42 }, note: 'Tờ khai tháng 11' };
const CHECK = `query($u: ID!, $p: String!, $s: String!) { verifyOrganizationSignature(unitCode: $u, payload: $p, signature: $s) { valid reason message } }`;

beforeAll(async () => {
  h = await subgraphHarness(identitySubgraph, { redisDb: 2 });
  await organizationModel(h.deps.db).insertMany(ORGANIZATIONS);
  const res = await h.exec(`mutation($u: ID!, $pem: String!) { registerOrganizationCertificate(unitCode: $u, pem: $pem) { fingerprint validTo } }`, { u: 'TA0123A', pem: valid.pem });
  expect(res.errors).toBeUndefined();
});
afterAll(() => h.close());

describe('organisation signatures (R-ID-4)', () => {
  test('a detached JWS over the canonical payload verifies, whatever the key order and Unicode form', async () => {
    const signature = await signDetached(submission, valid);
    const reordered = JSON.stringify({ note: 'Tờ khai tháng 11'.normalize('NFD'), dossier: { employees: 42, unitCode: 'TA0123A', procedureCode: '1.002001' } });
    const res = await h.exec(CHECK, { u: 'TA0123A', p: reordered, s: signature }, principals.ivanA);
    expect(res.data?.verifyOrganizationSignature).toMatchObject({ valid: true, reason: null });
  });

  test('a tampered payload is rejected with the reason', async () => {
    const signature = await signDetached(submission, valid);
    const tampered = JSON.stringify({ ...submission, dossier: { ...submission.dossier, employees: 43 } });
    expect((await h.exec(CHECK, { u: 'TA0123A', p: tampered, s: signature })).data?.verifyOrganizationSignature).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  test('a signature made with another key is rejected', async () => {
    const other = makeCertificate(new Date(Date.now() - year), new Date(Date.now() + year));
    const signature = await signDetached(submission, other);
    expect((await h.exec(CHECK, { u: 'TA0123A', p: JSON.stringify(submission), s: signature })).data?.verifyOrganizationSignature).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  test('a signature under a certificate that has since expired is rejected as such', async () => {
    const old = makeCertificate(new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    await registerCertificate({ principal: principals.officer, models: { Certificate: certificateModel(h.deps.db), Organization: organizationModel(h.deps.db) } }, { unitCode: 'YN0456B', pem: old.pem }, new Date('2020-06-01T00:00:00Z'));
    const signature = await signDetached(submission, old);
    const result = await checkSignature({ models: { Certificate: certificateModel(h.deps.db) } }, { unitCode: 'YN0456B', payload: JSON.stringify(submission), signature });
    expect(result).toMatchObject({ valid: false, reason: 'CERTIFICATE_EXPIRED', message: expect.stringContaining('2021-01-01') });
  });

  test('no certificate, a malformed signature, an expired or foreign PEM are each refused clearly', async () => {
    const signature = await signDetached(submission, valid);
    const none = await checkSignature({ models: { Certificate: certificateModel(h.deps.db) } }, { unitCode: 'ZZ0000Z', payload: JSON.stringify(submission), signature });
    expect(none).toMatchObject({ valid: false, reason: 'NO_CERTIFICATE' });
    const compact = await checkSignature({ models: { Certificate: certificateModel(h.deps.db) } }, { unitCode: 'TA0123A', payload: JSON.stringify(submission), signature: signature.replace('..', '.eyJ9.') });
    expect(compact).toMatchObject({ valid: false, reason: 'MALFORMED' });
    const register = `mutation($u: ID!, $pem: String!) { registerOrganizationCertificate(unitCode: $u, pem: $pem) { fingerprint } }`;
    const expired = makeCertificate(new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    expect(codesOf((await h.exec(register, { u: 'TA0123A', pem: expired.pem })).errors)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf((await h.exec(register, { u: 'TA0123A', pem: 'not a certificate' })).errors)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf((await h.exec(register, { u: 'TA0123A', pem: valid.pem }, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await h.exec(register, { u: 'TA0123A', pem: valid.pem })).errors)).toEqual(['CONFLICT']);
  });
});
