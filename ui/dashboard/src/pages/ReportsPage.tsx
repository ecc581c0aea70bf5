import { useState, type FormEvent } from 'react';
import { FiguresTable } from '../components/FiguresTable';
import { Problem } from '../components/Problem';
import { FIGURES_FIELDS, GROUPINGS, type FiguresRow, type Grouping } from '../lib/figures';
import { useGroupLabel } from '../lib/group-label';
import { useI18n } from '../lib/i18n';
import { periodRange, vietnamToday } from '../lib/period';
import { useSession } from '../lib/session';
import { useQuery } from '../lib/use-query';

type Status = 'DRAFT' | 'APPROVED' | 'PUBLISHED';
interface Actor {
  client: string;
  subject: string;
  at: string;
}
interface Report {
  id: string;
  title: string;
  from: string;
  to: string;
  groupBy: Grouping;
  status: Status;
  createdBy: Actor;
  approvedBy: Actor | null;
  publishedBy: Actor | null;
}

const REPORT_FIELDS = 'id title from to groupBy status createdBy { client subject at } approvedBy { client subject at } publishedBy { client subject at }';
// Without the rows, which the gateway's cost model counts as 100 a report: a visitor's budget (500) fits the list, and one report's rows on demand.
const REPORTS = `query DashboardReports { statisticsReports(first: 20) { edges { node { ${REPORT_FIELDS} } } } }`;
const ROWS = `query DashboardReportRows($id: ID!) { statisticsReport(id: $id) { rows { ${FIGURES_FIELDS} } } }`;
const CREATE = `mutation DashboardCreateReport($input: StatisticsReportInput!) { createStatisticsReport(input: $input) { id } }`;
const APPROVE = `mutation DashboardApproveReport($id: ID!) { approveStatisticsReport(id: $id) { id status } }`;
const PUBLISH = `mutation DashboardPublishReport($id: ID!) { publishStatisticsReport(id: $id) { id status } }`;

/**
 * R-STA-2: reports from draft to approved (leadership) to published, with who and when. The
 * approve button shows only for a token with statistics:approve; the server decides either way,
 * and its refusals are shown as it words them.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const session = useSession();
  const { data, error, reload } = useQuery<{ statisticsReports: { edges: { node: Report }[] } }>(REPORTS);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (mutation: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await session.call(mutation, variables);
      reload();
    } catch (err) {
      setFailure(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const reports = data?.statisticsReports.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('reports.title')}</h1>
      {!session.token && <p className="note">{t('reports.anonymousNote')}</p>}
      {session.has('statistics:report') && <CreateReport busy={busy} onCreate={(input) => act(CREATE, { input })} />}
      <Problem error={failure ?? error} testId="reports-error" />
      {data && !reports.length && <p>{t('reports.empty')}</p>}
      {reports.length > 0 && (
        <table data-testid="reports-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.titleField')}</th>
              <th scope="col">{t('reports.period')}</th>
              <th scope="col">{t('reports.status')}</th>
              <th scope="col">{t('reports.steps')}</th>
              <th scope="col">{t('reports.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <ReportRow key={r.id} report={r} busy={busy} onAct={act} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReportRow({ report: r, busy, onAct }: { report: Report; busy: boolean; onAct(mutation: string, variables: Record<string, unknown>): void }) {
  const { t, label, day, dateTime } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const who = (a: Actor) => `${a.subject} (${a.client})`;
  return (
    <>
      <tr data-testid="report-row" data-id={r.id} data-status={r.status} data-title={r.title}>
        <td>{r.title}</td>
        <td>{t('figures.range', { from: day(r.from), to: day(r.to) })}</td>
        <td><span className={`badge ${r.status}`} data-testid="report-status">{label('reportStatus', r.status)}</span></td>
        <td>
          <div>{t('reports.createdBy', { who: who(r.createdBy), at: dateTime(r.createdBy.at) })}</div>
          {r.approvedBy && <div data-testid="report-approved-by">{t('reports.approvedBy', { who: who(r.approvedBy), at: dateTime(r.approvedBy.at) })}</div>}
          {r.publishedBy && <div data-testid="report-published-by">{t('reports.publishedBy', { who: who(r.publishedBy), at: dateTime(r.publishedBy.at) })}</div>}
        </td>
        <td>
          {r.status === 'DRAFT' && session.has('statistics:approve') && (
            <button type="button" disabled={busy} onClick={() => onAct(APPROVE, { id: r.id })} data-testid="report-approve">{t('reports.approve')}</button>
          )}
          {r.status === 'APPROVED' && session.has('statistics:report') && (
            <button type="button" disabled={busy} onClick={() => onAct(PUBLISH, { id: r.id })} data-testid="report-publish">{t('reports.publish')}</button>
          )}{' '}
          <button type="button" className="secondary" onClick={() => setOpen(!open)} data-testid="report-figures">
            {t(open ? 'reports.hideFigures' : 'reports.showFigures')}
          </button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            <ReportFigures id={r.id} groupBy={r.groupBy} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A report's frozen figures, fetched when opened. */
function ReportFigures({ id, groupBy }: { id: string; groupBy: Grouping }) {
  const groupLabel = useGroupLabel(groupBy);
  const { data, error } = useQuery<{ statisticsReport: { rows: FiguresRow[] } | null }>(ROWS, { id });
  return (
    <>
      <Problem error={error} />
      {data?.statisticsReport && <FiguresTable rows={data.statisticsReport.rows} groupLabel={groupLabel} testId="report-figures-table" />}
    </>
  );
}

function CreateReport({ busy, onCreate }: { busy: boolean; onCreate(input: Record<string, unknown>): void }) {
  const { t } = useI18n();
  const month = periodRange('MONTH', vietnamToday());
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(month.from);
  const [to, setTo] = useState(month.to);
  const [groupBy, setGroupBy] = useState<Grouping>('AGENCY');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCreate({ title: title.trim(), from, to, groupBy });
    setTitle('');
  };
  return (
    <form className="controls" onSubmit={submit}>
      <label>
        {t('reports.titleField')}
        <input value={title} required size={40} onChange={(e) => setTitle(e.target.value)} data-testid="report-create-title" />
      </label>
      <label>
        {t('reports.from')}
        <input type="date" value={from} required onChange={(e) => setFrom(e.target.value)} data-testid="report-create-from" />
      </label>
      <label>
        {t('reports.to')}
        <input type="date" value={to} required onChange={(e) => setTo(e.target.value)} data-testid="report-create-to" />
      </label>
      <label>
        {t('figures.groupBy')}
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)} data-testid="report-create-group-by">
          {GROUPINGS.map((g) => <option key={g} value={g}>{t(`grouping.${g}`)}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy || !title.trim()} data-testid="report-create-submit">{t('reports.submit')}</button>
    </form>
  );
}
