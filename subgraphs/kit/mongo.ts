import mongoose, { type Connection } from 'mongoose';

/** Each subgraph owns one database; it connects to nothing else. */
export async function connectDatabase(uri: string, dbName: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // FerretDB v1 and MongoDB both accept these; retryable writes need a replica set.
    retryWrites: false,
  });
  await conn.asPromise();
  return conn;
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
