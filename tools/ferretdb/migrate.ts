import { existsSync, renameSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import mongoose from 'mongoose';
import { startFerretdbOnSqlite } from './index';

type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
type Doc = Record<string, unknown>;

/** BSON values kept exactly as stored (Int32, Long, Double stay what they were). */
const EXACT = { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true } as const;
const BATCH = 1000;

/** Where a SQLite data directory goes once its copy is checked. */
export const migratedDir = (dir: string) => `${dir}-sqlite-migrated`;

async function collectionsOf(client: MongoClient) {
  const out: { db: string; name: string }[] = [];
  const { databases } = await client.db('admin').admin().listDatabases();
  for (const { name: db } of databases) {
    for (const c of await client.db(db).listCollections({}, { nameOnly: true }).toArray()) out.push({ db, name: c.name });
  }
  return out;
}

async function copyCollection(from: MongoClient, to: MongoClient, db: string, name: string): Promise<number> {
  const source = from.db(db).collection<Doc>(name);
  const target = to.db(db).collection<Doc>(name);
  // A copy interrupted earlier starts again from nothing.
  await target.drop().catch(() => undefined);
  await to.db(db).createCollection(name);
  let batch: Doc[] = [];
  let n = 0;
  for await (const doc of source.find({}, EXACT)) {
    batch.push(doc);
    if (batch.length === BATCH) {
      await target.insertMany(batch, { ordered: true });
      n += batch.length;
      batch = [];
    }
  }
  if (batch.length) await target.insertMany(batch, { ordered: true });
  n += batch.length;
  for (const index of await source.listIndexes().toArray()) {
    if (index.name === '_id_') continue;
    const { key, name: indexName, unique, sparse } = index as { key: Record<string, 1 | -1>; name: string; unique?: boolean; sparse?: boolean };
    await target.createIndex(key, { name: indexName, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) });
  }
  return n;
}

/** Both sides hold the same documents, compared value by value and type by type. */
async function sameDocuments(from: MongoClient, to: MongoClient, db: string, name: string): Promise<boolean> {
  const key = (d: Doc) => JSON.stringify(mongoose.mongo.BSON.EJSON.serialize(d._id, { relaxed: false }));
  const copied = new Map<string, Doc>();
  for await (const d of to.db(db).collection<Doc>(name).find({}, EXACT)) copied.set(key(d), d);
  let n = 0;
  for await (const d of from.db(db).collection<Doc>(name).find({}, EXACT)) {
    n++;
    const c = copied.get(key(d));
    if (!c || !isDeepStrictEqual(mongoose.mongo.BSON.EJSON.serialize(c, { relaxed: false }), mongoose.mongo.BSON.EJSON.serialize(d, { relaxed: false }))) return false;
  }
  return n === copied.size;
}

/**
 * Copies every collection of every database of a data directory written by the SQLite backend
 * (before PostgreSQL) into the running server at `targetUri`, through the wire protocol, once.
 * The old directory is kept until the copy is checked, then renamed so that the next start does
 * nothing; a copy that fails or does not check out leaves it in place and stops the start.
 */
export async function migrateSqliteOnce(sqliteDir: string, targetUri: string, log: (msg: string) => void): Promise<void> {
  if (!existsSync(sqliteDir)) return;
  log(`copying the data of the SQLite backend in ${sqliteDir} into PostgreSQL (once)…`);
  const old = await startFerretdbOnSqlite(sqliteDir, log);
  const from = new mongoose.mongo.MongoClient(old.uri);
  const to = new mongoose.mongo.MongoClient(targetUri);
  try {
    await from.connect();
    await to.connect();
    const counts: string[] = [];
    for (const { db, name } of await collectionsOf(from)) {
      const n = await copyCollection(from, to, db, name);
      if (!(await sameDocuments(from, to, db, name))) {
        throw new Error(`the copy of ${db}.${name} differs from the original; ${sqliteDir} is kept, nothing was removed`);
      }
      counts.push(`${db}.${name} ${n}`);
    }
    log(`copied and checked: ${counts.join(', ') || 'no collections'}`);
  } finally {
    await from.close();
    await to.close();
    await old.stop();
  }
  renameSync(sqliteDir, migratedDir(sqliteDir));
  log(`the old SQLite data is kept in ${migratedDir(sqliteDir)}; delete it when you no longer need it`);
}
