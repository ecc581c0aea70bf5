import type { RequestBase, SubgraphDeps } from '../kit/context';
import { oneByKey } from '../kit/loaders';
import { agencyModel, type AgencyModel, type AgencyRecord } from './models/agency';

export interface Context extends RequestBase {
  models: { Agency: AgencyModel };
  loaders: { agency: ReturnType<typeof oneByKey<AgencyRecord>> };
}

export function createContext(base: RequestBase, { db }: Pick<SubgraphDeps, 'db'>): Context {
  const Agency = agencyModel(db);
  return {
    ...base,
    models: { Agency },
    loaders: {
      agency: oneByKey((codes) => Agency.find({ code: { $in: codes } }).lean().exec(), (a) => a.code),
    },
  };
}
