import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { procedureModel } from '../../subgraphs/procedures/models/procedure';
import { PROCEDURES } from '../../scripts/seed-data';
import { principals, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;

beforeAll(async () => {
  h = await subgraphHarness(proceduresSubgraph);
  await procedureModel(h.deps.db).insertMany(PROCEDURES);
});
afterAll(() => h.close());

describe('procedures subgraph (R-PRO-1 catalogue)', () => {
  test('_entities resolves Procedure references by national code', async () => {
    const res = await h.exec(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { code name processingDays status } } }`,
      { r: [{ __typename: 'Procedure', code: '1.002004' }, { __typename: 'Procedure', code: '1.999999' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { code: '1.002004', name: 'Giải quyết hưởng chế độ thai sản', processingDays: 6, status: 'PUBLISHED' },
      null,
    ]);
  });

  test('the catalogue is public: an anonymous caller lists published procedures', async () => {
    const res = await h.exec(`{ procedures(status: PUBLISHED, first: 10) { edges { node { code } } } }`, undefined, principals.anonymous);
    expect(res.errors).toBeUndefined();
    const codes = (res.data?.procedures as { edges: { node: { code: string } }[] }).edges.map((e) => e.node.code);
    expect(codes).toEqual(['1.002001', '1.002002', '1.002003', '1.002004']);
  });
});
