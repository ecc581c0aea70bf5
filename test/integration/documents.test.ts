import { documentsSubgraph } from '../../subgraphs/documents/subgraph';
import { documentModel, type DocumentModel } from '../../subgraphs/documents/models/document';
import { addDocument } from '../../subgraphs/documents/services/documents';
import { countQueries } from '../support/query-count';
import { codesOf, principals, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;
let Document: DocumentModel;
const A = '000.00.01.H26-261126-0001';
const B = '000.00.01.H26-261126-0002';

beforeAll(async () => {
  h = await subgraphHarness(documentsSubgraph);
  Document = documentModel(h.deps.db);
  await addDocument(Document, { dossierCode: A, documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia BHXH, BHYT' });
  await addDocument(Document, { dossierCode: A, documentTypeCode: 'D02-LT', name: 'Danh sách lao động' });
  await addDocument(Document, { dossierCode: B, documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia BHXH, BHYT' });
});
afterAll(() => h.close());

describe('documents subgraph', () => {
  test('_entities resolves Document references by id', async () => {
    const stored = await Document.findOne({ dossierCode: B }).lean();
    const id = stored!._id.toString();
    const res = await h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id documentTypeCode dossier { code } } } }`, {
      r: [{ __typename: 'Document', id }, { __typename: 'Document', id: 'not-an-id' }],
    }, principals.dashboard);
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([{ id, documentTypeCode: 'TK1-TS', dossier: { code: B } }, null]);
  });

  test('_entities resolves Dossier.documents for several dossiers with one database query', async () => {
    const queries = await countQueries('documents', 'find', async () => {
      const res = await h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code documents { documentTypeCode } } } }`, {
        r: [{ __typename: 'Dossier', code: A }, { __typename: 'Dossier', code: B }, { __typename: 'Dossier', code: '000.00.01.H29-261126-0009' }],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { code: A, documents: [{ documentTypeCode: 'TK1-TS' }, { documentTypeCode: 'D02-LT' }] },
        { code: B, documents: [{ documentTypeCode: 'TK1-TS' }] },
        { code: '000.00.01.H29-261126-0009', documents: [] },
      ]);
    });
    expect(queries).toBe(1);
  });

  test('documents by id are for dashboards only; others read them through their dossier', async () => {
    const stored = await Document.findOne({ dossierCode: B }).lean();
    const res = await h.exec(`{ document(id: "${stored!._id.toString()}") { name } }`, undefined, principals.ivanA);
    expect(codesOf(res.errors)).toEqual(['FORBIDDEN']);
  });

  test('documents are not shown to anonymous callers', async () => {
    const res = await h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { documents { id } } } }`, { r: [{ __typename: 'Dossier', code: A }] }, principals.anonymous);
    expect(codesOf(res.errors)).toEqual(['FORBIDDEN']);
  });

  test('a document for a malformed dossier code is refused and not stored', async () => {
    const before = await Document.countDocuments();
    await expect(addDocument(Document, { dossierCode: 'X-1', documentTypeCode: 'TK1-TS', name: 'x' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'dossierCode' },
    });
    expect(await Document.countDocuments()).toBe(before);
  });
});
