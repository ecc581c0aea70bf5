import { perProcess, type RequestBase, type SubgraphDeps } from '../../platform/context';
import { manyByKey, oneByKey } from '../../platform/loaders';
import { npspClient } from '../../adapters/npsp/client';
import type { NationalProcedureCatalogue } from '../../adapters/npsp/port';
import { loadProceduresConfig, type ProceduresConfig } from './config';
import { procedureModel, type ProcedureRecord } from './models/procedure';
import { procedureChangeModel, type ProcedureChangeRecord } from './models/procedure-change';
import { ProcedureRepository, type ProcedureModels } from './repositories/procedures';

/** What lives as long as the process: models, the catalogue's store (with its change log's sequencer), the portal client. */
export interface ProceduresDomain {
  models: ProcedureModels;
  procedures: ProcedureRepository;
  /** The national procedure database; null when NPSP_URL is not set. */
  portal: NationalProcedureCatalogue | null;
  config: ProceduresConfig;
}

export interface Context extends RequestBase, ProceduresDomain {
  loaders: {
    procedure: ReturnType<typeof oneByKey<ProcedureRecord>>;
    versions: ReturnType<typeof manyByKey<ProcedureChangeRecord>>;
  };
}

export const domainOf = perProcess((deps): ProceduresDomain => {
  const config = loadProceduresConfig(deps.config.env);
  const models = { Procedure: procedureModel(deps.db), ProcedureChange: procedureChangeModel(deps.db) };
  return {
    models,
    procedures: new ProcedureRepository(models),
    portal: config.npsp ? npspClient(config.npsp) : null,
    config,
  };
});

/** Changes that made a version: a first publication or a new one (withdrawals keep the version). */
export const VERSION_KINDS = { kind: { $in: ['PUBLISHED', 'CHANGED'] } };

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  const domain = domainOf(deps);
  const { Procedure, ProcedureChange } = domain.models;
  return {
    ...base,
    ...domain,
    loaders: {
      procedure: oneByKey((code) => Procedure.findOne({ code }).lean().exec()),
      versions: manyByKey((code) => ProcedureChange.find({ code, ...VERSION_KINDS }).sort({ version: 1 }).lean().exec()),
    },
  };
}
