import mongoose, { type Connection, type FilterQuery, type Model, type mongo } from 'mongoose';
import { deadlinePlugin } from './deadline';
import { observeDbCommand } from './metrics';

/** Each subgraph owns one database; it connects to nothing else. */
export async function connectDatabase(uri: string, dbName: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // FerretDB v1 and MongoDB both accept these; retryable writes need a replica set.
    retryWrites: false,
    // The driver's command events time every command for the metrics (issue 16), and let tests
    // see the commands a request sends (test/support/explain.ts).
    monitorCommands: true,
  });
  // Before any model compiles: a query's reads stop at its deadline (platform/deadline.ts).
  conn.plugin(deadlinePlugin);
  await conn.asPromise();
  const driver = conn.getClient();
  driver.on('commandSucceeded', (e: mongo.CommandSucceededEvent) => observeDbCommand(e.commandName, true, e.duration / 1000));
  driver.on('commandFailed', (e: mongo.CommandFailedEvent) => observeDbCommand(e.commandName, false, e.duration / 1000));
  return conn;
}

/**
 * Inserts a document that our own code built whole and typed, without mongoose's casting and
 * validation (about 1.5 ms of CPU a document, measured: the largest cost of an intake); schema
 * defaults still apply. A unique index refusing it throws as usual.
 */
export async function insertBuilt<T>(model: Model<T>, doc: T): Promise<void> {
  await model.insertMany([model.applyDefaults(doc as object)], { lean: true });
}

/** Sets fields that our own code built whole and typed, without mongoose's casting (see insertBuilt). */
export async function setBuilt<T>(model: Model<T>, filter: FilterQuery<T>, fields: Partial<T>): Promise<void> {
  await model.collection.updateOne(filter as mongo.Filter<mongo.Document>, { $set: fields });
}

/** A write refused by a unique index: how every race in this project is decided (see README, Design). */
export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number }).code === 11000;

export async function pingDatabase(conn: Connection): Promise<string> {
  try {
    await conn.db?.admin().command({ ping: 1 });
    return 'ok';
  } catch (err) {
    return `unreachable: ${(err as Error).message}`;
  }
}

/**
 * Inserts documents, skipping those whose unique key is already taken (an earlier run stored
 * them). One round trip when none is; otherwise one insert each, so that the outcome does not
 * hang on how a server reports a partly failed batch.
 */
export async function insertIgnoringDuplicates<T>(model: Model<T>, docs: object[]): Promise<void> {
  try {
    await model.insertMany(docs);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    for (const doc of docs) {
      await model.create(doc).catch((e: unknown) => {
        if (!isDuplicateKey(e)) throw e;
      });
    }
  }
}
