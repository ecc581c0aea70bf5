import { CallTimedOut, resilient } from '../../platform/resilience';
import { UpstreamError } from '../lib/errors';
import type { NationalPortalAccounts, NationalPortalDossiers, NationalProcedureCatalogue } from './port';
import { dossierFromWire, dossierToWire, procedureFromWire, procedureListFromWire, WireFormatError } from './wire';

export interface NpspClientOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** Bound on each HTTP request to the portal (login or service); default 5000 ms. */
  timeoutMs?: number;
}

export type NpspClient = NationalPortalAccounts & NationalProcedureCatalogue & NationalPortalDossiers;

type PortalAnswer = Record<string, unknown>;

const PORTAL_CODES: Record<string, string> = {
  '01': 'login refused',
  '02': 'session expired',
  '03': 'invalid data',
  '04': 'not found',
  '99': 'system error',
};

/** Every failure leaves here as an UpstreamError of npsp; a refusal carries the portal's code ("03"), an outage none. */
const unavailable = (message: string, cause?: unknown): UpstreamError => new UpstreamError('npsp', 'unavailable', message, {}, { cause });

const refusal = (service: string, r: PortalAnswer): UpstreamError => {
  const code = typeof r.error_code === 'string' ? r.error_code : String(r.error_code);
  const message = typeof r.error_message === 'string' && r.error_message ? ` "${r.error_message}"` : '';
  return new UpstreamError('npsp', 'refused', `national public service portal ${service} failed: ${code} ${PORTAL_CODES[code] ?? 'unknown error code'}${message}`, { portalErrorCode: code });
};

/**
 * The National Public Service Portal over JSON/HTTP: a session from POST /login, then POST
 * /service {service, session, …params}; `error_code` "00" is success. An expired session ("02")
 * logs in again once — concurrent calls share that login. No retries otherwise: the dossier
 * outbox and the procedure import retry on their own schedule.
 */
export function npspClient(opts: NpspClientOptions): NpspClient {
  const base = opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`;
  // One attempt per request, bounded by the timeout: the outbox and the import retry on their own schedule.
  const calls = resilient({ name: 'npsp', timeoutMs: opts.timeoutMs ?? 5000 });

  const post = async (what: string, path: string, body: object): Promise<PortalAnswer> => {
    let answered = false;
    try {
      return await calls.run(async (signal) => {
        let res: Response;
        try {
          res = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
        } catch (e) {
          throw unavailable(`national public service portal ${what}: no answer; try again later`, e);
        }
        answered = true;
        if (!res.ok) {
          await res.body?.cancel().catch(() => undefined);
          throw unavailable(`national public service portal ${what}: HTTP ${res.status}; try again later`);
        }
        let answer: unknown;
        try {
          answer = await res.json();
        } catch (e) {
          throw unavailable(`national public service portal ${what}: the answer is not JSON`, e);
        }
        if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw unavailable(`national public service portal ${what}: the answer is not a JSON object`);
        return answer as PortalAnswer;
      });
    } catch (e) {
      if (!(e instanceof CallTimedOut)) throw e;
      throw unavailable(`national public service portal ${what}: ${answered ? `no complete answer within ${e.ms} ms` : `no answer within ${e.ms} ms; try again later`}`, e);
    }
  };

  // The session is held as a promise so that calls arriving while a login is under way wait for
  // that login instead of starting their own.
  let session: Promise<string> | null = null;
  const login = (): Promise<string> => {
    const attempt = post('login', 'login', { username: opts.username, password: opts.password }).then((r) => {
      if (r.error_code !== '00') throw refusal('login', r);
      if (typeof r.session !== 'string' || !r.session) throw unavailable('national public service portal login answered without a session');
      return r.session;
    });
    session = attempt;
    attempt.catch(() => {
      if (session === attempt) session = null;
    });
    return attempt;
  };

  /** One service call; answers whose code is in `accept` are returned, every other one thrown. */
  const call = async (service: string, params: object, accept: readonly string[] = ['00']): Promise<PortalAnswer> => {
    const used = session ?? login();
    let r = await post(service, 'service', { service, session: await used, ...params });
    if (r.error_code === '02') {
      // Whoever sees the expiry first logs in; the others find the new session already there.
      const fresh = session && session !== used ? session : login();
      r = await post(service, 'service', { service, session: await fresh, ...params });
    }
    if (typeof r.error_code === 'string' && accept.includes(r.error_code)) return r;
    throw refusal(service, r);
  };

  const read = <T>(service: string, decode: () => T): T => {
    try {
      return decode();
    } catch (e) {
      if (e instanceof WireFormatError) throw unavailable(`national public service portal ${service} answered what we cannot read: ${e.message}`);
      throw e;
    }
  };

  return {
    async hasAccount(personalId) {
      const r = await call('KiemTraTaiKhoan', { SoDinhDanh: personalId });
      if (typeof r.CoTaiKhoan !== 'boolean') throw unavailable('national public service portal KiemTraTaiKhoan answered without CoTaiKhoan');
      return r.CoTaiKhoan;
    },

    async listProcedures({ agencyCode, page, pageSize }) {
      const r = await call('LayDanhSachTTHC', { MaDonVi: agencyCode, Trang: page, SoBanGhi: pageSize });
      return read('LayDanhSachTTHC', () => procedureListFromWire(r));
    },

    async getProcedure(code) {
      const r = await call('LayThuTuc', { MaTTHC: code }, ['00', '04']);
      return r.error_code === '04' ? null : read('LayThuTuc', () => procedureFromWire(r.ThuTuc));
    },

    async syncDossier(d) {
      await call('DongBoHoSoMC', { HoSo: dossierToWire(d) });
    },

    async updateProgress(d) {
      await call('CapNhatTienDoHoSoMC', { HoSo: dossierToWire(d) });
    },

    async lookupDossier(dossierCode) {
      const r = await call('TraCuuHoSo', { MaHoSo: dossierCode }, ['00', '04']);
      if (r.error_code === '04') return null;
      const d = read('TraCuuHoSo', () => dossierFromWire(r.HoSo));
      return { dossierCode: d.dossierCode, syncSeq: d.syncSeq, statusCode: d.statusCode, appointmentAt: d.appointmentAt, returnedAt: d.returnedAt };
    },
  };
}
