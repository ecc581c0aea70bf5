// The gateway benchmark (issue 15): `npm run bench:gateway [-- --seconds 15 --rounds 3]`.
// Measures what our gateway costs against stock Apollo Gateway and Hive Gateway on the same
// supergraph and subgraphs, and against the dossiers subgraph alone. Workloads: W0 agencies(first:
// 10) anonymously; W1 the I-VAN status poll (three subgraphs); W2 the national portal's catalogue
// page of 50 procedures; MIX mostly W1 polls with some receiveDossier intakes. Paths: ours, ours
// with GATEWAY_DEDUP=off (a second gateway process), stock @apollo/gateway with
// @apollo/server, Hive Gateway with its deduplication on and off, and the subgraph direct (W1).
// autocannon, 20 connections, `--seconds` a run, `--rounds` rounds (≥ 3) each running every
// workload on every path, in an order rotated per round; medians over the rounds are printed
// with a closing JSON line. Every path must first give the same data for every workload.
//
// By default it starts its own stack (database as npm start keeps it durable, Redis, subgraphs,
// gateway), fair shares lifted, seeded with the demo data, 50 published procedures and 100
// I-VAN dossiers. `--gateway http://127.0.0.1:4000` measures a running npm start instead
// (subgraphs at SUBGRAPH_<NAME>_URL or npm start's ports, keys in KEYS_DIR or .data/keys; REDIS_URL
// for the second gateway, MONGODB_URI for the extra agencies; start it with CLIENT_BUDGETS lifted).
// `--profile` runs W1 against our gateway once under `--cpu-prof` and prints the top functions.
// Also: --warmup seconds (2), --connections (20), --workloads W0,W1,W2,MIX, --paths ours,stock,…
// Not a test: it asserts nothing but the equal answers; the machine is shared, so re-run when rounds disagree.
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readEnv, setting, SUBGRAPHS } from '../platform/config';
import { ensureKeys } from '../platform/keys';
import { freePort } from '../tools/lib/process';
import { startInfrastructure, type Infrastructure } from './lib/infrastructure';
import { startStack, stopChild, type Stack } from './lib/stack';
import { seedCatalogue, seedDossiers } from './seed';
import { checkAnswers } from './lib/bench-gateway/check';
import { formatGroups, formatTop, readProfiles, summariseProfiles } from './lib/bench-gateway/cpuprofile';
import { PATH_LABELS, PATH_NAMES, startPaths, type BenchPath, type PathName } from './lib/bench-gateway/paths';
import { finalJson, formatTable, summarise, type Results } from './lib/bench-gateway/report';
import { runAutocannon, type RunResult } from './lib/bench-gateway/run';
import { peerConfig } from './lib/bench-gateway/peer-config';
import { seedForBench } from './lib/bench-gateway/seed';
import { startTokens, type Tokens } from './lib/bench-gateway/tokens';
import { buildWorkloads, signedIntakes, WORKLOAD_NAMES, type Workload, type WorkloadName } from './lib/bench-gateway/workloads';

const USAGE = 'usage: npm run bench:gateway -- [--seconds 15] [--rounds 3] [--warmup 2] [--connections 20] [--gateway URL] [--profile] [--workloads W0,W1,W2,MIX] [--paths ours,ours_nodedup,ours_noaudit,stock,hive,hive_nodedup,direct]';
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const text = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const whole = (name: string, fallback: number, min: number) => {
  const v = text(name) === undefined ? fallback : Number(text(name));
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return v;
};
const listOf = <T extends string>(name: string, allowed: readonly T[]): T[] => {
  const given = text(name)?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!given) return [...allowed];
  const bad = given.filter((g) => !(allowed as readonly string[]).includes(g));
  if (bad.length) throw new Error(`--${name}: unknown ${bad.join(', ')} (one of ${allowed.join(', ')})`);
  return allowed.filter((a) => given.includes(a));
};

const SECONDS = whole('seconds', 15, 1);
const ROUNDS = whole('rounds', 3, 3);
const WARMUP = whole('warmup', 2, 0);
const CONNECTIONS = whole('connections', 20, 1);
const PROFILE = args.includes('--profile');
const GATEWAY = text('gateway');
const WORKLOADS = PROFILE ? (['W1'] as WorkloadName[]) : listOf('workloads', WORKLOAD_NAMES);
const PATHS = PROFILE ? (['ours'] as PathName[]) : listOf('paths', PATH_NAMES);
if (PROFILE && GATEWAY) throw new Error('--profile starts its own stack, to run our gateway under --cpu-prof; drop --gateway');

/** One caller per client type measuring throughput: no fair-share limits (as bench:scale). */
const UNLIMITED_SHARES = JSON.stringify(
  Object.fromEntries(['anonymous', 'ivan', 'npsp', 'officer', 'dashboard'].map((c) => [c, { requestsPerMinute: 10_000_000, maxConcurrent: 10_000 }])),
);
const BENCH_ENV = { LOG_LEVEL: 'warn', CLIENT_BUDGETS: UNLIMITED_SHARES };

const say = (msg: string) => console.log(`[bench] ${msg}`);
const env = readEnv({ MONGODB_URI: setting.text().optional(), REDIS_URL: setting.text().optional(), KEYS_DIR: setting.path('.data/keys') });

/** What is measured: our gateway and subgraphs, started here or already running. */
interface World {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  keysDir: string;
  mongoUri?: string;
  /** For the second gateway (dedup and cache off); undefined when it cannot be started. */
  gatewayEnv?: Record<string, string>;
  logDir: string;
  stack?: Stack;
  /** Stops what it started; the logs are kept when the benchmark failed. */
  stop(keepLogs: boolean): Promise<void>;
}

async function ownWorld(profileDir: string | undefined): Promise<World> {
  // npm start's durable settings: intakes are measured as they would be written.
  const infra: Infrastructure = await startInfrastructure({ durable: true, log: say });
  const keysDir = mkdtempSync(path.join(tmpdir(), 'vss-bench-gateway-keys-'));
  const logDir = mkdtempSync(path.join(tmpdir(), 'vss-bench-gateway-logs-'));
  let stack: Stack | undefined;
  const stop = async (keepLogs: boolean) => {
    await stack?.stop();
    await infra.stop();
    rmSync(keysDir, { recursive: true, force: true });
    if (keepLogs) console.error(`bench:gateway: the services' logs are in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  };
  try {
    await ensureKeys(keysDir);
    const names = ['gateway', ...SUBGRAPHS] as const;
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
    stack = await startStack({
      mongoUri: infra.mongoUri, redisUrl: infra.redisUrl, keysDir, ports, logDir, env: BENCH_ENV,
      nodeArgs: profileDir ? { gateway: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : undefined,
    });
    say('stack started; seeding the demo data…');
    await seedCatalogue(infra.mongoUri, 'vss_', keysDir);
    await seedDossiers(stack.gatewayUrl, keysDir);
    return { gatewayUrl: stack.gatewayUrl, subgraphUrls: stack.subgraphUrls, keysDir, mongoUri: infra.mongoUri, gatewayEnv: stack.gatewayEnv, logDir, stack, stop };
  } catch (err) {
    await stop(true);
    throw err;
  }
}

async function runningWorld(given: string): Promise<World> {
  const base = given.replace(/\/+$/, '');
  const gatewayUrl = base.endsWith('/graphql') ? base : `${base}/graphql`;
  const health = await fetch(new URL('/readyz', gatewayUrl), { signal: AbortSignal.timeout(5000) }).catch((err: unknown) => err as Error);
  if (health instanceof Error || !health.ok) throw new Error(`${gatewayUrl}: /readyz does not answer OK (${health instanceof Error ? health.message : `HTTP ${health.status}`}); is npm start running?`);
  const { subgraphUrls } = peerConfig();
  const keysDir = env.KEYS_DIR;
  const redisUrl = env.REDIS_URL;
  const logDir = mkdtempSync(path.join(tmpdir(), 'vss-bench-gateway-logs-'));
  const overrides = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, subgraphUrls[n]!]));
  say(`measuring the running gateway ${gatewayUrl}: its fair shares are its own; start it with CLIENT_BUDGETS='${UNLIMITED_SHARES}' or expect 429s`);
  return {
    gatewayUrl, subgraphUrls, keysDir, logDir,
    mongoUri: env.MONGODB_URI,
    gatewayEnv: redisUrl ? { ...BENCH_ENV, ...overrides, REDIS_URL: redisUrl, KEYS_DIR: keysDir, NODE_ENV: 'development' } : undefined,
    stop: async (keepLogs) => {
      if (keepLogs) console.error(`bench:gateway: the peer gateways' logs are in ${logDir}`);
      else rmSync(logDir, { recursive: true, force: true });
    },
  };
}

const requestsFor = (w: Workload, p: BenchPath) => {
  const headers = () => p.headers(w.caller);
  return (p.name === 'direct' ? w.direct! : w.sequence).map((body) => ({ headers, body }));
};
const runsOn = (w: Workload, p: BenchPath) => p.name !== 'direct' || !!w.direct;
const line = (r: RunResult) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${r.cpuMsPerReq === undefined ? '' : `, ${r.cpuMsPerReq.toFixed(2)} CPU ms/req`}${r.non2xx || r.errors || r.gqlErrors ? `, non-2xx ${r.non2xx}, errors ${r.errors}, gql errors ${r.gqlErrors}${r.firstFailure ? ` (first: ${r.firstFailure})` : ''}` : ''}`;
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const started = performance.now();
  const database = env.MONGODB_URI ? 'MONGODB_URI' : 'embedded';
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(PROFILE
    ? `bench:gateway --profile: W1 against our gateway under --cpu-prof, one run of ${SECONDS} s after ${WARMUP} s of warm-up, ${CONNECTIONS} connections`
    : `bench:gateway: ${ROUNDS} rounds; ${SECONDS} s a run (${WARMUP} s warm-up first), ${CONNECTIONS} connections; workloads ${WORKLOADS.join(', ')}; paths ${PATHS.join(', ')}; database ${database}`);

  let world: World | undefined;
  let tokens: Tokens | undefined;
  let stopPaths: (() => Promise<void>) | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = (keepLogs: boolean) =>
    (stopping ??= (async () => {
      tokens?.stop();
      await stopPaths?.();
      await world?.stop(keepLogs);
    })());
  process.on('SIGINT', () => void stopAll(false).then(() => process.exit(130)));
  let failed = true;
  const profileDir = PROFILE ? mkdtempSync(path.join(tmpdir(), 'vss-bench-gateway-profile-')) : undefined;
  try {
    world = GATEWAY ? await runningWorld(GATEWAY) : await ownWorld(profileDir);
    const seeded = await seedForBench({ gatewayUrl: world.gatewayUrl, keysDir: world.keysDir, mongoUri: world.mongoUri, log: say });
    say(`data: ${seeded.published} published procedures, ${seeded.agencies} agencies, ${seeded.pollCodes.length} I-VAN dossiers polled, intakes at ${seeded.intakeAgencies.length} agencies`);
    tokens = await startTokens(world.keysDir);
    mkdirSync(world.logDir, { recursive: true });
    const pids = { ours: world.stack?.children.get('gateway')?.pid, dossiers: world.stack?.children.get('dossiers')?.pid };
    const started2 = await startPaths({ wanted: PATHS, ourGatewayUrl: world.gatewayUrl, subgraphUrls: world.subgraphUrls, tokens, logDir: world.logDir, gatewayEnv: world.gatewayEnv, pids });
    stopPaths = started2.stop;
    const paths = started2.paths;
    for (const s of started2.skipped) say(`skipped ${s}`);
    say(`paths: ${paths.map((p) => `${p.name} ${p.url}`).join(', ')}`);
    const intakes = await signedIntakes(world.keysDir, seeded.intakeAgencies);
    const workloads = buildWorkloads(seeded.pollCodes, intakes);
    const chosen = WORKLOADS.map((w) => workloads[w]);
    if (chosen.some((w) => w.mutates)) say('MIX: intakes go through every gateway path (each forwards the I-VAN principal to the dossiers subgraph); the direct path runs W1 only');

    const problems = await checkAnswers(paths, WORKLOADS, seeded.pollCodes, intakes[0]!);
    if (problems.length) {
      console.error(`bench:gateway: the paths do not answer alike:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
      return;
    }
    say(`every path gives the same data for ${WORKLOADS.join(', ')}`);

    if (WARMUP > 0) {
      for (const w of chosen) for (const p of paths) if (runsOn(w, p)) await runAutocannon({ url: p.url, seconds: WARMUP, connections: CONNECTIONS, requests: requestsFor(w, p) });
      say('warmed up');
    }

    if (PROFILE) {
      const ours = paths[0]!;
      const from = monotonicUs();
      const r = await runAutocannon({ url: ours.url, seconds: SECONDS, connections: CONNECTIONS, requests: requestsFor(workloads.W1, ours), pid: ours.pid });
      const to = monotonicUs();
      say(`W1 ours: ${line(r)}`);
      // SIGTERM: the gateway stops itself, and node writes the profile on the way out.
      await stopChild(world.stack!.children.get('gateway')!);
      const summary = summariseProfiles(readProfiles(profileDir!), { window: { from, to }, root: PROJECT_ROOT });
      console.log(`\nCPU profile of our gateway during the W1 run: ${summary.files} profile(s) in ${profileDir}; busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms${summary.windowMatched ? '' : ' (whole profiles: no sample fell in the run\'s window)'}`);
      console.log('top 15 functions by self time (self ms, % of busy time, function, url:line):');
      console.log(formatTop(summary, 15));
      console.log('\nself time by package or module (self ms, % of busy time):');
      console.log(formatGroups(summary, 12));
    } else {
      const runs = new Map(chosen.map((w) => [w.name, new Map(paths.filter((p) => runsOn(w, p)).map((p) => [p.name, [] as RunResult[]]))]));
      for (let round = 0; round < ROUNDS && !stopping; round++) {
        // Each round starts with another path, so that none always meets the machine first.
        const order = paths.map((_, i) => paths[(i + round) % paths.length]!);
        for (const w of chosen) {
          for (const p of order) {
            if (!runsOn(w, p) || stopping) continue;
            const r = await runAutocannon({ url: p.url, seconds: SECONDS, connections: CONNECTIONS, requests: requestsFor(w, p), pid: p.pid });
            runs.get(w.name)!.get(p.name)!.push(r);
            say(`round ${round + 1}/${ROUNDS} ${w.name} ${p.name}: ${line(r)}`);
          }
        }
      }
      // In path order, as the table reads.
      const results: Results = new Map(chosen.map((w) => [w.name, new Map(paths.filter((p) => runsOn(w, p)).map((p) => [p.name, summarise(runs.get(w.name)!.get(p.name)!)]))]));
      console.log(`\nmedians over ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections (req/s: answers without errors; "${PATH_LABELS.ours_nodedup}" is a second gateway process)`);
      console.log(formatTable(chosen, results));
      console.log(`\nbench:gateway took ${((performance.now() - started) / 1000).toFixed(0)} s; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      console.log(finalJson(database, results));
    }
    failed = Boolean(process.exitCode);
  } finally {
    await stopAll(failed);
    if (profileDir && !readdirSync(profileDir).length) rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:gateway: ${(err as Error).message}`);
  process.exit(1);
});
