import { useState, type FormEvent } from 'react';
import { Problem } from '../components/Problem';
import { useAgencies } from '../lib/group-label';
import { useI18n } from '../lib/i18n';
import { claimsOf } from '../lib/jwt';
import { redirectToProvider } from '../lib/oidc';
import { useSession } from '../lib/session';
import type { SignInConfig } from '../lib/sign-in-config';
import type { MessageKey } from '../messages/vi';

/**
 * Sign-in: at the OIDC provider in production; in development, a demo role's token minted by the
 * gateway (only offered where it trusts the development key alone), or a pasted one.
 */
export function SignInPage({ config, onVisit }: { config: SignInConfig; onVisit(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<Error | null>(null);
  return (
    <section className="sign-in" data-testid="sign-in">
      <h1>{t('signIn.title')}</h1>
      {session.expired && <p className="problem" role="alert" data-testid="session-expired">{t('session.expired')}</p>}
      {config.mode === 'oidc' ? (
        <>
          <p>{t('signIn.oidcNote', { issuer: config.issuer })}</p>
          <button type="button" data-testid="sign-in-oidc" onClick={() => redirectToProvider(config).catch((err: Error) => setError(new Error(t('signIn.oidcFailed', { message: err.message }))))}>
            {t('signIn.oidcButton')}
          </button>
        </>
      ) : (
        <>
          {config.devSignIn && <DevSignIn roles={config.roles} onError={setError} />}
          <PasteToken />
        </>
      )}
      <Problem error={error} />
      <p>
        <button type="button" className="link" onClick={onVisit} data-testid="sign-in-anonymous">{t('signIn.anonymous')}</button>
      </p>
    </section>
  );
}

function DevSignIn({ roles, onError }: { roles: string[]; onError(err: Error | null): void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const agencies = useAgencies();
  const [role, setRole] = useState(roles[0] ?? 'dashboard');
  const [agency, setAgency] = useState('');
  const agencyCode = agency || agencies.data?.agencies.edges[0]?.node.code || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onError(null);
    try {
      const res = await fetch('dev-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role, ...(role === 'officer' ? { agencyCode } : {}) }),
      });
      const body = (await res.json()) as { token?: string; errors?: { message: string }[] };
      if (!res.ok || !body.token) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
      session.signIn(body.token);
    } catch (err) {
      onError(err as Error);
    }
  };
  return (
    <form onSubmit={submit} className="stacked">
      <p className="note">{t('signIn.devNote')}</p>
      <label>
        {t('signIn.role')}
        <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="sign-in-role">
          {roles.map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}
        </select>
      </label>
      {role === 'officer' && (
        <label>
          {t('signIn.agency')}
          <select value={agencyCode} onChange={(e) => setAgency(e.target.value)} data-testid="sign-in-agency">
            {agencies.data?.agencies.edges.map(({ node }) => (
              <option key={node.code} value={node.code}>{`${locale === 'en' ? node.nameEn ?? node.name : node.name} (${node.code})`}</option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" data-testid="sign-in-dev">{t('signIn.mint')}</button>
    </form>
  );
}

function PasteToken() {
  const { t } = useI18n();
  const session = useSession();
  const [token, setToken] = useState('');
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = token.trim();
    if (!claimsOf(trimmed)) return setBad(true);
    session.signIn(trimmed);
  };
  return (
    <form onSubmit={submit} className="stacked">
      <h2>{t('signIn.pasteTitle')}</h2>
      <label>
        {t('signIn.token')}
        <textarea value={token} rows={4} spellCheck={false} onChange={(e) => (setToken(e.target.value), setBad(false))} data-testid="sign-in-token" />
      </label>
      {bad && <p className="problem" role="alert">{t('signIn.badToken')}</p>}
      <button type="submit" data-testid="sign-in-paste">{t('signIn.useToken')}</button>
    </form>
  );
}
