import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import pg from 'pg';
import { connectDatabase } from '../../platform/mongo';
import { startFerretdb, startFerretdbOnSqlite } from '../../tools/ferretdb';
import { installGinTwins } from '../../tools/ferretdb/gin-twins';
import { migratedDir, migrateSqliteOnce } from '../../tools/ferretdb/migrate';
import { startPostgres, type RunningPostgres } from '../../tools/postgres';
import { wholeCollectionReads } from '../support/explain';

/**
 * The embedded database of issue 12 (R-Q-1: 24/7 at national volume): PostgreSQL's lifecycle,
 * FerretDB on it with the GIN twin rule, and the one-time copy of data kept by the SQLite
 * backend used before. What any server must do is checked on the global setup's database
 * (MONGODB_URI); what is PostgreSQL's own (its catalog, its processes) on clusters started here.
 */
const { Binary, Double, GridFSBucket, Int32, Long, ObjectId } = mongoose.mongo;
type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
/** Any document: ids of any type (ObjectId, string, Int32) and any fields. */
type Doc = { _id?: string | object; [field: string]: unknown };

// Private like npm start's .data (0700): PostgreSQL, run as the `postgres` user, must still get in.
const root = mkdtempSync(path.join(tmpdir(), 'vss-embedded-'));

/** PostgreSQL and FerretDB of our own, for what needs PostgreSQL's catalog (one initdb for both uses). */
let server: RunningPostgres;
let ferret: { uri: string; stop(): Promise<void> };
beforeAll(async () => {
  server = await startPostgres({ dataDir: path.join(root, 'cluster'), throwaway: true });
  ferret = await startFerretdb(server.url);
});
afterAll(async () => {
  await ferret?.stop();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Runs one statement in FerretDB's PostgreSQL database (or another). */
async function sql<R extends pg.QueryResultRow>(server: RunningPostgres, text: string, params: unknown[] = [], database = 'ferretdb'): Promise<R[]> {
  const client = new pg.Client({ connectionString: `${server.url}${database}` });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL table FerretDB keeps a collection in (each database is a schema). */
async function tableOf(server: RunningPostgres, db: string, collection: string): Promise<string> {
  const rows = await sql<{ table: string }>(server,
    `SELECT _jsonb ->> 'table' AS table FROM ${pg.escapeIdentifier(db)}._ferretdb_database_metadata WHERE _jsonb ->> '_id' = $1`, [collection]);
  if (!rows[0]) throw new Error(`no table for ${db}.${collection}`);
  return rows[0].table;
}

/** A collection's PostgreSQL indexes as "<method> <leading field path>", e.g. "gin code", "btree applicant.personalId". */
async function indexesOf(server: RunningPostgres, db: string, collection: string): Promise<string[]> {
  const rows = await sql<{ am: string; lead: string }>(server,
    `SELECT am.amname AS am, pg_get_indexdef(x.indexrelid, 1, false) AS lead
       FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am am ON am.oid = c.relam
      WHERE x.indrelid = format('%I.%I', $1::text, $2::text)::regclass`, [db, await tableOf(server, db, collection)]);
  return rows.map((r) => `${r.am} ${[...r.lead.matchAll(/'([^']+)'::text/g)].map((m) => m[1]).join('.')}`).sort();
}

/** Ids of the processes working in a directory: a PostgreSQL server and each of its backends run in their data directory. */
function processesIn(dir: string): number[] {
  const target = realpathSync(dir);
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return readlinkSync(`/proc/${p}/cwd`) === target;
    } catch {
      return false;
    }
  }).map(Number);
}

const portIsFree = (port: number) => new Promise<boolean>((resolve) => {
  const srv = net.createServer();
  srv.once('error', () => resolve(false));
  srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
});

const connect = async (uri: string) => new mongoose.mongo.MongoClient(uri).connect();

describe('GIN twin rule: equality filters on indexed fields are index-backed on FerretDB/PostgreSQL (issue 12, R-Q-1)', () => {
  let client: MongoClient;
  const db = 'twins';

  beforeAll(async () => {
    client = await connect(ferret.uri);
  });
  afterAll(async () => {
    await client?.close();
  });

  it('gives every index made through the driver one twin on its leading top-level field (_id, single, compound), and dotted paths none', async () => {
    const things = client.db(db).collection('things');
    await things.createIndex({ code: 1 }, { unique: true });
    await things.createIndex({ a: -1, b: 1 });
    // A second index leading with `code` shares its twin: each twin costs every write.
    await things.createIndex({ code: 1, revision: 1 });
    await things.createIndex({ 'applicant.personalId': 1 });
    expect(await indexesOf(server, db, 'things')).toEqual([
      'btree _id', 'btree a', 'btree applicant.personalId', 'btree code', 'btree code', 'gin _id', 'gin a', 'gin code',
    ]);
  });

  it('drops a twin with the last index leading with its field', async () => {
    const things = client.db(db).collection('things');
    await things.dropIndex('code_1');
    expect(await indexesOf(server, db, 'things')).toContain('gin code');
    await things.dropIndex('code_1_revision_1');
    expect(await indexesOf(server, db, 'things')).toEqual(['btree _id', 'btree a', 'btree applicant.personalId', 'gin _id', 'gin a']);
  });

  it('leaves nothing behind when a collection is dropped', async () => {
    const countIndexes = async () => (await sql<{ n: string }>(server,
      'SELECT count(*) AS n FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1', [db]))[0]!.n;
    const before = await countIndexes();
    const gone = client.db(db).collection('gone');
    await gone.createIndex({ code: 1 }, { unique: true });
    const table = await tableOf(server, db, 'gone');
    expect(await indexesOf(server, db, 'gone')).toEqual(['btree _id', 'btree code', 'gin _id', 'gin code']);
    await gone.drop();
    expect(await sql(server, 'SELECT 1 FROM pg_class WHERE relname LIKE $1', [`${table.slice(0, 20)}%`])).toEqual([]);
    expect(await countIndexes()).toBe(before);
  });

  it('restores missing twins and removes duplicate ones when installed again (at every start)', async () => {
    const table = await tableOf(server, db, 'things');
    const twinOfA = (await sql<{ name: string }>(server,
      `SELECT c.relname AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am am ON am.oid = c.relam
        WHERE x.indrelid = format('%I.%I', $1::text, $2::text)::regclass AND am.amname = 'gin' AND pg_get_indexdef(x.indexrelid, 1, false) LIKE '%''a''%'`,
      [db, table]))[0]!.name;
    await sql(server, `DROP INDEX ${pg.escapeIdentifier(db)}.${pg.escapeIdentifier(twinOfA)}`);
    // As the first version of the rule made them: one twin per index.
    await sql(server, `CREATE INDEX extra_gin ON ${pg.escapeIdentifier(db)}.${pg.escapeIdentifier(table)} USING gin ((_jsonb -> '_id'))`);
    expect(await indexesOf(server, db, 'things')).toEqual(['btree _id', 'btree a', 'btree applicant.personalId', 'gin _id', 'gin _id']);
    await installGinTwins(server.url, 'ferretdb');
    expect(await indexesOf(server, db, 'things')).toEqual(['btree _id', 'btree a', 'btree applicant.personalId', 'gin _id', 'gin a']);
  });
});

describe('equality lookups on the test database (MONGODB_URI) (issue 12, R-Q-1)', () => {
  let conn: Connection;
  let onFerretdb = false;
  const dossier = (i: number) => ({
    code: `H26.99-260101-${String(i).padStart(6, '0')}`,
    state: ['RECEIVED', 'PROCESSING', 'DONE'][i % 3],
    agencyCode: '000.00.01.H26',
    receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    applicant: { personalId: String(1e11 + i), fullName: `Nguyễn Văn ${i}` },
    fees: new Int32(i % 500),
  });

  beforeAll(async () => {
    conn = await connectDatabase(process.env.MONGODB_URI!, `t${randomBytes(4).toString('hex')}_embedded`);
    onFerretdb = 'ferretdbVersion' in (await conn.db!.admin().command({ buildInfo: 1 }));
    const dossiers = conn.collection('dossiers');
    await dossiers.createIndex({ code: 1 }, { unique: true });
    for (let i = 0; i < 5000; i += 1000) await dossiers.insertMany(Array.from({ length: 1000 }, (_, k) => dossier(i + k)));
  });
  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('finds a dossier by code among 5 000 through the index, and the checker names a $in on the same field as a whole-collection read', async () => {
    const dossiers = conn.collection('dossiers');
    let found: Doc | null = null;
    expect(await wholeCollectionReads(conn, async () => {
      found = await dossiers.findOne({ code: dossier(4321).code });
    })).toEqual([]);
    expect(found).toMatchObject({ code: dossier(4321).code, applicant: { personalId: String(1e11 + 4321) } });

    // FerretDB does not push $in down: PostgreSQL sends it the whole table. (MongoDB serves
    // a $in from the index, so there is no scan to catch there.)
    let both: Doc[] = [];
    const problems = await wholeCollectionReads(conn, async () => {
      both = await dossiers.find({ code: { $in: [dossier(1).code, dossier(2).code] } }).toArray();
    });
    expect(both).toHaveLength(2);
    if (onFerretdb) {
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('reads all 5000 documents');
    }
  });

  it('lets exactly one of 40 concurrent inserts of one key win (unique indexes are the race-safe primitive)', async () => {
    const claims = conn.collection('claims');
    await claims.createIndex({ code: 1 }, { unique: true });
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => claims.insertOne({ code: 'H26.99-CLAIM', by: i })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(39).fill(11000));
    expect(await claims.countDocuments({ code: 'H26.99-CLAIM' })).toBe(1);
  });
});

describe('one-time copy of the SQLite backend\'s data into PostgreSQL (issue 12)', () => {
  const dataDir = path.join(root, 'data');
  const sqliteDir = path.join(dataDir, 'ferretdb');
  let target: MongoClient;
  /** What the SQLite directory held: canonical extended JSON (every type named) per document, by collection. */
  let original: Map<string, string[]>;
  let originalIndexes: Map<string, unknown[]>;
  const file = randomBytes(600 * 1024);
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);

  const canonical = (d: Doc) => JSON.stringify(mongoose.mongo.BSON.EJSON.serialize(d, { relaxed: false }));
  const EXACT = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;
  async function contents(client: MongoClient) {
    const docs = new Map<string, string[]>();
    const indexes = new Map<string, unknown[]>();
    const { databases } = await client.db('admin').admin().listDatabases();
    // (Our cluster also holds the twin tests' database.)
    for (const { name: db } of databases.filter((d) => d.name.startsWith('vss_'))) {
      for (const { name } of await client.db(db).listCollections({}, { nameOnly: true }).toArray()) {
        const c = client.db(db).collection<Doc>(name);
        docs.set(`${db}.${name}`, (await c.find({}, EXACT).toArray()).map(canonical).sort());
        indexes.set(`${db}.${name}`, (await c.listIndexes().toArray()).map(({ key, name: n, unique }) => ({ key, name: n, unique })).sort((a, b) => a.name.localeCompare(b.name)));
      }
    }
    return { docs, indexes };
  }

  const citizen = (i: number) => ({
    _id: new ObjectId(),
    personalId: String(1e11 + i),
    fullName: `Trần Thị ${i}`,
    born: new Date(Date.UTC(1970 + (i % 40), i % 12, 1 + (i % 28))),
    age: new Int32(20 + (i % 60)),
    contributionsVnd: Long.fromString(`9007199254740${String(993 + i).padStart(3, '0')}`),
    // A whole number stored as a double stays a double.
    rate: new Double(8),
    ratio: new Double(0.25 + i),
    photo: new Binary(Buffer.from([i % 256, 0, 255, 7]), 0),
    address: { province: 'HN', lines: ['12 Phố Huế', `P. ${i}`], geo: { lat: new Double(21.02), lng: new Double(105.85) } },
    history: [{ at: new Date(Date.UTC(2025, 0, 1)), agency: '000.00.01.H26', seq: new Int32(i), tags: ['a', new Int32(2)] }],
    active: i % 2 === 0,
    note: null,
  });

  beforeAll(async () => {
    // The old backend's directory, written by our wrapper's SQLite mode as the old version did.
    mkdirSync(sqliteDir, { recursive: true });
    const old = await startFerretdbOnSqlite(sqliteDir);
    const source = await connect(old.uri);
    try {
      const identity = source.db('vss_identity');
      await identity.collection('citizens').createIndex({ personalId: 1 }, { unique: true });
      await identity.collection('citizens').insertMany(Array.from({ length: 300 }, (_, i) => citizen(i)));
      await identity.collection<Doc>('organisations').createIndex({ unitCode: 1, province: 1 });
      await identity.collection<Doc>('organisations').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `ORG${i}`, unitCode: `YN${1000 + i}`, province: i % 2 ? 'HN' : 'HCM' })));
      const documents = source.db('vss_documents');
      // A gap-free log: numeric ids, as GapFreeSequence stores them.
      await documents.collection<Doc>('events').insertMany(Array.from({ length: 120 }, (_, i) => ({ _id: new Int32(i + 1), block: new Int32(0), kind: 'uploaded', at: new Date(Date.UTC(2026, 0, 1, 0, i)) })));
      await documents.collection<Doc>('digitisation_codes').createIndex({ documentId: 1 }, { unique: true });
      await documents.collection<Doc>('digitisation_codes').insertOne({ _id: 'DC1', documentId: new ObjectId(), issuedAt: new Date() });
      const bucket = new GridFSBucket(documents);
      for (const [name, bytes] of [['scan.pdf', file], ['note.txt', Buffer.from('xin chào')]] as const) {
        await new Promise<void>((resolve, reject) => bucket.openUploadStream(name, { metadata: { owner: 'IVAN-A' } }).once('finish', () => resolve()).once('error', reject).end(bytes));
      }
      ({ docs: original, indexes: originalIndexes } = await contents(source));
    } finally {
      await source.close();
      await old.stop();
    }
    target = await connect(ferret.uri);
  });
  afterAll(async () => {
    await target?.close();
  });

  it('copies every document with its exact types, the indexes with their twins, and GridFS files; prints the counts; renames the old directory', async () => {
    await migrateSqliteOnce(sqliteDir, ferret.uri, log);
    const copied = await contents(target);
    expect([...copied.docs.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [name, docs] of original) expect({ name, docs: copied.docs.get(name) }).toEqual({ name, docs });
    expect(copied.indexes).toEqual(originalIndexes);
    expect(original.get('vss_identity.citizens')).toHaveLength(300);
    expect(original.get('vss_documents.fs.chunks')).toHaveLength(4);

    // Types as the driver hands them back.
    const c = await target.db('vss_identity').collection('citizens').findOne({ personalId: String(1e11 + 7) }, EXACT);
    expect(c).toMatchObject({
      age: expect.objectContaining({ _bsontype: 'Int32' }),
      contributionsVnd: expect.objectContaining({ _bsontype: 'Long' }),
      rate: expect.objectContaining({ _bsontype: 'Double', value: 8 }),
      born: expect.any(Date),
      _id: expect.objectContaining({ _bsontype: 'ObjectId' }),
      photo: expect.objectContaining({ _bsontype: 'Binary' }),
    });
    const chunks: Buffer[] = [];
    for await (const chunk of new GridFSBucket(target.db('vss_documents')).openDownloadStreamByName('scan.pdf')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(file)).toBe(true);

    expect(await indexesOf(server, 'vss_identity', 'citizens')).toEqual(['btree _id', 'btree personalId', 'gin _id', 'gin personalId']);
    expect(await indexesOf(server, 'vss_identity', 'organisations')).toEqual(['btree _id', 'btree unitCode', 'gin _id', 'gin unitCode']);
    expect(await indexesOf(server, 'vss_documents', 'fs.chunks')).toEqual(['btree _id', 'btree files_id', 'gin _id', 'gin files_id']);

    expect(lines.join('\n')).toMatch(/copied and checked: .*vss_identity\.citizens 300/);
    expect(lines.join('\n')).toContain('vss_documents.fs.chunks 4');
    expect(lines.join('\n')).toContain('vss_documents.events 120');
    expect(existsSync(sqliteDir)).toBe(false);
    expect(existsSync(migratedDir(sqliteDir))).toBe(true);
  });

  it('does nothing the second time', async () => {
    lines.length = 0;
    await migrateSqliteOnce(sqliteDir, ferret.uri, log);
    expect(lines).toEqual([]);
    expect(existsSync(migratedDir(sqliteDir))).toBe(true);
  });

  it('redoes an interrupted copy cleanly: a collection half copied, another not yet', async () => {
    renameSync(migratedDir(sqliteDir), sqliteDir);
    const citizens = target.db('vss_identity').collection('citizens');
    const half = (await citizens.find({}, { projection: { _id: 1 } }).toArray()).slice(150).map((d) => d._id);
    for (const _id of half) await citizens.deleteOne({ _id });
    await target.db('vss_documents').collection('fs.chunks').drop();
    lines.length = 0;
    await migrateSqliteOnce(sqliteDir, ferret.uri, log);
    const copied = await contents(target);
    for (const [name, docs] of original) expect({ name, docs: copied.docs.get(name) }).toEqual({ name, docs });
    expect(copied.indexes).toEqual(originalIndexes);
    expect(lines.join('\n')).toContain('vss_identity.citizens 300');
    expect(existsSync(sqliteDir)).toBe(false);
  });

  it('refuses to copy over documents written in PostgreSQL since, and keeps the old directory', async () => {
    renameSync(migratedDir(sqliteDir), sqliteDir);
    const orgs = target.db('vss_identity').collection<Doc>('organisations');
    await orgs.updateOne({ _id: 'ORG3' }, { $set: { province: 'DN' } });
    await expect(migrateSqliteOnce(sqliteDir, ferret.uri, log)).rejects.toThrow(/vss_identity\.organisations in PostgreSQL holds documents that are not in/);
    expect(existsSync(sqliteDir)).toBe(true);
    expect(await orgs.findOne({ _id: 'ORG3' })).toMatchObject({ province: 'DN' });
  });
});

describe('PostgreSQL lifecycle (issue 12)', () => {
  const holder = path.join(root, 'life');
  const dataDir = path.join(holder, 'pg');
  mkdirSync(holder, { mode: 0o700 });
  const setting = async (pgServer: RunningPostgres, name: string) => (await sql<Record<string, string>>(pgServer, `SHOW ${name}`, [], 'postgres'))[0]![name];
  const writePidFile = (pid: number) => writeFileSync(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n1767225600\n5432\n\n127.0.0.1\n  5432001     32768\nready   \n`);

  it('stops with no server process left and its port free', async () => {
    const cluster = await startPostgres({ dataDir, throwaway: true });
    expect(processesIn(dataDir).length).toBeGreaterThan(1);
    expect(await portIsFree(cluster.port)).toBe(false);
    await cluster.stop();
    expect(processesIn(dataDir)).toEqual([]);
    expect(await portIsFree(cluster.port)).toBe(true);
  });

  it('starts over a stale postmaster.pid naming a dead process, or a live process that is not PostgreSQL (our own)', async () => {
    const dead = spawnSync('true').pid!;
    for (const pid of [dead, process.pid]) {
      writePidFile(pid);
      const cluster = await startPostgres({ dataDir, throwaway: true });
      expect(await setting(cluster, 'port')).toBe(String(cluster.port));
      await cluster.stop();
    }
  });

  it('shuts down a server of ours left running on the same data directory, then starts', async () => {
    const lines: string[] = [];
    const left = await startPostgres({ dataDir, throwaway: true });
    const leftPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const cluster = await startPostgres({ dataDir, throwaway: true, log: (m) => lines.push(m) });
    try {
      expect(lines.join('\n')).toContain(`left running on ${dataDir} (pid ${leftPid})`);
      expect(processesIn(dataDir)).not.toContain(leftPid);
      expect(await portIsFree(left.port)).toBe(true);
      expect(await setting(cluster, 'port')).toBe(String(cluster.port));
    } finally {
      await left.stop();
      await cluster.stop();
    }
    expect(processesIn(dataDir)).toEqual([]);
  });

  it('trades durability for speed (fsync off) only in a throwaway cluster', async () => {
    const throwaway = await startPostgres({ dataDir, throwaway: true });
    expect([await setting(throwaway, 'fsync'), await setting(throwaway, 'synchronous_commit'), await setting(throwaway, 'full_page_writes')]).toEqual(['off', 'off', 'off']);
    await throwaway.stop();
    const kept = await startPostgres({ dataDir });
    expect([await setting(kept, 'fsync'), await setting(kept, 'synchronous_commit'), await setting(kept, 'full_page_writes')]).toEqual(['on', 'on', 'on']);
    await kept.stop();
  });
});
