import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startDaemon, waitUntil } from '../lib/process';
import { installGinTwins } from './gin-twins';

/**
 * The embedded MongoDB-compatible database: FerretDB v1.24.2 on PostgreSQL (tools/postgres),
 * built from our wrapper module (main.go) on first use and rebuilt only when its sources change.
 */
const SOURCE_DIR = __dirname;
const BIN_DIR = path.join(SOURCE_DIR, 'bin');
export const FERRETDB_BIN = path.join(BIN_DIR, 'ferretdb');
const HASH_FILE = path.join(BIN_DIR, 'sources.sha256');

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) h.update(f).update(readFileSync(path.join(SOURCE_DIR, f)));
  return h.digest('hex');
}

export function ensureFerretdbBinary(log: (msg: string) => void = () => {}): string {
  const hash = sourcesHash();
  if (existsSync(FERRETDB_BIN) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === hash) return FERRETDB_BIN;
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('Go (1.24 or newer) is needed to build the embedded FerretDB; install it, or set MONGODB_URI to a MongoDB server');
  }
  log('building the embedded FerretDB (first run only, about a minute)…');
  mkdirSync(BIN_DIR, { recursive: true });
  const tmp = `${FERRETDB_BIN}.${process.pid}.tmp`;
  try {
    execFileSync('go', ['build', '-o', tmp, '.'], { cwd: SOURCE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // go prints module downloads on stderr too; show it only when the build failed.
    throw new Error(`go build of the embedded FerretDB failed:\n${String((err as { stderr?: Buffer }).stderr ?? err)}`);
  }
  renameSync(tmp, FERRETDB_BIN);
  writeFileSync(HASH_FILE, hash);
  return FERRETDB_BIN;
}

async function answersPing(uri: string): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

/** The PostgreSQL database FerretDB keeps everything in (each MongoDB database is a schema in it). */
const PG_DATABASE = 'ferretdb';
/**
 * FerretDB's pool would open up to 50 connections (a server process each); on two cores a few
 * more than the cores already keep PostgreSQL busy.
 */
const POOL_MAX_CONNS = 12;

async function runFerretdb(args: string[], log?: (msg: string) => void): Promise<{ uri: string; stop(): Promise<void> }> {
  const bin = ensureFerretdbBinary(log);
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  const daemon = startDaemon(bin, ['-listen', `127.0.0.1:${port}`, ...args]);
  await waitUntil('FerretDB', daemon, () => answersPing(uri));
  return { uri, stop: () => daemon.stop() };
}

/**
 * Starts FerretDB on a free loopback port over a running PostgreSQL server (`postgres://…/`),
 * with the GIN twin rule installed (gin-twins.ts); resolves once it answers ping.
 */
export async function startFerretdb(postgresUrl: string, log?: (msg: string) => void): Promise<{ uri: string; stop(): Promise<void> }> {
  await installGinTwins(postgresUrl, PG_DATABASE);
  return runFerretdb(['-postgresql-url', `${postgresUrl}${PG_DATABASE}?pool_max_conns=${POOL_MAX_CONNS}`], log);
}

/** FerretDB over a data directory of the SQLite backend used before: only to copy it into PostgreSQL once (migrate.ts). */
export function startFerretdbOnSqlite(dir: string, log?: (msg: string) => void): Promise<{ uri: string; stop(): Promise<void> }> {
  return runFerretdb(['-sqlite-dir', dir], log);
}
