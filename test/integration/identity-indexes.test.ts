import { randomBytes } from 'node:crypto';
import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { agencyModel } from '../../subgraphs/identity/models/agency';
import { citizenModel } from '../../subgraphs/identity/models/citizen';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { certificateModel } from '../../subgraphs/identity/models/certificate';
import { accountModel } from '../../subgraphs/identity/models/account';
import { makeOrganizationCertificate, signCanonical } from '../../scripts/lib/organization-keys';
import { taxCheckDigit } from '../../platform/identifiers';
import { generatePopulation, startPopulationSimulator } from '../../adapters/population/simulator';
import { startNpspSimulator } from '../../adapters/npsp/simulator';
import { startNotifySimulator } from '../../adapters/notify/simulator';
import { AGENCIES, ORGANIZATIONS } from '../../scripts/seed-data';
import type { Principal } from '../../platform/principal';
import { principals, subgraphHarness } from '../support/harness';
import { wholeCollectionReads, documentsOf } from '../support/explain';

/**
 * Identity's hot paths are index lookups at national volume (R-Q-1, issue 12): with 5 000 and
 * more citizens, organisations, certificates, accounts and agencies stored, each path runs as the
 * gateway would call it, the database explains every read it sent (on the embedded FerretDB,
 * PostgreSQL's plan for the SQL FerretDB generated), and none reads a whole collection.
 */
const VOLUME = 5_000;
let h: Awaited<ReturnType<typeof subgraphHarness>>;
let population: Awaited<ReturnType<typeof startPopulationSimulator>>;
let npsp: Awaited<ReturnType<typeof startNpspSimulator>>;
let notify: Awaited<ReturnType<typeof startNotifySimulator>>;

const people = generatePopulation(VOLUME + 10, 20261212);
/** Citizens the population database knows: the first never verified here, the others stored as verified. */
const [fresh, ...stored] = people;

const makeCertificate = (commonName: string) => makeOrganizationCertificate(commonName, new Date(Date.now() - 365 * 86_400_000), new Date(Date.now() + 365 * 86_400_000));

/** The n-th organisation of the filler: a VSS-shaped unit code and a tax code with a valid check digit. */
function organizationAt(n: number) {
  const letters = 'ABCDEGHKLMNPQRSTUVXY';
  const unitCode = `${letters[n % 20]}${letters[Math.floor(n / 20) % 20]}${String(n).padStart(4, '0').slice(-4)}${letters[Math.floor(n / 400) % 20]}`;
  for (let k = 0; ; k++) {
    const first9 = `01${String(n * 7 + k).padStart(7, '0')}`;
    const check = taxCheckDigit(first9);
    if (check !== null) return { unitCode, name: `Công ty TNHH Thương mại Dịch vụ số ${n}`, taxCode: `${first9}${check}` };
  }
}

const fingerprint = () => randomBytes(32).toString('hex').toUpperCase().match(/../g)!.join(':');
const withoutId = <T extends { _id?: unknown }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
};
const ok = async (query: string, variables?: Record<string, unknown>, p?: Principal) => {
  const res = await h.exec(query, variables, p);
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data!;
};
const noScan = (work: () => Promise<unknown>) => wholeCollectionReads(h.deps.db, work);

const VERIFY = `mutation($i: VerifyCitizenInput!) { verifyCitizen(input: $i) { personalId fullName verification { result mismatchedField } } }`;
const REGISTER = `mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { username kind } }`;
const SIGN_IN = `mutation($u: ID!, $p: String!) { signInAccount(username: $u, password: $p) { ok message } }`;
const REGISTER_CERT = `mutation($u: ID!, $pem: String!) { registerOrganizationCertificate(unitCode: $u, pem: $pem) { fingerprint } }`;
const signer = makeCertificate('Cong ty TNHH Sao Mai');
let password = '';
const citizenAccount = stored[0]!;
const citizenSelf = (personalId: string): Principal => ({ client: 'citizen', subject: `citizen-${personalId}`, scopes: ['dossier:read'], personalId });

beforeAll(async () => {
  population = await startPopulationSimulator({ citizens: people });
  npsp = await startNpspSimulator({ username: 'vss', password: 'secret', accounts: [] });
  notify = await startNotifySimulator();
  h = await subgraphHarness(identitySubgraph, {
    redisDb: 41,
    env: { POPULATION_URL: population.endpoint, NPSP_URL: npsp.url, NPSP_USERNAME: 'vss', NPSP_PASSWORD: 'secret', NOTIFY_URL: notify.url, OTP_SECRET: 'test-otp-secret' },
  });
  await h.deps.redis.flushdb();
  const db = h.deps.db;
  const [Agency, Citizen, Organization, Certificate, Account] = [agencyModel(db), citizenModel(db), organizationModel(db), certificateModel(db), accountModel(db)] as const;

  // Each kind of document is first stored by the real service, then copied under new keys.
  await Agency.insertMany(AGENCIES);
  const district = withoutId(await Agency.findOne({ code: '001.01.01.H26' }).lean().orFail());
  await Agency.collection.insertMany(Array.from({ length: VOLUME }, (_, i) => ({ ...district, code: `${String(100 + (i % 900)).padStart(3, '0')}.${String(Math.floor(i / 900) + 2).padStart(2, '0')}.01.H${String(i % 63).padStart(2, '0')}`, name: `Bảo hiểm xã hội cơ sở số ${i}` })));

  await ok(VERIFY, { i: stored[0]! }, principals.officer);
  const citizen = withoutId(await Citizen.findOne({ personalId: stored[0]!.personalId }).lean().orFail());
  await Citizen.collection.insertMany(stored.slice(1).map((p) => ({ ...citizen, ...p })));

  await Organization.insertMany(ORGANIZATIONS);
  const organization = withoutId(await Organization.findOne({ unitCode: 'TA0123A' }).lean().orFail());
  await Organization.collection.insertMany(Array.from({ length: VOLUME }, (_, i) => ({ ...organization, ...organizationAt(i) })));
  await ok(REGISTER_CERT, { u: 'TA0123A', pem: signer.pem }, principals.officer);
  const certificate = withoutId(await Certificate.findOne({ unitCode: 'TA0123A' }).lean().orFail());
  await Certificate.collection.insertMany(Array.from({ length: VOLUME }, (_, i) => ({ ...certificate, unitCode: organizationAt(i).unitCode, fingerprint: fingerprint() })));

  await ok(REGISTER, { i: { kind: 'CITIZEN', personalId: citizenAccount.personalId, fullName: citizenAccount.fullName, phone: '0912345678', notifyBy: 'SMS' } }, principals.officer);
  password = /Mật khẩu khởi tạo: (\S+)\./.exec(notify.sent.at(-1)!.text)![1]!;
  const account = withoutId(await Account.findOne({ username: citizenAccount.personalId }).lean().orFail());
  await Account.collection.insertMany(stored.slice(1, VOLUME + 1).map((p, i) => ({ ...account, username: p.personalId, fullName: p.fullName, phone: `09${String(10_000_000 + i).slice(-8)}` })));
  for (const [model, min] of [[Agency, VOLUME], [Citizen, VOLUME], [Organization, VOLUME], [Certificate, VOLUME], [Account, VOLUME]] as const) {
    expect(await documentsOf(model)).toBeGreaterThanOrEqual(min);
  }
}, 120_000);
afterAll(async () => {
  await h.close();
  await population.stop();
  await npsp.stop();
  await notify.stop();
});

describe('identity hot paths are index lookups at national volume (R-Q-1, issue 12)', () => {
  test('citizen by personal id: the citizen query and _entities Citizen, through the loader', async () => {
    const [a, b] = [stored[1234]!, stored[4321]!];
    let byQuery: unknown;
    let byEntities: unknown;
    expect(await noScan(async () => {
      byQuery = await ok(`query($id: ID!) { citizen(personalId: $id) { personalId fullName dateOfBirth } }`, { id: a.personalId }, principals.officer);
      byEntities = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { personalId fullName } } }`, {
        r: [a, b, { personalId: '001099999999' }].map((c) => ({ __typename: 'Citizen', personalId: c.personalId })),
      }, principals.officer);
    })).toEqual([]);
    expect(byQuery).toEqual({ citizen: { personalId: a.personalId, fullName: a.fullName, dateOfBirth: a.dateOfBirth } });
    expect(byEntities).toEqual({ _entities: [{ personalId: a.personalId, fullName: a.fullName }, { personalId: b.personalId, fullName: b.fullName }, { personalId: '001099999999', fullName: null }] });
  });

  test('verifyCitizen upserts by personal id: a first verification, a repeated one, a mismatch', async () => {
    const [again, mismatched] = [stored[500]!, stored[501]!];
    const results: unknown[] = [];
    expect(await noScan(async () => {
      results.push((await ok(VERIFY, { i: fresh }, principals.officer)).verifyCitizen);
      results.push((await ok(VERIFY, { i: again }, principals.officer)).verifyCitizen);
      results.push((await ok(VERIFY, { i: { ...mismatched, fullName: `${mismatched.fullName} Anh` } }, principals.officer)).verifyCitizen);
    })).toEqual([]);
    expect(results).toEqual([
      { personalId: fresh!.personalId, fullName: fresh!.fullName, verification: { result: 'MATCH', mismatchedField: null } },
      { personalId: again.personalId, fullName: again.fullName, verification: { result: 'MATCH', mismatchedField: null } },
      // A mismatch keeps what was confirmed before.
      { personalId: mismatched.personalId, fullName: mismatched.fullName, verification: { result: 'MISMATCH', mismatchedField: 'fullName' } },
    ]);
  });

  test('organisation by unit code: the query with its certificates, and _entities Organization', async () => {
    const org = organizationAt(2718);
    let byQuery: unknown;
    let byEntities: unknown;
    expect(await noScan(async () => {
      byQuery = await ok(`query($u: ID!) { organization(unitCode: $u) { unitCode name taxCode certificates { subject } } }`, { u: org.unitCode }, principals.officer);
      byEntities = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { unitCode name } } }`, {
        r: [org.unitCode, 'YN0456B', 'ZZ9999Z'].map((unitCode) => ({ __typename: 'Organization', unitCode })),
      }, principals.ivanA);
    })).toEqual([]);
    expect(byQuery).toEqual({ organization: { ...org, certificates: [{ subject: 'CN=Cong ty TNHH Sao Mai' }] } });
    expect(byEntities).toEqual({ _entities: [{ unitCode: org.unitCode, name: org.name }, { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' }, null] });
  });

  test('registering a certificate checks the organisation by unit code; a signature check reads certificates by unit code', async () => {
    const other = makeCertificate('Cong ty Co phan Ben Thanh');
    const submission = { dossier: { procedureCode: '1.002001', unitCode: 'TA0123A', employees: 42 } };
    const signature = await signCanonical(submission, signer.privateKeyPem);
    const CHECK = `query($u: ID!, $p: String!, $s: String!) { verifyOrganizationSignature(unitCode: $u, payload: $p, signature: $s) { valid reason } }`;
    let registered: unknown;
    let checks: unknown[] = [];
    expect(await noScan(async () => {
      registered = await ok(REGISTER_CERT, { u: 'YN0456B', pem: other.pem }, principals.officer);
      checks = [
        (await ok(CHECK, { u: 'TA0123A', p: JSON.stringify(submission), s: signature }, principals.ivanA)).verifyOrganizationSignature,
        (await ok(CHECK, { u: 'YN0456B', p: JSON.stringify(submission), s: signature }, principals.ivanA)).verifyOrganizationSignature,
      ];
    })).toEqual([]);
    expect(registered).toEqual({ registerOrganizationCertificate: { fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) } });
    expect(checks).toEqual([{ valid: true, reason: null }, { valid: false, reason: 'SIGNATURE_INVALID' }]);
    expect(await h.exec(REGISTER_CERT, { u: 'ZZ9999Z', pem: other.pem }, principals.officer)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  test('account by user name: registration check, sign-in, contact change and the OTP request', async () => {
    const newcomer = stored[VOLUME + 2]!;
    const answers: unknown[] = [];
    expect(await noScan(async () => {
      answers.push((await ok(REGISTER, { i: { kind: 'CITIZEN', personalId: newcomer.personalId, fullName: newcomer.fullName, email: 'newcomer@example.vn', notifyBy: 'EMAIL' } }, principals.officer)).registerAccount);
      answers.push((await h.exec(REGISTER, { i: { kind: 'CITIZEN', personalId: stored[77]!.personalId, fullName: stored[77]!.fullName, phone: '0912345678', notifyBy: 'SMS' } }, principals.officer)).errors?.[0]?.extensions?.code);
      answers.push((await ok(SIGN_IN, { u: stored[3000]!.personalId, p: password }, principals.anonymous)).signInAccount);
      answers.push((await ok(SIGN_IN, { u: stored[3001]!.personalId, p: 'not-the-password' }, principals.anonymous)).signInAccount);
      answers.push((await ok(`mutation($u: ID!) { changeAccountContact(username: $u, contact: { email: "an@example.vn", notifyBy: EMAIL }) { email notifyBy } }`, { u: stored[42]!.personalId }, principals.officer)).changeAccountContact);
      answers.push((await ok(`mutation { requestOtp(purpose: "SUBMIT_DOSSIER:H26-2026-000123") { sentTo expiresInSeconds } }`, undefined, citizenSelf(stored[1001]!.personalId))).requestOtp);
    })).toEqual([]);
    expect(answers).toEqual([
      { username: newcomer.personalId, kind: 'CITIZEN' },
      'CONFLICT',
      { ok: true, message: 'signed in' },
      { ok: false, message: expect.stringContaining('wrong user name or password') },
      { email: 'an@example.vn', notifyBy: 'EMAIL' },
      { sentTo: expect.stringMatching(/^09\*\*\*\d\d$/), expiresInSeconds: 300 },
    ]);
  });

  test('agency by code through the loader: the agency query, its parent, and _entities Agency', async () => {
    let answers: unknown[] = [];
    expect(await noScan(async () => {
      answers = [
        await ok(`{ agency(code: "001.01.01.H26") { name parent { code parent { code } } } }`),
        await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { code level } } }`, {
          r: ['000.00.01.H29', '999.99.99.X99'].map((code) => ({ __typename: 'Agency', code })),
        }),
      ];
    })).toEqual([]);
    expect(answers).toEqual([
      { agency: { name: 'Bảo hiểm xã hội cơ sở Ba Đình', parent: { code: '000.00.01.H26', parent: { code: '000.00.00.G12' } } } },
      { _entities: [{ code: '000.00.01.H29', level: 'PROVINCIAL' }, null] },
    ]);
  });
});
