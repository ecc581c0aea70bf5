import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { FlattenedSign } from 'jose';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { certificateModel } from '../../subgraphs/identity/models/certificate';
import { canonicalJson, checkSignature, registerCertificate } from '../../subgraphs/identity/services/signatures';
import { ORGANIZATIONS } from '../../scripts/seed-data';
import { codesOf, principals, subgraphHarness } from '../support/harness';

/** A self-signed RSA certificate valid between the given dates, and its private key. */
function makeCertificate(notBefore: Date, notAfter: Date) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = String(Date.now());
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const name = [{ name: 'commonName', value: 'Cong ty TNHH Sao Mai' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), privateKey };
}

/** A detached JWS (<header>..<signature>) over the canonical form of `payload`. */
async function signDetached(payload: unknown, key: KeyObject): Promise<string> {
  const jws = await new FlattenedSign(Buffer.from(canonicalJson(payload))).setProtectedHeader({ alg: 'RS256' }).sign(key);
  return `${jws.protected}..${jws.signature}`;
}

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
    const signature = await signDetached(submission, valid.privateKey);
    const reordered = JSON.stringify({ note: 'Tờ khai tháng 11'.normalize('NFD'), dossier: { employees: 42, unitCode: 'TA0123A', procedureCode: '1.002001' } });
    const res = await h.exec(CHECK, { u: 'TA0123A', p: reordered, s: signature }, principals.ivanA);
    expect(res.data?.verifyOrganizationSignature).toMatchObject({ valid: true, reason: null });
  });

  test('a tampered payload is rejected with the reason', async () => {
    const signature = await signDetached(submission, valid.privateKey);
    const tampered = JSON.stringify({ ...submission, dossier: { ...submission.dossier, employees: 43 } });
    expect((await h.exec(CHECK, { u: 'TA0123A', p: tampered, s: signature })).data?.verifyOrganizationSignature).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  test('a signature made with another key is rejected', async () => {
    const other = makeCertificate(new Date(Date.now() - year), new Date(Date.now() + year));
    const signature = await signDetached(submission, other.privateKey);
    expect((await h.exec(CHECK, { u: 'TA0123A', p: JSON.stringify(submission), s: signature })).data?.verifyOrganizationSignature).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  test('a signature under a certificate that has since expired is rejected as such', async () => {
    const old = makeCertificate(new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    await registerCertificate({ principal: principals.officer, models: { Certificate: certificateModel(h.deps.db), Organization: organizationModel(h.deps.db) } }, { unitCode: 'YN0456B', pem: old.pem }, new Date('2020-06-01T00:00:00Z'));
    const signature = await signDetached(submission, old.privateKey);
    const result = await checkSignature({ models: { Certificate: certificateModel(h.deps.db) } }, { unitCode: 'YN0456B', payload: JSON.stringify(submission), signature });
    expect(result).toMatchObject({ valid: false, reason: 'CERTIFICATE_EXPIRED', message: expect.stringContaining('2021-01-01') });
  });

  test('no certificate, a malformed signature, an expired or foreign PEM are each refused clearly', async () => {
    const signature = await signDetached(submission, valid.privateKey);
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
