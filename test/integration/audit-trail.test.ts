import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { Redis } from 'ioredis';
import { AuditLog, auditDossierModel, auditModel, verifyAuditChain, type AuditRecord } from '../../platform/audit';
import { auditCheckpointModel, AuditCheckpointer, type CheckpointSeal } from '../../platform/audit-checkpoints';
import { KeyStore } from '../../platform/key-store';
import { localTimestamps } from '../../adapters/timestamp/local';
import { checkpointSeal } from '../../adapters/timestamp/stamped';
import { connectDatabase } from '../../platform/mongo';
import { createLogger } from '../../platform/logger';
import { createAuditInbox, inboxKey, startAuditWriter } from '../../gateway/audit/inbox';
import { auditPlugin, type AuditSink } from '../../gateway/audit/plugin';
import { traceIdOf } from '../../gateway/audit/touched';
import type { GatewayContext } from '../../gateway/context';
import { verifyAudit } from '../../scripts/audit-verify';
import { auditTrailPage } from '../../subgraphs/dossiers/services/audit-trail';
import { wholeCollectionReads } from '../support/explain';

/**
 * The audit trail of every exchange (issue 16, R-Q-2) against the real FerretDB and Redis (its
 * own database 61): one hash chain that several writers append to without forking it, the Redis
 * inbox that loses no read while its writer is down, signed checkpoints, and `audit:verify`
 * naming the first entry edited, deleted or reordered.
 */
const logger = createLogger('audit-test', { level: 'error' });
const officer = { client: 'officer' as const, subject: 'officer-hn', agencyCode: '000.00.01.H26' };
const CODE = '000.00.01.H26-261203-0001';
let redis: Redis;
let seal: CheckpointSeal;
/** A key store of its own, made on first use, as a development machine's. */
const sealOfNewKeys = () => {
  const keys = new KeyStore({ dir: mkdtempSync(path.join(tmpdir(), 'audit-keys-')), createMissing: true });
  return checkpointSeal(keys, localTimestamps(keys));
};
const opened: Connection[] = [];

async function freshLog() {
  const database = `audit${randomBytes(4).toString('hex')}_audit`;
  const db = await connectDatabase(process.env.MONGODB_URI!, database);
  opened.push(db);
  return { database, db, Audit: auditModel(db), log: new AuditLog(auditModel(db), auditDossierModel(db)) };
}

const record = (i: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  principal: officer, requestId: `req-${i}`, action: 'GRAPHQL_QUERY', target: 'DossierStatus', outcome: 'OK', touched: [`dossier:${CODE}`], ...over,
});

beforeAll(async () => {
  redis = new Redis(`${process.env.REDIS_URL}/61`);
  await redis.flushdb();
  seal = sealOfNewKeys();
});

afterAll(async () => {
  for (const db of opened) {
    await db.dropDatabase();
    await db.close();
  }
  redis.disconnect();
});

describe('issue 16, R-Q-2: one hash-chained audit log', () => {
  test('three writers appending at once (single records and batches) make one chain 1…N without a fork', async () => {
    const { db, Audit } = await freshLog();
    const writers = [0, 1, 2].map(() => new AuditLog(auditModel(db), auditDossierModel(db)));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => writers[0]!.record(record(i))),
      ...Array.from({ length: 10 }, (_, i) => writers[1]!.record(record(100 + i))),
      writers[2]!.recordAll(Array.from({ length: 20 }, (_, i) => record(200 + i))),
    ]);
    const ids = (await Audit.find().select({ _id: 1 }).lean()).map((e) => e._id).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set((await Audit.find().lean()).map((e) => e.previousHash)).size).toBe(40);
    expect(await verifyAuditMine(db)).toBeNull();
    // The per-dossier rows for auditTrail: one per entry that named the dossier.
    expect(await auditDossierModel(db).countDocuments({ dossierCode: CODE })).toBe(40);
  });

  test('audit:verify names the first entry edited, deleted or reordered, and a forged or altered checkpoint', async () => {
    const { database, db, Audit, log } = await freshLog();
    await log.recordAll(Array.from({ length: 12 }, (_, i) => record(i)));
    const checkpoints = new AuditCheckpointer(Audit, auditCheckpointModel(db), seal, { entries: 5, ms: 60_000 });
    await checkpoints.maybe();
    const verify = () => verifyAudit(process.env.MONGODB_URI!, database, seal);
    const good = await verify();
    expect(good).toMatchObject({ ok: true, entries: 12, checkpoints: 1, chain: null, checkpoint: null });

    const raw = db.collection<{ _id: number }>('audit_log');
    // Edited: entry 7's outcome rewritten.
    await raw.updateOne({ _id: 7 }, { $set: { outcome: 'FORBIDDEN' } });
    expect((await verify()).chain).toMatchObject({ brokenAt: 7, kind: 'edited' });
    await raw.updateOne({ _id: 7 }, { $set: { outcome: 'OK' } });
    expect((await verify()).ok).toBe(true);

    // Deleted: entry 5 removed.
    const five = (await raw.findOne({ _id: 5 }))!;
    await raw.deleteOne({ _id: 5 });
    const deleted = await verify();
    expect(deleted).toMatchObject({ ok: false, chain: { brokenAt: 5, kind: 'deleted' } });
    expect(deleted.lines.join('\n')).toContain('BROKEN at entry 5 (deleted)');
    await raw.insertOne(five);

    // Reordered: entries 3 and 4 swap places.
    const [three, four] = [(await raw.findOne({ _id: 3 }))!, (await raw.findOne({ _id: 4 }))!];
    await raw.deleteMany({ _id: { $in: [3, 4] } });
    await raw.insertMany([{ ...three, _id: 4 }, { ...four, _id: 3 }]);
    expect((await verify()).chain).toMatchObject({ brokenAt: 3, kind: 'reordered' });
    await raw.deleteMany({ _id: { $in: [3, 4] } });
    await raw.insertMany([three, four]);
    expect((await verify()).ok).toBe(true);

    // A checkpoint altered (it now seals another hash) and one forged with another key.
    const cps = db.collection<{ _id: number }>('audit_checkpoints');
    const sealed = (await cps.findOne({ _id: 1 }))!;
    await cps.updateOne({ _id: 1 }, { $set: { hash: 'f'.repeat(64) } });
    expect((await verify()).checkpoint).toMatchObject({ checkpoint: 1, reason: expect.stringContaining('changed after it was signed') });
    await cps.replaceOne({ _id: 1 }, sealed);
    await new AuditCheckpointer(Audit, auditCheckpointModel(db), sealOfNewKeys(), { entries: 1, ms: 0 }).sign(12);
    expect((await verify()).checkpoint).toMatchObject({ checkpoint: 2, reason: expect.stringMatching(/signature does not hold: .*is not in key set/) });
    await cps.deleteOne({ _id: 2 });

    // The whole tail rewritten with fresh hashes verifies as a chain, but not against the checkpoint.
    await raw.deleteMany({ _id: { $gte: 2 } });
    const rewriter = new AuditLog(Audit);
    for (let i = 2; i <= 12; i++) await rewriter.record(record(i, { outcome: 'OK', target: 'Rewritten' }));
    const rewritten = await verify();
    expect(rewritten.chain).toBeNull();
    expect(rewritten.checkpoint).toMatchObject({ checkpoint: 1, entry: 12, reason: expect.stringContaining('the chain was rewritten') });
  });

  test('reads handed to the inbox while the writer is down are appended when it comes back; a batch read but not acknowledged is appended by the next writer', async () => {
    const { database, db, Audit, log } = await freshLog();
    const key = inboxKey(database);
    const inbox = createAuditInbox(redis, key, logger);
    await Promise.all(Array.from({ length: 30 }, (_, i) => inbox.add(record(i))));
    expect(await redis.xlen(key)).toBe(30);

    // A writer that read 10 entries and died before appending them.
    await redis.xgroup('CREATE', key, 'writer', '0', 'MKSTREAM');
    await redis.xreadgroup('GROUP', 'writer', 'writer', 'COUNT', 10, 'STREAMS', key, '>');
    expect(await Audit.countDocuments()).toBe(0);

    const writer = startAuditWriter({ redis, key, log, logger, blockMs: 100 });
    await writer.drained();
    await writer.stop();
    const stored = await Audit.find().lean();
    expect(stored.map((e) => e.requestId).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `req-${i}`).sort());
    expect(await redis.xlen(key)).toBe(0);
    expect(await verifyAuditMine(db)).toBeNull();
    inbox.stop();
  });

  test('a read is kept while its database is unreachable and appended once it is back', async () => {
    const { database, Audit } = await freshLog();
    const key = inboxKey(database);
    const inbox = createAuditInbox(redis, key, logger);
    // The writer's database connection is closed: every append fails, and the entries stay in the inbox.
    const down = await connectDatabase(process.env.MONGODB_URI!, database);
    const downWriter = startAuditWriter({ redis, key, log: new AuditLog(auditModel(down)), logger, blockMs: 100 });
    await down.close();
    await inbox.add(record(1, { requestId: 'while-down' }));
    await new Promise((r) => setTimeout(r, 1500));
    await downWriter.stop();
    expect(await Audit.countDocuments()).toBe(0);
    expect(await redis.xlen(key)).toBe(1);

    const writer = startAuditWriter({ redis, key, log: new AuditLog(Audit), logger, blockMs: 100 });
    await writer.drained();
    await writer.stop();
    expect((await Audit.find().lean()).map((e) => e.requestId)).toEqual(['while-down']);
    inbox.stop();
  });
});

describe('issue 16, R-Q-2: auditTrail reads by index', () => {
  test('a dossier\'s trail among 3 000 rows of 1 000 dossiers is one indexed equality on dossierCode, and an append reads the log by _id only', async () => {
    const { db, Audit, log } = await freshLog();
    await log.recordAll(Array.from({ length: 3000 }, (_, i) => record(i, { touched: [`dossier:000.00.01.H26-261203-${String(i % 1000).padStart(4, '0')}`] })));
    const Rows = auditDossierModel(db);
    const code = '000.00.01.H26-261203-0007';
    const page = await indexedIn(db, () => auditTrailPage({ auditRows: Rows }, { dossierCode: code, first: 2 }));
    expect(page.edges.map((e) => e.node.entry)).toEqual([2008, 1008]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await auditTrailPage({ auditRows: Rows }, { dossierCode: code, first: 2, after: page.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.entry)).toEqual([8]);
    await indexedIn(db, () => new AuditLog(Audit, Rows).record(record(9999)));
  });
});

async function indexedIn<T>(db: Connection, work: () => Promise<T>): Promise<T> {
  let out: T | undefined;
  expect(await wholeCollectionReads(db, async () => void (out = await work()))).toEqual([]);
  return out as T;
}

describe('issue 16, R-Q-2: the gateway\'s record of an operation', () => {
  const typeDefs = `type Query { dossier(code: ID!): D } type D { code: ID! applicantName: String personalId: String phone: String documents: [Doc!]! }
    type Doc { id: ID! name: String } type Mutation { fileDossier(procedureCode: ID!, personalId: String!, name: String!): D }`;
  const performed: string[] = [];
  const resolvers = {
    Query: { dossier: (_: unknown, { code }: { code: string }) => ({ code, applicantName: 'Nguyễn Văn An', personalId: '001090000123', phone: '0912345678', documents: [{ id: 'a'.repeat(24), name: 'Tờ khai' }] }) },
    Mutation: {
      fileDossier: () => {
        performed.push('fileDossier');
        return { code: CODE, applicantName: 'Nguyễn Văn An', personalId: '001090000123', phone: '0912345678', documents: [] };
      },
    },
  };
  const context = (): GatewayContext => ({ principal: { ...officer, scopes: [] }, requestId: 'req-g', internalToken: '', logger });

  async function serverWith(sink: AuditSink) {
    const apollo = new ApolloServer<GatewayContext>({ typeDefs, resolvers, plugins: [auditPlugin(sink, logger)] });
    await apollo.start();
    return apollo;
  }

  test('a query\'s record holds the principal, the operation, its document hash and the dossier and document it touched, and no name, personal id or phone number', async () => {
    const added: AuditRecord[] = [];
    const apollo = await serverWith({ append: async () => undefined, add: async (r) => void added.push(r) });
    const query = 'query Poll($code: ID!) { dossier(code: $code) { code applicantName personalId phone documents { id name } } }';
    await apollo.executeOperation({ query, variables: { code: CODE } }, { contextValue: context() });
    expect(added).toEqual([expect.objectContaining({
      principal: expect.objectContaining(officer), requestId: 'req-g', action: 'GRAPHQL_QUERY', target: 'Poll', outcome: 'OK',
      documentHash: expect.stringMatching(/^[0-9a-f]{64}$/), touched: [`dossier:${CODE}`, `document:${'a'.repeat(24)}`],
    })]);
    expect(JSON.stringify(added)).not.toMatch(/Nguyễn|001090000123|0912345678/);
    await apollo.stop();
  });

  test('a mutation whose intent cannot be written to the chain is refused with UPSTREAM_UNAVAILABLE and never runs; otherwise it is recorded before and after', async () => {
    const mutation = 'mutation File { fileDossier(procedureCode: "1.002001", personalId: "001090000123", name: "Nguyễn Văn An") { code } }';
    const down = await serverWith({ append: () => Promise.reject(new Error('database down')), add: async () => undefined });
    const refused = await down.executeOperation({ query: mutation }, { contextValue: context() });
    expect(refused.body.kind === 'single' && refused.body.singleResult.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(performed).toEqual([]);
    await down.stop();

    const appended: AuditRecord[] = [];
    const added: AuditRecord[] = [];
    const up = await serverWith({ append: async (r) => void appended.push(r), add: async (r) => void added.push(r) });
    await up.executeOperation({ query: mutation }, { contextValue: context() });
    expect(performed).toEqual(['fileDossier']);
    expect(appended).toEqual([expect.objectContaining({ action: 'GRAPHQL_MUTATION', target: 'File', outcome: 'BEGUN', touched: ['procedure:1.002001'] })]);
    expect(added).toEqual([expect.objectContaining({ action: 'GRAPHQL_MUTATION', target: 'File', outcome: 'OK', touched: ['procedure:1.002001', `dossier:${CODE}`] })]);
    expect(JSON.stringify([appended, added])).not.toMatch(/Nguyễn|001090000123/);
    await up.stop();
  });

  test('the trace id comes from a W3C traceparent header, or is null', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdOf('garbage')).toBeNull();
    expect(traceIdOf(undefined)).toBeNull();
  });
});

const verifyAuditMine = (db: Connection) => verifyAuditChain(auditModel(db));
