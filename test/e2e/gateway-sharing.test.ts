import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue, seedDossiers } from '../../scripts/seed';
import { mintDevToken, type DevTokenOptions } from '../../platform/dev-token';
import { freePort } from '../../tools/lib/process';
import { SUBGRAPHS } from '../../platform/config';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { connectRedis } from '../../platform/redis';
import { STREAMS } from '../../platform/events';
import { procedureContent } from '../support/procedures';
import { countingProxy } from '../support/counting-proxy';
import { organizationSigner } from '../../scripts/lib/organization-keys';

/**
 * Issue 15: what the gateway shares between requests. A full stack runs as processes; the
 * gateways under test run in this process with counting proxies in front of the dossiers,
 * identity and procedures subgraphs, so every assertion about "one fetch" counts real requests.
 */
const keysDir = process.env.KEYS_DIR!;
/** A Redis database of its own: the event streams (and the statistics fed by them) of other stacks stay apart. */
const redisUrl = `${process.env.REDIS_URL}/33`;
let stack: Stack;
let logDir: string;
let codes: string[];
type Proxy = Awaited<ReturnType<typeof countingProxy>>;
const proxies: Partial<Record<'dossiers' | 'identity' | 'procedures', Proxy>> = {};
const gateways: Awaited<ReturnType<typeof startGateway>>[] = [];

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}
const token = (o: DevTokenOptions) => mintDevToken(keysDir, o);

async function post(url: string, query: string, bearer?: string, variables: Record<string, unknown> = {}): Promise<Body> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Body;
}

/** A gateway in this process whose dossiers, identity and procedures fetches go through the proxies. */
async function gateway(env: Record<string, string> = {}): Promise<string> {
  return (await gatewayWithCounters(env)).url;
}
async function gatewayWithCounters(env: Record<string, string> = {}) {
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, proxies[n as keyof typeof proxies]?.url ?? stack.subgraphUrls[n]!]));
  const g = await startGateway(loadGatewayConfig({ REDIS_URL: redisUrl, PORT: '0', KEYS_DIR: keysDir, LOG_LEVEL: 'error', ...urls, ...env }));
  gateways.push(g);
  return { url: `http://127.0.0.1:${g.port}/graphql`, counters: g.sharing.counters };
}

const POLL = 'query($code: ID!) { dossier(code: $code) { code status procedure { code name } handlingAgency { code name } } }';
const DOSSIER_FETCH = /dossier\(code:/;

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-sharing-logs-'));
  const dbPrefix = `shr${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  stack = await startStack({ mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix, env: { GATEWAY_WORKERS: '1' } });
  ({ codes } = await seedDossiers(stack.gatewayUrl, keysDir));
  // Dossier fetches can be held, so equal polls sent together are surely in flight together.
  proxies.dossiers = await countingProxy(stack.subgraphUrls.dossiers!, { hold: DOSSIER_FETCH });
  proxies.identity = await countingProxy(stack.subgraphUrls.identity!);
  proxies.procedures = await countingProxy(stack.subgraphUrls.procedures!);
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await Promise.all(Object.values(proxies).map((p) => p.stop()));
  await stack?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

beforeEach(() => Object.values(proxies).forEach((p) => p.reset()));

describe('in-flight deduplication (issue 15)', () => {
  test('R-INT-1: ten equal polls by one I-VAN provider make one dossiers fetch; another provider polling the same code at once gets its own answer, null', async () => {
    // All twenty run at once even if the machine is busy (the gateway otherwise takes turns, Security).
    const { url, counters } = await gatewayWithCounters({ GATEWAY_MAX_ACTIVE: '100' });
    const code = codes[1]!; // filed by IVAN-0001 (scripts/seed-data.ts)
    const [mine, theirs] = [await token({ client: 'ivan', ivanProviderId: 'IVAN-0001' }), await token({ client: 'ivan', ivanProviderId: 'IVAN-0002' })];
    // The first fetch of each provider waits at the proxy until the other nine polls have joined it
    // (or 5 s have passed, when the count below fails).
    const resume = proxies.dossiers!.pause();
    const sent = Promise.all([...Array(10)].flatMap(() => [post(url, POLL, mine, { code }), post(url, POLL, theirs, { code })]));
    await waitFor(async () => counters.deduplicated >= 18, 'the polls to join the fetches in flight', 5_000).catch(() => {});
    resume();
    const answers = await sent;
    const [a, b] = [answers.filter((_, i) => i % 2 === 0), answers.filter((_, i) => i % 2 === 1)];
    expect(new Set(a.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(a[0]).toEqual({ data: { dossier: { code, status: expect.any(String), procedure: { code: expect.any(String), name: expect.any(String) }, handlingAgency: { code: '000.00.01.H26', name: expect.any(String) } } } });
    expect(b.every((x) => JSON.stringify(x) === JSON.stringify({ data: { dossier: null } }))).toBe(true);
    // One fetch per provider: each provider's ten polls shared one, and the two never shared.
    expect(proxies.dossiers!.count(DOSSIER_FETCH)).toBe(2);
  });

  test('with GATEWAY_DEDUP=off every poll is its own fetch (the count above can fail)', async () => {
    const url = await gateway({ GATEWAY_DEDUP: 'off' });
    const mine = await token({ client: 'ivan', ivanProviderId: 'IVAN-0001' });
    await Promise.all([...Array(6)].map(() => post(url, POLL, mine, { code: codes[1] })));
    expect(proxies.dossiers!.count(DOSSIER_FETCH)).toBe(6);
  });

  test('mutations are never shared: equal concurrent intakes by one provider each make a dossier', async () => {
    const url = await gateway();
    const ivan = await token({ client: 'ivan', ivanProviderId: 'IVAN-0001' });
    // Signed by the employer, as every I-VAN intake is (R-ID-4).
    const input = await organizationSigner(keysDir)({ agencyCode: '000.00.01.H26', procedureCode: '1.002001', applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' }, components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] });
    const made = await Promise.all([...Array(4)].map(() => post(url, 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }', ivan, { input })));
    const made4 = made.map((m) => (m.data?.receiveDossier as { code: string } | undefined)?.code);
    expect(new Set(made4).size).toBe(4);
    expect(made4.every(Boolean)).toBe(true);
  });
});

describe('caching public answers (issue 15)', () => {
  test('agencies are fetched once and then served from the cache; dossiers, which have row-level rules, are fetched every time', async () => {
    const url = await gateway();
    const first = await post(url, '{ agencies(first: 10) { edges { node { code name } } } }');
    expect((first.data?.agencies as { edges: unknown[] }).edges.length).toBeGreaterThan(1);
    for (let i = 0; i < 3; i++) expect(await post(url, '{ agencies(first: 10) { edges { node { code name } } } }')).toEqual(first);
    expect(proxies.identity!.count(/agencies/)).toBe(1);
    const ivan = await token({ client: 'ivan', ivanProviderId: 'IVAN-0001' });
    await post(url, POLL, ivan, { code: codes[1] });
    await post(url, POLL, ivan, { code: codes[1] });
    expect(proxies.dossiers!.count(DOSSIER_FETCH)).toBe(2);
  });

  test('R-PRO-2: a publication made through another gateway shows on the next read, once its change event arrives', async () => {
    const reader = await gateway();
    const officer = await token({ client: 'officer', agencyCode: '000.00.01.H26' });
    const code = '9.900001';
    const read = async () => (await post(reader, `{ procedure(code: "${code}") { version name } }`)).data?.procedure;
    const events = await connectRedis(redisUrl);
    const published = (await events.xrevrange(STREAMS.procedureChanges, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0';
    await post(stack.gatewayUrl, 'mutation($c: ID!, $i: ProcedureContentInput!) { createProcedure(code: $c, input: $i) { code } }', officer, { c: code, i: procedureContent({ name: 'Thủ tục thử 1' }) });
    expect((await post(stack.gatewayUrl, `mutation { publishProcedure(code: "${code}") { version } }`, officer)).data).toEqual({ publishProcedure: { version: 1 } });
    // The first publication's own event empties the reader's cache when it arrives: wait for it,
    // so the cache is measured after it and not raced by it.
    await waitFor(async () => (await events.xrange(STREAMS.procedureChanges, `(${published}`, '+')).length > 0, 'the first change event');
    events.disconnect();
    await waitFor(async () => (await read()) !== null, 'the first publication to be visible');
    expect(await read()).toEqual({ version: 1, name: 'Thủ tục thử 1' });
    const fetched = proxies.procedures!.count(/procedure\(code:/);
    expect(await read()).toEqual({ version: 1, name: 'Thủ tục thử 1' });
    expect(proxies.procedures!.count(/procedure\(code:/)).toBe(fetched); // served from the cache

    const redis = await connectRedis(redisUrl);
    try {
      const before = (await redis.xrevrange(STREAMS.procedureChanges, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0';
      const started = Date.now();
      await post(stack.gatewayUrl, 'mutation($c: ID!, $i: ProcedureContentInput!) { updateProcedure(code: $c, input: $i) { code } }', officer, { c: code, i: procedureContent({ name: 'Thủ tục thử 2' }) });
      await post(stack.gatewayUrl, `mutation { publishProcedure(code: "${code}") { version } }`, officer);
      // The relay publishes the change on the stream; the reader's next read must not be stale.
      await waitFor(async () => ((await redis.xrange(STREAMS.procedureChanges, `(${before}`, '+')).length > 0), 'the change event');
      await waitFor(async () => JSON.stringify(await read()) === JSON.stringify({ version: 2, name: 'Thủ tục thử 2' }), 'the new version through the reader', 2_000);
      console.log(`publication visible through another gateway's cache after ${Date.now() - started} ms`);
    } finally {
      redis.disconnect();
    }
  });

  test('R-PRO-2: drafts never leak through the cache: the catalogue as the public sees it and as a publisher sees it stay apart', async () => {
    const url = await gateway();
    const officer = await token({ client: 'officer', agencyCode: '000.00.01.H26' });
    const code = '9.900002';
    await post(stack.gatewayUrl, 'mutation($c: ID!, $i: ProcedureContentInput!) { createProcedure(code: $c, input: $i) { code } }', officer, { c: code, i: procedureContent({ name: 'Bản nháp' }) });
    const page = '{ procedures(first: 100) { edges { node { code status } } } }';
    const codesIn = (b: Body) => (b.data?.procedures as { edges: { node: { code: string } }[] }).edges.map((e) => e.node.code);
    for (let i = 0; i < 2; i++) {
      expect(codesIn(await post(url, page))).not.toContain(code);
      expect(codesIn(await post(url, page, officer))).toContain(code);
      expect((await post(url, `{ procedure(code: "${code}") { code } }`)).data).toEqual({ procedure: null });
      expect((await post(url, `{ procedure(code: "${code}") { code } }`, officer)).data).toEqual({ procedure: { code } });
    }
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
