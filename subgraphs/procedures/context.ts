import type { RequestBase, SubgraphDeps } from '../kit/context';
import { oneByKey } from '../kit/loaders';
import { procedureModel, type ProcedureModel, type ProcedureRecord } from './models/procedure';

export interface Context extends RequestBase {
  models: { Procedure: ProcedureModel };
  loaders: { procedure: ReturnType<typeof oneByKey<ProcedureRecord>> };
}

export function createContext(base: RequestBase, { db }: Pick<SubgraphDeps, 'db'>): Context {
  const Procedure = procedureModel(db);
  return {
    ...base,
    models: { Procedure },
    loaders: {
      procedure: oneByKey((codes) => Procedure.find({ code: { $in: codes } }).lean().exec(), (p) => p.code),
    },
  };
}
