import { Problem } from '../components/Problem';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useQuery } from '../lib/use-query';
import { DossierDetail } from './DossierDetail';

interface Row {
  code: string;
  procedureName: string;
  applicant: { name: string };
  receivedAt: string;
  appointmentAt: string;
  completedAt: string | null;
  status: string;
  deadlineStatus: 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';
}
interface Page {
  edges: { node: Row }[];
}

const ROW = 'code procedureName applicant { name } receivedAt appointmentAt completedAt status deadlineStatus';
// The graph filters both lists itself (dueSoon: open and due by this time next working day).
const QUEUES = `query DashboardDossierQueues($agency: ID) {
  overdue: dossiers(filter: { agency: $agency, overdue: true }, first: 100) { edges { node { ${ROW} } } }
  dueSoon: dossiers(filter: { agency: $agency, dueSoon: true }, first: 100) { edges { node { ${ROW} } } }
}`;

/** For officers: the overdue and due-soon dossiers their agency handles now (a dashboard sees every agency's). */
export function DossiersPage({ code }: { code?: string }) {
  if (code) return <DossierDetail code={code} />;
  return <DossierQueues />;
}

function DossierQueues() {
  const { t } = useI18n();
  const { claims } = useSession();
  const agency = claims?.agencyCode ?? null;
  const { data, error } = useQuery<{ overdue: Page; dueSoon: Page }>(QUEUES, { agency });
  const dueSoon = data?.dueSoon.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('dossiers.title')}</h1>
      <p className="note">{agency ? t('dossiers.ofAgency', { agency }) : t('dossiers.allAgencies')}</p>
      <Problem error={error} />
      {data && (
        <>
          <h2>{t('dossiers.overdue')}</h2>
          <DossierTable rows={data.overdue.edges.map((e) => e.node)} testId="dossiers-overdue" />
          <h2>{t('dossiers.dueSoon')}</h2>
          <DossierTable rows={dueSoon} testId="dossiers-due-soon" />
        </>
      )}
    </section>
  );
}

function DossierTable({ rows, testId }: { rows: Row[]; testId: string }) {
  const { t, label, dateTime } = useI18n();
  if (!rows.length) return <p data-testid={testId}>{t('dossiers.none')}</p>;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('dossier.code')}</th>
          <th scope="col">{t('dossier.procedure')}</th>
          <th scope="col">{t('dossier.applicant')}</th>
          <th scope="col">{t('dossier.receivedAt')}</th>
          <th scope="col">{t('dossier.appointmentAt')}</th>
          <th scope="col">{t('dossier.status')}</th>
          <th scope="col">{t('dossier.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.code} data-testid="dossier-row" data-code={d.code}>
            <td><a href={`#/dossiers/${encodeURIComponent(d.code)}`} data-testid="dossier-link">{d.code}</a></td>
            <td>{d.procedureName}</td>
            <td>{d.applicant.name}</td>
            <td>{dateTime(d.receivedAt)}</td>
            <td>{dateTime(d.appointmentAt)}</td>
            <td>{label('status', d.status)}</td>
            <td><span className={`badge ${d.deadlineStatus}`}>{label('deadline', d.deadlineStatus)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
