import { statisticsSubgraph } from '../../subgraphs/statistics/subgraph';
import { domainOf } from '../../subgraphs/statistics/context';
import { rebuildRollups } from '../../subgraphs/statistics/services/rebuild';
import { STREAMS, publishEvent } from '../../platform/events';
import { eachLimited } from '../../platform/concurrency';
import type { Principal } from '../../platform/principal';
import { vietnamDay } from '../../platform/vietnam-time';
import { relayOutbox, startOutboxRelay } from '../../subgraphs/dossiers/services/outbox';
import type { DossierRecord } from '../../subgraphs/dossiers/models/dossier';
import type { DossierEventRecord } from '../../subgraphs/dossiers/models/dossier-event';
import type { ActionInput } from '../../subgraphs/dossiers/services/transitions';
import type { ReceiveInput } from '../../subgraphs/dossiers/services/intake';
import { eventLog } from '../../scripts/stats-rebuild';
import { seededRandom } from '../../scripts/lib/random';
import { dossiersWorld, HCM, HN, VSS } from '../support/dossiers';
import { principals, subgraphHarness } from '../support/harness';
import { citizenPrincipal } from '../support/otp';

/**
 * R-STA-1 end to end: thousands of dossiers filed and moved along through the dossiers subgraph's
 * own services, over fourteen months, with random histories; their events relayed to the stream
 * the statistics subgraph follows; every figure it answers checked against a brute-force count
 * made from the dossiers and their histories; then the same after a replay and after a rebuild.
 */
// Every write is an indexed lookup (issue 12), so filing costs grow with the dossiers, not their
// square: CI files 2 000 (≈ 6 300 events); STATS_CORRECTNESS_DOSSIERS runs the same check on more.
const N = Number(process.env.STATS_CORRECTNESS_DOSSIERS ?? 2000);
const SEED = Number(process.env.STATS_CORRECTNESS_SEED ?? 20261126);
const OFFICERS: Record<string, Principal> = { [HN]: principals.officer, [HCM]: principals.officerHcm, [VSS]: principals.officerCentral };
const AGENCIES = [HN, HCM, VSS];
const ONLINE = new Set(['ONLINE', 'NATIONAL_PORTAL', 'IVAN']);

let w: Awaited<ReturnType<typeof dossiersWorld>>;
let stats: Awaited<ReturnType<typeof subgraphHarness>>;
let stopWorkers: (() => Promise<void>)[] = [];
let fields: Map<string, string>;

async function fileDossiers(procedures: string[]) {
  const rnd = seededRandom(SEED);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.parse('2025-10-01T01:00:00Z');
  const end = Date.parse('2026-11-20T10:00:00Z');
  const plans = Array.from({ length: N }, (_, i) => ({ i, at: start + rnd() * (end - start - 40 * 86_400_000), r: Array.from({ length: 12 }, rnd), procedure: pick(procedures), agency: pick(AGENCIES) }));
  await eachLimited(plans, 10, async ({ i, at, r, procedure, agency }) => {
    const kind = r[0]!;
    // Each online filer is a citizen of their own, who confirms with a one-time password (R-ID-4; at most 5 an hour each).
    const filer: Principal = kind < 0.45 ? OFFICERS[agency]! : kind < 0.55 ? OFFICERS[agency]! : kind < 0.7 ? principals.ivanA : kind < 0.8 ? citizenPrincipal(`001090${String(i).padStart(6, '0')}`) : principals.npsp;
    const channel = kind < 0.45 ? 'DESK' : kind < 0.55 ? 'POSTAL' : undefined;
    const applicant = filer.client === 'citizen' ? { personalId: filer.personalId, name: 'Nguyễn Văn An' } : { unitCode: 'TA0123A', name: 'Công ty TNHH Sao Mai' };
    let t = at;
    const input: ReceiveInput = { procedureCode: procedure, agencyCode: agency, channel, applicant, components: [{ documentTypeCode: 'TK1-TS', name: 'Tờ khai' }] };
    const filed = filer.client === 'ivan' ? await w.sign(input) : filer.client === 'citizen' ? { ...input, confirmation: await w.confirm(filer, input) } : input;
    let d: DossierRecord = await w.receive(filed, filer, new Date(t));
    const act = async (action: ActionInput['action'], extra: Partial<ActionInput> = {}, hours = 2 + r[11]! * 200) => {
      t += hours * 3_600_000;
      d = await w.act({ code: d.code, action, expectedVersion: d.seq, ...extra }, OFFICERS[d.handlingAgencyCode]!, new Date(t));
    };
    if (r[1]! < 0.08) return act('REJECT', { reason: 'Thiếu giấy tờ' });
    if (r[1]! < 0.13) return act('WITHDRAW', { reason: 'Theo đề nghị' });
    if (r[2]! < 0.15) return; // still received
    await act('START_PROCESSING');
    if (r[3]! < 0.15) {
      await act('REQUEST_SUPPLEMENT', { reason: 'Bổ sung tờ khai' });
      await act('RECEIVE_SUPPLEMENT', {}, 24 + r[4]! * 100);
    }
    if (r[5]! < 0.12) {
      await act('TRANSFER', { reason: 'Liên thông', toAgencyCode: AGENCIES.find((a) => a !== d.handlingAgencyCode && r[6]! < 0.5) ?? AGENCIES.filter((a) => a !== d.handlingAgencyCode)[1]! });
      await act('START_PROCESSING');
    }
    if (r[7]! < 0.25) return; // still in process
    await act('COMPLETE', {}, 4 + r[8]! * 400); // some after their appointment
    if (r[9]! < 0.5) await act('RETURN_RESULT', { returnMethod: 'DESK' });
  });
}

type Row = { group: string | null; figures: Record<string, number | null> };
type Query = { from: string; to: string; groupBy: string; filter: Record<string, string> };

/** The figures counted the slow, obvious way: from each dossier and the events of its history. */
function bruteForce(dossiers: DossierRecord[], histories: Map<string, DossierEventRecord[]>, q: Query): Row[] {
  const endOf = (day: string) => Date.parse(`${day}T00:00:00+07:00`) + 86_400_000;
  const periodOf = (day: string) => (q.groupBy === 'DAY' ? day : q.groupBy === 'MONTH' ? day.slice(0, 7) : q.groupBy === 'QUARTER' ? `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}` : day.slice(0, 4));
  const periodic = ['DAY', 'MONTH', 'QUARTER', 'YEAR'].includes(q.groupBy);
  const days: string[] = [];
  for (let d = q.from; d <= q.to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) days.push(d);
  const periodEnds = new Map<string, string>(); // period → its last day within the range
  for (const d of days) periodEnds.set(periodic ? periodOf(d) : '', d);
  const groupOf = (d: DossierRecord, agency: string, day: string) =>
    ({ AGENCY: agency, PROCEDURE: d.procedureCode, FIELD: fields.get(d.procedureCode) ?? 'UNKNOWN', CHANNEL: d.channel, NONE: '' } as Record<string, string>)[q.groupBy] ?? periodOf(day);
  const matches = (d: DossierRecord, agency: string) => (!q.filter.agencyCode || agency === q.filter.agencyCode) && (!q.filter.procedureCode || d.procedureCode === q.filter.procedureCode)
    && (!q.filter.channel || d.channel === q.filter.channel) && (!q.filter.field || fields.get(d.procedureCode) === q.filter.field);
  const acc = new Map<string, Record<string, number>>();
  const bump = (g: string, k: string, n = 1) => {
    const a = acc.get(g) ?? {};
    a[k] = (a[k] ?? 0) + n;
    acc.set(g, a);
  };
  for (const [g] of periodEnds) if (periodic || q.groupBy === 'NONE') acc.set(g, {});
  for (const d of dossiers) {
    const events = histories.get(d.code)!;
    for (const e of events) {
      const day = vietnamDay(e.at);
      if (day < q.from || day > q.to || !matches(d, e.agencyCode)) continue;
      const g = groupOf(d, e.agencyCode, day);
      if (e.action === 'RECEIVE') {
        bump(g, 'received');
        if (ONLINE.has(d.channel)) bump(g, 'receivedOnline');
      }
      if (e.action === 'COMPLETE') {
        bump(g, 'resolved');
        bump(g, e.at.getTime() <= d.appointmentAt.getTime() ? 'resolvedOnTime' : 'resolvedLate');
        bump(g, 'days', w.domain.calendar.workingDaysTaken(d.receivedAt, e.at));
      }
      if (e.action === 'REJECT') bump(g, 'rejected');
      if (e.action === 'RETURN_RESULT') bump(g, 'returned');
      if (e.action === 'WITHDRAW') bump(g, 'withdrawn');
    }
    for (const [period, last] of periodEnds) {
      const state = events.filter((e) => e.at.getTime() < endOf(last)).pop();
      if (!state || !['RECEIVED', 'PROCESSING'].includes(state.status) || !matches(d, state.agencyCode)) continue;
      bump(periodic ? period : groupOf(d, state.agencyCode, last), 'processing');
    }
  }
  const share = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);
  const rows = [...acc].map(([g, a]) => {
    const v = (k: string) => a[k] ?? 0;
    return {
      group: q.groupBy === 'NONE' ? null : g,
      figures: {
        received: v('received'), receivedOnline: v('receivedOnline'), onlineShare: share(v('receivedOnline'), v('received')), processing: v('processing'),
        resolved: v('resolved'), resolvedOnTime: v('resolvedOnTime'), resolvedLate: v('resolvedLate'), onTimeShare: share(v('resolvedOnTime'), v('resolvedOnTime') + v('resolvedLate')),
        rejected: v('rejected'), returned: v('returned'), withdrawn: v('withdrawn'),
        averageProcessingDays: v('resolved') ? Math.round((v('days') / v('resolved')) * 100) / 100 : null,
      },
    };
  });
  return periodic ? rows : rows.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
}

const FIGURES = 'received receivedOnline onlineShare processing resolved resolvedOnTime resolvedLate onTimeShare rejected returned withdrawn averageProcessingDays';
async function answered(q: Query): Promise<Row[]> {
  const res = await stats.exec(`query($f: String!, $t: String!, $g: FiguresGrouping, $filter: FiguresFilter) { dossierFigures(from: $f, to: $t, groupBy: $g, filter: $filter) { group figures { ${FIGURES} } } }`,
    { f: q.from, t: q.to, g: q.groupBy, filter: q.filter }, principals.dashboard);
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data!.dossierFigures as Row[];
}

const QUERIES: Query[] = (() => {
  const periods = [['2025-10-01', '2026-11-30'], ['2026-03-01', '2026-03-31'], ['2026-02-15', '2026-07-10'], ['2026-01-01', '2026-12-31']];
  const filters: Record<string, string>[] = [{}, { agencyCode: HCM }, { channel: 'IVAN' }, { field: 'Thực hiện chính sách BHXH' }, { procedureCode: '1.002001', agencyCode: HN }];
  const out: Query[] = [];
  for (const [from, to] of periods) for (const groupBy of ['NONE', 'AGENCY', 'PROCEDURE', 'FIELD', 'CHANNEL', 'MONTH']) out.push({ from: from!, to: to!, groupBy, filter: {} });
  for (const filter of filters) for (const groupBy of ['NONE', 'AGENCY', 'QUARTER']) out.push({ from: '2025-10-01', to: '2026-11-30', groupBy, filter });
  out.push({ from: '2026-05-20', to: '2026-06-30', groupBy: 'DAY', filter: {} }, { from: '2025-11-01', to: '2026-04-30', groupBy: 'YEAR', filter: { channel: 'DESK' } });
  return out;
})();

/** The brute-force answers, counted once: replays and rebuilds change no dossier. */
let expected: Row[][] | undefined;

async function expectAllFiguresRight() {
  if (!expected) {
    const dossiers = await w.models.Dossier.find().lean().exec();
    const histories = new Map<string, DossierEventRecord[]>();
    for (const e of await w.models.DossierEvent.find().sort({ dossierCode: 1, seq: 1 }).lean().exec()) histories.set(e.dossierCode, [...(histories.get(e.dossierCode) ?? []), e]);
    expect(dossiers).toHaveLength(N);
    expected = QUERIES.map((q) => bruteForce(dossiers, histories, q));
  }
  for (const [i, q] of QUERIES.entries()) expect([q, await answered(q)]).toEqual([q, expected[i]]);
}

async function ingestedAll() {
  const total = async () => (await answered({ from: '2025-01-01', to: '2026-12-31', groupBy: 'NONE', filter: {} }))[0]!.figures.received;
  for (let i = 0; i < 600 && (await total()) !== N; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await total()).toBe(N);
}

beforeAll(async () => {
  w = await dossiersWorld({ redisDb: 23 });
  stats = await subgraphHarness(statisticsSubgraph, { redisDb: 23 });
  stopWorkers = statisticsSubgraph.startWorkers?.(stats.deps) ?? [];
  const published = await w.procedures.find({ status: 'PUBLISHED' }).lean().exec();
  fields = new Map(published.map((p) => [p.code, p.field]));
  const started = Date.now();
  // The relay runs while dossiers are filed, as it does in production.
  const stopRelay = startOutboxRelay(w.models, w.h.deps.redis, w.h.deps.logger, 50);
  await fileDossiers(published.map((p) => p.code));
  const filed = Date.now();
  await stopRelay();
  while ((await relayOutbox(w.models, w.h.deps.redis)) > 0);
  await ingestedAll();
  console.log(`${N} dossiers filed with random histories in ${filed - started} ms; events relayed and taken in by statistics in ${Date.now() - filed} ms`);
  for (let i = 0; i < 100 && (await domainOf(stats.deps).models.ProcedureField.countDocuments()) < published.length; i++) await new Promise((r) => setTimeout(r, 50));
}, Math.max(300_000, N * 2_000));

afterAll(async () => {
  for (const stop of stopWorkers) await stop();
  await stats.close();
  await w.close();
});

describe('statistics against the dossiers themselves (R-STA-1)', () => {
  test(`R-STA-1: every figure of ${QUERIES.length} dashboard queries over ${N} dossiers with random histories equals a brute-force count from the dossiers`, async () => {
    await expectAllFiguresRight();
  }, 120_000); // the first check counts 2 000 dossiers by brute force for 41 queries

  test('R-STA-1: replaying every event again (at-least-once delivery) changes no figure', async () => {
    for await (const e of eventLog(process.env.MONGODB_URI!, w.h.deps.db.name)) await publishEvent(w.h.deps.redis, STREAMS.dossierEvents, e);
    const pending = async () => ((await w.h.deps.redis.xinfo('GROUPS', STREAMS.dossierEvents)) as (string | number)[][])
      .map((f) => Object.fromEntries(f.flatMap((v, i) => (i % 2 ? [] : [[v, f[i + 1]]])))).find((g) => g.name === 'statistics')!;
    for (let i = 0; i < 600 && ((await pending()).lag !== 0 || (await pending()).pending !== 0); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await pending()).toMatchObject({ lag: 0, pending: 0 });
    await expectAllFiguresRight();
  }, 240_000); // re-sending every event of 2 000 dossiers, waiting up to a minute for the consumer, then the brute-force check

  test('R-STA-1: a rebuild from scratch out of the durable event log arrives at the same figures', async () => {
    const { events } = await rebuildRollups(domainOf(stats.deps).store, eventLog(process.env.MONGODB_URI!, w.h.deps.db.name));
    expect(events).toBe(await w.models.EventLog.countDocuments());
    await expectAllFiguresRight();
  }, 240_000); // folding the whole event log again, then the brute-force check
});
