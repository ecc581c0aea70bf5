import { perProcess, type RequestBase, type SubgraphDeps } from '../kit/context';
import { oneByKey } from '../kit/loaders';
import { createPopulationClient } from '../../adapters/population/client';
import type { PopulationDatabase } from '../../adapters/population/port';
import { loadIdentityConfig } from './config';
import { agencyModel, type AgencyModel, type AgencyRecord } from './models/agency';
import { citizenModel, type CitizenModel, type CitizenRecord } from './models/citizen';
import { organizationModel, type OrganizationModel, type OrganizationRecord } from './models/organization';
import { certificateModel, type CertificateModel, type CertificateRecord } from './models/certificate';
import { manyByKey } from '../kit/loaders';

export interface Context extends RequestBase {
  models: { Agency: AgencyModel; Citizen: CitizenModel; Organization: OrganizationModel; Certificate: CertificateModel };
  /** The population database client; null when POPULATION_URL is not set. */
  population(): Promise<PopulationDatabase | null>;
  loaders: {
    agency: ReturnType<typeof oneByKey<AgencyRecord>>;
    citizen: ReturnType<typeof oneByKey<CitizenRecord>>;
    organization: ReturnType<typeof oneByKey<OrganizationRecord>>;
    certificates: ReturnType<typeof manyByKey<CertificateRecord>>;
  };
}

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
  return {
    ...base,
    models: { Agency, Citizen, Organization, Certificate },
    population: () => populationOf(deps),
    loaders: {
      agency: oneByKey((codes) => Agency.find({ code: { $in: codes } }).lean().exec(), (a) => a.code),
      citizen: oneByKey((ids) => Citizen.find({ personalId: { $in: ids } }).lean().exec(), (c) => c.personalId),
      organization: oneByKey((codes) => Organization.find({ unitCode: { $in: codes } }).lean().exec(), (o) => o.unitCode),
      certificates: manyByKey((codes) => Certificate.find({ unitCode: { $in: codes } }).sort({ registeredAt: 1 }).lean().exec(), (c) => c.unitCode),
    },
  };
}
