import { proceduresSubgraph } from '../../subgraphs/procedures/subgraph';
import { seedProcedures } from '../../scripts/seed';
import { domainOf } from '../../subgraphs/procedures/context';
import { principals, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;

beforeAll(async () => {
  h = await subgraphHarness(proceduresSubgraph);
  await seedProcedures(domainOf(h.deps).models);
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

  test('search forgives diacritics and case, needs every word, and combines with filters (R-PRO-1)', async () => {
    const codes = async (args: string) =>
      ((await h.exec(`{ procedures(${args}) { edges { node { code } } } }`, undefined, principals.anonymous)).data?.procedures as { edges: { node: { code: string } }[] }).edges.map((e) => e.node.code);
    expect(await codes('search: "thai san"')).toEqual(['1.002004']);
    expect(await codes('search: "CHẾ ĐỘ THAI SẢN"')).toEqual(['1.002004']);
    expect(await codes('search: "bao hiem xa hoi mot lan"')).toEqual(['1.002003']);
    expect(await codes('search: "maternity"')).toEqual(['1.002004']);
    expect(await codes('search: "thai san", serviceLevel: PARTIAL_ONLINE')).toEqual([]);
    expect(await codes('serviceLevel: PARTIAL_ONLINE')).toEqual(['1.002003']);
    expect(await codes('agencyLevel: DISTRICT, status: DRAFT')).toEqual([]); // drafts are not public (R-PRO-2)
    const drafts = await h.exec(`{ procedures(agencyLevel: DISTRICT, status: DRAFT) { edges { node { code } } } }`, undefined, principals.officer);
    expect(drafts.data?.procedures).toEqual({ edges: [{ node: { code: '1.002005' } }] });
    expect(await codes('search: "(.*"')).toEqual([]); // taken literally, not as a pattern
    const blank = await h.exec(`{ procedures(search: "   ") { edges { cursor } } }`);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'search' });
  });

  test('a procedure carries every catalogue field (R-PRO-1)', async () => {
    const res = await h.exec(`{ procedure(code: "1.002001") { code name nameEn field agencyLevels serviceLevel submissionMethods processingDays
        fees { amountVnd } components { documentTypeCode originals copies formTemplate } resultDocuments legalBasis guide status } }`);
    expect(res.data?.procedure).toMatchObject({
      code: '1.002001', serviceLevel: 'FULL_ONLINE', agencyLevels: ['PROVINCIAL', 'DISTRICT'], submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
      fees: [], components: [{ documentTypeCode: 'TK1-TS', originals: 1, copies: 0, formTemplate: 'Mẫu TK1-TS' }, expect.objectContaining({ documentTypeCode: 'D02-LT' })],
      resultDocuments: ['Sổ BHXH', 'Thẻ BHYT'], legalBasis: expect.arrayContaining(['Luật Bảo hiểm xã hội số 41/2024/QH15']), status: 'PUBLISHED',
    });
  });
});
