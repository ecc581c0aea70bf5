import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { seedCatalogue, seedDossiers } from '../../scripts/seed';
import { mintDevToken } from '../../platform/dev-token';
import { W1_QUERY } from '../../scripts/lib/bench-gateway/workloads';
import { freePort } from '../../tools/lib/process';
import { SUBGRAPHS } from '../../platform/config';
import { DEMO_CITIZEN } from '../../scripts/seed-data';
import { startOtlpReceiver, traceTree, type ReceivedSpan } from '../support/otlp-receiver';
import { organizationSigner } from '../../scripts/lib/organization-keys';

/**
 * Issue 16, OpenTelemetry traces: every service runs as its own process exporting OTLP/HTTP to a
 * receiver in this test, and an I-VAN poll, or an intake and the consumers of its event, is read
 * back as one trace. R-Q-1 (continuous operation): an operator sees which service made a request slow.
 */
const keysDir = process.env.KEYS_DIR!;
/** A Redis database of its own: its event streams and statistics stay apart from other stacks'. */
const redisUrl = `${process.env.REDIS_URL}/62`;
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let stack: Stack;
let logDir: string;
let codes: string[];

/** A caller's own trace: a fresh W3C traceparent, sampled. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

async function post(query: string, bearer: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

/** Waits until the trace holds spans satisfying `done` (spans come in batches, OTEL_BSP_SCHEDULE_DELAY apart). */
async function traceOf(traceId: string, done: (spans: ReceivedSpan[]) => boolean, timeoutMs = 15_000): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  while (!done(receiver.trace(traceId))) {
    if (Date.now() > deadline) throw new Error(`trace ${traceId} never became complete; it holds:\n${traceTree(receiver.trace(traceId))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Whatever else the services send for it within one more batch.
  await new Promise((r) => setTimeout(r, 300));
  return receiver.trace(traceId);
}

const services = (spans: ReceivedSpan[]) => new Set(spans.map((s) => s.service));
const dbSystem = (s: ReceivedSpan) => s.attributes['db.system.name'] ?? s.attributes['db.system'];
const isDatabase = (s: ReceivedSpan) => dbSystem(s) === 'mongodb';
const W1_SERVICES = ['gateway', 'dossiers', 'procedures', 'identity'];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  logDir = mkdtempSync(path.join(tmpdir(), 'vss-tracing-logs-'));
  const dbPrefix = `trc${randomBytes(3).toString('hex')}_`;
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()])));
  await seedCatalogue(process.env.MONGODB_URI!, dbPrefix, keysDir);
  stack = await startStack({
    mongoUri: process.env.MONGODB_URI!, redisUrl, keysDir, logDir, ports, dbPrefix,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // Two workers: each has an SDK of its own (node:cluster forks the entry again).
      GATEWAY_WORKERS: '2',
      // Every poll reaches procedures and identity, rather than the gateway's cache of public answers.
      GATEWAY_CACHE: 'off',
      OUTBOX_INTERVAL_MS: '50',
    },
  });
  ({ codes } = await seedDossiers(stack.gatewayUrl, keysDir));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

describe('OpenTelemetry traces (issue 16)', () => {
  test("one I-VAN status poll (W1) is one trace under the caller's traceparent: gateway, dossiers, procedures and identity spans with their database spans", async () => {
    const caller = callerTrace();
    const ivan = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' });
    const { body } = await post(W1_QUERY, ivan, { code: codes[1] }, { traceparent: caller.traceparent });
    expect(body.errors).toBeUndefined();
    expect(body.data?.dossier).toMatchObject({ code: codes[1], procedure: { code: expect.any(String) }, handlingAgency: { code: expect.any(String) } });

    const spans = await traceOf(caller.traceId, (s) => W1_SERVICES.every((name) => s.some((x) => x.service === name && x.kind === SERVER)));
    const tree = traceTree(spans);
    // The gateway continued the caller's trace: its request span is the caller's span's child.
    const root = spans.find((s) => s.service === 'gateway' && s.kind === SERVER);
    expect({ parent: root?.parentSpanId, tree }).toEqual({ parent: caller.spanId, tree });
    // Each subgraph's request span is the child of a gateway fetch span (propagated by the gateway's client).
    for (const name of ['dossiers', 'procedures', 'identity']) {
      const callers = spans.filter((s) => s.service === name && s.kind === SERVER).map((s) => spans.find((p) => p.spanId === s.parentSpanId));
      expect({ name, callers: callers.map((p) => [p?.service, p?.kind]), tree }).toEqual({ name, callers: callers.map(() => ['gateway', CLIENT]), tree });
    }
    // The database calls each subgraph made for the poll are in the same trace.
    expect({ withDatabase: W1_SERVICES.slice(1).filter((name) => spans.some((s) => s.service === name && isDatabase(s))), tree }).toEqual({ withDatabase: ['dossiers', 'procedures', 'identity'], tree });
    // @apollo/gateway's own spans (query plan, fetches) join through the global API.
    expect(spans.some((s) => s.service === 'gateway' && s.name === 'gateway.plan')).toBe(true);
  });

  test('a request without a traceparent starts a trace at the gateway, which the subgraphs continue', async () => {
    const ivan = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' });
    const before = new Set(receiver.spans.map((s) => s.traceId));
    const { body } = await post(W1_QUERY, ivan, { code: codes[1] });
    expect(body.errors).toBeUndefined();
    const started = await (async () => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const root = receiver.spans.find((s) => !before.has(s.traceId) && s.service === 'gateway' && s.kind === SERVER && !s.parentSpanId);
        if (root || Date.now() > deadline) return root;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    expect(started).toBeDefined();
    const spans = await traceOf(started!.traceId, (s) => W1_SERVICES.every((name) => services(s).has(name)));
    expect([...services(spans)].sort()).toEqual([...W1_SERVICES].sort());
  });

  test("equal polls at once share one dossiers fetch (issue 15): a poll that did not fetch says so on its span and names the trace that did", async () => {
    const ivan = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' });
    const callers = [...Array(10)].map(callerTrace);
    await Promise.all(callers.map((c) => post(W1_QUERY, ivan, { code: codes[1] }, { traceparent: c.traceparent })));
    const fetches = new Map<string, ReceivedSpan>();
    for (const c of callers) {
      const spans = await traceOf(c.traceId, (s) => s.some((x) => x.name === 'gateway.fetch' && x.attributes.service === 'dossiers'));
      fetches.set(c.traceId, spans.find((x) => x.name === 'gateway.fetch' && x.attributes.service === 'dossiers')!);
    }
    const called = new Set([...fetches].filter(([, f]) => receiver.spans.some((s) => s.parentSpanId === f.spanId && s.kind === CLIENT)).map(([id]) => id));
    const shared = [...fetches.values()].filter((f) => f.attributes['vss.answer.source'] === 'shared');
    expect(called.size + shared.length).toBe(10);
    for (const f of shared) expect(called.has(String(f.attributes['vss.answer.leader_trace_id']))).toBe(true);
  });

  test("an intake's RECEIVE event carries its trace: the statistics and documents consumers' spans are in the intake's trace, with their database calls", async () => {
    const caller = callerTrace();
    const ivan = await mintDevToken(keysDir, { client: 'ivan', ivanProviderId: 'IVAN-0001' });
    // Signed by the employer, as every I-VAN intake is (R-ID-4).
    const input = await organizationSigner(keysDir)({ agencyCode: '000.00.01.H26', procedureCode: '1.002001', applicant: { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' }, components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] });
    const { body } = await post('mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }', ivan, { input }, { traceparent: caller.traceparent });
    expect(body.errors).toBeUndefined();

    const consumedBy = (s: ReceivedSpan[], service: string) => s.find((x) => x.service === service && x.kind === CONSUMER && x.name === 'process events:dossiers');
    const spans = await traceOf(caller.traceId, (s) => Boolean(consumedBy(s, 'statistics') && consumedBy(s, 'documents')));
    const tree = traceTree(spans);
    for (const service of ['statistics', 'documents']) {
      const consumed = consumedBy(spans, service)!;
      // A child of the dossiers subgraph's work on the intake: the context stored with the event.
      expect({ service, parent: spans.find((p) => p.spanId === consumed.parentSpanId)?.service, group: consumed.attributes['messaging.consumer.group.name'], tree })
        .toEqual({ service, parent: 'dossiers', group: expect.any(String), tree });
      // Statistics keep their rollups in Redis, documents their links in MongoDB.
      const stores = new Set(spans.filter((s) => s.service === service && s.parentSpanId === consumed.spanId).map(dbSystem));
      expect({ service, stores: [...stores], tree }).toEqual({ service, stores: [service === 'statistics' ? 'redis' : 'mongodb'], tree });
    }
  });

  test('no span carries personal data or secrets: names, ID numbers, tokens and upload tickets stay out of the exported traces', async () => {
    // Everything so far: the seeding (intakes, scans uploaded through the gateway, actions), the polls, the intake.
    const sent = JSON.stringify(receiver.spans, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    for (const secret of [DEMO_CITIZEN.personalId, DEMO_CITIZEN.fullName, 'Công ty TNHH Sao Mai', 'Bearer ', 'eyJ']) expect({ secret, found: sent.includes(secret) }).toEqual({ secret, found: false });
    // Uploads are traced, under their route's template rather than their ticket.
    const uploads = receiver.spans.filter((s) => String(s.attributes['url.path']).startsWith('/uploads/'));
    expect(uploads.length).toBeGreaterThan(0);
    expect(new Set(uploads.map((s) => `${s.name} ${String(s.attributes['url.path'])}`))).toEqual(new Set(['PUT /uploads/{ticket} /uploads/{ticket}']));
    // Redis commands by name and key prefix only; MongoDB statements with their values masked.
    for (const s of receiver.spans.filter((x) => dbSystem(x) === 'redis')) expect(String(s.attributes['db.query.text'])).toMatch(/^[\w ]+( [^ ]*:…)?$/);
  });
});
