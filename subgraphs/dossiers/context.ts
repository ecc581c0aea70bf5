import DataLoader from 'dataloader';
import type { FilterQuery } from 'mongoose';
import { perProcess, type RequestBase, type SubgraphDeps } from '../kit/context';
import { manyByKey, oneByKey } from '../kit/loaders';
import { WorkingCalendar } from './calendar/working-days';
import { loadDossiersConfig, type DossiersConfig } from './config';
import { dossierModel, type DossierRecord } from './models/dossier';
import { dossierEventModel, type DossierEventRecord } from './models/dossier-event';
import { eventLogModel } from './models/event-log';
import { canSee, visibilityFilter } from './services/access';
import type { RelayModels } from './services/outbox';
import { httpProcedureCatalogue, replicatedProcedureCatalogue, type ProcedureCatalogue } from './services/procedure-catalogue';
import { procedureRevisionModel, type ProcedureRevisionModel } from './models/procedure-revision';
import { portalSyncItemModel, portalSyncStateModel } from './models/portal-sync';
import type { PortalSyncModels } from './services/portal-sync';
import { npspClient } from '../../adapters/npsp/client';
import type { NationalPortalDossiers } from '../../adapters/npsp/port';
import { httpSmsGateway } from '../../adapters/sms/client';
import type { SmsGateway } from '../../adapters/sms/port';

/** What lives as long as the process: models, the calendar, the procedure catalogue client. */
export interface DossiersDomain {
  models: RelayModels & PortalSyncModels & { ProcedureRevision: ProcedureRevisionModel };
  calendar: WorkingCalendar;
  catalogue: ProcedureCatalogue;
  sms: SmsGateway | null;
  /** The national portal's dossier services (R-INT-2); null when NPSP_URL is not set. */
  portal: NationalPortalDossiers | null;
  config: DossiersConfig;
}

export interface Context extends RequestBase, DossiersDomain {
  deps: SubgraphDeps;
  /** The caller's row filter, or null when they may see no dossier (R-INT-1). */
  visible: FilterQuery<DossierRecord> | null;
  /** The dossier if it exists and the caller may see it; absent otherwise, so codes reveal nothing. */
  visibleDossier(code: string): Promise<DossierRecord | null>;
  loaders: {
    dossier: DataLoader<string, DossierRecord | null>;
    history: DataLoader<string, DossierEventRecord[]>;
    byApplicant: DataLoader<string, DossierRecord[]>;
    count: DataLoader<string, number>;
  };
}

export const dossierModels = (db: SubgraphDeps['db']): DossiersDomain['models'] => ({
  Dossier: dossierModel(db),
  DossierEvent: dossierEventModel(db),
  EventLog: eventLogModel(db),
  ProcedureRevision: procedureRevisionModel(db),
  PortalSyncItem: portalSyncItemModel(db),
  PortalSyncState: portalSyncStateModel(db),
});

export const domainOf = perProcess((deps): DossiersDomain => {
  const config = loadDossiersConfig(deps.config.env);
  const models = dossierModels(deps.db);
  return {
    models,
    calendar: WorkingCalendar.load(),
    catalogue: replicatedProcedureCatalogue(models.ProcedureRevision, httpProcedureCatalogue(config.proceduresUrl)),
    sms: config.sms ? httpSmsGateway(config.sms.gatewayUrl, config.sms.apiKey) : null,
    portal: config.npsp ? npspClient(config.npsp) : null,
    config,
  };
});

// Agencies count the dossiers they handle now: grouping on the agencyCodes array would need
// $unwind, which FerretDB v1 applies without keeping the other fields (measured here).
const COUNT_FIELDS = { procedure: 'procedureCode', agency: 'handlingAgencyCode' } as const;
/** Key of a count: "<procedure|agency>\u0000<code>\u0000<status or empty>". */
export const countKey = (by: keyof typeof COUNT_FIELDS, code: string, status?: string | null) => [by, code, status ?? ''].join('\u0000');

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const domain = domainOf(deps);
  const { Dossier, DossierEvent } = domain.models;
  const visible = visibilityFilter(base.principal);
  const within = (f: FilterQuery<DossierRecord>): FilterQuery<DossierRecord> => ({ $and: [visible ?? { _id: null }, f] });

  const dossierLoader = oneByKey((codes: string[]) => Dossier.find({ code: { $in: codes } }).lean().exec(), (d) => d.code);
  return {
    ...base,
    ...domain,
    deps,
    visible,
    visibleDossier: async (code) => {
      const d = await dossierLoader.load(code);
      return d && canSee(base.principal, d) ? d : null;
    },
    loaders: {
      dossier: dossierLoader,
      history: manyByKey((codes) => DossierEvent.find({ dossierCode: { $in: codes } }).sort({ dossierCode: 1, seq: 1 }).lean().exec(), (e) => e.dossierCode),
      // Keys are "p:<personalId>" or "u:<unitCode>"; one query for the whole batch, newest first.
      byApplicant: manyByKey(
        async (keys) => {
          const ids = keys.filter((k) => k.startsWith('p:')).map((k) => k.slice(2));
          const units = keys.filter((k) => k.startsWith('u:')).map((k) => k.slice(2));
          return Dossier.find(within({ $or: [{ 'applicant.personalId': { $in: ids } }, { 'applicant.unitCode': { $in: units } }] }))
            .sort({ receivedAt: -1, code: -1 })
            .lean()
            .exec();
        },
        (d) => (d.applicant.personalId ? `p:${d.applicant.personalId}` : `u:${d.applicant.unitCode}`),
      ),
      // One aggregation per batch for all the counts asked in one request.
      count: new DataLoader<string, number>(async (keys) => {
        const parsed = keys.map((k) => k.split('\u0000') as [keyof typeof COUNT_FIELDS, string, string]);
        const totals = new Map<string, number>();
        for (const by of Object.keys(COUNT_FIELDS) as (keyof typeof COUNT_FIELDS)[]) {
          const codes = [...new Set(parsed.filter(([b]) => b === by).map(([, c]) => c))];
          if (codes.length === 0 || !visible) continue;
          const field = COUNT_FIELDS[by];
          const rows = await Dossier.aggregate<{ _id: { code: string; status: string }; n: number }>([
            { $match: within({ [field]: { $in: codes } }) },
            { $group: { _id: { code: `$${field}`, status: '$status' }, n: { $sum: 1 } } },
          ]).exec();
          for (const r of rows) {
            totals.set(countKey(by, r._id.code, r._id.status), r.n);
            totals.set(countKey(by, r._id.code), (totals.get(countKey(by, r._id.code)) ?? 0) + r.n);
          }
        }
        return keys.map((k) => totals.get(k) ?? 0);
      }),
    },
  };
}
