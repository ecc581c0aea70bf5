import DataLoader from 'dataloader';
import { auditDatabase, auditDossierModel, type AuditDossierModel } from '../../platform/audit';
import type { FilterQuery } from 'mongoose';
import { perProcess, type RequestBase, type SubgraphDeps } from '../../platform/context';
import { manyByKey, oneByKey } from '../../platform/loaders';
import { WorkingCalendar } from './calendar/working-days';
import { loadDossiersConfig, type DossiersConfig } from './config';
import { dossierModel, type DossierRecord } from './models/dossier';
import { dossierEventModel, type DossierEventRecord } from './models/dossier-event';
import { eventLogModel } from './models/event-log';
import { canSee, visibilityFilter } from './services/access';
import { DossierRepository } from './repositories/dossiers';
import { allOf } from '../../platform/filters';
import type { RelayModels } from './services/outbox';
import { httpProcedureCatalogue, replicatedProcedureCatalogue, type ProcedureCatalogue } from './services/procedure-catalogue';
import { httpSignatureVerifier, type SignatureVerifier } from './services/organization-signature';
import { procedureRevisionModel, type ProcedureRevisionModel } from './models/procedure-revision';
import { portalSyncItemModel, portalSyncStateModel } from './models/portal-sync';
import type { PortalSyncModels } from './services/portal-sync';
import { ivanCallbackModel } from './models/ivan-callback';
import { ivanDeliveryItemModel, ivanDeliveryMarkModel, ivanDeliveryProviderModel } from './models/ivan-delivery';
import type { IvanDeliveryModels } from './services/ivan-delivery';
import { ivanReceiverClient } from '../../adapters/ivan/client';
import type { IvanReceiverPort } from '../../adapters/ivan/port';
import { ivanChangeModel, ivanFeedStateModel } from './models/ivan-change';
import type { IvanFeedModels } from './services/ivan-changes';
import { npspClient } from '../../adapters/npsp/client';
import type { NationalPortalDossiers } from '../../adapters/npsp/port';
import { httpSmsGateway } from '../../adapters/sms/client';
import type { SmsGateway } from '../../adapters/sms/port';
import { Confirmations } from '../../platform/confirmations';
import { keyStoreOf } from '../../platform/key-store';
import { localTimestamps } from '../../adapters/timestamp/local';
import type { TimestampPort } from '../../adapters/timestamp/port';

/** What lives as long as the process: models, the calendar, the procedure catalogue client. */
export interface DossiersDomain {
  models: RelayModels & PortalSyncModels & IvanFeedModels & IvanDeliveryModels & { ProcedureRevision: ProcedureRevisionModel };
  /** The dossier aggregate's persistence: events, projection, number claims. */
  dossiers: DossierRepository;
  calendar: WorkingCalendar;
  catalogue: ProcedureCatalogue;
  /** Checks the applicant organisation's signature on I-VAN intakes (R-ID-4), in the identity subgraph. */
  signatures: SignatureVerifier;
  /** Dates the organisation signatures intake accepts (adapters/timestamp; issue 19). */
  timestamps: TimestampPort;
  sms: SmsGateway | null;
  /** The national portal's dossier services (R-INT-2); null when NPSP_URL is not set. */
  portal: NationalPortalDossiers | null;
  /** Sends status pushes to I-VAN partners' callbacks (R-INT-1). */
  ivanReceiver: IvanReceiverPort;
  config: DossiersConfig;
  /** Per-dossier rows of the audit log, in the audit database (auditTrail, R-Q-2). */
  auditRows: AuditDossierModel;
  /** Citizens' OTP confirmations of online submissions, checked and consumed once (R-ID-4). */
  confirmations: Confirmations;
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
  IvanCallback: ivanCallbackModel(db),
  IvanDeliveryItem: ivanDeliveryItemModel(db),
  IvanDeliveryProvider: ivanDeliveryProviderModel(db),
  IvanDeliveryMark: ivanDeliveryMarkModel(db),
  IvanChange: ivanChangeModel(db),
  IvanFeedState: ivanFeedStateModel(db),
});

export const domainOf = perProcess((deps): DossiersDomain => {
  const config = loadDossiersConfig(deps.config.env);
  const models = dossierModels(deps.db);
  return {
    models,
    dossiers: new DossierRepository(models),
    calendar: WorkingCalendar.load(),
    catalogue: replicatedProcedureCatalogue(models.ProcedureRevision, httpProcedureCatalogue(config.proceduresUrl)),
    signatures: httpSignatureVerifier(config.identityUrl),
    timestamps: localTimestamps(keyStoreOf(deps.config.keys)),
    sms: config.sms ? httpSmsGateway(config.sms.gatewayUrl, config.sms.apiKey) : null,
    portal: config.npsp ? npspClient(config.npsp) : null,
    ivanReceiver: ivanReceiverClient({ timeoutMs: config.ivanDeliveryTimeoutMs }),
    config,
    auditRows: auditDossierModel(auditDatabase(deps.db, deps.config.auditDatabaseName)),
    confirmations: new Confirmations(keyStoreOf(deps.config.keys), deps.redis),
  };
});

// Agencies count the dossiers they handle now: grouping on the agencyCodes array would need
// $unwind, which FerretDB v1 applies without keeping the other fields (measured here).
const COUNT_FIELDS = { procedure: 'procedureCode', agency: 'handlingAgencyCode' } as const;
type CountBy = keyof typeof COUNT_FIELDS;
/** Key of a count: "<procedure|agency>\u0000<code>\u0000<status or empty>". */
export const countKey = (by: CountBy, code: string, status?: string | null) => [by, code, status ?? ''].join('\u0000');

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const domain = domainOf(deps);
  const { Dossier, DossierEvent } = domain.models;
  const visible = visibilityFilter(base.principal);

  /** Counts per public status of one procedure's or agency's dossiers the caller may see (one indexed $match, one accumulator). */
  const countsOf = async (by: CountBy, code: string): Promise<Map<string, number>> => {
    const field = COUNT_FIELDS[by];
    const rows = visible
      ? await Dossier.aggregate<{ _id: string; n: number }>([{ $match: allOf<DossierRecord>(visible, { [field]: code }) }, { $group: { _id: '$status', n: { $sum: 1 } } }]).exec()
      : [];
    return new Map(rows.map((r) => [r._id, r.n]));
  };
  const dossierLoader = oneByKey((code) => domain.dossiers.find(code));
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
      history: manyByKey((code) => DossierEvent.find({ dossierCode: code }).sort({ seq: 1 }).lean().exec()),
      // Keys are applicantKeyOf(applicant); newest first.
      byApplicant: manyByKey(async (applicantKey) =>
        visible ? Dossier.find(allOf<DossierRecord>(visible, { applicantKey })).sort({ receivedAt: -1, code: -1 }).lean().exec() : [],
      ),
      // One aggregation per procedure or agency asked in the batch, whatever statuses are asked of it.
      count: new DataLoader<string, number>(async (keys) => {
        const parsed = keys.map((k) => k.split('\u0000') as [CountBy, string, string]);
        const asked = [...new Set(parsed.map(([by, code]) => `${by}\u0000${code}`))];
        const counts = new Map(await Promise.all(asked.map(async (k) => {
          const [by, code] = k.split('\u0000') as [CountBy, string];
          return [k, await countsOf(by, code)] as const;
        })));
        return parsed.map(([by, code, status]) => {
          const byStatus = counts.get(`${by}\u0000${code}`)!;
          return status ? (byStatus.get(status) ?? 0) : [...byStatus.values()].reduce((a, b) => a + b, 0);
        });
      }),
    },
  };
}
