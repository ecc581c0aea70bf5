import { useState } from 'react';
import { Problem } from '../components/Problem';
import { saveBlob } from '../lib/download';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useQuery } from '../lib/use-query';

interface Detail {
  code: string;
  status: string;
  state: string;
  channel: string;
  procedureName: string;
  applicant: { name: string };
  handlingAgency: { code: string; name: string; nameEn: string | null } | null;
  receivedAt: string;
  appointmentAt: string;
  deadlineStatus: string;
  receiptUrl: string;
  history: { version: number; action: string; fromState: string | null; toState: string; at: string; actorClient: string; actorSubject: string; reason: string | null }[];
}

const DETAIL = `query DashboardDossier($code: ID!) { dossier(code: $code) {
  code status state channel procedureName applicant { name } handlingAgency { code name nameEn }
  receivedAt appointmentAt deadlineStatus receiptUrl
  history { version action fromState toState at actorClient actorSubject reason }
} }`;

/** One dossier: its facts, its history (R-DOS-11) and its receipt slip (R-DOS-2). */
export function DossierDetail({ code }: { code: string }) {
  const { t, label, dateTime, locale } = useI18n();
  const { data, error } = useQuery<{ dossier: Detail | null }>(DETAIL, { code });
  const d = data?.dossier;
  return (
    <section data-testid="dossier-detail">
      <p><a href="#/dossiers">{t('common.back')}</a></p>
      <h1>{t('dossier.title', { code })}</h1>
      <Problem error={error} />
      {data && !d && <p data-testid="dossier-not-found">{t('dossier.notFound')}</p>}
      {d && (
        <>
          <dl className="facts">
            <dt>{t('dossier.procedure')}</dt><dd>{d.procedureName}</dd>
            <dt>{t('dossier.applicant')}</dt><dd>{d.applicant.name}</dd>
            <dt>{t('dossier.channel')}</dt><dd>{label('channel', d.channel)}</dd>
            <dt>{t('dossier.handlingAgency')}</dt>
            <dd>{d.handlingAgency ? `${locale === 'en' ? d.handlingAgency.nameEn ?? d.handlingAgency.name : d.handlingAgency.name} (${d.handlingAgency.code})` : t('common.none')}</dd>
            <dt>{t('dossier.receivedAt')}</dt><dd>{dateTime(d.receivedAt)}</dd>
            <dt>{t('dossier.appointmentAt')}</dt><dd>{dateTime(d.appointmentAt)}</dd>
            <dt>{t('dossier.status')}</dt><dd>{label('status', d.status)} · {label('state', d.state)}</dd>
            <dt>{t('dossier.deadline')}</dt><dd><span className={`badge ${d.deadlineStatus}`} data-testid="dossier-deadline">{label('deadline', d.deadlineStatus)}</span></dd>
          </dl>
          <Receipt code={d.code} url={d.receiptUrl} />
          <h2>{t('dossier.history')}</h2>
          <table data-testid="dossier-history">
            <thead>
              <tr>
                <th scope="col" className="number">{t('history.version')}</th>
                <th scope="col">{t('history.action')}</th>
                <th scope="col">{t('history.change')}</th>
                <th scope="col">{t('history.at')}</th>
                <th scope="col">{t('history.actor')}</th>
                <th scope="col">{t('history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {d.history.map((h) => (
                <tr key={h.version}>
                  <td className="number">{h.version}</td>
                  <td>{label('action', h.action)}</td>
                  <td>{h.fromState ? `${label('state', h.fromState)} → ` : ''}{label('state', h.toState)}</td>
                  <td>{dateTime(h.at)}</td>
                  <td>{`${h.actorSubject} (${h.actorClient})`}</td>
                  <td>{h.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The receipt route wants the bearer token, which a plain link cannot send: fetched here, then saved. */
function Receipt({ code, url }: { code: string; url: string }) {
  const { t } = useI18n();
  const { token } = useSession();
  const [failure, setFailure] = useState<Error | null>(null);
  const download = async () => {
    setFailure(null);
    try {
      const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(t('dossier.receiptFailed', { status: res.status }));
      saveBlob(await res.blob(), `${code}.pdf`);
    } catch (err) {
      setFailure(err as Error);
    }
  };
  return (
    <p>
      <button type="button" onClick={download} data-testid="dossier-receipt">{t('dossier.receipt')}</button>
      {failure && <span className="problem" role="alert"> {failure.message}</span>}
    </p>
  );
}
