import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['figures', 'reports', 'dossiers', 'integrations'] as const;
export type Page = (typeof PAGES)[number];
export interface Route {
  page: Page;
  /** A dossier's code on #/dossiers/<code>. */
  code?: string;
}

/**
 * The page lives in the hash (#/reports, #/dossiers/<code>): the gateway serves one index.html
 * and the OIDC provider's redirect keeps its own query string, so nothing else needs routing.
 */
function parse(hash: string): Route {
  const [page, code] = hash.replace(/^#\/?/, '').split('/');
  const known = (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'figures';
  return { page: known, code: known === 'dossiers' && code ? decodeURIComponent(code) : undefined };
}

export function useRoute(): [Route, (page: Page, code?: string) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = useCallback((page: Page, code?: string) => {
    window.location.hash = `#/${page}${code ? `/${encodeURIComponent(code)}` : ''}`;
  }, []);
  return [route, go];
}
