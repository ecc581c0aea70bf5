import { statisticsSubgraph } from '../../subgraphs/statistics/subgraph';
import { domainOf } from '../../subgraphs/statistics/context';
import { rebuildRollups } from '../../subgraphs/statistics/services/rebuild';
import { publishEvent, STREAMS, type DossierEvent, type DossierFacts } from '../../platform/events';
import type { Principal } from '../../platform/principal';
import { codesOf, principals, subgraphHarness } from '../support/harness';

const HN = '000.00.01.H26';
const HCM = '000.00.01.H29';
let h: Awaited<ReturnType<typeof subgraphHarness>>;
let stopWorkers: (() => Promise<void>)[] = [];
const leader: Principal = { client: 'dashboard', subject: 'leader-1', scopes: ['statistics:read', 'statistics:approve'] };

/** A dossier's events as the dossiers subgraph would publish them; times are Vietnam local (+07:00). */
function history(code: string, base: Partial<DossierEvent>, steps: [string, string, string, string?, DossierFacts?][]): DossierEvent[] {
  let previousStatus: string | null = null;
  return steps.map(([action, status, at, agencyCode, facts], i) => {
    const e: DossierEvent = {
      id: `${code}:${i + 1}`, globalSeq: 0, dossierCode: code, seq: i + 1, action, state: status, previousState: null, status, previousStatus,
      agencyCode: agencyCode ?? base.agencyCode ?? HN, departmentCode: null, procedureCode: base.procedureCode ?? '1.002001', channel: base.channel ?? 'DESK',
      actor: { client: 'officer', subject: 'o-1' }, at: new Date(`${at}+07:00`).toISOString(), ...(facts ? { facts } : {}),
    };
    previousStatus = status;
    return e;
  });
}

const A = history('A', {}, [['RECEIVE', 'RECEIVED', '2026-03-02T09:00:00'], ['START_PROCESSING', 'PROCESSING', '2026-03-02T10:00:00'], ['COMPLETE', 'RESULT_READY', '2026-03-05T15:00:00', undefined, { onTime: true, workingDays: 3 }], ['RETURN_RESULT', 'RESULT_RETURNED', '2026-03-06T09:00:00']]);
const B = history('B', { channel: 'ONLINE' }, [['RECEIVE', 'RECEIVED', '2026-03-31T23:30:00'], ['START_PROCESSING', 'PROCESSING', '2026-04-01T08:00:00'], ['COMPLETE', 'RESULT_READY', '2026-04-20T08:00:00', undefined, { onTime: false, workingDays: 14 }]]);
const C = history('C', { channel: 'IVAN', procedureCode: '1.002003' }, [['RECEIVE', 'RECEIVED', '2026-04-10T09:00:00'], ['START_PROCESSING', 'PROCESSING', '2026-04-10T10:00:00'], ['TRANSFER', 'PROCESSING', '2026-04-15T10:00:00', HCM, { fromAgencyCode: HN }]]);
const D = history('D', {}, [['RECEIVE', 'RECEIVED', '2026-04-11T09:00:00'], ['REJECT', 'REJECTED', '2026-04-11T11:00:00']]);
const E = history('E', { agencyCode: HCM, channel: 'NATIONAL_PORTAL' }, [['RECEIVE', 'RECEIVED', '2026-05-04T09:00:00'], ['WITHDRAW', 'REJECTED', '2026-05-06T09:00:00']]);
const ALL = [...A, ...B, ...C, ...D, ...E];

const FIGURES = 'received receivedOnline onlineShare processing resolved resolvedOnTime resolvedLate onTimeShare rejected returned withdrawn averageProcessingDays';
const figures = async (from: string, to: string, groupBy = 'NONE', filter: Record<string, unknown> = {}, p: Principal = principals.dashboard) => {
  const res = await h.exec(`query($f: String!, $t: String!, $g: FiguresGrouping, $filter: FiguresFilter) { dossierFigures(from: $f, to: $t, groupBy: $g, filter: $filter) { group figures { ${FIGURES} } } }`, { f: from, t: to, g: groupBy, filter }, p);
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data!.dossierFigures as { group: string | null; figures: Record<string, number | null> }[];
};
const row = (over: Record<string, number | null>) => ({
  received: 0, receivedOnline: 0, onlineShare: null, processing: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, onTimeShare: null,
  rejected: 0, returned: 0, withdrawn: 0, averageProcessingDays: null, ...over,
});

/** Waits until the consumer has applied the stream, i.e. the total received reaches `n`. */
async function ingested(n: number) {
  for (let i = 0; i < 200; i++) {
    if ((await figures('2026-01-01', '2026-12-31'))[0]!.figures.received === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('events were not applied');
}

beforeAll(async () => {
  h = await subgraphHarness(statisticsSubgraph, { redisDb: 5 });
  await h.deps.redis.flushdb();
  stopWorkers = statisticsSubgraph.startWorkers?.(h.deps) ?? [];
  // Out of order, and some twice (a relay that crashed after publishing publishes again).
  for (const e of [...ALL].reverse()) await publishEvent(h.deps.redis, STREAMS.dossierEvents, e);
  for (const e of [A[2]!, C[2]!, E[0]!]) await publishEvent(h.deps.redis, STREAMS.dossierEvents, e);
  await publishEvent(h.deps.redis, STREAMS.procedureChanges, { sequence: 1, code: '1.002001', revision: 1, kind: 'PUBLISHED', version: 1, status: 'PUBLISHED', name: 'x', field: 'Thu BHXH', processingDays: 5, at: new Date().toISOString() });
  await ingested(5);
  for (let i = 0; i < 100 && !(await domainOf(h.deps).models.ProcedureField.exists({ _id: '1.002001' })); i++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  for (const stop of stopWorkers) await stop();
  await h.close();
});

describe('figures from dossier events (R-STA-1)', () => {
  test('R-STA-1: every figure over a period, whatever the order events came in and however often', async () => {
    expect(await figures('2026-03-01', '2026-05-31')).toEqual([{
      group: null,
      figures: row({ received: 5, receivedOnline: 3, onlineShare: 0.6, processing: 1, resolved: 2, resolvedOnTime: 1, resolvedLate: 1, onTimeShare: 0.5, rejected: 1, returned: 1, withdrawn: 1, averageProcessingDays: 8.5 }),
    }]);
  });

  test('R-STA-1: days are Vietnam days, months add up from days, and processing is the stock at each period\'s end', async () => {
    const byMonth = await figures('2026-03-01', '2026-05-31', 'MONTH');
    expect(byMonth.map((r) => [r.group, r.figures.received, r.figures.resolved, r.figures.processing])).toEqual([
      ['2026-03', 2, 1, 1], // B arrived at 23:30 on 31 March, Vietnam time
      ['2026-04', 2, 1, 1], // C transferred, still in process; D rejected; B resolved
      ['2026-05', 1, 0, 1],
    ]);
    const byDay = await figures('2026-03-30', '2026-04-02', 'DAY');
    expect(byDay.map((r) => [r.group, r.figures.received, r.figures.processing])).toEqual([['2026-03-30', 0, 0], ['2026-03-31', 1, 1], ['2026-04-01', 0, 1], ['2026-04-02', 0, 1]]);
    expect((await figures('2026-01-01', '2026-12-31', 'QUARTER')).map((r) => [r.group, r.figures.received])).toEqual([['2026-Q1', 2], ['2026-Q2', 3], ['2026-Q3', 0], ['2026-Q4', 0]]);
    expect(await figures('2026-01-01', '2026-12-31', 'YEAR')).toEqual([{ group: '2026', figures: (await figures('2026-01-01', '2026-12-31'))[0]!.figures }]);
  });

  test('R-STA-1: by agency a transfer moves the dossier in process; by channel, procedure and field', async () => {
    const byAgency = await figures('2026-04-01', '2026-04-30', 'AGENCY');
    expect(byAgency.map((r) => [r.group, r.figures.received, r.figures.processing])).toEqual([[HN, 2, 0], [HCM, 0, 1]]);
    expect((await figures('2026-04-01', '2026-04-14', 'AGENCY')).map((r) => [r.group, r.figures.processing])).toEqual([[HN, 2]]); // B, and C before its transfer
    const byChannel = await figures('2026-03-01', '2026-05-31', 'CHANNEL');
    expect(byChannel.map((r) => [r.group, r.figures.received])).toEqual([['DESK', 2], ['IVAN', 1], ['NATIONAL_PORTAL', 1], ['ONLINE', 1]]);
    expect((await figures('2026-03-01', '2026-05-31', 'PROCEDURE')).map((r) => [r.group, r.figures.received])).toEqual([['1.002001', 4], ['1.002003', 1]]);
    expect((await figures('2026-03-01', '2026-05-31', 'FIELD')).map((r) => [r.group, r.figures.received])).toEqual([['Thu BHXH', 4], ['UNKNOWN', 1]]);
    expect((await figures('2026-03-01', '2026-05-31', 'NONE', { field: 'Thu BHXH', channel: 'ONLINE' }))[0]!.figures.received).toBe(1);
  });

  test('R-STA-1: current counts by public state follow the events, per agency too', async () => {
    const counts = async (agencyCode?: string) => {
      const res = await h.exec(`query($a: ID) { dossierCountsByStatus(agencyCode: $a) { status count } }`, { a: agencyCode }, principals.dashboard);
      return Object.fromEntries((res.data!.dossierCountsByStatus as { status: string; count: number }[]).map((c) => [c.status, c.count]));
    };
    expect(await counts()).toEqual({ RECEIVED: 0, PROCESSING: 1, RESULT_READY: 1, RESULT_RETURNED: 1, REJECTED: 2 });
    expect(await counts(HCM)).toEqual({ RECEIVED: 0, PROCESSING: 1, RESULT_READY: 0, RESULT_RETURNED: 0, REJECTED: 1 });
  });

  test('R-STA-1: Agency.statistics and Procedure.statistics resolve through _entities', async () => {
    const res = await h.exec(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { code statistics(from: "2026-03-01", to: "2026-05-31") { received processing } } ... on Procedure { code statistics(from: "2026-03-01", to: "2026-05-31") { received } } } }`, {
      r: [{ __typename: 'Agency', code: HCM }, { __typename: 'Procedure', code: '1.002003' }],
    }, principals.officer);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ code: HCM, statistics: { received: 1, processing: 1 } }, { code: '1.002003', statistics: { received: 1 } }]);
  });

  test('R-STA-1: a rebuild from the event log gives the same figures, and events arriving meanwhile are not lost', async () => {
    const before = await figures('2026-01-01', '2026-12-31', 'MONTH');
    const { store } = domainOf(h.deps);
    const late = history('F', {}, [['RECEIVE', 'RECEIVED', '2026-06-01T09:00:00']]);
    async function* log() {
      for (const e of ALL) yield e;
      await publishEvent(h.deps.redis, STREAMS.dossierEvents, late[0]!); // relayed while the rebuild runs
      await ingested(6);
    }
    const { events } = await rebuildRollups(store, log(), 3);
    expect(events).toBe(ALL.length);
    const after = await figures('2026-01-01', '2026-12-31', 'MONTH');
    expect(after.slice(0, 5)).toEqual(before.slice(0, 5)); // January to May
    expect(after.slice(5).map((r) => [r.figures.received, r.figures.processing])).toEqual(before.slice(5).map((r, i) => [r.figures.received! + (i === 0 ? 1 : 0), r.figures.processing! + 1]));
  });

  test('bad periods are refused with the field named; figures need statistics:read', async () => {
    const ask = (from: string, to: string, g = 'NONE') => h.exec(`{ dossierFigures(from: "${from}", to: "${to}", groupBy: ${g}) { group } }`, undefined, principals.dashboard);
    expect((await ask('2026-02-30', '2026-03-01')).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'from' }] });
    expect((await ask('2026-03-02', '2026-03-01')).errors![0]!.message).toBe('to: the period ends before it starts');
    expect((await ask('2025-01-01', '2026-03-01', 'DAY')).errors![0]!.message).toMatch(/group by MONTH for longer periods/);
    expect(codesOf((await h.exec('{ dossierCountsByStatus { count } }', undefined, principals.anonymous)).errors)).toEqual(['FORBIDDEN']);
    expect(codesOf((await h.exec('{ dossierFigures(from: "2026-01-01", to: "2026-01-02") { group } }', undefined, principals.ivanA)).errors)).toEqual(['FORBIDDEN']);
  });
});

describe('reports: approval before publication (R-STA-2)', () => {
  const REPORT = 'id title status rows { group figures { received resolved } } createdBy { subject } approvedBy { subject at } publishedBy { subject at }';
  const create = async (p: Principal = principals.dashboard) => {
    const res = await h.exec(`mutation($i: StatisticsReportInput!) { createStatisticsReport(input: $i) { ${REPORT} } }`, { i: { title: 'Quý II/2026', from: '2026-04-01', to: '2026-06-30', groupBy: 'AGENCY' } }, p);
    if (res.errors) throw new Error(res.errors[0]!.message);
    return res.data!.createStatisticsReport as { id: string; rows: unknown[] };
  };
  const act = (verb: 'approve' | 'publish', id: string, p: Principal) => h.exec(`mutation { ${verb}StatisticsReport(id: "${id}") { ${REPORT} } }`, undefined, p);
  const publicList = async () => ((await h.exec('{ statisticsReports { edges { node { id status } } } }', undefined, principals.anonymous)).data!.statisticsReports as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);

  test('R-STA-2: draft → approved by leadership → published, with who and when; others see it only once published', async () => {
    const report = await create();
    expect(await publicList()).not.toContain(report.id);
    expect((await h.exec(`{ statisticsReport(id: "${report.id}") { id } }`, undefined, principals.npsp)).data).toEqual({ statisticsReport: null });
    expect(codesOf((await act('publish', report.id, principals.dashboard)).errors)).toEqual(['CONFLICT']); // not approved yet
    expect(codesOf((await act('approve', report.id, principals.dashboard)).errors)).toEqual(['FORBIDDEN']); // no statistics:approve
    const approved = await act('approve', report.id, leader);
    expect(approved.data!.approveStatisticsReport).toMatchObject({ status: 'APPROVED', approvedBy: { subject: 'leader-1', at: expect.any(String) }, publishedBy: null });
    expect(await publicList()).not.toContain(report.id);
    const published = await act('publish', report.id, principals.dashboard);
    expect(published.data!.publishStatisticsReport).toMatchObject({ status: 'PUBLISHED', createdBy: { subject: 'dash-1' }, approvedBy: { subject: 'leader-1' }, publishedBy: { subject: 'dash-1' } });
    expect(await publicList()).toContain(report.id);
    expect(codesOf((await h.exec('{ statisticsReports(status: DRAFT) { edges { node { id } } } }', undefined, principals.anonymous)).errors)).toEqual(['FORBIDDEN']);
  });

  test('R-STA-2: a published report never changes, though the figures it was made from do', async () => {
    const report = await create();
    await act('approve', report.id, leader);
    await act('publish', report.id, principals.dashboard);
    await publishEvent(h.deps.redis, STREAMS.dossierEvents, history('G', {}, [['RECEIVE', 'RECEIVED', '2026-04-20T09:00:00']])[0]!);
    await ingested(7);
    const read = (await h.exec(`{ statisticsReport(id: "${report.id}") { rows { group figures { received resolved } } } }`, undefined, principals.anonymous)).data!.statisticsReport as { rows: unknown[] };
    expect(read.rows).toEqual(report.rows);
    expect(codesOf((await act('publish', report.id, principals.dashboard)).errors)).toEqual(['CONFLICT']);
    expect(codesOf((await act('approve', report.id, leader)).errors)).toEqual(['CONFLICT']);
  });

  test('R-STA-2: the author cannot approve their own report; two leaders approving at once make one approval', async () => {
    const own = await create({ ...leader, scopes: [...leader.scopes, 'statistics:report'] });
    expect(codesOf((await act('approve', own.id, leader)).errors)).toEqual(['FORBIDDEN']);
    const report = await create();
    const both = await Promise.all([act('approve', report.id, leader), act('approve', report.id, { ...leader, subject: 'leader-2' })]);
    const approvers = both.map((r) => (r.data?.approveStatisticsReport as { approvedBy: { subject: string } } | undefined)?.approvedBy.subject ?? codesOf(r.errors)[0]);
    expect(new Set(approvers).size).toBe(1); // both told the same approval, or the second a CONFLICT
    const stored = (await h.exec(`{ statisticsReport(id: "${report.id}") { status approvedBy { subject } } }`, undefined, principals.dashboard)).data!.statisticsReport;
    expect(stored).toEqual({ status: 'APPROVED', approvedBy: { subject: approvers[0] === 'CONFLICT' ? approvers[1] : approvers[0] } });
  });

  test('R-STA-2: creating a report validates its period and needs statistics:report', async () => {
    const bad = await h.exec(`mutation { createStatisticsReport(input: { title: " ", from: "2026-13-01", to: "2026-01-01" }) { id } }`, undefined, principals.dashboard);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', inputErrors: [{ field: 'title' }] });
    expect(codesOf((await h.exec(`mutation { createStatisticsReport(input: { title: "x", from: "2026-01-01", to: "2026-01-31" }) { id } }`, undefined, principals.officer)).errors)).toEqual(['FORBIDDEN']);
  });
});
