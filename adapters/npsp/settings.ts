import { envReader, type Env } from '../../platform/config';

/** Shaped as the client's options, so `npspClient(settings)` needs nothing else. */
export interface NpspSettings {
  baseUrl: string;
  username: string;
  password: string;
}

/** The national portal's address and VSS's account there (NPSP_URL, NPSP_USERNAME, NPSP_PASSWORD); null when NPSP_URL is unset. */
export function npspSettings(env: Env): NpspSettings | null {
  const e = envReader(env);
  return e.optional('NPSP_URL') ? { baseUrl: e.url('NPSP_URL'), username: e.string('NPSP_USERNAME'), password: e.string('NPSP_PASSWORD') } : null;
}
