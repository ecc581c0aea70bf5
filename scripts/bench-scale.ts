// The scale benchmark (issue 12): `npm run bench:scale -- --dossiers 100000 --compare 1000`.
// Fills N dossiers with their events (copies of dossiers filed through the gateway), checks a
// sample through the graph, then measures through the gateway: the I-VAN status poll (W1), the
// public status lookup, an officer's work queue, concurrent intakes (W4) and officer actions.
// With --compare it does the same at the smaller size in the same run, the two stacks measured
// in alternating rounds, and prints the ratios. Not a test: it prints numbers and asserts
// nothing, but exits non-zero when a sampled dossier reads wrong or an intake gets a used code.
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureKeys } from '../platform/keys';
import { connectDatabase } from '../platform/mongo';
import { freePort } from '../tools/lib/process';
import { dossierCode, dossierCodePrefix } from '../subgraphs/dossiers/services/code';
import { dossierModels } from '../subgraphs/dossiers/context';
import { agencyModel } from '../subgraphs/identity/models/agency';
import { highestId } from '../platform/sequence';
import { startInfrastructure, type Infrastructure } from './lib/infrastructure';
import { startStack, type Stack } from './lib/stack';
import { mintDevToken, type DevTokenOptions } from '../platform/dev-token';
import { seedCatalogue } from './seed';
import { copyDossier, readFiled, writeFiled, type FiledDossier } from './lib/dossier-fill';
import { median, percentile, runLoad, type LoadResult } from './lib/load';
import { seededRandom } from './lib/random';
import { organizationSigner } from './lib/organization-keys';
import { ORGANIZATIONS } from './seed-data';

const args = process.argv.slice(2);
const arg = (name: string, fallback?: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOSSIERS = arg('dossiers', 100_000)!;
const COMPARE = arg('compare');
const SECONDS = arg('seconds', 8)!;
const ROUNDS = arg('rounds', 3)!;
for (const [name, v] of Object.entries({ dossiers: DOSSIERS, compare: COMPARE ?? 1000, seconds: SECONDS, rounds: ROUNDS })) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
}

const DAY_MS = 86_400_000;
/** Where the templates are filed; copies go to the other agencies. */
const TEMPLATE_AGENCY = '000.00.01.H26';
const AGENCIES = Array.from({ length: 20 }, (_, i) => `000.00.${String(40 + Math.floor(i / 10))}.B${String(i + 1).padStart(2, '0')}`);
/** Dossiers received per day across the agencies: a bigger N is a longer history, not a bigger day. */
const PER_DAY = 500;
/** The newest dossiers are still open: the live work, the same at every N (15 per agency). */
const OPEN = 300;
const IVAN = 'IVAN-0001';
const PROCEDURE = '1.002001';
const UNLIMITED_SHARES = JSON.stringify(
  Object.fromEntries(['anonymous', 'ivan', 'officer', 'dashboard'].map((c) => [c, { requestsPerMinute: 10_000_000, maxConcurrent: 10_000 }])),
);

type Call = <T>(token: string | null, query: string, variables?: Record<string, unknown>) => Promise<T>;

const caller = (gatewayUrl: string): Call => async (token, query, variables = {}) => {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  return body.data as never;
};

const RECEIVE = 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code version } }';
const ACT = 'mutation($input: DossierActionInput!) { actOnDossier(input: $input) { code version state } }';
const W1 = 'query($code: ID!) { dossier(code: $code) { code status appointmentAt procedure { code name } handlingAgency { code name } } }';
const STATUS = 'query($code: ID!) { dossierStatus(code: $code) { code status appointmentAt } }';
const QUEUE = 'query($agency: ID!) { dossiers(filter: { agency: $agency, state: PROCESSING }, first: 20) { edges { node { code receivedAt appointmentAt } } } }';
const SAMPLE = 'query($code: ID!) { dossier(code: $code) { code state status version procedure { code } handlingAgency { code } history { version action } } }';

const ORG = (n: number) => ({ unitCode: `BN${String(n % 9000).padStart(5, '0')}`, name: 'Công ty TNHH Bình An' });
const receiveInput = (i: number) => ({ procedureCode: PROCEDURE, applicant: ORG(i), components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai tham gia BHXH, BHYT' }] });

/** The histories copied: finished ones for the past, open ones for the live work. */
const FINISHED = [
  { by: 'ivan', steps: [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }, { action: 'RETURN_RESULT', returnMethod: 'ONLINE' }] },
  { by: 'officer', steps: [{ action: 'START_PROCESSING' }, { action: 'COMPLETE' }, { action: 'RETURN_RESULT', returnMethod: 'DESK' }] },
  { by: 'ivan', steps: [{ action: 'START_PROCESSING' }, { action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu tờ khai' }, { action: 'RECEIVE_SUPPLEMENT' }, { action: 'COMPLETE' }] },
  { by: 'officer', steps: [{ action: 'REJECT', reason: 'Không thuộc thẩm quyền' }] },
] as const;
const LIVE = [
  { by: 'ivan', steps: [] },
  { by: 'officer', steps: [{ action: 'START_PROCESSING' }] },
  { by: 'ivan', steps: [{ action: 'START_PROCESSING' }] },
] as const;

interface World {
  label: string;
  size: number;
  stack: Stack;
  infra: Infrastructure;
  call: Call;
  tokens: { ivan: string; dashboard: string; officers: Map<string, string> };
  /** Codes of copies filed by the I-VAN provider (W1 polls them) and of any copies (status lookup). */
  ivanCodes: string[];
  anyCodes: string[];
  /** Dossiers received in W4, waiting for an officer's action. */
  received: { code: string; agency: string }[];
  loadSeconds: number;
  stop(): Promise<void>;
}

const say = (msg: string) => console.log(`[bench] ${msg}`);

async function fileTemplates(call: Call, tokens: (o: DevTokenOptions) => Promise<string>, keysDir: string) {
  const officer = await tokens({ client: 'officer', agencyCode: TEMPLATE_AGENCY });
  const ivan = await tokens({ client: 'ivan', ivanProviderId: IVAN });
  // I-VAN templates are filed for a demo employer, signed by it (R-ID-4); copies take other applicants.
  const sign = organizationSigner(keysDir);
  const employer = { unitCode: ORGANIZATIONS[0].unitCode, name: ORGANIZATIONS[0].name };
  const file = async (t: { by: string; steps: readonly object[] }, i: number) => {
    const input = t.by === 'ivan' ? await sign({ ...receiveInput(i), agencyCode: TEMPLATE_AGENCY, applicant: employer }) : receiveInput(i);
    const { receiveDossier } = await call<{ receiveDossier: { code: string; version: number } }>(t.by === 'ivan' ? ivan : officer, RECEIVE, { input });
    let version = receiveDossier.version;
    for (const step of t.steps) {
      ({ actOnDossier: { version } } = await call<{ actOnDossier: { version: number } }>(officer, ACT, { input: { code: receiveDossier.code, expectedVersion: version, ...step } }));
    }
    return receiveDossier.code;
  };
  const codes = { finished: [] as string[], live: [] as string[] };
  for (const [i, t] of FINISHED.entries()) codes.finished.push(await file(t, i));
  for (const [i, t] of LIVE.entries()) codes.live.push(await file(t, 100 + i));
  return codes;
}

/** A stack of its own (database, Redis, five subgraphs, gateway) filled with `size` dossiers. */
async function prepareWorld(label: string, size: number): Promise<World> {
  // npm start's durable settings: writes are measured as they would be made.
  const infra = await startInfrastructure({ durable: true, sharedBuffers: size >= 500_000 ? '2GB' : '512MB', log: (m) => say(`${label}: ${m}`) });
  const keysDir = mkdtempSync(path.join(tmpdir(), 'vss-bench-keys-'));
  let stack: Stack | undefined;
  const stop = async () => {
    await stack?.stop();
    await infra.stop();
    rmSync(keysDir, { recursive: true, force: true });
  };
  try {
    await ensureKeys(keysDir);
    const names = ['gateway', 'identity', 'procedures', 'dossiers', 'documents', 'statistics'] as const;
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
    stack = await startStack({
      mongoUri: infra.mongoUri, redisUrl: infra.redisUrl, keysDir, ports,
      logDir: path.join(keysDir, 'logs'),
      // The benchmark is one caller per client type measuring throughput: no fair-share limits.
      env: { PUBLIC_LOOKUPS_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', CLIENT_BUDGETS: UNLIMITED_SHARES },
    });
    await seedCatalogue(infra.mongoUri, 'vss_', keysDir);
    const identity = await connectDatabase(infra.mongoUri, 'vss_identity');
    for (const [i, code] of AGENCIES.entries()) {
      await agencyModel(identity).updateOne({ code }, { $set: { code, name: `Bảo hiểm xã hội khu vực ${i + 1}`, nameEn: null, level: 'PROVINCIAL', parentCode: '000.00.00.G12', departments: [] } }, { upsert: true });
    }
    await identity.close();

    const call = caller(stack.gatewayUrl);
    const tokens = (o: DevTokenOptions) => mintDevToken(keysDir, { ttlSeconds: 6 * 3600, ...o });
    const templateCodes = await fileTemplates(call, tokens, keysDir);
    const db = await connectDatabase(infra.mongoUri, 'vss_dossiers');
    const models = dossierModels(db);
    const templates = {
      finished: await Promise.all(templateCodes.finished.map((c) => readFiled(models, c))),
      live: await Promise.all(templateCodes.live.map((c) => readFiled(models, c))),
    };

    // The fill, oldest first, PER_DAY a day up to now; the newest OPEN are the live work.
    say(`${label}: filling ${size} dossiers…`);
    const t0 = performance.now();
    const random = seededRandom(size);
    const numbers = new Map<string, number>();
    const ivanCodes: string[] = [];
    const anyCodes: string[] = [];
    // The templates' events are numbered by the running relay first; the copies go after them.
    while (await models.DossierEvent.exists({ published: false })) await new Promise((r) => setTimeout(r, 100));
    let next = (await highestId(models.EventLog)) + 1;
    const BATCH = 1000;
    for (let start = 0; start < size; start += BATCH) {
      const batch: FiledDossier[] = [];
      for (let i = start; i < Math.min(size, start + BATCH); i++) {
        const agencyCode = AGENCIES[i % AGENCIES.length]!;
        const receivedAt = new Date(Date.now() - ((size - i) / PER_DAY) * DAY_MS);
        const prefix = dossierCodePrefix(agencyCode, receivedAt);
        const n = (numbers.get(prefix) ?? 0) + 1;
        numbers.set(prefix, n);
        const open = i >= size - OPEN;
        const pool = open ? templates.live : templates.finished;
        const template = pool[Math.floor(random() * pool.length)]!;
        const copy = copyDossier(template, { code: dossierCode(prefix, n), agencyCode, applicantId: ORG(i).unitCode, receivedAt });
        batch.push(copy);
        if (copy.dossier.ivanProviderId === IVAN && ivanCodes.length < 20_000 && random() < 0.5) ivanCodes.push(copy.dossier.code);
        if (anyCodes.length < 20_000 && random() < 0.3) anyCodes.push(copy.dossier.code);
      }
      next = await writeFiled(models, batch, next);
      if ((start / BATCH) % 100 === 99) say(`${label}: ${start + BATCH} dossiers in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    say(`${label}: ${size} dossiers and ${next - 1} logged events loaded in ${loadSeconds.toFixed(1)} s`);
    // What a DBA does after a bulk load, and autovacuum would do in the next minutes: measuring
    // while it runs would charge the load to the workloads.
    const client = new pg.Client({ connectionString: `${infra.postgresUrl}ferretdb` });
    await client.connect();
    await client.query('VACUUM (ANALYZE)');
    await client.end();
    say(`${label}: vacuumed and analysed after the load`);

    const dashboard = await tokens({ client: 'dashboard' });
    // The copies must read through the graph exactly as stored.
    for (const code of anyCodes.slice(0, 25)) {
      const stored = await models.Dossier.findOne({ code }).lean();
      const events = await models.DossierEvent.find({ dossierCode: code }).sort({ seq: 1 }).lean();
      const { dossier } = await call<{ dossier: { code: string; state: string; version: number; procedure: { code: string }; handlingAgency: { code: string }; history: { version: number; action: string }[] } }>(dashboard, SAMPLE, { code });
      const same = dossier.state === stored!.state && dossier.version === stored!.seq && dossier.procedure.code === stored!.procedureCode
        && dossier.handlingAgency.code === stored!.handlingAgencyCode && JSON.stringify(dossier.history) === JSON.stringify(events.map((e) => ({ version: e.seq, action: e.action })));
      if (!same) throw new Error(`${label}: ${code} reads differently through the graph than stored`);
    }
    await db.close();
    say(`${label}: 25 sampled dossiers read through the graph as stored`);

    const officers = new Map(await Promise.all(AGENCIES.map(async (a) => [a, await tokens({ client: 'officer', agencyCode: a })] as const)));
    return {
      label, size, stack, infra, call, loadSeconds, ivanCodes, anyCodes, received: [], stop,
      tokens: { ivan: await tokens({ client: 'ivan', ivanProviderId: IVAN }), dashboard, officers },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

interface Figures {
  w1: LoadResult;
  status: LoadResult;
  queue: LoadResult;
  w4: LoadResult;
  actions: LoadResult;
  duplicates: number;
}

/** One round of every workload on one world. */
async function measure(w: World): Promise<Figures> {
  const pick = <T>(xs: readonly T[], i: number) => xs[(i * 7919) % xs.length]!;
  const w1 = await runLoad({ concurrency: 8, seconds: SECONDS }, async (i) => {
    const code = pick(w.ivanCodes, i);
    const { dossier } = await w.call<{ dossier: { code: string; handlingAgency: { name: string } | null } | null }>(w.tokens.ivan, W1, { code });
    if (dossier?.code !== code || !dossier.handlingAgency?.name) throw new Error(`W1: ${code} answered ${JSON.stringify(dossier)}`);
  });
  const status = await runLoad({ concurrency: 4, seconds: SECONDS }, async (i) => {
    const code = pick(w.anyCodes, i);
    const { dossierStatus } = await w.call<{ dossierStatus: { code: string } | null }>(null, STATUS, { code });
    if (dossierStatus?.code !== code) throw new Error(`status: ${code} not found`);
  });
  const queue = await runLoad({ concurrency: 4, seconds: SECONDS }, async (i) => {
    const agency = pick(AGENCIES, i);
    const { dossiers } = await w.call<{ dossiers: { edges: unknown[] } }>(w.tokens.officers.get(agency)!, QUEUE, { agency });
    if (dossiers.edges.length === 0) throw new Error(`queue of ${agency} is empty`);
  });
  const codes: string[] = [];
  const w4 = await runLoad({ concurrency: 32, seconds: SECONDS }, async (i) => {
    const agency = pick(AGENCIES, i);
    const { receiveDossier } = await w.call<{ receiveDossier: { code: string } }>(w.tokens.officers.get(agency)!, RECEIVE, { input: receiveInput(i) });
    codes.push(receiveDossier.code);
    w.received.push({ code: receiveDossier.code, agency });
  });
  const duplicates = codes.length - new Set(codes).size;
  const todo = w.received.splice(0);
  const actions = await runLoad({ concurrency: 16, seconds: SECONDS, max: todo.length }, async (i) => {
    const { code, agency } = todo[i]!;
    const { actOnDossier } = await w.call<{ actOnDossier: { state: string } }>(w.tokens.officers.get(agency)!, ACT, { input: { code, expectedVersion: 1, action: 'START_PROCESSING' } });
    if (actOnDossier.state !== 'PROCESSING') throw new Error(`action on ${code} left it ${actOnDossier.state}`);
  });
  return { w1, status, queue, w4, actions, duplicates };
}

const rate = (r: LoadResult) => r.count / r.seconds;

function summarise(w: World, rounds: Figures[]) {
  const errors = rounds.flatMap((f) => Object.entries(f).flatMap(([k, r]) => (typeof r === 'object' && r.errors ? [`${k}: ${r.errors} errors (${r.firstError})`] : [])));
  return {
    w1_p50_ms: median(rounds.map((f) => percentile(f.w1.latencies, 50))),
    w1_p95_ms: median(rounds.map((f) => percentile(f.w1.latencies, 95))),
    status_p50_ms: median(rounds.map((f) => percentile(f.status.latencies, 50))),
    queue_p50_ms: median(rounds.map((f) => percentile(f.queue.latencies, 50))),
    w4_per_s: median(rounds.map((f) => rate(f.w4))),
    actions_per_s: median(rounds.map((f) => rate(f.actions))),
    duplicates: rounds.reduce((n, f) => n + f.duplicates, 0),
    errors,
    load_s: w.loadSeconds,
  };
}

function print(label: string, s: ReturnType<typeof summarise>) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`${label}: W1 dossier(code) with procedure and handlingAgency  p50 ${ms(s.w1_p50_ms)}  p95 ${ms(s.w1_p95_ms)}`);
  console.log(`${label}: dossierStatus (public)                            p50 ${ms(s.status_p50_ms)}`);
  console.log(`${label}: officer work queue, first page (agency, PROCESSING) p50 ${ms(s.queue_p50_ms)}`);
  console.log(`${label}: W4 receiveDossier through the gateway               ${s.w4_per_s.toFixed(0)} intakes/s, ${s.duplicates} duplicate codes`);
  console.log(`${label}: actOnDossier (START_PROCESSING)                     ${s.actions_per_s.toFixed(0)} actions/s`);
  console.log(`${label}: loaded in ${s.load_s.toFixed(1)} s${s.errors.length ? `; ERRORS: ${s.errors.join('; ')}` : ''}`);
}

async function main() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}`);
  console.log(`bench:scale: ${DOSSIERS} dossiers${COMPARE ? ` against ${COMPARE}` : ''}; ${ROUNDS} rounds of ${SECONDS} s per workload`);
  const worlds: World[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const w of worlds) await w.stop();
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    if (COMPARE) worlds.push(await prepareWorld(`N=${COMPARE}`, COMPARE));
    worlds.push(await prepareWorld(`N=${DOSSIERS}`, DOSSIERS));
    const results = new Map<World, Figures[]>(worlds.map((w) => [w, []]));
    for (let round = 0; round < ROUNDS && !stopping; round++) {
      // Alternate which size goes first, so that neither always meets a warmer machine.
      for (const w of round % 2 ? [...worlds].reverse() : worlds) {
        results.get(w)!.push(await measure(w));
        say(`round ${round + 1}: ${w.label} measured`);
      }
    }
    const summaries = worlds.map((w) => summarise(w, results.get(w)!));
    worlds.forEach((w, i) => print(w.label, summaries[i]!));
    const [small, big] = COMPARE ? summaries : [undefined, summaries[0]!];
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    const round = (v: number) => Number(v.toFixed(1));
    const final = {
      dossiers: DOSSIERS,
      compare: COMPARE ?? null,
      w1_p50_ms: round(big!.w1_p50_ms), w1_p95_ms: round(big!.w1_p95_ms), status_p50_ms: round(big!.status_p50_ms), queue_p50_ms: round(big!.queue_p50_ms),
      w4_per_s: round(big!.w4_per_s), actions_per_s: round(big!.actions_per_s),
      duplicates: summaries.reduce((n, s) => n + s.duplicates, 0),
      load_seconds: round(big!.load_s),
      ratios: small
        ? {
            w1_p50: ratio(big!.w1_p50_ms, small.w1_p50_ms),
            status_p50: ratio(big!.status_p50_ms, small.status_p50_ms),
            queue_p50: ratio(big!.queue_p50_ms, small.queue_p50_ms),
            // Rates inverted, so that > 1 means slower at N.
            w4: ratio(small.w4_per_s, big!.w4_per_s),
            actions: ratio(small.actions_per_s, big!.actions_per_s),
          }
        : null,
    };
    console.log(JSON.stringify(final));
    if (final.duplicates > 0 || summaries.some((s) => s.errors.length)) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

main().catch((err: unknown) => {
  console.error(`bench:scale: ${(err as Error).message}`);
  process.exit(1);
});
