import { perProcess, type RequestBase, type SubgraphDeps } from '../../platform/context';
import { oneByKey } from '../../platform/loaders';
import { createPopulationClient } from '../../adapters/population/client';
import type { PopulationDatabase } from '../../adapters/population/port';
import { loadIdentityConfig } from './config';
import { agencyModel, type AgencyModel, type AgencyRecord } from './models/agency';
import { citizenModel, type CitizenModel, type CitizenRecord } from './models/citizen';
import { organizationModel, type OrganizationModel, type OrganizationRecord } from './models/organization';
import { certificateModel, type CertificateModel, type CertificateRecord } from './models/certificate';
import { manyByKey } from '../../platform/loaders';
import { accountModel, type AccountModel } from './models/account';
import { ivanCredentialModel, type IvanCredentialModel } from './models/ivan-credential';
import { npspClient } from '../../adapters/npsp/client';
import type { NationalPortalAccounts } from '../../adapters/npsp/port';
import { httpNotifier } from '../../adapters/notify/client';
import type { Notifier } from '../../adapters/notify/port';
import { auditDatabase, auditModel, AuditLog } from '../../platform/audit';
import { Confirmations } from '../../platform/confirmations';
import { keyStoreOf } from '../../platform/key-store';

export interface Context extends RequestBase {
  models: { Agency: AgencyModel; Citizen: CitizenModel; Organization: OrganizationModel; Certificate: CertificateModel; Account: AccountModel; IvanCredential: IvanCredentialModel };
  /** The population database client; null when POPULATION_URL is not set. */
  population(): Promise<PopulationDatabase | null>;
  services: IdentityServices;
  redis: SubgraphDeps['redis'];
  loaders: {
    agency: ReturnType<typeof oneByKey<AgencyRecord>>;
    citizen: ReturnType<typeof oneByKey<CitizenRecord>>;
    organization: ReturnType<typeof oneByKey<OrganizationRecord>>;
    certificates: ReturnType<typeof manyByKey<CertificateRecord>>;
  };
}

/** The identity subgraph's clients of other systems, made once per process from its config. */
export interface IdentityServices {
  npsp: NationalPortalAccounts | null;
  notifier: Notifier | null;
  otpSecret: string;
  ivanCredentialSecret: string;
  /** Issues the confirmations verifyOtp answers and consumes those of contact changes (platform/confirmations.ts). */
  confirmations: Confirmations;
  /** The system's one audit log (platform/audit.ts): OTP requests and checks, contact changes and their notices. */
  audit: AuditLog;
}

const servicesOf = perProcess((deps): IdentityServices => {
  const config = loadIdentityConfig(deps.config.env);
  return {
    npsp: config.npsp ? npspClient(config.npsp) : null,
    notifier: config.notifyUrl ? httpNotifier(config.notifyUrl) : null,
    otpSecret: config.otpSecret,
    ivanCredentialSecret: config.ivanCredentialSecret,
    confirmations: new Confirmations(keyStoreOf(deps.config.keys), deps.redis),
    audit: new AuditLog(auditModel(auditDatabase(deps.db, deps.config.auditDatabaseName))),
  };
});

const populationOf = perProcess(async (deps): Promise<PopulationDatabase | null> => {
  const config = loadIdentityConfig(deps.config.env);
  if (!config.populationUrl) return null;
  return createPopulationClient({ endpoint: config.populationUrl, cache: { redis: deps.redis, ttlSeconds: config.populationCacheSeconds } });
});

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const Agency = agencyModel(deps.db);
  const Citizen = citizenModel(deps.db);
  const Organization = organizationModel(deps.db);
  const Certificate = certificateModel(deps.db);
  const Account = accountModel(deps.db);
  return {
    ...base,
    models: { Agency, Citizen, Organization, Certificate, Account, IvanCredential: ivanCredentialModel(deps.db) },
    population: () => populationOf(deps),
    services: servicesOf(deps),
    redis: deps.redis,
    loaders: {
      agency: oneByKey((code) => Agency.findOne({ code }).lean().exec()),
      citizen: oneByKey((personalId) => Citizen.findOne({ personalId }).lean().exec()),
      organization: oneByKey((unitCode) => Organization.findOne({ unitCode }).lean().exec()),
      // FerretDB sorts in memory, here over one organisation's few certificates.
      certificates: manyByKey((unitCode) => Certificate.find({ unitCode }).sort({ registeredAt: 1 }).lean().exec()),
    },
  };
}
