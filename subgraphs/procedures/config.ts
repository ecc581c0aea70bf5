import { envReader, type Env } from '../../platform/config';
import { npspSettings, type NpspSettings } from '../../adapters/npsp/settings';

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

export function loadProceduresConfig(env: Env): ProceduresConfig {
  const e = envReader(env);
  return {
    npsp: npspSettings(env),
    npspAgencyCode: e.string('NPSP_AGENCY_CODE', 'BHXH'),
    importIntervalMs: e.int('PROCEDURE_IMPORT_INTERVAL_MS', 3_600_000),
    relayIntervalMs: e.int('OUTBOX_INTERVAL_MS', 250, 10),
  };
}
