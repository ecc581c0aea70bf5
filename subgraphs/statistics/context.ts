import { perProcess, type RequestBase, type SubgraphDeps } from '../../platform/context';
import { procedureFieldModel, type ProcedureFieldModel } from './models/procedure-field';
import { reportModel, reportStepModel, type ReportModel, type ReportStepModel } from './models/report';
import { fieldMap } from './services/procedure-fields';
import { FiguresService } from './services/queries';
import { RollupStore } from './services/rollup-store';
import { RollupView } from './services/rollup-view';

/** What lives as long as the process: models, the rollup store and this process's view of it. */
export interface StatisticsDomain {
  models: { ProcedureField: ProcedureFieldModel; Report: ReportModel; ReportStep: ReportStepModel };
  store: RollupStore;
  figures: FiguresService;
}

export const domainOf = perProcess((deps: SubgraphDeps): StatisticsDomain => {
  const models = { ProcedureField: procedureFieldModel(deps.db), Report: reportModel(deps.db), ReportStep: reportStepModel(deps.db) };
  const store = new RollupStore(deps.redis);
  return { models, store, figures: new FiguresService(new RollupView(store), fieldMap(models.ProcedureField, deps.redis)) };
});

export interface Context extends RequestBase, StatisticsDomain {}

export function createContext(base: RequestBase, deps: SubgraphDeps): Context {
  return { ...base, ...domainOf(deps) };
}
