import { useState, type FormEvent, type ReactNode } from 'react';
import { Problem } from '../components/Problem';
import { useI18n } from '../lib/i18n';
import { useQuery } from '../lib/use-query';

interface Pending {
  dossierCode: string;
  seq: number;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}
interface Failure {
  message: string;
  at: string;
  dossierCode: string;
}
interface PortalSync {
  enabled: boolean;
  backlog: number;
  failing: number;
  failingItems: Pending[];
  notYetEnqueued: number;
  lastSentAt: string | null;
  oldestPending: Pending | null;
  lastError: Failure | null;
}
interface IvanDeliveries {
  providerId: string;
  registered: boolean;
  kind: string | null;
  url: string | null;
  backlog: number;
  failing: number;
  lastDeliveredAt: string | null;
  pausedUntil: string | null;
  oldestPending: Pending | null;
  lastError: Failure | null;
}

const PENDING = 'dossierCode seq createdAt attempts nextAttemptAt lastError';
const PORTAL = `query DashboardPortalSync { portalSync { enabled backlog failing failingItems { ${PENDING} } notYetEnqueued lastSentAt oldestPending { ${PENDING} } lastError { message at dossierCode } } }`;
const IVAN = `query DashboardIvanDeliveries($providerId: String) { ivanDeliveries(providerId: $providerId) {
  providerId registered kind url backlog failing lastDeliveredAt pausedUntil oldestPending { ${PENDING} } lastError { message at dossierCode }
} }`;

/** The national-portal push (R-INT-2) and an I-VAN provider's status pushes (R-INT-1): backlog, failures, pauses. */
export function IntegrationsPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('integrations.title')}</h1>
      <PortalSyncPanel />
      <IvanPanel />
    </section>
  );
}

function PortalSyncPanel() {
  const { t, integer, dateTime } = useI18n();
  const { data, error, reload } = useQuery<{ portalSync: PortalSync }>(PORTAL);
  const p = data?.portalSync;
  return (
    <div data-testid="portal-sync">
      <h2>{t('portal.title')} <button type="button" className="secondary" onClick={reload}>{t('common.refresh')}</button></h2>
      <Problem error={error} />
      {p && (
        <>
          <p className={p.enabled ? 'notice' : 'note'}>{t(p.enabled ? 'portal.enabled' : 'portal.disabled')}</p>
          <div className="cards">
            <Card label={t('portal.backlog')} value={integer(p.backlog)} testId="portal-backlog" />
            <Card label={t('portal.failing')} value={integer(p.failing)} testId="portal-failing" />
            <Card label={t('portal.notYetEnqueued')} value={integer(p.notYetEnqueued)} />
            <Card label={t('portal.lastSentAt')} value={dateTime(p.lastSentAt)} />
          </div>
          <FailingItems items={p.failingItems} />
          <PendingItem title={t('portal.oldestPending')} item={p.oldestPending} />
          <LastError title={t('portal.lastError')} error={p.lastError} />
        </>
      )}
    </div>
  );
}

function IvanPanel() {
  const { t, integer, dateTime } = useI18n();
  const [input, setInput] = useState('');
  const [providerId, setProviderId] = useState<string | null>(null);
  const { data, error } = useQuery<{ ivanDeliveries: IvanDeliveries }>(IVAN, { providerId }, providerId === null);
  const d = providerId === null ? undefined : data?.ivanDeliveries;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProviderId(input.trim());
  };
  return (
    <div data-testid="ivan-deliveries">
      <h2>{t('ivan.title')}</h2>
      <form className="controls" onSubmit={submit}>
        <label>
          {t('ivan.provider')}
          <input value={input} required placeholder={t('ivan.providerHint')} onChange={(e) => setInput(e.target.value)} data-testid="ivan-provider" />
        </label>
        <button type="submit" disabled={!input.trim()} data-testid="ivan-show">{t('common.show')}</button>
      </form>
      {providerId !== null && <Problem error={error} />}
      {d && (
        <>
          <p className={d.registered ? 'notice' : 'note'} data-testid="ivan-registration">
            {d.registered ? `${t('ivan.registered')}: ${d.kind ?? ''} ${d.url ?? ''}` : t('ivan.notRegistered')}
          </p>
          <div className="cards">
            <Card label={t('ivan.backlog')} value={integer(d.backlog)} testId="ivan-backlog" />
            <Card label={t('ivan.failing')} value={integer(d.failing)} testId="ivan-failing" />
            <Card label={t('ivan.lastDeliveredAt')} value={dateTime(d.lastDeliveredAt)} />
            <Card label={t('ivan.pausedUntil')} value={dateTime(d.pausedUntil)} />
          </div>
          <PendingItem title={t('ivan.oldestPending')} item={d.oldestPending} />
          <LastError title={t('ivan.lastError')} error={d.lastError} />
        </>
      )}
    </div>
  );
}

function Card({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="card">
      <div className="value" data-testid={testId}>{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}

function PendingItem({ title, item }: { title: string; item: Pending | null }) {
  const { t, integer, dateTime } = useI18n();
  if (!item) return null;
  return (
    <>
      <h3>{title}</h3>
      <p>{t('pending.item', { code: item.dossierCode, seq: item.seq })}</p>
      <dl className="facts">
        <dt>{t('pending.createdAt')}</dt><dd>{dateTime(item.createdAt)}</dd>
        <dt>{t('pending.attempts')}</dt><dd>{integer(item.attempts)}</dd>
        <dt>{t('pending.nextAttemptAt')}</dt><dd>{dateTime(item.nextAttemptAt)}</dd>
        {item.lastError && (<><dt>{t('pending.lastError')}</dt><dd>{item.lastError}</dd></>)}
      </dl>
    </>
  );
}

/** The changes the portal refused, next to be retried first, each with its error. */
function FailingItems({ items }: { items: Pending[] }) {
  const { t, integer, dateTime } = useI18n();
  if (!items.length) return null;
  return (
    <>
      <h3>{t('portal.failingItems')}</h3>
      <table data-testid="portal-failing-items">
        <thead>
          <tr><th>{t('pending.dossier')}</th><th>{t('pending.attempts')}</th><th>{t('pending.nextAttemptAt')}</th><th>{t('pending.lastError')}</th></tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={`${i.dossierCode}:${i.seq}`} data-testid="portal-failing-item" data-code={i.dossierCode}>
              <td><a href={`#/dossiers/${encodeURIComponent(i.dossierCode)}`}>{t('pending.item', { code: i.dossierCode, seq: i.seq })}</a></td>
              <td className="number">{integer(i.attempts)}</td>
              <td>{dateTime(i.nextAttemptAt)}</td>
              <td>{i.lastError ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function LastError({ title, error }: { title: string; error: Failure | null }) {
  const { t, dateTime } = useI18n();
  if (!error) return null;
  return (
    <>
      <h3>{title}</h3>
      <p className="problem">{t('pending.error', { message: error.message, code: error.dossierCode, at: dateTime(error.at) })}</p>
    </>
  );
}
