import { requiredWith, setting, type Settings } from '../../platform/config';

/** Shaped as the client's options, so `npspClient(settings)` needs nothing else. */
export interface NpspSettings {
  baseUrl: string;
  username: string;
  password: string;
}

/** The national portal's address and VSS's account there, in the settings of each subgraph that calls it. */
export const NPSP_SETTINGS = {
  NPSP_URL: setting.url().optional(),
  NPSP_USERNAME: setting.text().optional(),
  NPSP_PASSWORD: setting.text().optional(),
};
export const NPSP_RULES = [requiredWith('NPSP_USERNAME', 'NPSP_URL'), requiredWith('NPSP_PASSWORD', 'NPSP_URL')];

/** Null when NPSP_URL is unset; NPSP_RULES refused an address without its account. */
export function npspSettingsOf(v: Settings<typeof NPSP_SETTINGS>): NpspSettings | null {
  return v.NPSP_URL ? { baseUrl: v.NPSP_URL, username: v.NPSP_USERNAME ?? '', password: v.NPSP_PASSWORD ?? '' } : null;
}
