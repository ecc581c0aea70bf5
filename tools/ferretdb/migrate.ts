import { createHash } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import mongoose from 'mongoose';
import { startFerretdbOnSqlite } from './index';

type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
type Doc = Record<string, unknown>;
const { BSON } = mongoose.mongo;

/** BSON values kept exactly as stored (Int32, Long, Double stay what they were). */
const EXACT = { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true } as const;
/** A batch is sent at 1 000 documents or 8 MB, whichever comes first (GridFS chunks weigh 255 kB each). */
const BATCH_DOCS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

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

const idOf = (d: Doc) => JSON.stringify(BSON.EJSON.serialize(d._id, { relaxed: false }));
/** The document's exact BSON (types, values and field order), hashed. */
const hashOf = (d: Doc) => createHash('sha256').update(BSON.serialize(d)).digest('base64');

/**
 * Every document of a collection, by `_id`, as the hash of its BSON: the documents themselves
 * could take gigabytes (GridFS chunks), the hashes take a few dozen bytes each.
 */
async function hashes(client: MongoClient, db: string, name: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const d of client.db(db).collection<Doc>(name).find({}, EXACT)) out.set(idOf(d), hashOf(d));
  return out;
}

/**
 * A copy interrupted earlier left only documents equal to the original's, and starts again from
 * nothing. Any other document was written in PostgreSQL since (the old directory came back?)
 * and must not be overwritten.
 */
async function checkOnlyCopiesIn(to: MongoClient, db: string, name: string, original: Map<string, string>, sqliteDir: string) {
  for await (const d of to.db(db).collection<Doc>(name).find({}, EXACT)) {
    if (original.get(idOf(d)) !== hashOf(d)) {
      throw new Error(`${db}.${name} in PostgreSQL holds documents that are not in ${sqliteDir}, so nothing is copied over them; `
        + `nothing was changed. Move ${sqliteDir} away if its data is no longer wanted`);
    }
  }
}

async function copyCollection(from: MongoClient, to: MongoClient, db: string, name: string, original: Map<string, string>, sqliteDir: string) {
  const source = from.db(db).collection<Doc>(name);
  const target = to.db(db).collection<Doc>(name);
  await target.drop().catch(() => undefined);
  await to.db(db).createCollection(name);
  let batch: Doc[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length) await target.insertMany(batch, { ordered: true });
    batch = [];
    bytes = 0;
  };
  for await (const doc of source.find({}, EXACT)) {
    batch.push(doc);
    bytes += BSON.calculateObjectSize(doc);
    if (batch.length === BATCH_DOCS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  for (const index of await source.listIndexes().toArray()) {
    if (index.name === '_id_') continue;
    const { key, name: indexName, unique, sparse } = index as { key: Record<string, 1 | -1>; name: string; unique?: boolean; sparse?: boolean };
    await target.createIndex(key, { name: indexName, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) });
  }
  // Checked value by value and type by type against the original.
  const copied = await hashes(to, db, name);
  if (copied.size !== original.size || [...original].some(([id, h]) => copied.get(id) !== h)) {
    throw new Error(`the copy of ${db}.${name} differs from the original; ${sqliteDir} is kept, nothing was removed`);
  }
}

/**
 * Copies every collection of every database of a data directory written by the SQLite backend
 * (before PostgreSQL) into the running server at `targetUri`, through the wire protocol, once.
 * The old directory is kept until the copy is checked, then renamed so that the next start does
 * nothing; a copy that fails or does not check out leaves it in place and stops the start (the
 * next start copies again).
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
    // Every collection is checked before any is changed.
    const collections = [];
    for (const { db, name } of await collectionsOf(from)) {
      const original = await hashes(from, db, name);
      await checkOnlyCopiesIn(to, db, name, original, sqliteDir);
      collections.push({ db, name, original });
    }
    for (const { db, name, original } of collections) await copyCollection(from, to, db, name, original, sqliteDir);
    log(`copied and checked: ${collections.map(({ db, name, original }) => `${db}.${name} ${original.size}`).join(', ') || 'no collections'}`);
  } finally {
    await from.close();
    await to.close();
    await old.stop();
  }
  // A directory migrated before is not replaced (the old version may have made a new one since).
  const kept = existsSync(migratedDir(sqliteDir)) ? `${migratedDir(sqliteDir)}-${Date.now()}` : migratedDir(sqliteDir);
  renameSync(sqliteDir, kept);
  log(`the old SQLite data is kept in ${kept}; delete it when you no longer need it`);
}
