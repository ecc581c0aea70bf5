import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { startService, startStack, stopChild, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue, seedDossiers } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { freePort } from '../../tools/lib/process';
import { DEV_AUDIENCE, DEV_ISSUER, KEY_FILES } from '../../platform/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../platform/internal-token';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { PROJECT_ROOT, SUBGRAPHS } from '../../platform/config';
import { vietnamDay } from '../../platform/vietnam-time';
import { generatePopulation, startPopulationSimulator } from '../../adapters/population/simulator';
import { DEMO_CITIZEN } from '../../scripts/seed-data';
import { auditModel, type AuditEntry } from '../../platform/audit';
import { connectDatabase } from '../../platform/mongo';
import { keyStoreOf } from '../../platform/key-store';
import { localTimestamps } from '../../adapters/timestamp/local';
import { checkpointSeal } from '../../adapters/timestamp/stamped';
import { verifyAudit } from '../../scripts/audit-verify';
import { organizationSigner } from '../../scripts/lib/organization-keys';

/**
 * Every service as a real process (the same launcher as npm start) on free ports, against the
 * FerretDB and Redis of the global setup, queried through the gateway over HTTP.
 */
const keysDir = process.env.KEYS_DIR!;
// A Redis database of its own: event streams, consumer groups and the audit inbox are per database, and another stack's consumers would take its events.
const redisUrl = `${process.env.REDIS_URL}/24`;
let stack: Stack;
let logDir: string;
let dossierCodes: string[];
let officerToken: string;
let auditDbName: string;
let population: Awaited<ReturnType<typeof startPopulationSimulator>>;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
}
const asOfficer = () => ({ authorization: `Bearer ${officerToken}` });
const sign = organizationSigner(keysDir);
/** The employer's signature an I-VAN intake carries (R-ID-4), over the input as written in the mutation. */
const SAO_MAI_INTAKE = { procedureCode: '1.002001', agencyCode: '000.00.01.H26', applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' }, components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] };
const signatureOf = async (input: Parameters<typeof sign>[0]) => (await sign(input)).organizationSignature;

/** A service's /metrics (Prometheus text), read from this machine as an operator would. */
async function metricsOf(graphqlUrl: string): Promise<string> {
  const res = await fetch(new URL('/metrics', graphqlUrl));
  expect(res.status).toBe(200);
  return res.text();
}

/** The sum of the series of `name` whose labels include `labels` (NaN when there is none). */
function value(text: string, name: string, labels: Record<string, string>): number {
  let sum = NaN;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`));
    if (has) sum = (Number.isNaN(sum) ? 0 : sum) + Number(m[3]);
  }
  return sum;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (await check()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-e2e-logs-'));
  const dbPrefix = `e2e${randomBytes(3).toString('hex')}_`;
  auditDbName = `${dbPrefix}audit`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  population = await startPopulationSimulator({ citizens: [...generatePopulation(100), DEMO_CITIZEN] });
  stack = await startStack({
    mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix,
    env: { POPULATION_URL: population.endpoint },
  });
  ({ codes: dossierCodes } = await seedDossiers(stack.gatewayUrl, keysDir));
  officerToken = await mintDevToken(keysDir, { client: 'officer', agencyCode: '000.00.01.H26' });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await population?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

describe('the federated graph through the gateway', () => {
  test('one dossier query resolves across dossiers, procedures, identity and documents with a dev JWT', async () => {
    const code = dossierCodes[0]!;
    const { status, body } = await post(
      stack.gatewayUrl,
      `{ dossier(code: "${code}") { code status procedure { code name } handlingAgency { code name } documents { id name } } }`,
      asOfficer(),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.dossier).toEqual({
      code,
      status: 'RECEIVED',
      procedure: { code: '1.002001', name: 'Đăng ký tham gia BHXH bắt buộc, BHYT, BHTN, BHTNLĐ-BNN; cấp sổ BHXH, thẻ BHYT' },
      handlingAgency: { code: '000.00.01.H26', name: 'Bảo hiểm xã hội thành phố Hà Nội' },
      documents: [
        { id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT' },
        { id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Danh sách lao động tham gia BHXH, BHYT, BHTN' },
      ],
    });
  });

  test('R-DOC-3, R-DOC-4: scans the seed uploaded through the gateway are served through it, checked, to their agency only; the owner\'s store lists them', async () => {
    const { body } = await post(stack.gatewayUrl, `{ dossier(code: "${dossierCodes[0]}") { documents { downloadPath file { sha256 pages } integrity { status } } } }`, asOfficer());
    const [first] = (body.data?.dossier as { documents: { downloadPath: string; file: { sha256: string; pages: number }; integrity: { status: string } }[] }).documents;
    expect(first).toMatchObject({ file: { pages: 1 }, integrity: { status: 'VALID' } });
    const gatewayBase = stack.gatewayUrl.replace(/\/graphql$/, '');
    const got = await fetch(`${gatewayBase}${first!.downloadPath}`, { headers: asOfficer() });
    expect([got.status, got.headers.get('content-type'), got.headers.get('x-content-sha256')]).toEqual([200, 'application/pdf', first!.file.sha256]);
    expect((await got.arrayBuffer()).byteLength).toBeGreaterThan(500);
    const hcm = await mintDevToken(keysDir, { client: 'officer', agencyCode: '000.00.01.H29' });
    expect((await fetch(`${gatewayBase}${first!.downloadPath}`, { headers: { authorization: `Bearer ${hcm}` } })).status).toBe(404);
    expect((await fetch(`${gatewayBase}${first!.downloadPath}`)).status).toBe(403);
    const store = await post(stack.gatewayUrl, '{ organization(unitCode: "TA0123A") { name documents { digitisationCode } } }', asOfficer());
    expect(store.body.data?.organization).toEqual({
      name: 'Công ty TNHH Sao Mai',
      documents: expect.arrayContaining([{ digitisationCode: 'TA0123A.1.002001.TK1-TS.1/2026/SM' }, { digitisationCode: 'TA0123A.1.002001.D02-LT.2/2026/SM' }]),
    });
  });

  test('an I-VAN provider reads only the dossiers it submitted, by list and by code (R-INT-1)', async () => {
    const providerA = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' });
    const providerB = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0002' });
    const list = `{ dossiers { edges { node { code channel ivanProviderId } } } }`;
    const mine = await post(stack.gatewayUrl, list, { authorization: `Bearer ${providerA}` });
    expect(mine.body.data?.dossiers).toEqual({ edges: [{ node: { code: dossierCodes[1], channel: 'IVAN', ivanProviderId: 'IVAN-0001' } }] });
    const theirs = await post(stack.gatewayUrl, list, { authorization: `Bearer ${providerB}` });
    expect(theirs.body.data?.dossiers).toEqual({ edges: [] });
    const byCode = await post(stack.gatewayUrl, `{ dossier(code: "${dossierCodes[1]}") { code } }`, { authorization: `Bearer ${providerB}` });
    expect(byCode.body).toEqual({ data: { dossier: null } });
  });

  test('the receipt slip downloads through the gateway for those who may read the dossier (R-DOS-2)', async () => {
    const { body } = await post(stack.gatewayUrl, `{ dossier(code: "${dossierCodes[0]}") { receiptUrl } }`, asOfficer());
    const url = new URL((body.data?.dossier as { receiptUrl: string }).receiptUrl, stack.gatewayUrl);
    const ok = await fetch(url, { headers: asOfficer() });
    expect([ok.status, ok.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0002' });
    expect((await fetch(url, { headers: { authorization: `Bearer ${stranger}` } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(403);
  });

  test('an officer verifies a citizen against the population database through the gateway (R-ID-2)', async () => {
    const { body } = await post(
      stack.gatewayUrl,
      `mutation { verifyCitizen(input: { personalId: "${DEMO_CITIZEN.personalId}", fullName: "${DEMO_CITIZEN.fullName}", dateOfBirth: "${DEMO_CITIZEN.dateOfBirth}" }) { personalId verification { result } } }`,
      asOfficer(),
    );
    expect(body).toEqual({ data: { verifyCitizen: { personalId: DEMO_CITIZEN.personalId, verification: { result: 'MATCH' } } } });
    const citizen = await post(stack.gatewayUrl, `{ citizen(personalId: "${DEMO_CITIZEN.personalId}") { fullName gender verification { result } dossiers { edges { cursor } } } }`, asOfficer());
    expect(citizen.body.data?.citizen).toEqual({ fullName: 'Nguyễn Thị Lan', gender: 'FEMALE', verification: { result: 'MATCH' }, dossiers: { edges: [] } });
  });

  test('statistics count the seeded dossiers by status, fed by their events', async () => {
    const dashboardToken = await mintDevToken(keysDir, { client: 'dashboard' });
    const provider = await mintDevToken(keysDir, { client: 'ivan' });
    const providerCounts = await post(stack.gatewayUrl, `{ dossierCountsByStatus { count } }`, { authorization: `Bearer ${provider}` });
    expect(providerCounts.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const expected = { RECEIVED: 2, PROCESSING: 1, RESULT_READY: 1, RESULT_RETURNED: 1, REJECTED: 0 };
    let counts: Record<string, number> = {};
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const { body } = await post(stack.gatewayUrl, `{ dossierCountsByStatus { status count } }`, { authorization: `Bearer ${dashboardToken}` });
      counts = Object.fromEntries((body.data?.dossierCountsByStatus as { status: string; count: number }[]).map((c) => [c.status, c.count]));
      if (JSON.stringify(counts) === JSON.stringify(expected)) break;
    }
    expect(counts).toEqual(expected);
  });

  test('R-STA-2: a report is approved by leadership and published through the gateway with dev tokens; only then can anyone read it', async () => {
    const as = async (o: Parameters<typeof mintDevToken>[1]) => ({ authorization: `Bearer ${await mintDevToken(keysDir, o)}` });
    const dashboard = await as({ client: 'dashboard' });
    const today = vietnamDay(new Date());
    const created = await post(stack.gatewayUrl, `mutation { createStatisticsReport(input: { title: "Tháng này", from: "${today.slice(0, 8)}01", to: "${today}", groupBy: AGENCY }) { id status rows { group figures { received } } } }`, dashboard);
    const report = created.body.data?.createStatisticsReport as { id: string; status: string; rows: { figures: { received: number } }[] };
    expect(report.status).toBe('DRAFT');
    expect(report.rows.reduce((n, r) => n + r.figures.received, 0)).toBeGreaterThanOrEqual(5); // the seeded dossiers, received today
    const read = `{ statisticsReport(id: "${report.id}") { status approvedBy { subject } } }`;
    expect((await post(stack.gatewayUrl, read)).body.data).toEqual({ statisticsReport: null });
    const early = await post(stack.gatewayUrl, `mutation { publishStatisticsReport(id: "${report.id}") { status } }`, dashboard);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const notLeader = await post(stack.gatewayUrl, `mutation { approveStatisticsReport(id: "${report.id}") { status } }`, asOfficer());
    expect(notLeader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const leader = await as({ client: 'dashboard', subject: 'giam-doc', scopes: ['statistics:read', 'statistics:approve'] });
    expect((await post(stack.gatewayUrl, `mutation { approveStatisticsReport(id: "${report.id}") { status } }`, leader)).body.data).toEqual({ approveStatisticsReport: { status: 'APPROVED' } });
    expect((await post(stack.gatewayUrl, `mutation { publishStatisticsReport(id: "${report.id}") { status } }`, dashboard)).body.data).toEqual({ publishStatisticsReport: { status: 'PUBLISHED' } });
    expect((await post(stack.gatewayUrl, read)).body.data).toEqual({ statisticsReport: { status: 'PUBLISHED', approvedBy: { subject: 'giam-doc' } } });
  });

  test('a provider files a dossier through the gateway and anyone can look up its public status (R-DOS-4, R-DOS-6)', async () => {
    const provider = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0002' });
    const filed = await post(
      stack.gatewayUrl,
      `mutation { receiveDossier(input: { procedureCode: "1.002001", agencyCode: "000.00.01.H29",
          applicant: { unitCode: "YN0456B", name: "Công ty Cổ phần Bến Thành" },
          components: [{ documentTypeCode: "TK3-TS", name: "Tờ khai đơn vị" }],
          organizationSignature: "${await signatureOf({ procedureCode: '1.002001', agencyCode: '000.00.01.H29', applicant: { unitCode: 'YN0456B', name: 'Công ty Cổ phần Bến Thành' }, components: [{ documentTypeCode: 'TK3-TS', name: 'Tờ khai đơn vị' }] })}" }) {
          code channel status appointmentAt procedure { name } confirmation { method by } } }`,
      { authorization: `Bearer ${provider}` },
    );
    expect(filed.body.errors).toBeUndefined();
    const d = filed.body.data?.receiveDossier as { code: string; channel: string; status: string };
    expect(d).toMatchObject({ code: expect.stringMatching(/^000\.00\.01\.H29-\d{6}-\d{4}$/), channel: 'IVAN', status: 'RECEIVED', confirmation: { method: 'ORGANIZATION_SIGNATURE', by: 'YN0456B' } });
    const lookup = await post(stack.gatewayUrl, `{ dossierStatus(code: "${d.code}") { status handlingAgency { name } } }`);
    expect(lookup.body).toEqual({ data: { dossierStatus: { status: 'RECEIVED', handlingAgency: { name: 'Bảo hiểm xã hội Thành phố Hồ Chí Minh' } } } });
  });

  test('R-ID-4: npm run org:sign prints only the signature, and an I-VAN intake carrying it is filed with the employer\'s confirmation', async () => {
    const input = { procedureCode: '1.002001', agencyCode: '000.00.01.H26', applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' }, components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] };
    const printed = execFileSync('npm', ['run', 'org:sign', '--', '--unit', 'TA0123A'], { cwd: PROJECT_ROOT, env: { ...process.env, KEYS_DIR: keysDir }, input: JSON.stringify(input) }).toString();
    expect(printed).toMatch(/^[\w-]+\.\.[\w-]+\n$/);
    const provider = { authorization: `Bearer ${await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0002' })}` };
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', ...provider },
      body: JSON.stringify({ query: 'mutation($i: ReceiveDossierInput!) { receiveDossier(input: $i) { confirmation { method by signature } } }', variables: { i: { ...input, organizationSignature: printed.trim() } } }),
    });
    expect(await res.json()).toEqual({ data: { receiveDossier: { confirmation: { method: 'ORGANIZATION_SIGNATURE', by: 'TA0123A', signature: printed.trim() } } } });
  });

  test('an anonymous caller reads the public catalogue but gets FORBIDDEN, named by subgraph, for dossiers', async () => {
    const catalogue = await post(stack.gatewayUrl, `{ procedures(status: PUBLISHED) { edges { node { code } } } }`);
    expect(catalogue.status).toBe(200);
    expect((catalogue.body.data?.procedures as { edges: unknown[] }).edges).toHaveLength(4);
    const dossier = await post(stack.gatewayUrl, `{ dossier(code: "${dossierCodes[0]}") { code } }`);
    expect(dossier.body.data?.dossier).toBeNull();
    expect(dossier.body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'dossiers' })]);
  });

  test('a forged bearer token gets HTTP 401 UNAUTHENTICATED and no data', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ client_type: 'dashboard' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const { status, body } = await post(stack.gatewayUrl, `{ procedures { edges { cursor } } }`, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a subgraph called directly, without or with a forged internal token, refuses with 401', async () => {
    const direct = await post(stack.subgraphUrls.dossiers!, `{ dossiers { edges { node { code } } } }`);
    expect(direct.status).toBe(401);
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { privateKey } = await generateKeyPair('EdDSA');
    const forged = await signInternalToken({ client: 'dashboard', subject: 'x', scopes: [] }, 'r', { key: privateKey, kid: 'forged' });
    const withForged = await post(stack.subgraphUrls.dossiers!, `{ dossiers { edges { node { code } } } }`, { [INTERNAL_TOKEN_HEADER]: forged });
    expect(withForged.status).toBe(401);
    expect(withForged.body.data).toBeUndefined();
  });

  test('issue 16: after an I-VAN poll and an intake, the gateway and every subgraph are ready and serve the metrics an operator needs', async () => {
    const ivan = { authorization: `Bearer ${await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' })}` };
    const poll = await post(stack.gatewayUrl, `query Poll { dossier(code: "${dossierCodes[1]}") { code status procedure { code name } handlingAgency { code name } } }`, ivan);
    expect(poll.body.errors).toBeUndefined();
    const intake = await post(stack.gatewayUrl, `mutation Intake { receiveDossier(input: { procedureCode: "1.002001", agencyCode: "000.00.01.H26",
        applicant: { unitCode: "TA0123A", name: "Công ty TNHH Sao Mai" }, components: [{ documentTypeCode: "TK1-TS", name: "Tờ khai" }],
        organizationSignature: "${await signatureOf(SAO_MAI_INTAKE)}" }) { code } }`, ivan);
    expect(intake.body.errors).toBeUndefined();

    const gateway = await metricsOf(stack.gatewayUrl);
    expect(value(gateway, 'vss_graphql_request_duration_seconds_count', { operation: 'Poll', client: 'ivan', outcome: 'OK' })).toBeGreaterThanOrEqual(1);
    expect(value(gateway, 'vss_graphql_request_duration_seconds_count', { operation: 'Intake', client: 'ivan', outcome: 'OK' })).toBeGreaterThanOrEqual(1);
    for (const subgraph of ['dossiers', 'procedures', 'identity']) {
      expect(value(gateway, 'vss_gateway_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    }
    expect(value(gateway, 'vss_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(value(gateway, 'vss_graphql_errors_total', { code: 'FORBIDDEN' })).toBeGreaterThanOrEqual(1); // an earlier test's refusals
    expect(gateway).toMatch(/^vss_gateway_answers_total\{result="cache_hit"/m);
    expect(gateway).toMatch(/^nodejs_eventloop_lag_seconds\{service="gateway"\} /m);
    // No dossier code, id or caller-chosen text is ever a label.
    expect(gateway).not.toContain(dossierCodes[1]);

    const dossiers = await metricsOf(stack.subgraphUrls.dossiers!);
    // The gateway names the operations of its query plan <operation>__<subgraph>__<step>.
    expect(value(dossiers, 'vss_graphql_request_duration_seconds_count', { operation: 'Intake__dossiers__0', client: 'ivan', outcome: 'OK' })).toBeGreaterThanOrEqual(1);
    expect(value(dossiers, 'vss_db_command_duration_seconds_count', { command: 'insert', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value(dossiers, 'vss_redis_command_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value(dossiers, 'vss_outbox_pending', { outbox: 'dossier-events' })).toBeGreaterThanOrEqual(0);
    expect(value(dossiers, 'vss_outbox_oldest_age_seconds', { outbox: 'dossier-events' })).toBeGreaterThanOrEqual(0);
    expect(value(dossiers, 'vss_events_consumer_lag', { stream: 'events:dossiers', group: 'statistics' })).toBeGreaterThanOrEqual(0);
    expect(value(dossiers, 'vss_ivan_delivery_backlog', {})).toBeGreaterThanOrEqual(0);
    expect(value(dossiers, 'vss_background_worker_up', { worker: 'outbox relay' })).toBe(1);
    expect(value(await metricsOf(stack.subgraphUrls.statistics!), 'vss_background_worker_up', { worker: 'consumer:events:dossiers:statistics' })).toBe(1);
    expect(value(await metricsOf(stack.subgraphUrls.identity!), 'vss_adapter_circuit_state', { adapter: 'population' })).toBe(0);

    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphUrls)]) {
      const ready = await fetch(new URL('/readyz', url));
      expect([url, ready.status]).toEqual([url, 200]);
    }
  });

  test('issue 16: while the statistics consumer is stopped its lag shows in the dossiers metrics, and it catches up once restarted', async () => {
    const statistics = stack.children.get('statistics')!;
    await stopChild(statistics);
    const ivan = { authorization: `Bearer ${await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' })}` };
    for (let i = 0; i < 3; i++) {
      const filed = await post(stack.gatewayUrl, `mutation { receiveDossier(input: { procedureCode: "1.002001", agencyCode: "000.00.01.H26",
          applicant: { unitCode: "TA0123A", name: "Công ty TNHH Sao Mai" }, components: [{ documentTypeCode: "TK1-TS", name: "Tờ khai" }],
          organizationSignature: "${await signatureOf(SAO_MAI_INTAKE)}" }) { code } }`, ivan);
      expect(filed.body.errors).toBeUndefined();
    }
    const lag = async () => value(await metricsOf(stack.subgraphUrls.dossiers!), 'vss_events_consumer_lag', { stream: 'events:dossiers', group: 'statistics' });
    await waitFor(async () => (await lag()) >= 3, 'the three intakes to wait for the stopped consumer');
    const gatewayReady = async () => (await fetch(new URL('/readyz', stack.gatewayUrl))).status;
    await waitFor(async () => (await gatewayReady()) === 503, 'the gateway to see statistics gone');

    const port = new URL(stack.subgraphUrls.statistics!).port;
    stack.children.set('statistics', await startService('statistics', { ...stack.gatewayEnv, PORT: port }, logDir));
    await waitFor(async () => (await lag()) === 0, 'the restarted consumer to catch up');
    await waitFor(async () => (await gatewayReady()) === 200, 'the gateway to be ready again');
  }, 60_000);

  test('the request id is returned to the caller and logged by the gateway and every subgraph it reached', async () => {
    const requestId = `e2e-${randomBytes(4).toString('hex')}`;
    // Not `procedure` or `handlingAgency`: their public answers may come from the gateway's cache.
    const { headers } = await post(stack.gatewayUrl, `{ dossier(code: "${dossierCodes[0]}") { code documents { id } } }`, {
      ...asOfficer(),
      'x-request-id': requestId,
    });
    expect(headers.get('x-request-id')).toBe(requestId);
    // Access-log lines are written when each response ends and reach the files through pipes.
    const logged = (service: string) =>
      readFileSync(path.join(logDir, `${service}.log`), 'utf8').split('\n').filter(Boolean)
        .some((l) => (JSON.parse(l) as { requestId?: string }).requestId === requestId);
    const services = ['gateway', 'dossiers', 'documents'];
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !services.every(logged); ) await new Promise((r) => setTimeout(r, 100));
    expect(services.filter(logged)).toEqual(services);
  });

  test('issue 16, R-Q-2: a query and the seed\'s mutations through the gateway are in the hash-chained audit log with the ids they touched, no personal data, and audit:verify passes', async () => {
    const code = dossierCodes[0]!;
    const traceId = randomBytes(16).toString('hex');
    const requestId = `audit-${randomBytes(4).toString('hex')}`;
    const { body } = await post(stack.gatewayUrl, `query AuditedPoll { dossier(code: "${code}") { code status documents { id } } }`, {
      ...asOfficer(), 'x-request-id': requestId, traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(body.errors).toBeUndefined();
    const documentIds = (body.data!.dossier as { documents: { id: string }[] }).documents.map((d) => `document:${d.id}`);
    const db = await connectDatabase(process.env.MONGODB_URI!, auditDbName);
    try {
      const Audit = auditModel(db);
      // Reads reach the chain through the inbox, drained about every second.
      let entry: AuditEntry | null = null;
      for (const deadline = Date.now() + 10_000; !entry && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
        entry = await Audit.findOne({ requestId }).lean();
      }
      expect(entry).toMatchObject({
        action: 'GRAPHQL_QUERY', target: 'AuditedPoll', outcome: 'OK', traceId,
        actor: { client: 'officer', subject: 'dev-officer', agencyCode: '000.00.01.H26' },
        documentHash: createHash('sha256').update(`query AuditedPoll { dossier(code: "${code}") { code status documents { id } } }`).digest('hex'),
        touched: [`dossier:${code}`, ...documentIds],
      });
      // The seed's intakes (receiveDossier), workflow steps, uploads and digitisations are there too.
      const all = await Audit.find().lean();
      const kinds = new Set(all.map((e) => `${e.action} ${e.target} ${e.outcome}`));
      expect([...kinds]).toEqual(expect.arrayContaining([
        'GRAPHQL_MUTATION (anonymous) BEGUN', 'GRAPHQL_MUTATION (anonymous) OK', 'REST PUT /uploads/:ticket BEGUN', 'REST PUT /uploads/:ticket OK',
      ]));
      expect(all.some((e) => e.action === 'DOCUMENT_UPLOAD' && e.outcome === 'ALLOWED')).toBe(true);
      // Applicants' names and personal ids went through those mutations; none is in the log.
      expect(JSON.stringify(all)).not.toMatch(/001090012345|079085001234|Nguyễn Thị Lan|Trần Văn Minh/);
      const verdict = await verifyAudit(process.env.MONGODB_URI!, auditDbName, checkpointSeal(keyStoreOf({ dir: keysDir }), localTimestamps(keyStoreOf({ dir: keysDir }))));
      expect(verdict).toMatchObject({ ok: true, chain: null, checkpoint: null });
      expect(verdict.entries).toBe(all.length);
    } finally {
      await db.close();
    }
  });

  test('issue 16, R-Q-2: auditTrail(dossierCode) tells an operator with audit:read who touched a dossier, newest first, paginated; others get FORBIDDEN', async () => {
    const code = dossierCodes[0]!;
    const query = (after?: string) => `{ auditTrail(dossierCode: "${code}", first: 2${after ? `, after: "${after}"` : ''}) { edges { node { entry at client subject action operation outcome } } pageInfo { hasNextPage endCursor } } }`;
    const first = await post(stack.gatewayUrl, query(), asOfficer());
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.auditTrail as { edges: { node: { entry: number; client: string; action: string; operation: string; outcome: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await post(stack.gatewayUrl, query(page.pageInfo.endCursor), asOfficer());
    const next = (second.body.data!.auditTrail as typeof page).edges;
    expect(next[0]!.node.entry).toBeLessThan(page.edges[1]!.node.entry);
    // The whole trail names the intake that created it (the seed's operations are unnamed).
    const whole = await post(stack.gatewayUrl, `{ auditTrail(dossierCode: "${code}", first: 100) { edges { node { client action operation outcome } } } }`, asOfficer());
    expect((whole.body.data!.auditTrail as typeof page).edges.map((e) => e.node)).toContainEqual({ client: 'officer', action: 'GRAPHQL_MUTATION', operation: '(anonymous)', outcome: 'OK' });
    const ivan = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'viettel' });
    const refused = await post(stack.gatewayUrl, query(), { authorization: `Bearer ${ivan}` });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.errors?.[0]?.message).toContain('audit:read');
  });

  test('when a subgraph is down the rest of the response still resolves and the error names it (runs last: stops documents)', async () => {
    const documents = stack.children.get('documents')!;
    await new Promise<void>((resolve) => {
      documents.once('exit', () => resolve());
      documents.kill('SIGTERM');
    });
    const { status, body } = await post(
      stack.gatewayUrl,
      `{ dossier(code: "${dossierCodes[0]}") { code status procedure { code } documents { id } } }`,
      asOfficer(),
    );
    expect(status).toBe(200);
    expect(body.data?.dossier).toEqual({ code: dossierCodes[0], status: 'RECEIVED', procedure: { code: '1.002001' }, documents: null });
    expect(body.errors).toEqual([
      {
        message: 'subgraph "documents" is unavailable; the fields it serves are null',
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'documents' },
      },
    ]);
  });
});

describe('gateway in production mode', () => {
  test('introspection is disabled and errors suggest no field names', async () => {
    const gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'production',
        REDIS_URL: redisUrl,
        // A production gateway writes the audit trail (issue 16): the stack's audit log.
        MONGODB_URI: process.env.MONGODB_URI,
        MONGODB_DB_PREFIX: auditDbName.replace(/audit$/, ''),
        PORT: '0',
        KEYS_DIR: keysDir,
        JWKS_PATH: path.join(keysDir, KEY_FILES.devJwks),
        JWT_ISSUER: DEV_ISSUER,
        JWT_AUDIENCE: DEV_AUDIENCE,
        LOG_LEVEL: 'error',
      }),
    );
    try {
      const { body } = await post(`http://127.0.0.1:${gateway.port}/graphql`, `{ __schema { queryType { name } } }`);
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
      const dev = await post(stack.gatewayUrl, `{ __schema { queryType { name } } }`);
      expect(dev.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      // Development helps a developer; production does not map the schema for an attacker.
      const typo = `{ dossir(code: "X") { code } }`;
      expect((await post(stack.gatewayUrl, typo)).body.errors?.[0]?.message).toMatch(/Did you mean "dossier/);
      const hidden = (await post(`http://127.0.0.1:${gateway.port}/graphql`, typo)).body.errors?.[0]?.message;
      expect(hidden).toMatch(/Cannot query field "dossir"/);
      expect(hidden).not.toMatch(/Did you mean/);
    } finally {
      await gateway.stop();
    }
  });
});
