import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { documentsSubgraph } from '../../subgraphs/documents/subgraph';
import { documentModels, type DocumentModels } from '../../subgraphs/documents/context';
import { resultIdOf } from '../../subgraphs/documents/models/document';
import { internalSigningKey, signInternalToken, INTERNAL_TOKEN_HEADER } from '../../platform/internal-token';
import { agencySet, KeyStore, revokeKey, rotateSet } from '../../platform/key-store';
import { ensureKeys } from '../../platform/keys';
import { connectDatabase } from '../../platform/mongo';
import type { Principal } from '../../platform/principal';
import { relayOutbox } from '../../subgraphs/dossiers/services/outbox';
import type { DossierRecord } from '../../subgraphs/dossiers/models/dossier';
import { samplePdf, ScanningWorkstation } from '../../scripts/lib/scanner';
import { dossiersWorld, HN, orgInput } from '../support/dossiers';
import { httpSubgraph, principals } from '../support/harness';

/**
 * Signatures that keep their legal value (issue 19; 1333/QĐ-BHXH Art. 9.4; R-DOC-3, R-DOC-4,
 * R-DOC-5, R-Q-2), against the real documents subgraph, FerretDB and Redis (database 59), with
 * a key directory of this file's own so that it can rotate and revoke: countersigned components on
 * success, reuse that prefers them, results across a rotation, and revocation at a time.
 */
const CITIZEN_ID = '001090000123';
const keysDir = mkdtempSync(path.join(tmpdir(), 'signature-keys-'));
let keys: KeyStore;
let w: Awaited<ReturnType<typeof dossiersWorld>>;
let docs: Awaited<ReturnType<typeof httpSubgraph>>;
let db: Connection;
let models: DocumentModels;
let desk: ScanningWorkstation;

async function headersFor(p: Principal): Promise<Record<string, string>> {
  return { [INTERNAL_TOKEN_HEADER]: await signInternalToken(p, `test-${randomBytes(3).toString('hex')}`, await internalSigningKey(keys), 'ip:127.0.0.1') };
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}, p: Principal = principals.officer) {
  const res = await fetch(docs.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await headersFor(p)) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function settle(until: () => Promise<unknown>) {
  while ((await relayOutbox(w.models, w.h.deps.redis)) > 0);
  for (let i = 0; i < 200 && !(await until()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await until()).toBeTruthy();
}

async function receive(types: string[]): Promise<DossierRecord> {
  const d = await w.receive(orgInput({ applicant: { personalId: CITIZEN_ID, name: 'Nguyễn Văn An' }, components: types.map((t) => ({ documentTypeCode: t, name: `Giấy ${t}` })) }));
  await settle(() => models.DossierRef.exists({ _id: d.code }));
  return d;
}

/** Scans and digitises one component of the dossier; answers its id. */
async function digitised(d: DossierRecord, type: string): Promise<string> {
  const { id } = await desk.scan({ dossierCode: d.code, documentTypeCode: type, name: `Giấy ${type}`, fileName: 'giay.pdf', bytes: await samplePdf(type, 1), pages: 1, contentType: 'application/pdf' });
  const res = await desk.digitise(id, {
    owner: { kind: 'PERSON', personalId: CITIZEN_ID }, name: `Giấy ${type}`, numberSymbol: `${type}-${randomBytes(3).toString('hex')}`,
    issuedOn: '2026-11-01T00:00:00.000Z', issuingAuthority: 'Người lao động', summary: 'Tờ khai',
  });
  expect(res.errors).toBeUndefined();
  return id;
}

/** START_PROCESSING then COMPLETE (→ RESULT_READY); waits for the result to be issued. */
async function complete(d: DossierRecord): Promise<void> {
  const processing = await w.act({ code: d.code, action: 'START_PROCESSING', expectedVersion: d.seq });
  await w.act({ code: d.code, action: 'COMPLETE', expectedVersion: processing.seq });
  await settle(() => models.Document.exists({ _id: resultIdOf(d.code) }));
}

const integrityOf = async (id: string) =>
  (await gql<{ document: { integrity: { status: string; message: string } } }>(`{ document(id: "${id}") { integrity { status message } } }`)).data!.document.integrity;

beforeAll(async () => {
  await ensureKeys(keysDir);
  keys = new KeyStore({ dir: keysDir, refreshMs: 0 });
  const env = { KEYS_DIR: keysDir, KEYS_REFRESH_MS: '100' };
  w = await dossiersWorld({ redisDb: 59 });
  docs = await httpSubgraph(documentsSubgraph, { redisDb: 59, env });
  db = await connectDatabase(process.env.MONGODB_URI!, `${docs.prefix}documents`);
  models = documentModels(db);
  desk = await ScanningWorkstation.open({ baseUrl: docs.url.replace(/\/graphql$/, ''), headers: () => headersFor(principals.officer), name: 'Trần Thị Bình' });
  await desk.register();
}, 60_000);

afterAll(async () => {
  await docs.stop();
  await db.dropDatabase();
  await db.close();
  await w.close();
});

describe('countersigned scans (1333 Art. 9.4)', () => {
  test('Art. 9.4: when a dossier reaches RESULT_READY its digitised components are countersigned by the agency; a tampered component then fails integrity', async () => {
    const d = await receive(['TK1-TS']);
    const id = await digitised(d, 'TK1-TS');
    expect((await gql<{ document: { countersignature: null } }>(`{ document(id: "${id}") { countersignature { agencyCode } } }`)).data!.document.countersignature).toBeNull();
    await complete(d);
    await settle(async () => (await models.Document.findById(id).lean())?.countersignature);

    const res = await gql<{ document: Record<string, unknown> }>(`{ document(id: "${id}") { countersignature { agencyCode dossierCode keyId signedAt } scan { stampedAt } integrity { status message } } }`);
    expect(res.data!.document).toEqual({
      countersignature: { agencyCode: HN, dossierCode: d.code, keyId: expect.stringMatching(/^agency-000\.00\.01\.H26-\d{8}-[0-9a-f]{6}$/), signedAt: expect.any(String) },
      scan: { stampedAt: expect.any(String) },
      integrity: { status: 'VALID', message: expect.stringContaining(`countersigned by ${HN} on the success of ${d.code} (Art. 9.4)`) },
    });

    // The scan's own signature covers the bytes only; the countersignature covers the metadata too.
    await models.Document.updateOne({ _id: id }, { $set: { 'metadata.summary': 'Tờ khai đã sửa' } });
    expect(await integrityOf(id)).toEqual({ status: 'SIGNATURE_INVALID', message: 'the agency countersignature is over another file, metadata or code' });
  });

  test('R-DOC-4, Art. 9.4: a later intake reuses the countersigned copy before a newer one that is not, and says so', async () => {
    const first = await receive(['TK3-TS']);
    const countersigned = await digitised(first, 'TK3-TS');
    await complete(first);
    await settle(async () => (await models.Document.findById(countersigned).lean())?.countersignature);
    // A newer scan of the same paper in a dossier that has not succeeded.
    const second = await receive(['SO-BHXH']);
    const newer = await digitised(second, 'SO-BHXH');
    await models.Document.updateOne({ _id: newer }, { $set: { documentTypeCode: 'TK3-TS', 'metadata.extractedAt': new Date(Date.now() + 60_000) } });

    const third = await receive(['TK3-TS']);
    const reuses = await gql<{ _entities: { reuses: { document: { id: string }; countersigned: boolean; note: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { reuses { document { id } countersigned note } } } }`, { r: [{ __typename: 'Dossier', code: third.code }] },
    );
    expect(reuses.data!._entities[0]!.reuses).toEqual([{
      document: { id: countersigned }, countersigned: true,
      note: `a valid electronic copy of TK3-TS: countersigned by ${HN} when dossier ${first.code} succeeded (1333 Art. 9.4); preferred over copies not countersigned`,
    }]);
  });
});

describe('results across rotation and revocation (R-DOC-5, R-Q-2)', () => {
  test('R-DOC-5: a result signed before the agency key is rotated verifies after it; the next result is signed with the new key', async () => {
    const before = await receive(['TK4-TS']);
    await complete(before);
    const { added, retired } = await rotateSet(keysDir, agencySet(HN));
    await new Promise((r) => setTimeout(r, 300)); // the subgraph re-reads its sets every 100 ms here
    const after = await receive(['TK4-TS']);
    await complete(after);

    const signatures = await gql<{ a: { agencySignature: { keyId: string; stamped: boolean } }; b: { agencySignature: { keyId: string } } }>(
      `{ a: document(id: "${resultIdOf(before.code).toString()}") { agencySignature { keyId stamped } } b: document(id: "${resultIdOf(after.code).toString()}") { agencySignature { keyId } } }`,
    );
    expect(retired.map((k) => k.kid)).toContain(signatures.data!.a.agencySignature.keyId);
    expect(signatures.data!.a.agencySignature.stamped).toBe(true);
    expect(signatures.data!.b.agencySignature.keyId).toBe(added.kid);
    for (const d of [before, after]) expect(await integrityOf(resultIdOf(d.code).toString())).toMatchObject({ status: 'VALID' });
  });

  test('R-Q-2: after a key is revoked at T, a result stamped before T still verifies and one stamped after fails with the reason', async () => {
    const early = await receive(['TK5-TS']);
    await complete(early);
    await new Promise((r) => setTimeout(r, 50));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const late = await receive(['TK5-TS']);
    await complete(late);
    const kid = (await models.Document.findById(resultIdOf(late.code)).lean())!.agencySignature!.keyId;
    // The same key signed both: only the time tells them apart.
    expect((await models.Document.findById(resultIdOf(early.code)).lean())!.agencySignature!.keyId).toBe(kid);
    await revokeKey(keysDir, kid, between, 'signing server compromised');
    await new Promise((r) => setTimeout(r, 300));

    expect(await integrityOf(resultIdOf(early.code).toString())).toMatchObject({ status: 'VALID' });
    expect(await integrityOf(resultIdOf(late.code).toString())).toEqual({
      status: 'SIGNATURE_INVALID',
      message: expect.stringMatching(new RegExp(`^the agency signature does not hold: signed at \\S+, after key ${kid.replace(/\./g, '\\.')} was revoked at ${between.toISOString()} \\(signing server compromised\\)$`)),
    });
    await rotateSet(keysDir, agencySet(HN)); // the agency signs again, with a new key
  });

  test('R-DOC-3: a scanner key revoked at T leaves scans stamped before T valid and fails later ones; a revoked key cannot sign new uploads', async () => {
    const d = await receive(['TK6-TS', 'TK7-TS']);
    const early = await digitised(d, 'TK6-TS');
    const between = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const late = await digitised(d, 'TK7-TS');
    const revoked = await desk.graphql<{ revokeScannerKey: { revokedAt: string; revocationReason: string } }>(
      'mutation($k: ID!, $at: DateTime) { revokeScannerKey(keyId: $k, reason: "máy trạm bị mất", at: $at) { revokedAt revocationReason } }', { k: desk.keyId, at: between.toISOString() },
    );
    expect(revoked.data!.revokeScannerKey).toEqual({ revokedAt: between.toISOString(), revocationReason: 'máy trạm bị mất' });
    expect(await integrityOf(early)).toMatchObject({ status: 'VALID' });
    expect(await integrityOf(late)).toEqual({ status: 'SIGNATURE_INVALID', message: expect.stringMatching(/^scanner key: signed at .*, after key .* was revoked at .* \(máy trạm bị mất\)$/) });
    await expect(digitised(d, 'TK8-TS')).rejects.toThrow(/was revoked at/);
  });
});
