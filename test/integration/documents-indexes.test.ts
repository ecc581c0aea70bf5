import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Types, type Connection } from 'mongoose';
import { documentsSubgraph } from '../../subgraphs/documents/subgraph';
import { domainOf, type Context, type DocumentsDomain } from '../../subgraphs/documents/context';
import { resultIdOf, type DocumentRecord } from '../../subgraphs/documents/models/document';
import { downloadRoute } from '../../subgraphs/documents/routes';
import { digitiseDocument } from '../../subgraphs/documents/services/digitise';
import { applyDossierEvent } from '../../subgraphs/documents/services/dossier-events';
import { checkIntegrity } from '../../subgraphs/documents/services/integrity';
import type { MetadataInput } from '../../subgraphs/documents/services/metadata';
import { registerScannerKey } from '../../subgraphs/documents/services/scanner-keys';
import { acceptUpload, openTicket, startUpload } from '../../subgraphs/documents/services/upload';
import { auditDatabase, AuditLog, auditHashOf, auditModel, verifyAuditChain, type AuditEntry } from '../../platform/audit';
import type { DossierEvent, DossierReception } from '../../platform/events';
import type { Principal } from '../../platform/principal';
import { samplePdf, ScanningWorkstation } from '../../scripts/lib/scanner';
import { recordReads, wholeCollectionReads, documentsOf } from '../support/explain';
import { principals, subgraphHarness } from '../support/harness';
import { HN } from '../support/dossiers';

/**
 * R-Q-1 (24/7 at national volume), issue 12: every hot path of the documents subgraph reads
 * through an index on the embedded FerretDB/PostgreSQL. The hot collections are filled with
 * ≥ 5 000 copies of what the services themselves stored (documents with their metadata and
 * signatures, GridFS files and chunks, reuse links, dossier refs, tickets, codes, scanner keys and
 * a hash-chained audit log); each path then runs for real and every read it sends is EXPLAINed.
 */
const N = 5000;
const CITIZEN_ID = principals.citizen.personalId;
const UNIT_CODE = 'TA0123A';

let h: Awaited<ReturnType<typeof subgraphHarness<Context>>>;
let db: Connection;
let domain: DocumentsDomain;
let desk: ScanningWorkstation;
let day = 0;
/** The documents the real flows stored, by role. */
const real = {} as Record<'held' | 'form' | 'photo' | 'org' | 'result', DocumentRecord>;
let firstDossier: string;
let reusingDossier: string;

/** The system's audit log lives in its own database beside the subgraph's (platform/audit.ts). */
const auditDb = () => auditDatabase(db, h.deps.config.auditDatabaseName);
const raw = (name: string) => (name.startsWith('audit_') ? auditDb() : db).db!.collection(name);
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
/** A fresh dossier code of the handling agency (the intake's form; a day per call keeps them apart). */
const newCode = () => `${HN}-2612${String(++day).padStart(2, '0')}-0001`;

/** Every read `work` sends must use an index; answers what the work answered. */
async function indexed<T>(work: () => Promise<T>): Promise<T> {
  let out: T | undefined;
  const problems = await wholeCollectionReads(db, async () => {
    out = await work();
  });
  expect(problems).toEqual([]);
  return out as T;
}

function dossierEvent(dossierCode: string, seq: number, action: string, state: string, reception?: DossierReception): DossierEvent {
  return {
    id: `${dossierCode}:${seq}`, globalSeq: seq, dossierCode, seq, action, state, previousState: null, status: state, previousStatus: null,
    agencyCode: HN, departmentCode: null, procedureCode: '1.002001', channel: 'DESK', actor: { client: 'officer', subject: 'officer-hn' }, at: new Date().toISOString(), reception,
  };
}

const citizen = (personalId = CITIZEN_ID): DossierReception['applicant'] => ({ kind: 'CITIZEN', personalId, unitCode: null, name: 'Nguyễn Văn An' });
const reception = (applicant: DossierReception['applicant'], componentTypes: string[]): DossierReception => ({
  applicant, procedureName: 'Đăng ký tham gia BHXH bắt buộc', ivanProviderId: null, componentTypes,
});

async function receive(applicant: DossierReception['applicant'], componentTypes: string[]): Promise<string> {
  const code = newCode();
  await applyDossierEvent(domain, dossierEvent(code, 1, 'RECEIVE', 'RECEIVED', reception(applicant, componentTypes)), h.deps.logger);
  return code;
}

/** Steps 1 and 2 of a scan, as startDocumentUpload and PUT /uploads/<ticket> run them. */
async function scan(dossierCode: string, documentTypeCode: string, bytes: Buffer, pages: number): Promise<DocumentRecord> {
  const ctx = await h.context(principals.officer);
  const started = await startUpload(ctx, { dossierCode, documentTypeCode, name: `Giấy ${documentTypeCode}`, pages, fileName: `${documentTypeCode}.bin` });
  const ticketId = started.uploadPath.split('/').pop()!;
  const ticket = await openTicket(domain, ctx.principal, ticketId);
  const signature = await desk.sign({ ...started, expiresAt: started.expiresAt.toISOString(), dossierCode, documentTypeCode }, bytes, pages);
  const accepted = (id: string) =>
    domain.audit.record({ principal: ctx.principal, requestId: ctx.requestId, action: 'DOCUMENT_UPLOAD', target: `document:${id}`, outcome: 'ALLOWED', detail: `ticket:${ticketId.slice(0, 8)}…` });
  return acceptUpload(domain, ctx.principal, ticket, { bytes, claimedType: null, scanSignature: signature }, accepted);
}

const metadata = (owner: MetadataInput['owner'], numberSymbol: string, name = 'Sổ bảo hiểm xã hội'): MetadataInput => ({
  owner, name, numberSymbol, issuedOn: new Date('2026-11-01T00:00:00Z'), issuingAuthority: 'BHXH thành phố Hà Nội', summary: `${name} số ${numberSymbol}`,
});

/** Step 3: the Art. 9.2 metadata and the digitisation code. */
async function digitise(id: Types.ObjectId, input: MetadataInput) {
  return digitiseDocument(await h.context(principals.officer), { id: id.toString(), metadata: input });
}

/** A scanned image over several GridFS chunks (255 KiB each): PNG signature, pixels, IEND. */
const bigPng = () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(600_000), Buffer.from('0000000049454e44ae426082', 'hex')]);

/** How many copies each collection received. */
const inserted: Record<string, number> = {};

async function insertAll(name: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 1000) inserted[name] = (inserted[name] ?? 0) + (await raw(name).insertMany(docs.slice(i, i + 1000))).insertedCount;
}


/** Copies of what the real flows stored, N of each, under new keys: many owners, a few documents each. */
async function fillHotCollections() {
  const personalIdOf = (i: number) => `00109${String(i % 2500).padStart(7, '0')}`;
  const codeOf = (i: number) => `${HN}-2610${String(1 + Math.floor(i / 1000)).padStart(2, '0')}-${String(1 + (i % 1000)).padStart(4, '0')}`;
  const templates = {
    ref: (await domain.models.DossierRef.findById(firstDossier).lean())!,
    ticket: (await raw('upload_tickets').findOne({}))!,
    key: (await raw('scanner_keys').findOne({}))!,
    file: (await raw('files.files').findOne({ _id: real.held._id }))!,
    chunk: (await raw('files.chunks').findOne({ files_id: real.held._id }))!,
  };
  const docs: DocumentRecord[] = [];
  for (let i = 0; i < N; i++) {
    const pid = personalIdOf(i);
    const dossierCode = codeOf(i);
    if (i % 5 === 4) {
      const r = real.result;
      docs.push({
        ...r, _id: resultIdOf(dossierCode), dossierCode, ownerKey: `P:${pid}`, digitisationCode: `${pid}.KQ1002001.${dossierCode}`,
        metadata: { ...r.metadata!, owner: { ...r.metadata!.owner, personalId: pid }, numberSymbol: dossierCode },
      });
    } else {
      const d = real.held;
      const numberSymbol = `SO-${i}`;
      docs.push({
        ...d, _id: new Types.ObjectId(), dossierCode, ownerKey: `P:${pid}`, digitisationCode: `${pid}.1.002001.SO-BHXH.${numberSymbol}`,
        metadata: { ...d.metadata!, owner: { ...d.metadata!.owner, personalId: pid }, numberSymbol }, createdAt: new Date(d.createdAt.getTime() - i * 60_000),
      });
    }
  }
  await insertAll('documents', docs);
  await insertAll('files.files', docs.map((d) => ({ ...templates.file, _id: d._id })));
  await insertAll('files.chunks', docs.map((d) => ({ ...templates.chunk, _id: new Types.ObjectId(), files_id: d._id })));
  await insertAll('digitisation_codes', docs.map((d) => ({ _id: d.digitisationCode, documentId: d._id, issuedAt: d.createdAt })));
  await insertAll('dossier_refs', docs.map((d, i) => ({ ...templates.ref, _id: d.dossierCode, applicant: citizen(personalIdOf(i)), seq: 1 + (i % 7) })));
  // A later dossier of the same owner reuses each held document (R-DOC-4).
  await insertAll('document_links', docs.map((d, i) => ({ _id: `${codeOf((i + 2500) % N)}:${d._id.toString()}`, dossierCode: codeOf((i + 2500) % N), documentId: d._id, linkedAt: new Date() })));
  await insertAll('upload_tickets', docs.map((d) => ({ ...templates.ticket, _id: randomBytes(24).toString('base64url'), documentId: new Types.ObjectId(), dossierCode: d.dossierCode })));
  await insertAll('scanner_keys', docs.map((_, i) => ({ ...templates.key, _id: randomBytes(32).toString('base64url'), subject: `officer-${i}`, name: `Cán bộ ${i}` })));

  const existing = await raw('audit_log').find({}).sort({ _id: 1 }).toArray();
  let previous = existing.at(-1) as unknown as AuditEntry;
  const entries: AuditEntry[] = [];
  for (let i = 0; i < N; i++) {
    const e = {
      _id: previous._id + 1, at: new Date(), actor: { client: 'officer', subject: 'officer-hn', agencyCode: HN }, action: 'DOCUMENT_DOWNLOAD',
      target: `document:${docs[i]!._id.toString()}`, outcome: 'ALLOWED', requestId: `req-${i}`, detail: null, previousHash: previous.hash,
    };
    entries.push((previous = { ...e, hash: auditHashOf(e) }));
  }
  await insertAll('audit_log', entries);
}

beforeAll(async () => {
  h = await subgraphHarness(documentsSubgraph, { redisDb: 47 });
  db = h.deps.db;
  domain = domainOf(h.deps);
  desk = await ScanningWorkstation.open({ baseUrl: 'http://127.0.0.1:1', headers: async () => ({}), name: 'Trần Thị Bình' });
  desk.keyId = (await registerScannerKey(await h.context(principals.officer), { name: desk.name, publicJwk: JSON.stringify(desk.publicJwk) }))._id;

  // The real flows, whose records the copies are made from.
  firstDossier = await receive(citizen(), ['SO-BHXH', 'TK1-TS', 'ANH']);
  real.held = await scan(firstDossier, 'SO-BHXH', await samplePdf('Sổ BHXH', 2), 2);
  await digitise(real.held._id, metadata({ kind: 'PERSON', personalId: CITIZEN_ID }, 'SO-0011'));
  real.held = (await domain.models.Document.findById(real.held._id).lean())!;
  real.form = await scan(firstDossier, 'TK1-TS', await samplePdf('Tờ khai', 1), 1);
  real.photo = await scan(firstDossier, 'ANH', bigPng(), 1);
  const orgDossier = await receive({ kind: 'ORGANIZATION', personalId: null, unitCode: UNIT_CODE, name: 'Công ty TNHH An Phát' }, ['D02-LT']);
  real.org = await scan(orgDossier, 'D02-LT', await samplePdf('Danh sách lao động', 1), 1);
  await digitise(real.org._id, metadata({ kind: 'ORGANIZATION', unitCode: UNIT_CODE }, 'D02-7', 'Danh sách lao động'));
  await applyDossierEvent(domain, dossierEvent(firstDossier, 2, 'START_PROCESSING', 'PROCESSING'), h.deps.logger);
  await applyDossierEvent(domain, dossierEvent(firstDossier, 3, 'COMPLETE', 'RESULT_READY'), h.deps.logger);
  real.result = (await domain.models.Document.findById(resultIdOf(firstDossier)).lean())!;
  reusingDossier = await receive(citizen(), ['SO-BHXH', 'TK1-TS']);
  // A ticket announced and not used yet, as desks leave them.
  await startUpload(await h.context(principals.officer), { dossierCode: reusingDossier, documentTypeCode: 'TK1-TS', name: 'Tờ khai', pages: 1, fileName: 'to-khai.pdf' });

  await fillHotCollections();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('the documents subgraph reads through indexes at national volume (R-Q-1, issue 12)', () => {
  test('R-Q-1, issue 12: the hot collections hold ≥ 5 000 copies each of what the services stored, GridFS ≥ 5 000 chunks', async () => {
    // Counted as inserted: a count on FerretDB reads every row, and the EXPLAINs below count again.
    const names = ['documents', 'files.files', 'files.chunks', 'document_links', 'dossier_refs', 'upload_tickets', 'digitisation_codes', 'scanner_keys', 'audit_log'];
    expect(names.filter((name) => !(inserted[name]! >= N))).toEqual([]);
    expect(await raw('files.chunks').countDocuments({ files_id: real.photo._id })).toBe(3);
  });

  test('R-Q-1, issue 12: document(id) with its integrity check (GridFS file and chunks, scanner key), reuse links and dossier refs; documentByCode', async () => {
    const res = await indexed(() =>
      h.exec(`{
        document(id: "${real.held._id.toString()}") { id digitisationCode file { sha256 } integrity { status message } dossier { code documents { id } } }
        documentByCode(code: "${CITIZEN_ID}.1.002001.SO-BHXH.SO-0011") { id }
      }`),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.document).toEqual({
      id: real.held._id.toString(), digitisationCode: `${CITIZEN_ID}.1.002001.SO-BHXH.SO-0011`, file: { sha256: real.held.file!.sha256 },
      // Its dossier succeeded: countersigned (issue 19, 1333 Art. 9.4).
      integrity: { status: 'VALID', message: `SHA-256 matches; scan signature of Trần Thị Bình verifies; countersigned by 000.00.01.H26 on the success of ${firstDossier} (Art. 9.4)` },
      dossier: { code: firstDossier, documents: [real.held, real.form, real.photo, real.result].map((d) => ({ id: d._id.toString() })) },
    });
    expect(res.data!.documentByCode).toEqual({ id: real.held._id.toString() });
  });

  test('R-Q-1, issue 12: GET /documents/<id>/content of a 3-chunk scan to its agency\'s officer and of a signed result to its owner: document, links, refs, file, chunks, keys and the audit append, all by index; the bytes are the stored ones', async () => {
    // The subgraph's own route handler behind a bare HTTP server, with the principal the test names.
    const route = downloadRoute(h.deps);
    const server = http.createServer((req, res) => {
      const p: Principal = principals[req.headers['x-test-principal'] as keyof typeof principals];
      route.handle(req, res, route.path.exec(req.url ?? '')!, () => h.context(p)).catch((err: Error) => {
        res.writeHead(500).end(err.message);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tries = [[real.photo, 'officer'], [real.result, 'citizen']] as const;
    try {
      const got = await indexed(() =>
        Promise.all(tries.map(async ([doc, who]) => {
          const res = await fetch(`${base}/documents/${doc._id.toString()}/content`, { headers: { 'x-test-principal': who } });
          return { status: res.status, header: res.headers.get('x-content-sha256'), bytes: Buffer.from(await res.arrayBuffer()) };
        })),
      );
      expect(got.map((g) => [g.status, g.header, sha256(g.bytes), g.bytes.length])).toEqual(tries.map(([doc]) => [200, doc.file!.sha256, doc.file!.sha256, doc.file!.size]));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    for (const [doc, who] of tries) {
      expect(await auditModel(auditDb()).findOne({ target: `document:${doc._id.toString()}`, action: 'DOCUMENT_DOWNLOAD', 'actor.subject': principals[who].subject }).lean()).toMatchObject({ outcome: 'ALLOWED' });
    }
  });

  test('R-Q-1, issue 12: a scan from ticket to digitisation code (startDocumentUpload, PUT /uploads/<ticket>, digitiseDocument)', async () => {
    const dossierCode = await receive(citizen(), ['TK3-TS']);
    const bytes = await samplePdf('Tờ khai TK3', 1);
    const done = await indexed(async () => {
      const doc = await scan(dossierCode, 'TK3-TS', bytes, 1);
      return digitise(doc._id, metadata({ kind: 'PERSON', personalId: CITIZEN_ID }, 'TK3-0001', 'Tờ khai TK3'));
    });
    expect(done).toMatchObject({ dossierCode, digitisationCode: `${CITIZEN_ID}.1.002001.TK3-TS.TK3-0001`, ownerKey: `P:${CITIZEN_ID}`, file: { sha256: sha256(bytes) } });
    expect((await checkIntegrity(done, domain)).status).toBe('VALID');
    expect(await domain.models.UploadTicket.exists({ documentId: done._id })).toBeNull(); // used up
  });

  test('R-Q-1, issue 12: a dossier\'s own and reused documents, and links by document, through _entities', async () => {
    const res = await indexed(() =>
      h.exec('query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { code documents { id } reusedDocuments { id } } } }', {
        r: [{ __typename: 'Dossier', code: firstDossier }, { __typename: 'Dossier', code: reusingDossier }],
      }),
    );
    expect(res.errors).toBeUndefined();
    const id = (d: DocumentRecord) => ({ id: d._id.toString() });
    expect(res.data!._entities).toEqual([
      { code: firstDossier, documents: [real.held, real.form, real.photo, real.result].map(id), reusedDocuments: [] },
      { code: reusingDossier, documents: [id(real.held)], reusedDocuments: [id(real.held)] },
    ]);
  });

  test('R-Q-1, issue 12: data stores by owner key: Citizen.documents, Organization.documents and myDocuments', async () => {
    const [stores, mine] = await indexed(() =>
      Promise.all([
        h.exec('query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { documents { id } } ... on Organization { documents { id } } } }', {
          r: [{ __typename: 'Citizen', personalId: CITIZEN_ID }, { __typename: 'Organization', unitCode: UNIT_CODE }],
        }),
        h.exec('{ myDocuments { id } }', {}, principals.citizen),
      ]),
    );
    expect([stores.errors, mine.errors]).toEqual([undefined, undefined]);
    const [person, org] = stores.data!._entities as { documents: { id: string }[] }[];
    expect(person!.documents.map((d) => d.id)).toEqual(expect.arrayContaining([real.held._id.toString(), real.result._id.toString()]));
    expect(org!.documents).toEqual([{ id: real.org._id.toString() }]);
    expect((mine.data!.myDocuments as { id: string }[]).map((d) => d.id).sort()).toEqual(person!.documents.map((d) => d.id).sort());
  });

  test('R-Q-1, issue 12: the dossier event consumer: reception links the documents the owner holds, a change follows the dossier, completion issues the result', async () => {
    const code = newCode();
    await indexed(async () => {
      await applyDossierEvent(domain, dossierEvent(code, 1, 'RECEIVE', 'RECEIVED', reception(citizen(), ['SO-BHXH'])), h.deps.logger);
      await applyDossierEvent(domain, dossierEvent(code, 2, 'START_PROCESSING', 'PROCESSING'), h.deps.logger);
      await applyDossierEvent(domain, dossierEvent(code, 3, 'COMPLETE', 'RESULT_READY'), h.deps.logger);
      await applyDossierEvent(domain, dossierEvent(code, 3, 'COMPLETE', 'RESULT_READY'), h.deps.logger); // delivered again
    });
    expect(await domain.models.DocumentLink.find({ dossierCode: code }).lean()).toEqual([expect.objectContaining({ documentId: real.held._id })]);
    expect(await domain.models.DossierRef.findById(code).lean()).toMatchObject({ state: 'RESULT_READY', seq: 3 });
    const result = (await domain.models.Document.findById(resultIdOf(code)).lean())!;
    expect(result).toMatchObject({ kind: 'RESULT', digitisationCode: `${CITIZEN_ID}.KQ1002001.${code}` });
    expect((await checkIntegrity(result, domain)).status).toBe('VALID');
  });

  test('R-Q-1, issue 12: a new process appends to the audit log after finding the last number by look-ups of _id, not a sort', async () => {
    const Audit = auditModel(auditDb());
    const before = await documentsOf(Audit);
    const entry = (requestId: string) => ({
      principal: principals.officer as Principal, requestId, action: 'DOCUMENT_DOWNLOAD', target: `document:${real.form._id.toString()}`, outcome: 'ALLOWED',
    });
    // Each AuditLog knows no number yet, as after a start.
    await indexed(() => new AuditLog(Audit).record(entry('req-explained')));
    const reads = await recordReads(db, () => new AuditLog(Audit).record(entry('req-counted')));
    // ≈ 2·log₂ n existence checks by _id, then entry n − 1's hash.
    expect(reads.filter((r) => r.collection === 'audit_log').length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(before + 2)) + 2);
    expect(await Audit.find({ _id: { $gt: before } }).sort({ _id: 1 }).lean()).toEqual([
      expect.objectContaining({ _id: before + 1, requestId: 'req-explained' }), expect.objectContaining({ _id: before + 2, requestId: 'req-counted' }),
    ]);
    expect(await verifyAuditChain(Audit)).toBeNull();
  });

  test('R-Q-1, issue 12: registering a scanner key again finds it by its thumbprint', async () => {
    const key = await indexed(async () => registerScannerKey(await h.context(principals.officer), { name: desk.name, publicJwk: JSON.stringify(desk.publicJwk) }));
    expect(key).toMatchObject({ _id: desk.keyId, subject: 'officer-hn' });
  });
});
