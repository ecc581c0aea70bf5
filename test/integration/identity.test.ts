import { identitySubgraph } from '../../subgraphs/identity/subgraph';
import { agencyModel } from '../../subgraphs/identity/models/agency';
import { AGENCIES } from '../../scripts/seed-data';
import { codesOf, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;

beforeAll(async () => {
  h = await subgraphHarness(identitySubgraph);
  await agencyModel(h.deps.db).insertMany(AGENCIES);
});
afterAll(() => h.close());

describe('identity subgraph (R-ID-5 agencies)', () => {
  test('_entities resolves Agency references by code, null for an unknown code', async () => {
    const res = await h.exec(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { code name level parent { code } departments { code } } } }`,
      { r: [{ __typename: 'Agency', code: '000.00.01.H26' }, { __typename: 'Agency', code: '999.99.99.X99' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      {
        code: '000.00.01.H26',
        name: 'Bảo hiểm xã hội thành phố Hà Nội',
        level: 'PROVINCIAL',
        parent: { code: '000.00.00.G12' },
        departments: [{ code: 'MC' }, { code: 'QLT' }, { code: 'CD' }],
      },
      null,
    ]);
  });

  test('agencies pages by code with a cursor and filters by level', async () => {
    const first = await h.exec(`{ agencies(first: 2) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data?.agencies as { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page1.edges.map((e) => e.node.code)).toEqual(['000.00.00.G12', '000.00.01.H26']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.exec(`query($after: String) { agencies(first: 5, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }`, {
      after: page1.pageInfo.endCursor,
    });
    expect(second.data?.agencies).toEqual({
      edges: [{ node: { code: '000.00.01.H29' } }, { node: { code: '001.01.01.H26' } }],
      pageInfo: { hasNextPage: false },
    });
    const provincial = await h.exec(`{ agencies(level: PROVINCIAL) { edges { node { code } } } }`);
    expect((provincial.data?.agencies as { edges: unknown[] }).edges).toHaveLength(2);
  });

  test('a page size out of range or a forged cursor is refused with BAD_USER_INPUT', async () => {
    expect(codesOf((await h.exec(`{ agencies(first: 0) { edges { cursor } } }`)).errors)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf((await h.exec(`{ agencies(first: 101) { edges { cursor } } }`)).errors)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf((await h.exec(`{ agencies(after: "not-a-cursor") { edges { cursor } } }`)).errors)).toEqual(['BAD_USER_INPUT']);
  });
});
