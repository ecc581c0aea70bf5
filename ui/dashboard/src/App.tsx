import { useEffect, useState, type ReactNode } from 'react';
import { Problem } from './components/Problem';
import { useI18n } from './lib/i18n';
import { completeRedirect, forgetProviderUser } from './lib/oidc';
import { useRoute, type Page } from './lib/route';
import { SessionProvider, useSession } from './lib/session';
import { loadSignInConfig, type SignInConfig } from './lib/sign-in-config';
import { DossiersPage } from './pages/DossiersPage';
import { FiguresPage } from './pages/FiguresPage';
import { IntegrationsPage } from './pages/IntegrationsPage';
import { ReportsPage } from './pages/ReportsPage';
import { SignInPage } from './pages/SignInPage';

/**
 * The scope each page needs to be offered. Hiding a page is a courtesy: the gateway and the
 * subgraphs refuse what a token may not read whether the page shows or not. Reports are public.
 */
const PAGE_SCOPES: Record<Page, string | null> = {
  figures: 'statistics:read',
  reports: null,
  dossiers: 'dossier:read',
  integrations: 'sync:monitor',
};

export function App() {
  const [config, setConfig] = useState<SignInConfig | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    loadSignInConfig().then(setConfig, setFailure);
  }, []);
  const { t } = useI18n();
  if (failure) return <Problem error={failure} />;
  if (!config) return <p>{t('app.loading')}</p>;
  return (
    <SessionProvider onSignOut={() => void (config.mode === 'oidc' && forgetProviderUser(config))}>
      <Shell config={config} />
    </SessionProvider>
  );
}

function Shell({ config }: { config: SignInConfig }) {
  const session = useSession();
  const { t } = useI18n();
  const [route, go] = useRoute();
  // An anonymous visitor may read the published reports, and nothing else.
  const [visiting, setVisiting] = useState(false);
  const [oidcError, setOidcError] = useState<Error | null>(null);
  useEffect(() => {
    if (config.mode !== 'oidc') return;
    completeRedirect(config).then(
      (token) => token && session.signIn(token),
      (err: Error) => setOidcError(new Error(t('signIn.oidcFailed', { message: err.message }))),
    );
    // Once, on arrival: the provider's redirect back carries the code.
  }, [config]);

  const allowed = (page: Page) => {
    const scope = PAGE_SCOPES[page];
    return scope === null || session.has(scope);
  };
  let main: ReactNode;
  if (!session.token && !visiting) {
    main = <SignInPage config={config} onVisit={() => { setVisiting(true); go('reports'); }} />;
  } else if (!allowed(route.page)) {
    main = <p data-testid="not-allowed">{t('common.notAllowed')}</p>;
  } else {
    main = {
      figures: <FiguresPage />,
      reports: <ReportsPage />,
      dossiers: <DossiersPage code={route.code} />,
      integrations: <IntegrationsPage />,
    }[route.page];
  }
  const pages = (['figures', 'reports', 'dossiers', 'integrations'] as const).filter((p) => (session.token ? allowed(p) : visiting && p === 'reports'));
  return (
    <>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav>
          {pages.map((p) => (
            <a key={p} href={`#/${p}`} className={route.page === p ? 'current' : undefined} data-testid={`nav-${p}`}>{t(`nav.${p}`)}</a>
          ))}
        </nav>
        <LocaleToggle />
        <Who onSignIn={() => setVisiting(false)} visiting={visiting} />
      </header>
      <main>
        <Problem error={oidcError} />
        {main}
      </main>
    </>
  );
}

function LocaleToggle() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button type="button" className="locale" aria-label={t('locale.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')} data-testid="locale-toggle">
      {t('locale.switchTo')}
    </button>
  );
}

function Who({ visiting, onSignIn }: { visiting: boolean; onSignIn(): void }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.claims) {
    return (
      <span className="who">
        <span data-testid="signed-in-as">{t('session.signedInAs', { subject: session.claims.subject, client: session.claims.client })}</span>
        <button type="button" onClick={session.signOut} data-testid="sign-out">{t('session.signOut')}</button>
      </span>
    );
  }
  if (!visiting) return null;
  return (
    <span className="who">
      <span>{t('session.anonymous')}</span>
      <button type="button" onClick={onSignIn} data-testid="sign-in-again">{t('session.signIn')}</button>
    </span>
  );
}
