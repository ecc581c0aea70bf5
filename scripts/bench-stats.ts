// The statistics benchmark (issue 7): `npm run bench:stats`. Loads BENCH_DOSSIERS (default
// 1 000 000) dossiers' worth of dossier events into the rollups, printing the ingest rate, then
// asks the main dashboard queries of the statistics subgraph over HTTP and prints p50/p95 — cold,
// warm, and while events keep arriving. Not a test: it prints numbers and asserts nothing.
import { cpus, freemem, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startInfrastructure } from './lib/infrastructure';
import { seededRandom } from './lib/random';
import { percentile } from './lib/load';
import { ensureKeys } from '../platform/keys';
import { internalSigningKey, signInternalToken, INTERNAL_TOKEN_HEADER } from '../platform/internal-token';
import { keyStoreOf } from '../platform/key-store';
import { connectDatabase } from '../platform/mongo';
import { connectRedis } from '../platform/redis';
import { runSubgraph } from '../platform/subgraph';
import type { DossierEvent } from '../platform/events';
import type { Principal } from '../platform/principal';
import { vietnamDay } from '../platform/vietnam-time';
import { statisticsSubgraph } from '../subgraphs/statistics/subgraph';
import { procedureFieldModel } from '../subgraphs/statistics/models/procedure-field';
import { RollupStore } from '../subgraphs/statistics/services/rollup-store';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 2000;
const DAY_MS = 86_400_000;

/** 63 provincial agencies, 40 procedures in 8 fields, five channels, two years up to today. */
const AGENCIES = Array.from({ length: 63 }, (_, i) => `000.00.${String(10 + Math.floor(i / 10)).padStart(2, '0')}.H${String(i + 1).padStart(2, '0')}`);
const PROCEDURES = Array.from({ length: 40 }, (_, i) => ({ code: `1.00${String(2001 + i)}`, field: `Lĩnh vực ${(i % 8) + 1}` }));
const CHANNELS = ['DESK', 'DESK', 'POSTAL', 'ONLINE', 'NATIONAL_PORTAL', 'IVAN', 'IVAN'];
const END = Date.now();
const START = END - 730 * DAY_MS;

const rnd = seededRandom(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

/** One dossier's events, shaped as the dossiers subgraph publishes them; `stepHours` apart at most. */
function dossierEvents(i: number, at = START + rnd() * (END - START - 30 * DAY_MS), stepHours = 100): DossierEvent[] {
  const code = `${pick(AGENCIES)}-B${i}`;
  let agency = pick(AGENCIES);
  const procedure = pick(PROCEDURES).code;
  const channel = pick(CHANNELS);
  const events: DossierEvent[] = [];
  let status: string | null = null;
  const add = (action: string, next: string, facts?: DossierEvent['facts']) => {
    at += (0.01 + rnd() * stepHours) * 3_600_000;
    events.push({
      id: `${code}:${events.length + 1}`, globalSeq: 0, dossierCode: code, seq: events.length + 1, action, state: next, previousState: null, status: next,
      previousStatus: status, agencyCode: agency, departmentCode: null, procedureCode: procedure, channel, actor: { client: 'officer', subject: 'bench' },
      at: new Date(at).toISOString(), ...(facts ? { facts } : {}),
    });
    status = next;
  };
  add('RECEIVE', 'RECEIVED');
  const r = rnd();
  if (r < 0.08) add('REJECT', 'REJECTED');
  else if (r < 0.13) add('WITHDRAW', 'REJECTED');
  else if (r < 0.9) {
    add('START_PROCESSING', 'PROCESSING');
    if (rnd() < 0.05) {
      const from = agency;
      agency = pick(AGENCIES);
      add('TRANSFER', 'PROCESSING', { fromAgencyCode: from });
    }
    if (rnd() < 0.8) {
      const days = Math.floor(rnd() * 25);
      add('COMPLETE', 'RESULT_READY', { onTime: days <= 20, workingDays: days });
      if (rnd() < 0.6) add('RETURN_RESULT', 'RESULT_RETURNED');
    }
  }
  return events;
}


async function main() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}`);
  const infra = await startInfrastructure({ log: (m) => console.log(`[bench] ${m}`) });
  // Ctrl-C stops the database and Redis it started, too.
  process.once('SIGINT', () => void infra.stop().finally(() => process.exit(130)));
  const keysDir = mkdtempSync(path.join(tmpdir(), 'vss-bench-keys-'));
  await ensureKeys(keysDir);
  const prefix = `bench${Date.now()}_`;
  const env = { ...process.env, MONGODB_URI: infra.mongoUri, REDIS_URL: `${infra.redisUrl}/50`, MONGODB_DB_PREFIX: prefix, KEYS_DIR: keysDir, PORT: '0', LOG_LEVEL: 'error' };
  const redis = await connectRedis(env.REDIS_URL);
  await redis.flushdb();
  const db = await connectDatabase(infra.mongoUri, `${prefix}statistics`);
  await procedureFieldModel(db).insertMany(PROCEDURES.map((p) => ({ _id: p.code, field: p.field, revision: 1 })));
  const store = new RollupStore(redis);
  console.log(`redis: ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1]}`);

  // Ingest: the same Lua script the live consumer runs, in pipelined batches.
  let events = 0;
  let batch: DossierEvent[] = [];
  const t0 = Date.now();
  for (let i = 0; i < DOSSIERS; i++) {
    batch.push(...dossierEvents(i));
    if (batch.length >= BATCH) {
      events += await store.apply(batch);
      batch = [];
      if (i % 100_000 === 0 && i) console.log(`  ${i} dossiers, ${events} events, ${Math.round(events / ((Date.now() - t0) / 1000))} events/s`);
    }
  }
  events += await store.apply(batch);
  const ingestSeconds = (Date.now() - t0) / 1000;
  console.log(`ingest: ${DOSSIERS} dossiers, ${events} events in ${ingestSeconds.toFixed(1)} s = ${Math.round(events / ingestSeconds)} events/s; redis memory ${(await redis.info('memory')).match(/used_memory_human:(\S+)/)?.[1]}`);

  // The statistics subgraph over HTTP, as the gateway would call it.
  const running = await runSubgraph(statisticsSubgraph, env);
  const url = `http://127.0.0.1:${running.port}/graphql`;
  const signing = await internalSigningKey(keyStoreOf({ dir: keysDir }));
  const dashboard: Principal = { client: 'dashboard', subject: 'bench', scopes: ['statistics:read'] };
  // Internal tokens live a minute; a new one every 20 s, as the gateway would send.
  let token = { at: 0, value: '' };
  const ask = async (query: string) => {
    if (Date.now() - token.at > 20_000) token = { at: Date.now(), value: await signInternalToken(dashboard, 'bench', signing, 'bench') };
    const started = process.hrtime.bigint();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token.value }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors[0]!.message);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const today = vietnamDay(new Date());
  const day = (daysAgo: number) => vietnamDay(new Date(Date.now() - daysAgo * DAY_MS));
  const F = 'group figures { received processing resolvedOnTime resolvedLate onlineShare averageProcessingDays }';
  const QUERIES: [string, string][] = [
    ['this month by agency', `{ dossierFigures(from: "${today.slice(0, 8)}01", to: "${today}", groupBy: AGENCY) { ${F} } }`],
    ['this year by month', `{ dossierFigures(from: "${today.slice(0, 4)}-01-01", to: "${today}", groupBy: MONTH) { ${F} } }`],
    ['last 12 months, one agency, by procedure', `{ dossierFigures(from: "${day(365)}", to: "${today}", groupBy: PROCEDURE, filter: { agencyCode: "${AGENCIES[0]}" }) { ${F} } }`],
    ['last quarter online, by field', `{ dossierFigures(from: "${day(91)}", to: "${today}", groupBy: FIELD, filter: { channel: IVAN }) { ${F} } }`],
    ['last 30 days by day', `{ dossierFigures(from: "${day(29)}", to: "${today}", groupBy: DAY) { ${F} } }`],
    ['two years by quarter', `{ dossierFigures(from: "${day(729)}", to: "${today}", groupBy: QUARTER) { ${F} } }`],
    ['counts by status now', `{ dossierCountsByStatus { status count } }`],
  ];
  const measure = async (label: string) => {
    console.log(`\n${label} (${RUNS} runs each, ms)`);
    for (const [name, q] of QUERIES) {
      const first = await ask(q);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await ask(q));
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(42)} first ${first.toFixed(1).padStart(7)}   p50 ${percentile(times, 50).toFixed(1).padStart(6)}   p95 ${percentile(times, 95).toFixed(1).padStart(6)}   max ${times.at(-1)!.toFixed(1).padStart(6)}`);
    }
  };
  await measure('dashboard queries, figures at rest');

  // Today as busy as an average day (about 1 400 dossiers), so its hash is what a reload costs.
  for (let k = 0; k < 1400; k += 100) {
    await store.apply(Array.from({ length: 100 }, (_, j) => dossierEvents(DOSSIERS + 1_000_000 + k + j, Date.now() - 6 * 3_600_000, 1)).flat());
  }
  // Fresh figures: events keep arriving for today while the same queries run — 100 dossiers a
  // second, some three thousand times the national average of about one million a year.
  let live = true;
  let liveEvents = 0;
  const feeder = (async () => {
    for (let i = 0; live; i++) {
      const batchToday = Array.from({ length: 10 }, (_, k) => dossierEvents(DOSSIERS + i * 10 + k, Date.now() - 3 * 3_600_000, 0.5)).flat();
      liveEvents += await store.apply(batchToday);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const liveStart = Date.now();
  await measure('dashboard queries while events for today arrive');
  live = false;
  await feeder;
  console.log(`  (${liveEvents} events applied meanwhile, ${Math.round(liveEvents / ((Date.now() - liveStart) / 1000))} events/s)`);

  await running.stop();
  await db.dropDatabase();
  await db.close();
  await redis.flushdb();
  redis.disconnect();
  await infra.stop();
  rmSync(keysDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(`bench:stats: ${(err as Error).stack}`);
  process.exit(1);
});
