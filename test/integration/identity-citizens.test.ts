import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { organizationModel } from '../../subgraphs/identity/models/organization';
import { citizenModel } from '../../subgraphs/identity/models/citizen';
import { generatePopulation, startPopulationSimulator } from '../../adapters/population/simulator';
import { taxCodeProblem } from '../../platform/identifiers';
import { DEMO_CITIZEN, ORGANIZATIONS } from '../../scripts/seed-data';
import { codesOf, principals, subgraphHarness } from '../support/harness';

let sim: Awaited<ReturnType<typeof startPopulationSimulator>>;
let h: Awaited<ReturnType<typeof subgraphHarness>>;
const lan = DEMO_CITIZEN;
const lanSelf = { client: 'citizen' as const, subject: 'lan', scopes: ['dossier:read'], personalId: lan.personalId };
const VERIFY = `mutation($i: VerifyCitizenInput!) { verifyCitizen(input: $i) { personalId fullName dateOfBirth gender verification { result mismatchedField at } } }`;

beforeAll(async () => {
  sim = await startPopulationSimulator({ citizens: [...generatePopulation(200), lan] });
  h = await subgraphHarness(identitySubgraph, { redisDb: 15, env: { POPULATION_URL: sim.endpoint } });
  await organizationModel(h.deps.db).insertMany(ORGANIZATIONS);
});
afterAll(async () => {
  await h.close();
  await sim.stop();
});

describe('citizens verified against the population database (R-ID-2)', () => {
  test('a match keeps name, date of birth, outcome and time on the Citizen', async () => {
    const res = await h.exec(VERIFY, { i: lan }, principals.officer);
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifyCitizen).toMatchObject({
      personalId: lan.personalId, fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-05-17', gender: 'FEMALE',
      verification: { result: 'MATCH', mismatchedField: null, at: expect.any(String) },
    });
    expect(await citizenModel(h.deps.db).findOne({ personalId: lan.personalId }).lean()).toMatchObject({ fullName: 'Nguyễn Thị Lan' });
  });

  test('a mismatch is kept with the field, without overwriting what was confirmed', async () => {
    const res = await h.exec(VERIFY, { i: { ...lan, fullName: 'Nguyên Thị Lan' } }, lanSelf);
    expect(res.data?.verifyCitizen).toMatchObject({ fullName: 'Nguyễn Thị Lan', verification: { result: 'MISMATCH', mismatchedField: 'fullName' } });
  });

  test('bad input is named field by field and nothing is asked or stored', async () => {
    const calls = sim.stats.calls;
    const res = await h.exec(VERIFY, { i: { personalId: '001190012345', fullName: ' ', dateOfBirth: '1991-02-30' } }, principals.officer);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      inputErrors: [{ field: 'dateOfBirth', message: 'a date of birth is YYYY-MM-DD, a real date' }, { field: 'fullName', message: 'the full name is required' }],
    });
    expect(sim.stats.calls).toBe(calls);
  });

  test('only officers with citizen:verify, or the citizen themself, may verify', async () => {
    expect(codesOf((await h.exec(VERIFY, { i: lan }, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await h.exec(VERIFY, { i: { ...lan, personalId: '079085001234', dateOfBirth: '1985-01-01' } }, lanSelf)).errors)).toEqual(['FORBIDDEN']);
  });

  test('when the population database is down the answer is UPSTREAM_UNAVAILABLE and nothing changes', async () => {
    const before = await citizenModel(h.deps.db).findOne({ personalId: lan.personalId }).lean();
    await sim.stop();
    try {
      const res = await h.exec(VERIFY, { i: { ...lan, dateOfBirth: '1990-05-18' } }, principals.officer);
      expect(codesOf(res.errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      await sim.start();
    }
    expect(await citizenModel(h.deps.db).findOne({ personalId: lan.personalId }).lean()).toEqual(before);
  });
});

describe('Citizen and Organization entities (R-ID-1)', () => {
  test('_entities resolves Citizen with personal fields only for those who may see them', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { personalId fullName gender } } }`;
    const r = { r: [{ __typename: 'Citizen', personalId: lan.personalId }, { __typename: 'Citizen', personalId: '079085001234' }] };
    expect((await h.exec(q, r, principals.officer)).data?._entities).toEqual([
      { personalId: lan.personalId, fullName: 'Nguyễn Thị Lan', gender: 'FEMALE' },
      { personalId: '079085001234', fullName: null, gender: 'MALE' },
    ]);
    expect((await h.exec(q, r, principals.ivanA)).data?._entities).toEqual([
      { personalId: lan.personalId, fullName: null, gender: null },
      { personalId: '079085001234', fullName: null, gender: null },
    ]);
  });

  test('_entities resolves Organization by unit code; the seeded tax codes pass the check digit', async () => {
    const res = await h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { unitCode name taxCode } } }`, {
      r: [{ __typename: 'Organization', unitCode: 'TA0123A' }, { __typename: 'Organization', unitCode: 'ZZ9999Z' }],
    });
    expect(res.data?._entities).toEqual([{ unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai', taxCode: '0101234565' }, null]);
    for (const o of ORGANIZATIONS) expect(taxCodeProblem(o.taxCode)).toBeNull();
  });
});
