import { Types } from 'mongoose';
import { statisticsSubgraph } from '../../subgraphs/statistics/subgraph';
import { domainOf } from '../../subgraphs/statistics/context';
import { applyProcedureChange, fieldMap } from '../../subgraphs/statistics/services/procedure-fields';
import type { ReportRecord, ReportStatus, ReportStepRecord } from '../../subgraphs/statistics/models/report';
import type { ProcedureChangeEvent } from '../../platform/events';
import type { Principal } from '../../platform/principal';
import { codesOf, principals, subgraphHarness } from '../support/harness';
import { recordReads, wholeCollectionReads, documentsOf } from '../support/explain';

/**
 * The statistics subgraph's database reads are index lookups at national volume (R-Q-1, issue
 * 12): with 5 000 procedure fields and 5 000 reports (and their steps) stored, each hot path runs
 * as the consumer or the gateway would call it, the database explains every read it sent (on the
 * embedded FerretDB, PostgreSQL's plan for the SQL FerretDB generated), and none reads a whole
 * collection — except the two small tables read whole on purpose, which are pinned down here.
 */
const VOLUME = 5_000;
const FIELDS = ['Thu BHXH, BHYT, BHTN; cấp sổ, thẻ', 'Chế độ BHXH', 'Bảo hiểm thất nghiệp', 'Giám định BHYT', 'Chi trả chế độ', 'Quản lý sổ, thẻ'];
const codeAt = (i: number) => `2.${String(i).padStart(6, '0')}`;
const leader: Principal = { client: 'dashboard', subject: 'leader-1', scopes: ['statistics:read', 'statistics:approve'] };
const REPORT = 'id title status approvedBy { subject } publishedBy { subject }';
let h: Awaited<ReturnType<typeof subgraphHarness>>;
/** The ids of the reports stored as copies, by the status each was given. */
let copies: Record<ReportStatus, string[]>;

const change = (code: string, revision: number, field: string): ProcedureChangeEvent => ({
  sequence: revision, code, revision, kind: revision === 1 ? 'PUBLISHED' : 'CHANGED', version: revision, status: 'PUBLISHED',
  name: `Thủ tục ${code}`, field, processingDays: 5, at: new Date().toISOString(),
});
const ok = async (query: string, p: Principal = principals.dashboard) => {
  const res = await h.exec(query, undefined, p);
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data!;
};
const models = () => domainOf(h.deps).models;
const noScan = (work: () => Promise<unknown>) => wholeCollectionReads(h.deps.db, work);

/** A report as the service stored it, approved and published, with its two steps. */
let template: { report: ReportRecord; steps: [ReportStepRecord, ReportStepRecord] };

/** Stores `n` copies of the template under new ids, one in ten a draft, one in ten approved, the rest published. */
async function storeReports(n: number): Promise<Record<ReportStatus, string[]>> {
  const { report, steps } = template;
  const ids: Record<ReportStatus, string[]> = { DRAFT: [], APPROVED: [], PUBLISHED: [] };
  const reports: ReportRecord[] = [];
  const stepCopies: ReportStepRecord[] = [];
  for (let i = 0; i < n; i++) {
    const status: ReportStatus = i % 10 === 0 ? 'DRAFT' : i % 10 === 1 ? 'APPROVED' : 'PUBLISHED';
    const _id = new Types.ObjectId().toHexString();
    ids[status].push(_id);
    const done = status === 'DRAFT' ? [] : status === 'APPROVED' ? [steps[0]] : steps;
    reports.push({ ...report, _id, title: `Báo cáo số ${i}`, status, approvedBy: done[0]?.by ?? null, publishedBy: done[1]?.by ?? null });
    stepCopies.push(...done.map((s) => ({ ...s, _id: `${_id}:${s.status}` })));
  }
  // lean: stored as they are, as the driver would (no casting or validation on the way).
  await models().Report.insertMany(reports, { lean: true });
  await models().ReportStep.insertMany(stepCopies, { lean: true });
  return ids;
}

beforeAll(async () => {
  h = await subgraphHarness(statisticsSubgraph, { redisDb: 43 });
  await h.deps.redis.flushdb();
  const { ProcedureField, Report, ReportStep } = models();

  // Each kind of document is first stored by the real service, then copied under new keys.
  await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(0), 1, FIELDS[0]!));
  const field = await ProcedureField.findById(codeAt(0)).lean().orFail();
  await ProcedureField.insertMany(Array.from({ length: VOLUME - 1 }, (_, i) => ({ ...field, _id: codeAt(i + 1), field: FIELDS[(i + 1) % FIELDS.length]! })), { lean: true });

  const made = (await ok(`mutation { createStatisticsReport(input: { title: "Quý I/2026", from: "2026-01-01", to: "2026-03-31", groupBy: MONTH }) { id } }`)).createStatisticsReport as { id: string };
  await ok(`mutation { approveStatisticsReport(id: "${made.id}") { id } }`, leader);
  await ok(`mutation { publishStatisticsReport(id: "${made.id}") { id } }`);
  const report = await Report.findById(made.id).lean().orFail();
  const steps: [ReportStepRecord, ReportStepRecord] = [
    await ReportStep.findById(`${made.id}:APPROVED`).lean().orFail(),
    await ReportStep.findById(`${made.id}:PUBLISHED`).lean().orFail(),
  ];
  template = { report, steps };
  copies = await storeReports(VOLUME);
  for (const model of [ProcedureField, Report, ReportStep]) expect(await documentsOf(model)).toBeGreaterThanOrEqual(VOLUME);
}, 120_000);
afterAll(() => h.close());

describe('statistics database reads are index lookups at national volume (R-Q-1, issue 12)', () => {
  test('the procedure change consumer finds each procedure by _id: a changed field, a repeated change, a new procedure', async () => {
    const { ProcedureField } = models();
    const version = await h.deps.redis.get('stats:fields:version');
    expect(await noScan(async () => {
      await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(1234), 2, 'Chế độ ốm đau, thai sản'));
      await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(1234), 2, 'Chế độ ốm đau, thai sản'));
      await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(2345), 1, 'something older'));
      await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(VOLUME + 1), 1, 'Giám định BHYT'));
    })).toEqual([]);
    expect(await ProcedureField.findById(codeAt(1234)).lean()).toEqual({ _id: codeAt(1234), field: 'Chế độ ốm đau, thai sản', revision: 2 });
    expect(await ProcedureField.findById(codeAt(2345)).lean()).toEqual({ _id: codeAt(2345), field: FIELDS[2345 % FIELDS.length], revision: 1 });
    expect(await ProcedureField.findById(codeAt(VOLUME + 1)).lean()).toEqual({ _id: codeAt(VOLUME + 1), field: 'Giám định BHYT', revision: 1 });
    expect(Number(await h.deps.redis.get('stats:fields:version'))).toBe(Number(version) + 2);
  });

  test('the procedure → field map is read whole only after a field changed (one row per procedure), then served from memory', async () => {
    const { ProcedureField } = models();
    const map = fieldMap(ProcedureField, h.deps.redis);
    const first = await map();
    expect(first.size).toBe(VOLUME + 1);
    expect(first.get(codeAt(1234))).toBe('Chế độ ốm đau, thai sản');
    expect(await recordReads(h.deps.db, () => map())).toEqual([]);
    // A dashboard's figures grouped by field read no table per request either, once warm.
    const byField = () => ok(`{ dossierFigures(from: "2026-01-01", to: "2026-03-31", groupBy: FIELD) { group } }`);
    await byField();
    expect(await recordReads(h.deps.db, byField)).toEqual([]);
    await applyProcedureChange(ProcedureField, h.deps.redis, change(codeAt(7), 2, 'Quản lý thu'));
    expect((await map()).get(codeAt(7))).toBe('Quản lý thu');
  });

  test('a report by id: a published one for anyone, a draft for dashboards only', async () => {
    const [published, draft] = [copies.PUBLISHED[1000]!, copies.DRAFT[300]!];
    let answers: unknown[] = [];
    expect(await noScan(async () => {
      answers = [
        await ok(`{ statisticsReport(id: "${published}") { ${REPORT} } }`, principals.anonymous),
        await ok(`{ statisticsReport(id: "${draft}") { ${REPORT} } }`),
        await ok(`{ statisticsReport(id: "${draft}") { id } }`, principals.anonymous),
      ];
    })).toEqual([]);
    expect(answers).toEqual([
      { statisticsReport: { id: published, title: expect.stringMatching(/^Báo cáo số \d+$/), status: 'PUBLISHED', approvedBy: { subject: 'leader-1' }, publishedBy: { subject: 'dash-1' } } },
      { statisticsReport: { id: draft, title: expect.stringMatching(/^Báo cáo số \d+$/), status: 'DRAFT', approvedBy: null, publishedBy: null } },
      { statisticsReport: null },
    ]);
  });

  test('approving and publishing find the report and its step by id, a repeated step included', async () => {
    const [draft, approved, halfDone] = [copies.DRAFT[10]!, copies.APPROVED[20]!, copies.DRAFT[11]!];
    // A writer that died after claiming the approval step and before updating the report.
    await models().ReportStep.create({ _id: `${halfDone}:APPROVED`, status: 'APPROVED', by: { client: 'dashboard', subject: 'leader-2', at: new Date() } });
    const answers: unknown[] = [];
    expect(await noScan(async () => {
      answers.push((await ok(`mutation { approveStatisticsReport(id: "${draft}") { ${REPORT} } }`, leader)).approveStatisticsReport);
      answers.push((await ok(`mutation { publishStatisticsReport(id: "${approved}") { ${REPORT} } }`)).publishStatisticsReport);
      answers.push((await ok(`mutation { approveStatisticsReport(id: "${halfDone}") { ${REPORT} } }`, leader)).approveStatisticsReport);
      answers.push(codesOf((await h.exec(`mutation { approveStatisticsReport(id: "${draft}") { id } }`, undefined, leader)).errors));
    })).toEqual([]);
    expect(answers).toEqual([
      { id: draft, title: expect.any(String), status: 'APPROVED', approvedBy: { subject: 'leader-1' }, publishedBy: null },
      { id: approved, title: expect.any(String), status: 'PUBLISHED', approvedBy: { subject: 'leader-1' }, publishedBy: { subject: 'dash-1' } },
      { id: halfDone, title: expect.any(String), status: 'APPROVED', approvedBy: { subject: 'leader-2' }, publishedBy: null },
      ['CONFLICT'],
    ]);
  });

});

describe('the statisticsReports list at ten years of reports', () => {
  // Ten years at five reports a month; 5 000 reports would be a century of them.
  const YEARS_OF_REPORTS = 10 * 12 * 5;
  beforeAll(async () => {
    await models().Report.collection.deleteMany({});
    copies = await storeReports(YEARS_OF_REPORTS);
  });

  test('one read of the reports table per page, newest first: it reads that table whole, accepted as it grows by a few reports a month (R-Q-1, issue 12)', async () => {
    const newest = [...copies.PUBLISHED].reverse();
    type Listed = { statisticsReports: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const pages: Listed[] = [];
    const reads = await recordReads(h.deps.db, async () => {
      pages.push((await ok(`{ statisticsReports(first: 20) { edges { node { id } } pageInfo { endCursor } } }`, principals.anonymous)) as Listed);
      const after = pages[0]!.statisticsReports.pageInfo.endCursor;
      pages.push((await ok(`{ statisticsReports(first: 20, after: "${after}") { edges { node { id } } pageInfo { endCursor } } }`, principals.anonymous)) as Listed);
    });
    expect(reads.map((r) => r.collection)).toEqual(['statistics_reports', 'statistics_reports']);
    expect(pages.map((p) => p.statisticsReports.edges.map((e) => e.node.id))).toEqual([newest.slice(0, 20), newest.slice(20, 40)]);
  });
});
