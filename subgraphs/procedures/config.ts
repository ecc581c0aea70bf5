import { readEnv, setting, type Env } from '../../platform/config';
import { NPSP_RULES, NPSP_SETTINGS, npspSettingsOf, type NpspSettings } from '../../adapters/npsp/settings';

/** Settings of the procedures subgraph beyond the common ones, read once at start. */
export interface ProceduresConfig {
  /** The national portal, source of the national procedure import (R-PRO-3); null: no import. */
  npsp: NpspSettings | null;
  /** VSS's agency code in the national procedure database. */
  npspAgencyCode: string;
  /** How often the import runs on its own; 0 runs it only on demand. */
  importIntervalMs: number;
  /** How often the relay looks for publication changes to put on the event stream. */
  relayIntervalMs: number;
}

const PROCEDURES_SETTINGS = {
  ...NPSP_SETTINGS,
  NPSP_AGENCY_CODE: setting.text('BHXH'),
  PROCEDURE_IMPORT_INTERVAL_MS: setting.int(3_600_000),
  OUTBOX_INTERVAL_MS: setting.int(250, 10),
};

export function loadProceduresConfig(env: Env): ProceduresConfig {
  const v = readEnv(PROCEDURES_SETTINGS, env, NPSP_RULES);
  return {
    npsp: npspSettingsOf(v),
    npspAgencyCode: v.NPSP_AGENCY_CODE,
    importIntervalMs: v.PROCEDURE_IMPORT_INTERVAL_MS,
    relayIntervalMs: v.OUTBOX_INTERVAL_MS,
  };
}
