import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { hostileFailures, runHostile, type HostileReport } from '../../scripts/lib/hostile';
import { freePort } from '../../tools/lib/process';
import { SUBGRAPHS } from '../../platform/config';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';

/**
 * The gateway under hostile and heavy queries (issue 13, R-Q-1, R-Q-2): a short run of the
 * adversarial suite (npm run test:hostile sends ≥ 10 000) against every service as a real process,
 * then each limit one by one. Fair-share counters live in a Redis database of their own, so the
 * attack's refusals do not spill into other test files.
 */
const keysDir = process.env.KEYS_DIR!;
const redisUrl = `${process.env.REDIS_URL}/12`;
let stack: Stack;
let logDir: string;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, payload: object, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}
const as = async (o: Parameters<typeof mintDevToken>[1]) => ({ authorization: `Bearer ${await mintDevToken(keysDir, o)}` });
const subgraphLogs = () => SUBGRAPHS.map((n) => readFileSync(path.join(logDir, `${n}.log`), 'utf8')).join('\n');

beforeAll(async () => {
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-hostile-logs-'));
  const dbPrefix = `hostile${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  stack = await startStack({ mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix, env: { LOG_LEVEL: 'info' } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

describe('the adversarial suite, short run', () => {
  let report: HostileReport;
  beforeAll(async () => {
    report = await runHostile({ url: stack.gatewayUrl, keysDir, requests: 600, baselineSeconds: 2, concurrency: 8 });
  }, 240_000);

  test('no server error but deliberate sheds, no hang, no forged token let in, no cross-tenant read, every service healthy throughout', () => {
    expect(hostileFailures(report)).toEqual([]);
    expect(report.requests).toBe(600);
    expect(Object.keys(report.byClass).sort()).toEqual(['aliases', 'cost', 'depth', 'directives', 'fragments', 'fuzz', 'jwt', 'malformed', 'size', 'tenant']);
  });

  test('every class is refused by the limit meant for it', () => {
    expect(report.refusalsByCode.QUERY_TOO_COMPLEX).toBeGreaterThan(0);
    expect(report.refusalsByCode.UNAUTHENTICATED).toBeGreaterThan(0);
    expect(report.refusalsByCode.PAYLOAD_TOO_LARGE).toBeGreaterThan(0);
    expect(report.refusalsByCode.GRAPHQL_PARSE_FAILED).toBeGreaterThan(0);
    expect(report.byStatus['500']).toBeUndefined();
    // The legitimate partner kept being answered, correctly, through the attack.
    expect(report.legit.requests).toBeGreaterThan(0);
    expect(report.legit.failures).toBe(0);
  });
});

describe('each limit', () => {
  test('a cost bomb through federation is refused with its cost and limit, and no subgraph hears of it (R-Q-1)', async () => {
    const requestId = `cost-bomb-${randomBytes(4).toString('hex')}`;
    const bomb = '{ dossiers(first: 100) { edges { node { handlingAgency { dossiers(first: 100) { edges { node { code } } } } } } } }';
    const { status, body } = await post(stack.gatewayUrl, { query: bomb }, { ...(await as({ client: 'dashboard' })), 'x-request-id': requestId });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', cost: 20_401, limit: 20_000 });
    expect(body.errors?.[0]?.message).toMatch(/estimated cost is 20401, over the limit of 20000 for dashboard clients/);
    expect(subgraphLogs()).not.toContain(requestId);
  });

  test("budgets depend on the client type: what a dashboard may ask, an anonymous caller may not", async () => {
    const page = '{ agencies(first: 100) { edges { node { code name departments { code } } } } }';
    const dashboard = await post(stack.gatewayUrl, { query: page }, await as({ client: 'dashboard' }));
    expect(dashboard.body.errors).toBeUndefined();
    const anonymous = await post(stack.gatewayUrl, { query: page });
    expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 500 });
  });

  test('depth, aliases, root fields and directives have limits of their own', async () => {
    const officer = await as({ client: 'officer', agencyCode: '000.00.01.H26' });
    const aliases = `{ dossier(code: "X") { ${Array.from({ length: 25 }, (_, i) => `a${i}: code`).join(' ')} } }`;
    expect((await post(stack.gatewayUrl, { query: aliases }, officer)).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Aliases limit of 20 exceeded/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    const hop = (inner: string) => `dossiers(first: 1) { edges { node { handlingAgency { ${inner} } } } }`;
    const deep = `{ ${hop(hop(hop(hop('code'))))} }`;
    expect((await post(stack.gatewayUrl, { query: deep }, officer)).body.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/);
    const roots = `{ ${Array.from({ length: 11 }, (_, i) => `r${i}: dossier(code: "X${i}") { code }`).join(' ')} }`;
    expect((await post(stack.gatewayUrl, { query: roots }, { ...officer })).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const tokens = `{ dossier(code: "X") { ${'code '.repeat(4000)} } }`;
    expect((await post(stack.gatewayUrl, { query: tokens }, officer)).body.errors?.[0]?.message).toMatch(/contains more tha[nt] 3000 tokens/);
    const directives = `{ dossier(code: "X") { ${'... @include(if: true) { code } '.repeat(11)} } }`;
    expect((await post(stack.gatewayUrl, { query: directives }, officer)).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Directives limit of 10 exceeded/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  test('only signed-in clients register persisted queries; an anonymous caller just runs its query', async () => {
    const query = `{ procedures(first: 1) { edges { node { code } } } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect((await post(stack.gatewayUrl, { query, extensions })).body.errors).toBeUndefined();
    expect((await post(stack.gatewayUrl, { extensions })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const citizen = await as({ client: 'citizen', personalId: '001190012345' });
    expect((await post(stack.gatewayUrl, { query, extensions }, citizen)).body.errors).toBeUndefined();
    expect((await post(stack.gatewayUrl, { extensions })).body.errors).toBeUndefined();
  });

  test('over its share a client gets 429 with Retry-After; another client is still served', async () => {
    const greedy = await as({ client: 'citizen', personalId: '001190099999', subject: `greedy-${randomBytes(3).toString('hex')}` });
    const query = '{ __typename }';
    const answers = await Promise.all(Array.from({ length: 320 }, () => post(stack.gatewayUrl, { query }, greedy)));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused[0]!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const other = await post(stack.gatewayUrl, { query }, await as({ client: 'citizen', personalId: '001190012345', subject: 'patient' }));
    expect(other.status).toBe(200);
  });
});

describe('a gateway with tight settings, on the same subgraphs', () => {
  let gateway: { port: number; stop(): Promise<void> };
  let url: string;
  let manifestDir: string;
  const trustedQuery = 'query Procedure($code: ID!) { procedure(code: $code) { code } }';

  beforeAll(async () => {
    manifestDir = mkdtempSync(path.join(tmpdir(), 'vss-trusted-'));
    const manifest = path.join(manifestDir, 'trusted.json');
    const id = createHash('sha256').update(trustedQuery).digest('hex');
    writeFileSync(manifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id, name: 'Procedure', type: 'query', body: trustedQuery }] }));
    const overrides = Object.fromEntries(SUBGRAPHS.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, stack.subgraphUrls[n]]));
    gateway = await startGateway(
      loadGatewayConfig({
        ...overrides,
        PORT: '0',
        KEYS_DIR: keysDir,
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'error',
        CLIENT_BUDGETS: JSON.stringify({ citizen: { deadlineMs: 1 } }),
        TRUSTED_DOCUMENTS: manifest,
        TRUSTED_DOCUMENTS_FOR: 'npsp',
        DOCUMENT_MAX_BYTES: '2048',
        CORS_ORIGINS: 'https://dashboard.bhxh.example',
      }),
    );
    url = `http://127.0.0.1:${gateway.port}/graphql`;
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(manifestDir, { recursive: true, force: true });
  });

  test('past its deadline a request gets GATEWAY_TIMEOUT with what resolved, and does not hang', async () => {
    const citizen = await as({ client: 'citizen', personalId: '001190012345' });
    const { status, body } = await post(url, { query: '{ __typename dossier(code: "X") { code } }' }, citizen);
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query', dossier: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'GATEWAY_TIMEOUT', serviceName: 'dossiers' });
  });

  test('a client held to trusted documents runs the listed operations only, by text or by hash', async () => {
    const npsp = await as({ client: 'npsp' });
    const listed = await post(url, { query: trustedQuery, variables: { code: 'X' } }, npsp);
    expect(listed.body).toEqual({ data: { procedure: null } });
    const sha256Hash = createHash('sha256').update(trustedQuery).digest('hex');
    const byHash = await post(url, { variables: { code: 'X' }, extensions: { persistedQuery: { version: 1, sha256Hash } } }, npsp);
    expect(byHash.body).toEqual({ data: { procedure: null } });
    const other = await post(url, { query: '{ dossiers(first: 1) { edges { node { code } } } }' }, npsp);
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    // Other client types are not held to the list.
    expect((await post(url, { query: '{ __typename }' }, await as({ client: 'dashboard' }))).body.data).toEqual({ __typename: 'Query' });
  });

  test('an upload over the documents limit stops at the gateway with 413', async () => {
    const res = await fetch(`http://127.0.0.1:${gateway.port}/uploads/some-ticket`, {
      method: 'PUT',
      headers: { ...(await as({ client: 'officer', agencyCode: '000.00.01.H26' })), 'content-type': 'application/pdf' },
      body: Buffer.alloc(4096, 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Answer['body']).errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 2048 });
  });

  test('CORS answers the dashboard origin only, and CSRF prevention refuses a simple cross-site request', async () => {
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://dashboard.bhxh.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.bhxh.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'content-type': 'text/plain' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });
});
