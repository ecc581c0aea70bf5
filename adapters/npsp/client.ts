import { appError, ErrorCode } from '../../subgraphs/kit/errors';
import type { NationalPortalAccounts } from './port';

/**
 * JSON-over-HTTP client following the portal's conventions: a session from POST /login
 * (username, password), then every call a POST naming its service, answered with `error_code`
 * "00" on success. An expired session ("02") logs in again once; anything else, or no answer,
 * is UPSTREAM_UNAVAILABLE.
 */
export function npspAccountsClient(opts: { baseUrl: string; username: string; password: string; timeoutMs?: number }): NationalPortalAccounts {
  let session: string | null = null;
  const post = async (path: string, body: object) => {
    try {
      const res = await fetch(new URL(path, opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 3000),
      });
      return (await res.json()) as { error_code?: string; error_message?: string; session?: string; [k: string]: unknown };
    } catch {
      throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the national public service portal did not answer; try again later', { serviceName: 'npsp' });
    }
  };
  const login = async () => {
    const r = await post('login', { username: opts.username, password: opts.password });
    if (r.error_code !== '00' || !r.session) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `national portal login failed (${r.error_code})`, { serviceName: 'npsp' });
    session = r.session;
  };
  const call = async (service: string, params: object, retried = false): Promise<Record<string, unknown>> => {
    if (!session) await login();
    const r = await post('service', { service, session, ...params });
    if (r.error_code === '02' && !retried) {
      session = null;
      return call(service, params, true);
    }
    if (r.error_code !== '00') throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `national portal ${service} failed (${r.error_code}: ${r.error_message ?? ''})`, { serviceName: 'npsp' });
    return r;
  };
  return {
    async hasAccount(personalId) {
      const r = await call('KiemTraTaiKhoan', { SoDinhDanh: personalId });
      return r.CoTaiKhoan === true;
    },
  };
}
