import { statisticsSubgraph } from '../../subgraphs/statistics/subgraph';
import { publishEvent, STREAMS, type DossierEvent } from '../../subgraphs/kit/events';
import { codesOf, principals, subgraphHarness } from '../support/harness';

let h: Awaited<ReturnType<typeof subgraphHarness>>;
let stopWorkers: (() => Promise<void>)[] = [];

const event = (code: string, seq: number, status: string, agencyCode = '000.00.01.H26'): DossierEvent => ({
  id: `${code}:${seq}`,
  globalSeq: 0,
  dossierCode: code,
  seq,
  action: seq === 1 ? 'RECEIVE' : 'START_PROCESSING',
  state: status,
  previousState: null,
  status,
  previousStatus: null,
  agencyCode,
  departmentCode: null,
  procedureCode: '1.002001',
  channel: 'DESK',
  actor: { client: 'officer', subject: 'o-1' },
  at: new Date().toISOString(),
});

const countsQuery = `query($agency: ID) { dossierCountsByStatus(agencyCode: $agency) { status count } }`;
type Counts = { status: string; count: number }[];

async function countsWhen(predicate: (c: Record<string, number>) => boolean, agency?: string): Promise<Record<string, number>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await h.exec(countsQuery, { agency }, principals.dashboard);
    const counts = Object.fromEntries((res.data?.dossierCountsByStatus as Counts).map((c) => [c.status, c.count]));
    if (predicate(counts) || Date.now() > deadline) return counts;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  h = await subgraphHarness(statisticsSubgraph, { redisDb: 5 });
  await h.deps.redis.flushdb();
  stopWorkers = statisticsSubgraph.startWorkers?.(h.deps) ?? [];
});
afterAll(async () => {
  for (const stop of stopWorkers) await stop();
  await h.close();
});

describe('statistics fed by dossier events', () => {
  test('counts by status follow the event stream; repeated and out-of-order events change nothing', async () => {
    const events = [
      event('D-1', 1, 'RECEIVED'),
      event('D-2', 1, 'RECEIVED'),
      event('D-2', 2, 'PROCESSING'),
      event('D-3', 1, 'RECEIVED', '000.00.01.H29'),
      event('D-3', 2, 'PROCESSING', '000.00.01.H29'),
      event('D-3', 3, 'RESULT_READY', '000.00.01.H29'),
      event('D-2', 2, 'PROCESSING'), // published twice after a relay crash
      event('D-3', 2, 'PROCESSING', '000.00.01.H29'), // late duplicate of an older change
    ];
    for (const e of events) await publishEvent(h.deps.redis, STREAMS.dossierEvents, e);
    const counts = await countsWhen((c) => c.RESULT_READY === 1 && c.PROCESSING === 1);
    expect(counts).toEqual({ RECEIVED: 1, PROCESSING: 1, RESULT_READY: 1, RESULT_RETURNED: 0, REJECTED: 0 });
    const hcm = await countsWhen(() => true, '000.00.01.H29');
    expect(hcm).toEqual({ RECEIVED: 0, PROCESSING: 0, RESULT_READY: 1, RESULT_RETURNED: 0, REJECTED: 0 });
  });

  test('figures need a bearer token', async () => {
    const res = await h.exec(`{ dossierCountsByStatus { count } }`, undefined, principals.anonymous);
    expect(codesOf(res.errors)).toEqual(['FORBIDDEN']);
  });
});
