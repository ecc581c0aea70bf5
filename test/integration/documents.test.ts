import { createHash, randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { documentsSubgraph } from '../../subgraphs/documents/subgraph';
import { documentModels, type DocumentModels } from '../../subgraphs/documents/context';
import { resultIdOf } from '../../subgraphs/documents/models/document';
import { SCAN_SIGNATURE_HEADER } from '../../platform/documents-protocol';
import { auditDatabase, auditModel, verifyAuditChain, type AuditModel } from '../../platform/audit';
import { internalSigningKey, signInternalToken, INTERNAL_TOKEN_HEADER } from '../../platform/internal-token';
import { keyStoreOf } from '../../platform/key-store';
import { connectDatabase } from '../../platform/mongo';
import type { Principal } from '../../platform/principal';
import { relayOutbox } from '../../subgraphs/dossiers/services/outbox';
import type { DossierRecord } from '../../subgraphs/dossiers/models/dossier';
import { samplePdf, ScanningWorkstation } from '../../scripts/lib/scanner';
import { dossiersWorld, HCM, orgInput } from '../support/dossiers';
import { codesOf, httpSubgraph, principals } from '../support/harness';

const MAX_BYTES = 300_000;
const CITIZEN_ID = principals.citizen.personalId;
let w: Awaited<ReturnType<typeof dossiersWorld>>;
let docs: Awaited<ReturnType<typeof httpSubgraph>>;
let db: Connection;
let models: DocumentModels;
let Audit: AuditModel;
let base: string;
let desk: ScanningWorkstation;

async function headersFor(p: Principal): Promise<Record<string, string>> {
  const signing = await internalSigningKey(keyStoreOf({ dir: process.env.KEYS_DIR! }));
  return { [INTERNAL_TOKEN_HEADER]: await signInternalToken(p, `test-${randomBytes(3).toString('hex')}`, signing, 'ip:127.0.0.1') };
}

async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, p: Principal = principals.officer) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await headersFor(p)) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const download = async (id: string, p: Principal) => fetch(`${base}/documents/${id}/content`, { headers: await headersFor(p) });

/** Publishes the dossier events and waits until the documents subgraph has taken them in. */
async function settle(until: () => Promise<unknown>) {
  while ((await relayOutbox(w.models, w.h.deps.redis)) > 0);
  for (let i = 0; i < 100 && !(await until()); i++) await new Promise((r) => setTimeout(r, 50));
}

/** Puts an event on the stream again (at-least-once delivery) and waits until the documents subgraph has handled it. */
async function redeliver(dossierCode: string, seq: number) {
  const { event } = (await w.models.EventLog.findOne({ dossierCode, seq }).lean())!;
  const redis = w.h.deps.redis;
  const id = (await redis.xadd('events:dossiers', '*', 'event', JSON.stringify(event)))!;
  const handled = async () => {
    const groups = (await redis.xinfo('GROUPS', 'events:dossiers')) as (string | number)[][];
    const g = groups.map((fields) => Object.fromEntries(fields.flatMap((v, i) => (i % 2 ? [] : [[v, fields[i + 1]]])))).find((f) => f.name === 'documents')!;
    return g['last-delivered-id'] === id && g.pending === 0;
  };
  for (let i = 0; i < 100 && !(await handled()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await handled()).toBe(true);
}

/** Puts other bytes in GridFS under a document's id, as someone with write access to the database could. */
async function replaceFile(id: string, bytes: Buffer) {
  const bucket = new mongoose.mongo.GridFSBucket(db.db!, { bucketName: 'files' });
  const _id = new mongoose.Types.ObjectId(id);
  await bucket.delete(_id);
  await new Promise((resolve) => bucket.openUploadStreamWithId(_id, 'replaced.pdf').once('finish', resolve).end(bytes));
}

const citizenDossier = (types = ['TK1-TS']) =>
  w.receive(orgInput({ applicant: { personalId: CITIZEN_ID, name: 'Nguyễn Văn An' }, components: types.map((t) => ({ documentTypeCode: t, name: `Giấy ${t}` })) }));

async function received(d: Promise<DossierRecord>) {
  const dossier = await d;
  await settle(() => models.DossierRef.exists({ _id: dossier.code }));
  return dossier;
}

const stored = async () => ({
  documents: await models.Document.countDocuments(),
  files: await db.collection('files.files').countDocuments(),
  chunks: await db.collection('files.chunks').countDocuments(),
});

const metadata = (over: Record<string, unknown> = {}) => ({
  owner: { kind: 'PERSON', personalId: CITIZEN_ID },
  name: 'Tờ khai tham gia BHXH, BHYT', numberSymbol: `TK-${randomBytes(3).toString('hex')}`, issuedOn: '2026-11-01T00:00:00.000Z',
  issuingAuthority: 'Người lao động', summary: 'Tờ khai đăng ký tham gia BHXH bắt buộc', ...over,
});

beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 22 });
  docs = await httpSubgraph(documentsSubgraph, { redisDb: 22, env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
  base = docs.url.replace(/\/graphql$/, '');
  db = await connectDatabase(process.env.MONGODB_URI!, `${docs.prefix}documents`);
  models = documentModels(db);
  // The system's one audit log, in its own database (platform/audit.ts).
  Audit = auditModel(auditDatabase(db, `${docs.prefix}audit`));
  desk = await ScanningWorkstation.open({ baseUrl: base, headers: () => headersFor(principals.officer), name: 'Trần Thị Bình' });
  await desk.register();
}, 60_000);

afterAll(async () => {
  await docs.stop();
  await db.dropDatabase();
  await Audit.db.dropDatabase();
  await db.close();
  await w.close();
});

describe('upload, storage and integrity (R-DOC-3)', () => {
  test('R-DOC-3: a signed 3-page PDF is stored in GridFS with its SHA-256, read back whole, verified, served and the download audited', async () => {
    const d = await received(citizenDossier());
    const bytes = await samplePdf('Tờ khai', 3);
    const { id, sha256 } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK1-TS', name: 'Tờ khai', fileName: 'to-khai.pdf', bytes, pages: 3, contentType: 'application/pdf' });
    expect(await db.collection('files.files').findOne({ _id: new mongoose.Types.ObjectId(id) })).toMatchObject({ length: bytes.length, filename: 'to-khai.pdf' });

    const res = await gql<{ document: Record<string, unknown> }>(`{ document(id: "${id}") { kind file { contentType pages size sha256 } scan { signedBy keyId } integrity { status message } downloadPath } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.document).toEqual({
      kind: 'COMPONENT',
      file: { contentType: 'application/pdf', pages: 3, size: bytes.length, sha256 },
      scan: { signedBy: 'Trần Thị Bình', keyId: desk.keyId },
      integrity: { status: 'VALID', message: 'SHA-256 matches; scan signature of Trần Thị Bình verifies' },
      downloadPath: `/documents/${id}/content`,
    });

    const got = await download(id, principals.officer);
    expect(got.status).toBe(200);
    expect(got.headers.get('x-content-sha256')).toBe(sha256);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    const entry = await Audit.findOne({ action: 'DOCUMENT_DOWNLOAD', target: `document:${id}` }).lean();
    expect(entry).toMatchObject({ outcome: 'ALLOWED', actor: { client: 'officer', subject: 'officer-hn' } });
    expect(await verifyAuditChain(Audit)).toBeNull();
  });

  test('R-DOC-3: a one-page PNG sent as application/octet-stream is stored as image/png', async () => {
    const d = await received(citizenDossier(['ANH']));
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'ANH', name: 'Ảnh', fileName: 'anh.png', bytes: png, pages: 1, contentType: 'application/octet-stream' });
    const res = await gql<{ document: Record<string, unknown> }>(`{ document(id: "${id}") { file { contentType pages } integrity { status } } }`);
    expect(res.data!.document).toEqual({ file: { contentType: 'image/png', pages: 1 }, integrity: { status: 'VALID' } });
    expect((await download(id, principals.officer)).headers.get('content-type')).toBe('image/png');
  });

  test('R-DOC-3: bytes changed in GridFS are reported TAMPERED, never served, and the refusal is audited', async () => {
    const d = await received(citizenDossier());
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK1-TS', name: 'Tờ khai', fileName: 'a.pdf', bytes: await samplePdf('A', 1), pages: 1, contentType: 'application/pdf' });
    const chunk = await db.collection('files.chunks').findOne({ files_id: new mongoose.Types.ObjectId(id), n: 0 });
    const data = Buffer.from((chunk!.data as mongoose.mongo.Binary).buffer);
    data[200] = data[200]! ^ 0xff; // one bit pattern flipped, same length
    await db.collection('files.chunks').updateOne({ _id: chunk!._id }, { $set: { data } });

    const res = await gql<{ document: { integrity: { status: string; message: string } } }>(`{ document(id: "${id}") { integrity { status message } } }`);
    expect(res.data!.document.integrity).toEqual({ status: 'TAMPERED', message: 'the stored bytes no longer match the SHA-256 recorded at upload' });
    const got = await download(id, principals.officer);
    expect(got.status).toBe(409);
    expect(await got.json()).toMatchObject({ errors: [{ extensions: { code: 'INTEGRITY_FAILED', integrity: 'TAMPERED' } }] });
    expect(await Audit.findOne({ target: `document:${id}`, outcome: 'TAMPERED' }).lean()).not.toBeNull();
  });

  test('R-DOC-3: a scan signature swapped for one by another key, or a changed scan time, is reported SIGNATURE_INVALID', async () => {
    const d = await received(citizenDossier());
    const bytes = await samplePdf('B', 1);
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK1-TS', name: 'Tờ khai', fileName: 'b.pdf', bytes, pages: 1, contentType: 'application/pdf' });
    const _id = new mongoose.Types.ObjectId(id);
    const integrity = async () => (await gql<{ document: { integrity: { status: string } } }>(`{ document(id: "${id}") { integrity { status } } }`)).data!.document.integrity.status;

    const original = (await models.Document.findById(_id).lean())!.scan!;
    await models.Document.updateOne({ _id }, { $set: { 'scan.scannedAt': new Date(original.scannedAt.getTime() - 86_400_000) } });
    expect(await integrity()).toBe('SIGNATURE_INVALID');

    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify({ documentId: id, dossierCode: d.code, documentTypeCode: 'TK1-TS', sha256: 'x', pages: 1, scannedAt: original.scannedAt.toISOString() })))
      .setProtectedHeader({ alg: 'ES256', kid: desk.keyId! }).sign(privateKey);
    await models.Document.updateOne({ _id }, { $set: { scan: { ...original, jws: forged } } });
    expect(await integrity()).toBe('SIGNATURE_INVALID');
    expect((await download(id, principals.officer)).status).toBe(409);

    await models.Document.updateOne({ _id }, { $set: { scan: original } });
    expect(await integrity()).toBe('VALID');
  });

  test('R-DOC-3: a scan signature copied onto another document does not verify there', async () => {
    const d = await received(citizenDossier(['TK1-TS', 'TK3-TS']));
    const a = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK1-TS', name: 'A', fileName: 'a.pdf', bytes: await samplePdf('A1', 1), pages: 1, contentType: 'application/pdf' });
    const b = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK3-TS', name: 'B', fileName: 'b.pdf', bytes: await samplePdf('B1', 1), pages: 1, contentType: 'application/pdf' });
    const fromA = (await models.Document.findById(a.id).lean())!;
    await replaceFile(b.id, Buffer.from(await (await download(a.id, principals.officer)).arrayBuffer()));
    await models.Document.updateOne({ _id: new mongoose.Types.ObjectId(b.id) }, { $set: { file: fromA.file, scan: fromA.scan } });
    const res = await gql<{ document: { integrity: { status: string; message: string } } }>(`{ document(id: "${b.id}") { integrity { status message } } }`);
    expect(res.data!.document.integrity).toEqual({ status: 'SIGNATURE_INVALID', message: `the scan signature is for another document (its documentId is "${a.id}", not ${b.id})` });
  });

  test('R-DOC-3: a record stripped of its kind and signature, with its hash rewritten to forged bytes, is not served', async () => {
    const d = await received(citizenDossier(['TK5-TS']));
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK5-TS', name: 'C', fileName: 'c.pdf', bytes: await samplePdf('C', 1), pages: 1, contentType: 'application/pdf' });
    const _id = new mongoose.Types.ObjectId(id);
    const forged = await samplePdf('forged', 1);
    await replaceFile(id, forged);
    await db.collection('documents').updateOne({ _id }, { $set: { 'file.sha256': createHash('sha256').update(forged).digest('hex'), 'file.size': forged.length }, $unset: { kind: '', scan: '' } });
    const got = await download(id, principals.officer);
    expect(got.status).toBe(409);
    expect(await got.json()).toMatchObject({ errors: [{ extensions: { code: 'INTEGRITY_FAILED', integrity: 'SIGNATURE_INVALID' } }] });
  });

  describe('refusals leave nothing stored', () => {
    let code: string;
    beforeAll(async () => {
      code = (await received(citizenDossier())).code;
    });
    const announce = async (pages = 1) => (await desk.announce({ dossierCode: code, documentTypeCode: 'TK1-TS', name: 'Tờ khai', pages, fileName: 'x.pdf' })).ticket!;
    const refusals = () => Audit.countDocuments({ action: 'DOCUMENT_UPLOAD', outcome: 'REFUSED', 'actor.subject': 'officer-hn' });

    test.each([
      ['HTML sent as application/pdf', async () => Buffer.from('<html><body>not a scan</body></html>'), 'application/pdf', 400, /not a PDF, JPEG or PNG/],
      ['a PNG sent as application/pdf', async () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(64), Buffer.from('0000000049454e44ae426082', 'hex')]), 'application/pdf', 400, /Content-Type says application\/pdf but the bytes are image\/png/],
      ['bytes that only start like a PDF', async () => Buffer.from('%PDF-1.7\n' + 'x'.repeat(500)), 'application/pdf', 400, /cannot be read as one|no pages that can be read/],
      ['a file larger than the limit', async () => Buffer.concat([await samplePdf('big', 1), randomBytes(MAX_BYTES)]), 'application/pdf', 413, /larger than the limit of 300000 bytes/],
    ])('R-DOC-3: %s is refused', async (_name, make, contentType, status, message) => {
      const [before, refused] = [await stored(), await refusals()];
      const bytes = await make();
      const ticket = await announce();
      const res = await desk.put(ticket.uploadPath, bytes, { 'content-type': contentType, [SCAN_SIGNATURE_HEADER]: await desk.sign(ticket, bytes, 1) });
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toMatch(message);
      expect(await stored()).toEqual(before);
      expect(await refusals()).toBe(refused + 1);
    });

    test('R-DOC-3: a page count other than the paper\'s, a missing signature and a signature over other bytes are refused', async () => {
      const before = await stored();
      const two = await samplePdf('two', 2);
      const three = await announce(3);
      const wrongPages = await desk.put(three.uploadPath, two, { 'content-type': 'application/pdf', [SCAN_SIGNATURE_HEADER]: await desk.sign(three, two, 2) });
      expect(wrongPages).toMatchObject({ status: 400, body: { errors: [{ message: expect.stringMatching(/has 2 page\(s\) but the paper has 3/) }] } });
      const unsigned = await desk.put((await announce(2)).uploadPath, two, { 'content-type': 'application/pdf' });
      expect(unsigned).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', inputErrors: [{ field: SCAN_SIGNATURE_HEADER }] } }] } });
      const other = await announce(2);
      const otherBytes = await desk.put(other.uploadPath, two, { [SCAN_SIGNATURE_HEADER]: await desk.sign(other, await samplePdf('other', 2), 2) });
      expect(otherBytes.status).toBe(400);
      expect(JSON.stringify(otherBytes.body)).toMatch(/over other bytes/);
      const mine = await announce(2);
      const forAnother = await desk.put(mine.uploadPath, two, { [SCAN_SIGNATURE_HEADER]: await desk.sign(await announce(2), two, 2) });
      expect(JSON.stringify(forAnother.body)).toMatch(/for another document \(its documentId is/);
      expect(await stored()).toEqual(before);
    });

    test('an upload ticket is good for one upload by the officer it was issued to', async () => {
      const ticket = await announce();
      const path = ticket.uploadPath;
      const bytes = await samplePdf('once', 1);
      const signature = await desk.sign(ticket, bytes, 1);
      const hcm = await ScanningWorkstation.open({ baseUrl: base, headers: () => headersFor(principals.officerHcm), name: 'Lê Văn Cường' });
      await hcm.register();
      expect((await hcm.put(path, bytes, { [SCAN_SIGNATURE_HEADER]: await hcm.sign(ticket, bytes, 1) })).status).toBe(403);
      expect((await desk.put(path, bytes, { [SCAN_SIGNATURE_HEADER]: signature })).status).toBe(201);
      expect(await desk.put(path, bytes, { [SCAN_SIGNATURE_HEADER]: signature })).toMatchObject({ status: 404, body: { errors: [{ message: expect.stringMatching(/unknown, used or expired/) }] } });
    });

    test('startDocumentUpload names every bad field, and officers of another agency cannot scan into the dossier', async () => {
      const res = await desk.announce({ dossierCode: 'X-1', documentTypeCode: 'TK 1', name: ' ', pages: 0, fileName: '../x.pdf' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((res.errors![0]!.extensions!.inputErrors as { field: string }[]).map((e) => e.field)).toEqual(['dossierCode', 'documentTypeCode', 'name', 'pages', 'fileName']);
      const hcm = await gql('mutation($i: DocumentUploadInput!) { startDocumentUpload(input: $i) { uploadPath } }', { i: { dossierCode: code, documentTypeCode: 'TK1-TS', name: 'x', pages: 1, fileName: 'x.pdf' } }, principals.officerHcm);
      expect(codesOf(hcm.errors)).toEqual(['FORBIDDEN']);
      const citizen = await gql('mutation($i: DocumentUploadInput!) { startDocumentUpload(input: $i) { uploadPath } }', { i: { dossierCode: code, documentTypeCode: 'TK1-TS', name: 'x', pages: 1, fileName: 'x.pdf' } }, principals.citizen);
      expect(codesOf(citizen.errors)).toEqual(['FORBIDDEN']);
    });
  });

  test('registerScannerKey refuses a private key and a key of another officer', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const res = await gql('mutation($i: ScannerKeyInput!) { registerScannerKey(input: $i) { keyId } }', { i: { name: 'X', publicJwk: JSON.stringify(await exportJWK(privateKey)) } });
    expect(res.errors?.[0]?.message).toMatch(/private key/);
    const theirs = await gql('mutation($i: ScannerKeyInput!) { registerScannerKey(input: $i) { keyId } }', { i: { name: 'X', publicJwk: JSON.stringify(desk.publicJwk) } }, principals.officerHcm);
    expect(codesOf(theirs.errors)).toEqual(['CONFLICT']);
  });
});

describe('metadata and digitisation codes (R-DOC-1, R-DOC-2)', () => {
  let dossier: DossierRecord;
  const scanOne = async (type = 'TK1-TS') =>
    (await desk.scan({ dossierCode: dossier.code, documentTypeCode: type, name: `Giấy ${type}`, fileName: 'm.pdf', bytes: await samplePdf(`m${randomBytes(2).toString('hex')}`, 1), pages: 1, contentType: 'application/pdf' })).id;
  beforeAll(async () => {
    dossier = await received(citizenDossier(['TK1-TS', 'CMND']));
  });

  test('R-DOC-1, R-DOC-2: every Art. 9.2 field is kept and the component code is <owner id>.<procedure>.<type>.<number>', async () => {
    const id = await scanOne();
    const m = metadata({ numberSymbol: '15/2026/TK', validUntil: '2031-11-01T00:00:00.000Z', validityScope: 'Toàn quốc', otherFields: [{ name: 'Mã số BHXH', value: '0123456789' }] });
    expect((await desk.digitise(id, m)).data).toEqual({ digitiseDocument: { digitisationCode: `${CITIZEN_ID}.1.002001.TK1-TS.15/2026/TK` } });
    const res = await gql<{ documentByCode: { id: string; metadata: Record<string, unknown> } }>(
      `{ documentByCode(code: "${CITIZEN_ID}.1.002001.TK1-TS.15/2026/TK") { id metadata { documentTypeCode owner { kind personalId } name numberSymbol issuedOn issuingAuthority summary validUntil validityScope otherFields { name value } extractedAt } } }`,
    );
    expect(res.data!.documentByCode).toEqual({
      id,
      metadata: {
        documentTypeCode: 'TK1-TS', owner: { kind: 'PERSON', personalId: CITIZEN_ID }, name: m.name, numberSymbol: '15/2026/TK',
        issuedOn: '2026-11-01T00:00:00.000Z', issuingAuthority: 'Người lao động', summary: m.summary, validUntil: '2031-11-01T00:00:00.000Z',
        validityScope: 'Toàn quốc', otherFields: [{ name: 'Mã số BHXH', value: '0123456789' }], extractedAt: expect.any(String),
      },
    });
  });

  test('R-DOC-2: without an owner id the code starts with an empty owner, and the Art. 9.2b fallback fields are required', async () => {
    const id = await scanOne('CMND');
    const missing = await desk.digitise(id, metadata({ owner: { kind: 'PERSON' }, numberSymbol: '77' }));
    expect((missing.errors![0]!.extensions!.inputErrors as { field: string }[]).map((e) => e.field)).toEqual(['metadata.owner.fullName', 'metadata.owner.dateOfBirth']);
    const res = await desk.digitise(id, metadata({ owner: { kind: 'PERSON', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-05-01' }, numberSymbol: '77' }));
    expect(res.data).toEqual({ digitiseDocument: { digitisationCode: '.1.002001.CMND.77' } });
    expect(await models.Document.findById(id).lean()).toMatchObject({ ownerKey: null }); // no owner id, so in no data store
  });

  test('R-DOC-1: owner ids go through the identity rules and every bad field is named at once; nothing is written', async () => {
    const id = await scanOne();
    const res = await desk.digitise(id, {
      owner: { kind: 'ORGANIZATION', personalId: '099123456789' }, name: '', numberSymbol: 'a b', issuedOn: '2099-01-01T00:00:00.000Z',
      issuingAuthority: 'X', summary: 'Y', validUntil: '2020-01-01T00:00:00.000Z',
    });
    expect((res.errors![0]!.extensions!.inputErrors as { field: string }[]).map((e) => e.field)).toEqual([
      'metadata.owner.personalId', 'metadata.owner.organizationName', 'metadata.owner.foundedYear', 'metadata.name', 'metadata.numberSymbol', 'metadata.issuedOn', 'metadata.validUntil',
    ]);
    const badId = await desk.digitise(id, metadata({ owner: { kind: 'PERSON', personalId: '999090012345' } }));
    expect(badId.errors![0]!.message).toMatch(/province code 999/);
    expect(await models.Document.findById(id).lean()).toMatchObject({ metadata: null, digitisationCode: null });
  });

  test('R-DOC-2: a code is unique: the same paper digitised from a second scan is a CONFLICT naming the first', async () => {
    const first = await scanOne();
    const second = await scanOne();
    const m = metadata({ numberSymbol: 'DUP-1' });
    expect((await desk.digitise(first, m)).data).toBeDefined();
    const res = await desk.digitise(second, m);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', documentId: first });
    expect(await models.Document.findById(second).lean()).toMatchObject({ digitisationCode: null });
    expect(codesOf((await desk.digitise(first, metadata())).errors)).toEqual(['CONFLICT']); // issued codes are final
  });

  test('R-DOC-2: of two concurrent digitisations of one document with different numbers, one wins and one code is issued', async () => {
    const id = await scanOne();
    const results = await Promise.all(['R-1', 'R-2'].map((n) => desk.digitise(id, metadata({ numberSymbol: `RACE-${n}` }))));
    expect(results.map((r) => (r.data ? 'ok' : r.errors![0]!.extensions!.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const won = results.find((r) => r.data)!.data!.digitiseDocument.digitisationCode;
    expect(await models.DigitisationCode.find({ documentId: new mongoose.Types.ObjectId(id) }).lean()).toEqual([expect.objectContaining({ _id: won })]);
    expect(await models.Document.findById(id).lean()).toMatchObject({ digitisationCode: won });
  });
});

describe('data store and reuse (R-DOC-4)', () => {
  test('R-DOC-4: a component the owner holds digitised is linked to their next dossier, shown in their data store, and not scanned again', async () => {
    const first = await received(citizenDossier(['TK1-TS', 'SO-BHXH']));
    const { id } = await desk.scan({ dossierCode: first.code, documentTypeCode: 'SO-BHXH', name: 'Sổ BHXH', fileName: 's.pdf', bytes: await samplePdf('so', 1), pages: 1, contentType: 'application/pdf' });
    await desk.digitise(id, metadata({ name: 'Sổ BHXH', numberSymbol: 'SO-0011' }));

    const next = await received(citizenDossier(['SO-BHXH', 'D02-LT']));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code reusedDocuments { id } documents { id dossier { code } } } } }`;
    const res = await gql<{ _entities: { reusedDocuments: { id: string }[]; documents: { id: string; dossier: { code: string } }[] }[] }>(q, { r: [{ __typename: 'Dossier', code: next.code }] });
    expect(res.data!._entities[0]!.reusedDocuments).toEqual([{ id }]);
    expect(res.data!._entities[0]!.documents).toEqual([{ id, dossier: { code: first.code } }]);

    const again = await desk.announce({ dossierCode: next.code, documentTypeCode: 'SO-BHXH', name: 'Sổ BHXH', pages: 1, fileName: 's.pdf' });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', documentId: id });

    const store = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { documents { id digitisationCode } } } }`;
    const own = await gql<{ _entities: { documents: { id: string }[] }[] }>(store, { r: [{ __typename: 'Citizen', personalId: CITIZEN_ID }] }, principals.citizen);
    expect(own.data!._entities[0]!.documents.map((d) => d.id)).toContain(id);
    const stranger = await gql(store, { r: [{ __typename: 'Citizen', personalId: CITIZEN_ID }] }, { ...principals.citizen, personalId: '001090099999' });
    expect(codesOf(stranger.errors)).toEqual(['FORBIDDEN']);

    // A held copy that no longer passes its check does not stand in for the paper.
    await replaceFile(id, await samplePdf('not the same', 1));
    const rescan = await desk.announce({ dossierCode: next.code, documentTypeCode: 'SO-BHXH', name: 'Sổ BHXH', pages: 1, fileName: 's.pdf' });
    expect(rescan.ticket).toBeDefined();
  });

  test('R-DOC-4: an expired document is not reused', async () => {
    const first = await received(citizenDossier(['GPLX']));
    const { id } = await desk.scan({ dossierCode: first.code, documentTypeCode: 'GPLX', name: 'Giấy phép', fileName: 'g.pdf', bytes: await samplePdf('g', 1), pages: 1, contentType: 'application/pdf' });
    await desk.digitise(id, metadata({ name: 'Giấy phép', numberSymbol: 'GP-1', issuedOn: '2020-01-01T00:00:00.000Z', validUntil: '2025-01-01T00:00:00.000Z' }));
    const next = await received(citizenDossier(['GPLX']));
    expect(await models.DocumentLink.countDocuments({ dossierCode: next.code })).toBe(0);
  });

  test('Organization.documents lists what an organisation owns, to officers', async () => {
    const d = await received(w.receive(orgInput()));
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK1-TS', name: 'Tờ khai', fileName: 'o.pdf', bytes: await samplePdf('o', 1), pages: 1, contentType: 'application/pdf' });
    await desk.digitise(id, metadata({ owner: { kind: 'ORGANIZATION', unitCode: 'TA0123A' }, numberSymbol: 'ORG-1' }));
    const res = await gql<{ _entities: { documents: { digitisationCode: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { documents { digitisationCode } } } }`, { r: [{ __typename: 'Organization', unitCode: 'TA0123A' }] },
    );
    expect(res.data!._entities[0]!.documents).toContainEqual({ digitisationCode: 'TA0123A.1.002001.TK1-TS.ORG-1' });
  });
});

describe('electronic results and access (R-DOC-5)', () => {
  let dossier: DossierRecord;
  const resultId = () => resultIdOf(dossier.code).toString();
  beforeAll(async () => {
    dossier = await received(citizenDossier());
    const processing = await w.act({ code: dossier.code, action: 'START_PROCESSING', expectedVersion: dossier.seq });
    await w.act({ code: dossier.code, action: 'COMPLETE', expectedVersion: processing.seq });
    await settle(() => models.Document.exists({ _id: resultIdOf(dossier.code) }));
  });

  test('R-DOC-5: completing a dossier issues its result with Art. 9.2 metadata, the result code form, and the agency signature', async () => {
    const res = await gql<{ document: Record<string, unknown> }>(
      `{ document(id: "${resultId()}") { kind digitisationCode metadata { documentTypeCode owner { personalId } numberSymbol issuingAuthority } agencySignature { agencyCode } file { contentType pages } integrity { status message } dossier { code } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.document).toEqual({
      kind: 'RESULT',
      digitisationCode: `${CITIZEN_ID}.KQ1002001.${dossier.code}`,
      metadata: { documentTypeCode: 'KQ1002001', owner: { personalId: CITIZEN_ID }, numberSymbol: dossier.code, issuingAuthority: dossier.handlingAgencyCode },
      agencySignature: { agencyCode: dossier.handlingAgencyCode },
      file: { contentType: 'application/pdf', pages: 1 },
      integrity: { status: 'VALID', message: expect.stringMatching(new RegExp(`^SHA-256 matches; agency signature of ${dossier.handlingAgencyCode.replace(/\./g, '\\.')} verifies \\(key agency-[\\w.]+-\\d{8}-[0-9a-f]{6}, stamped \\d{4}-`)) },
      dossier: { code: dossier.code },
    });
  });

  test('R-DOC-5: the result is in its owner\'s data store and downloadable by them; a repeated completion event issues nothing more', async () => {
    const store = await gql<{ _entities: { documents: { id: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { documents { id } } } }`, { r: [{ __typename: 'Citizen', personalId: CITIZEN_ID }] }, principals.citizen,
    );
    expect(store.data!._entities[0]!.documents.map((d) => d.id)).toContain(resultId());
    const mine = await gql<{ myDocuments: { id: string }[] }>('{ myDocuments { id } }', {}, principals.citizen);
    expect(mine.data!.myDocuments.map((d) => d.id)).toContain(resultId());
    expect(codesOf((await gql('{ myDocuments { id } }', {}, principals.officer)).errors)).toEqual(['FORBIDDEN']);
    const got = await download(resultId(), principals.citizen);
    expect(got.status).toBe(200);
    expect((await got.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const before = (await models.Document.findById(resultIdOf(dossier.code)).lean())!;
    await redeliver(dossier.code, 3);
    const after = (await models.Document.findById(resultIdOf(dossier.code)).lean())!;
    expect([after.file, after.agencySignature]).toEqual([before.file, before.agencySignature]);
  });

  test('R-DOC-5: a crash after the result file was stored but before its record was written is repaired when the event comes again', async () => {
    const crashed = await received(citizenDossier(['TK2-TS']));
    const processing = await w.act({ code: crashed.code, action: 'START_PROCESSING', expectedVersion: crashed.seq });
    await w.act({ code: crashed.code, action: 'COMPLETE', expectedVersion: processing.seq });
    const _id = resultIdOf(crashed.code);
    await settle(() => models.Document.exists({ _id }));
    await models.Document.deleteOne({ _id }); // as if the process died between GridFS and the record
    await redeliver(crashed.code, 3);
    const res = await gql<{ document: { digitisationCode: string; integrity: { status: string } } }>(`{ document(id: "${_id.toString()}") { digitisationCode integrity { status } } }`);
    expect(res.data!.document).toEqual({ digitisationCode: `${CITIZEN_ID}.KQ1002001.${crashed.code}`, integrity: { status: 'VALID' } });
    expect(await db.collection('files.files').countDocuments({ _id })).toBe(1);
  });

  test('R-DOC-5: a result whose metadata was changed after signing is reported SIGNATURE_INVALID', async () => {
    const _id = resultIdOf(dossier.code);
    await models.Document.updateOne({ _id }, { $set: { 'metadata.summary': 'Đã sửa' } });
    const res = await gql<{ document: { integrity: { status: string; message: string } } }>(`{ document(id: "${resultId()}") { integrity { status message } } }`);
    expect(res.data!.document.integrity).toEqual({ status: 'SIGNATURE_INVALID', message: 'the agency signature is over another file, metadata or code' });
    await models.Document.updateOne({ _id }, { $set: { 'metadata.summary': `Kết quả giải quyết hồ sơ ${dossier.code} (thủ tục 1.002001).` } });
  });

  test('downloads: the owner and the handling agency may, other citizens, other agencies and dashboards may not; every try is audited', async () => {
    const tries: [Principal, number][] = [
      [principals.officer, 200], [principals.citizen, 200],
      [{ ...principals.citizen, personalId: '001090099999', subject: 'citizen-2' }, 404], [principals.officerHcm, 404], [principals.dashboard, 404], [principals.ivanA, 404],
    ];
    for (const [p, status] of tries) expect([p.subject, (await download(resultId(), p)).status]).toEqual([p.subject, status]);
    const audited = await Audit.find({ action: 'DOCUMENT_DOWNLOAD', target: `document:${resultId()}` }).sort({ _id: -1 }).limit(4).lean();
    expect(audited.map((a) => [a.actor.subject, a.outcome]).reverse()).toEqual([['citizen-2', 'DENIED'], ['officer-hcm', 'DENIED'], ['dash-1', 'DENIED'], ['ivan-a', 'DENIED']]);
    expect(await verifyAuditChain(Audit)).toBeNull();
  });

  test('downloads: the I-VAN provider that filed a dossier may read its documents, another may not', async () => {
    const filed = await received(w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HCM, components: [{ documentTypeCode: 'D02-LT', name: 'Danh sách lao động' }] })), principals.ivanA));
    const hcm = await ScanningWorkstation.open({ baseUrl: base, headers: () => headersFor(principals.officerHcm), name: 'Lê Văn Cường' });
    await hcm.register();
    const { id } = await hcm.scan({ dossierCode: filed.code, documentTypeCode: 'D02-LT', name: 'Danh sách lao động', fileName: 'i.pdf', bytes: await samplePdf('i', 1), pages: 1, contentType: 'application/pdf' });
    expect((await download(id, principals.ivanA)).status).toBe(200);
    expect((await download(id, principals.ivanB)).status).toBe(404);
  });

  test('R-DOC-4: filing a dossier in someone else\'s name does not open their data store to the filer; the handling officers see the reused copy', async () => {
    // An I-VAN provider files for an employer, with the employer's signature (R-INT-1, R-ID-4).
    const employer = { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' };
    const own = await received(w.receive(orgInput({ applicant: employer, components: [{ documentTypeCode: 'DS-LD', name: 'Danh sách lao động' }] })));
    const { id } = await desk.scan({ dossierCode: own.code, documentTypeCode: 'DS-LD', name: 'Danh sách lao động', fileName: 'ds.pdf', bytes: await samplePdf('ds', 1), pages: 1, contentType: 'application/pdf' });
    await desk.digitise(id, metadata({ owner: { kind: 'ORGANIZATION', unitCode: employer.unitCode }, name: 'Danh sách lao động', numberSymbol: 'DS-1', issuingAuthority: employer.name }));
    const filed = await received(w.receive(await w.sign(orgInput({ channel: undefined, agencyCode: HCM, applicant: employer, components: [{ documentTypeCode: 'DS-LD', name: 'Danh sách lao động' }] })), principals.ivanB));
    expect(await models.DocumentLink.exists({ dossierCode: filed.code })).not.toBeNull(); // linked for the officers who process it
    expect((await download(id, principals.ivanB)).status).toBe(404);
    const listed = await gql<{ _entities: { documents: { id: string }[]; reusedDocuments: { id: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { documents { id } reusedDocuments { id } } } }`, { r: [{ __typename: 'Dossier', code: filed.code }] }, principals.ivanB,
    );
    expect(listed.data!._entities[0]).toEqual({ documents: [], reusedDocuments: [] });
    expect((await download(id, principals.officerHcm)).status).toBe(200);
  });

  test('going from a document to its dossier\'s other documents shows only those the caller may see', async () => {
    const employer = await received(w.receive(orgInput({ components: [{ documentTypeCode: 'HD-LD', name: 'Hợp đồng' }, { documentTypeCode: 'BL', name: 'Bảng lương' }] })));
    const contract = await desk.scan({ dossierCode: employer.code, documentTypeCode: 'HD-LD', name: 'Hợp đồng', fileName: 'hd.pdf', bytes: await samplePdf('hd', 1), pages: 1, contentType: 'application/pdf' });
    await desk.digitise(contract.id, metadata({ name: 'Hợp đồng lao động', numberSymbol: 'HD-77' })); // owned by the citizen
    const payroll = await desk.scan({ dossierCode: employer.code, documentTypeCode: 'BL', name: 'Bảng lương', fileName: 'bl.pdf', bytes: await samplePdf('bl', 1), pages: 1, contentType: 'application/pdf' });
    const res = await gql<{ document: { dossier: { documents: { id: string }[] } } }>(`{ document(id: "${contract.id}") { dossier { documents { id } } } }`, {}, principals.citizen);
    expect(res.data!.document.dossier.documents.map((d) => d.id)).toEqual([contract.id]);
    const officer = await gql<{ document: { dossier: { documents: { id: string }[] } } }>(`{ document(id: "${contract.id}") { dossier { documents { id } } } }`);
    expect(officer.data!.document.dossier.documents.map((d) => d.id)).toEqual([contract.id, payroll.id]);
  });

  test('an audit entry changed after it was written breaks the chain from there', async () => {
    const last = await Audit.findOne().sort({ _id: -1 }).lean();
    await Audit.updateOne({ _id: last!._id }, { $set: { outcome: 'ALLOWED', detail: 'rewritten' } });
    expect(await verifyAuditChain(Audit)).toMatchObject({ brokenAt: last!._id, kind: 'edited', reason: `entry ${last!._id} was changed after it was written` });
    await Audit.updateOne({ _id: last!._id }, { $set: { outcome: last!.outcome, detail: last!.detail } });
  });
});

describe('federation', () => {
  test('_entities resolves Document by id (for those who may see it) and Dossier.documents for several dossiers', async () => {
    const d = await received(citizenDossier(['TK3-TS']));
    const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: 'TK3-TS', name: 'Tờ khai', fileName: 'e.pdf', bytes: await samplePdf('e', 1), pages: 1, contentType: 'application/pdf' });
    const res = await gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id documentTypeCode dossier { code } } ... on Dossier { code documents { id } } } }`, {
      r: [{ __typename: 'Document', id }, { __typename: 'Document', id: 'not-an-id' }, { __typename: 'Dossier', code: d.code }, { __typename: 'Dossier', code: '000.00.01.H29-261126-0009' }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id, documentTypeCode: 'TK3-TS', dossier: { code: d.code } }, null, { code: d.code, documents: [{ id }] }, { code: '000.00.01.H29-261126-0009', documents: [] }]);
    const other = await gql(`{ document(id: "${id}") { id } }`, {}, principals.officerHcm);
    expect(other.data).toEqual({ document: null });
  });

  test('documents are not shown to anonymous callers', async () => {
    const res = await gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { documents { id } } } }`, { r: [{ __typename: 'Dossier', code: 'x' }] }, principals.anonymous);
    expect(codesOf(res.errors)).toEqual(['FORBIDDEN']);
  });
});
