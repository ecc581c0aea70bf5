import type { DossierRecord } from '../../subgraphs/dossiers/models/dossier';
import type { Principal } from '../../platform/principal';
import { countQueries } from '../support/query-count';
import { codesOf, principals } from '../support/harness';
import { dossiersWorld, HCM, HN, orgInput } from '../support/dossiers';

let w: Awaited<ReturnType<typeof dossiersWorld>>;
let a1: DossierRecord, a2: DossierRecord, b1: DossierRecord, mine: DossierRecord, hcm: DossierRecord;

beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 6, env: { PUBLIC_LOOKUPS_PER_MINUTE: '3' } });
  a1 = await w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HN })), principals.ivanA);
  a2 = await w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HCM, procedureCode: '1.002003' })), principals.ivanA);
  b1 = await w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HN, applicant: { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' } })), principals.ivanB);
  const online = orgInput({ channel: undefined, agencyCode: HN, applicant: { personalId: '001090012345', name: 'Nguyễn Thị Lan' } });
  mine = await w.receive({ ...online, confirmation: await w.confirm(principals.citizen, online) }, principals.citizen);
  hcm = await w.receive(orgInput(), principals.officerHcm);
  await w.act({ code: hcm.code, action: 'START_PROCESSING', expectedVersion: 1 }, principals.officerHcm);
});
afterAll(() => w.close());

const codesIn = async (query: string, principal: Principal = principals.officer, variables?: Record<string, unknown>) => {
  const res = await w.h.exec(query, variables, principal);
  expect(res.errors).toBeUndefined();
  const conn = Object.values(res.data ?? {})[0] as { edges: { node: { code: string } }[] };
  return conn.edges.map((e) => e.node.code).sort();
};

describe('row-level access (R-INT-1, R-Q-2)', () => {
  test('an I-VAN provider sees only the dossiers it submitted, by list and by code', async () => {
    expect(await codesIn('{ dossiers { edges { node { code } } } }', principals.ivanA)).toEqual([a1.code, a2.code].sort());
    const other = await w.h.exec(`{ dossier(code: "${b1.code}") { code } }`, undefined, principals.ivanA);
    expect(other).toEqual({ data: { dossier: null } });
    expect(await codesIn(`{ dossiers(filter: { ivanProvider: "IVAN-B" }) { edges { node { code } } } }`, principals.ivanA)).toEqual([]);
  });

  test('an officer sees the dossiers of their agency; a citizen their own; a dashboard all', async () => {
    expect(await codesIn('{ dossiers { edges { node { code } } } }', principals.officerHcm)).toEqual([a2.code, hcm.code].sort());
    expect(await codesIn('{ dossiers { edges { node { code } } } }', principals.citizen)).toEqual([mine.code]);
    expect(await codesIn('{ dossiers(first: 100) { edges { node { code } } } }', principals.dashboard)).toEqual([a1, a2, b1, mine, hcm].map((d) => d.code).sort());
  });

  test('anonymous callers get FORBIDDEN for dossier and dossiers', async () => {
    const res = await w.h.exec(`{ dossier(code: "${a1.code}") { code } }`, undefined, principals.anonymous);
    expect(codesOf(res.errors)).toEqual(['FORBIDDEN']);
  });
});

describe('dossier list filters', () => {
  test('filters combine with the caller’s rows', async () => {
    const q = 'query($f: DossierFilter) { dossiers(filter: $f, first: 100) { edges { node { code } } } }';
    expect(await codesIn(q, principals.dashboard, { f: { agency: HCM, status: 'PROCESSING' } })).toEqual([hcm.code]);
    expect(await codesIn(q, principals.dashboard, { f: { channel: 'ONLINE' } })).toEqual([mine.code]);
    expect(await codesIn(q, principals.dashboard, { f: { procedure: '1.002003' } })).toEqual([a2.code]);
    expect(await codesIn(q, principals.dashboard, { f: { overdue: true } })).toEqual([]);
    expect(await codesIn(q, principals.dashboard, { f: { receivedFrom: new Date(Date.now() + 3600e3).toISOString() } })).toEqual([]);
    const bad = await w.h.exec(q, { f: { receivedFrom: '2026-03-02T00:00:00Z', receivedTo: '2026-03-01T00:00:00Z' } }, principals.dashboard);
    expect(codesOf(bad.errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('pages are newest first and a cursor resumes right after the last item', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await w.h.exec('query($a: String) { dossiers(first: 2, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } }', { a: after }, principals.dashboard);
      const page = res.data?.dossiers as { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...page.edges.map((e) => e.node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const expected = (await w.models.Dossier.find().sort({ receivedAt: -1, code: -1 }).lean()).map((d) => d.code);
    expect(seen).toEqual(expected);
  });

  test('dueSoon lists exactly the open dossiers whose deadlineStatus is DUE_SOON, overdue ones not among them; a contradictory filter is refused (issue 18)', async () => {
    const q = 'query($f: DossierFilter) { dossiers(filter: $f, first: 100) { edges { node { code deadlineStatus } } } }';
    const setAppointment = (code: string, at: Date) => w.models.Dossier.updateOne({ code }, { $set: { appointmentAt: at } }).exec();
    const original = new Map([a1, b1].map((d) => [d.code, d.appointmentAt]));
    await setAppointment(a1.code, new Date(Date.now() + 3600e3));
    await setAppointment(b1.code, new Date(Date.now() - 3600e3));
    try {
      const all = (await w.h.exec(q, {}, principals.dashboard)).data?.dossiers as { edges: { node: { code: string; deadlineStatus: string } }[] };
      const judgedDueSoon = all.edges.filter((e) => e.node.deadlineStatus === 'DUE_SOON').map((e) => e.node.code).sort();
      expect(judgedDueSoon).toContain(a1.code);
      expect(await codesIn(q, principals.dashboard, { f: { dueSoon: true } })).toEqual(judgedDueSoon);
      expect(await codesIn(q, principals.dashboard, { f: { overdue: true } })).toEqual([b1.code]);
      for (const f of [{ dueSoon: false }, { dueSoon: true, overdue: true }]) {
        expect(codesOf((await w.h.exec(q, { f }, principals.dashboard)).errors)).toEqual(['BAD_USER_INPUT']);
      }
    } finally {
      for (const [code, at] of original) await setAppointment(code, at);
    }
  });
});

describe('public status lookup (R-DOS-3, R-DOS-4)', () => {
  test('returns only the Art. 12 fields, to anyone, and the schema offers nothing personal', async () => {
    const res = await w.h.exec(`{ dossierStatus(code: "${hcm.code}") { code status handlingAgency { code } handlingDepartment receivedAt appointmentAt returnedAt } }`, undefined, principals.anonymous);
    expect(res.errors).toBeUndefined();
    expect(res.data?.dossierStatus).toEqual({
      code: hcm.code, status: 'PROCESSING', handlingAgency: { code: HCM }, handlingDepartment: null,
      receivedAt: hcm.receivedAt.toISOString(), appointmentAt: hcm.appointmentAt.toISOString(), returnedAt: null,
    });
    const personal = await w.h.exec(`{ dossierStatus(code: "${hcm.code}") { applicant { name } } }`, undefined, principals.anonymous);
    expect(codesOf(personal.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('is rate-limited per client: the 4th lookup within a minute is RATE_LIMITED (limit set to 3 here)', async () => {
    const who = { ...principals.ivanB, subject: 'rate-limit-probe' };
    for (let i = 0; i < 3; i++) expect((await w.h.exec(`{ dossierStatus(code: "${a1.code}") { status } }`, undefined, who)).errors).toBeUndefined();
    const fourth = await w.h.exec(`{ dossierStatus(code: "${a1.code}") { status } }`, undefined, who);
    expect(fourth.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
    const someoneElse = await w.h.exec(`{ dossierStatus(code: "${a1.code}") { status } }`, undefined, principals.dashboard);
    expect(someoneElse.errors).toBeUndefined();
  });
});

describe('federated entities of the dossiers subgraph', () => {
  test('_entities resolves Dossier references, hiding those the caller may not see', async () => {
    const res = await w.h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code procedure { code } handlingAgency { code } } } }`, {
      r: [{ __typename: 'Dossier', code: a1.code }, { __typename: 'Dossier', code: b1.code }],
    }, principals.ivanA);
    expect(res.data?._entities).toEqual([{ code: a1.code, procedure: { code: '1.002001' }, handlingAgency: { code: HN } }, null]);
  });

  test('Procedure and Agency dossier counts cost one indexed aggregation per procedure or agency, however many statuses are asked (R-Q-1, issue 12)', async () => {
    const queries = await countQueries('dossiers', 'aggregate', async () => {
      const res = await w.h.exec(`query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Procedure { code all: dossierCount processing: dossierCount(status: PROCESSING) }
          ... on Agency { code dossierCount } } }`, {
        r: [{ __typename: 'Procedure', code: '1.002001' }, { __typename: 'Procedure', code: '1.002003' }, { __typename: 'Agency', code: HN }, { __typename: 'Agency', code: HCM }],
      }, principals.dashboard);
      expect(res.data?._entities).toEqual([
        { code: '1.002001', all: 4, processing: 1 },
        { code: '1.002003', all: 1, processing: 0 },
        { code: HN, dossierCount: 3 },
        { code: HCM, dossierCount: 2 },
      ]);
    });
    // 2 procedures + 2 agencies; the two counts asked of 1.002001 share one aggregation.
    expect(queries).toBe(4);
  });

  test('Citizen and Organization dossiers for a batch of applicants cost one equality query per applicant, paged (R-Q-1, issue 12)', async () => {
    const queries = await countQueries('dossiers', 'find', async () => {
      const res = await w.h.exec(`query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Citizen { personalId dossiers { edges { node { code } } } }
          ... on Organization { unitCode dossiers(first: 1) { edges { node { code } } pageInfo { hasNextPage } } } } }`, {
        r: [{ __typename: 'Citizen', personalId: '001090012345' }, { __typename: 'Organization', unitCode: 'TA0123A' }, { __typename: 'Organization', unitCode: 'YN0456B' }],
      }, principals.dashboard);
      expect(res.data?._entities).toEqual([
        { personalId: '001090012345', dossiers: { edges: [{ node: { code: mine.code } }] } },
        { unitCode: 'TA0123A', dossiers: { edges: [{ node: { code: hcm.code } }], pageInfo: { hasNextPage: true } } },
        { unitCode: 'YN0456B', dossiers: { edges: [{ node: { code: b1.code } }], pageInfo: { hasNextPage: false } } },
      ]);
    });
    expect(queries).toBe(3);
  });
});
