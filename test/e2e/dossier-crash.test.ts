import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { seedCatalogue } from '../../scripts/seed';
import { startService, stopChild } from '../../scripts/lib/stack';
import { freePort } from '../../tools/lib/process';
import { connectDatabase } from '../../platform/mongo';
import { STREAMS, type DossierEvent } from '../../platform/events';
import { INTERNAL_TOKEN_HEADER, internalSigningKey, signInternalToken } from '../../platform/internal-token';
import { keyStoreOf } from '../../platform/key-store';
import { dossierEventModel } from '../../subgraphs/dossiers/models/dossier-event';
import type { Principal } from '../../platform/principal';
import { principals } from '../support/harness';

/**
 * Fault injection with real processes: the dossiers subgraph is killed (SIGKILL) after a state
 * change is stored and before its relay publishes it; statistics is killed while changes happen.
 * Nothing is lost either way (R-INT-2, "nothing is lost").
 */
const keysDir = process.env.KEYS_DIR!;
const prefix = `crash${randomBytes(3).toString('hex')}_`;
const redisUrl = `${process.env.REDIS_URL}/10`;
let logDir: string;
let redis: Redis;
let db: Connection;
const children = new Set<ChildProcess>();
const ports: Record<string, number> = {};

const env = (name: string, extra: Record<string, string> = {}) => ({
  MONGODB_URI: process.env.MONGODB_URI!, REDIS_URL: redisUrl, KEYS_DIR: keysDir, MONGODB_DB_PREFIX: prefix,
  PORT: String(ports[name]), PROCEDURES_URL: `http://127.0.0.1:${ports.procedures}/graphql`, ...extra,
});
const start = async (name: string, extra?: Record<string, string>) => {
  const child = await startService(name, env(name, extra), logDir);
  children.add(child);
  return child;
};
const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function graphql<T>(service: string, query: string, principal: Principal = principals.officer): Promise<T> {
  const token = await signInternalToken(principal, 'crash-test', await internalSigningKey(keyStoreOf({ dir: keysDir })));
  const res = await fetch(`http://127.0.0.1:${ports[service]}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}
const published = async (id: string) =>
  (await redis.xrange(STREAMS.dossierEvents, '-', '+')).some(([, f]) => (JSON.parse(f[1]!) as DossierEvent).id === id);
async function eventually(check: () => Promise<boolean>, ms = 15_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true;
  return check();
}

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-crash-logs-'));
  for (const name of ['procedures', 'dossiers', 'statistics']) ports[name] = await freePort();
  redis = new Redis(redisUrl);
  await redis.flushdb();
  db = await connectDatabase(process.env.MONGODB_URI!, `${prefix}dossiers`);
  await seedCatalogue(process.env.MONGODB_URI!, prefix, keysDir);
  await start('procedures');
}, 60_000);

afterAll(async () => {
  await Promise.all([...children].map(stopChild));
  redis.disconnect();
  await db.close();
  rmSync(logDir, { recursive: true, force: true });
});

describe('crashes lose nothing', () => {
  let code: string;

  test('a change stored just before the process is killed is published after restart', async () => {
    // A relay interval of an hour: after its first round at start, the relay does not run again.
    const dossiers = await start('dossiers', { OUTBOX_INTERVAL_MS: '3600000' });
    ({ receiveDossier: { code } } = await graphql<{ receiveDossier: { code: string } }>(
      'dossiers',
      `mutation { receiveDossier(input: { procedureCode: "1.002001", applicant: { unitCode: "TA0123A", name: "Công ty TNHH Sao Mai" },
          components: [{ documentTypeCode: "TK1-TS", name: "Tờ khai" }] }) { code } }`,
    ));
    await kill(dossiers);
    children.delete(dossiers);
    expect(await dossierEventModel(db).findOne({ dossierCode: code, seq: 1 }).lean()).toMatchObject({ published: false });
    expect(await published(`${code}:1`)).toBe(false);

    await start('dossiers');
    expect(await eventually(() => published(`${code}:1`))).toBe(true);
  }, 60_000);

  test('statistics, killed while dossiers change, catches up when it is back', async () => {
    const counts = async () =>
      Object.fromEntries(
        (await graphql<{ dossierCountsByStatus: { status: string; count: number }[] }>('statistics', '{ dossierCountsByStatus { status count } }', principals.dashboard))
          .dossierCountsByStatus.map((c) => [c.status, c.count]),
      );
    const statistics = await start('statistics');
    expect(await eventually(async () => (await counts()).RECEIVED === 1)).toBe(true);
    await kill(statistics);
    children.delete(statistics);

    await graphql('dossiers', `mutation { actOnDossier(input: { code: "${code}", action: START_PROCESSING, expectedVersion: 1 }) { version } }`);
    expect(await eventually(() => published(`${code}:2`))).toBe(true);

    await start('statistics');
    expect(await eventually(async () => (await counts()).PROCESSING === 1)).toBe(true);
    expect(await counts()).toMatchObject({ RECEIVED: 0, PROCESSING: 1 });
  }, 60_000);
});
