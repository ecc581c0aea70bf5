import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, domainOf, type Context } from './context';
import { resolvers } from './resolvers';
import { loadProceduresConfig } from './config';
import { startChangeRelay } from './services/change-relay';
import { startImportSchedule } from './services/import-schedule';

/**
 * Procedures: the catalogue (R-PRO-1), publication with versions and a change feed (R-PRO-2,
 * R-PRO-3), and the import from the national procedure database.
 */
export const proceduresSubgraph: SubgraphDefinition<Context> = {
  name: 'procedures',
  typeDefs: loadTypeDefs('procedures'),
  resolvers,
  createContext,
  checkConfig: (env) => void loadProceduresConfig(env),
  startWorkers: (deps) => {
    const domain = domainOf(deps);
    return [
      startChangeRelay(domain.models, deps.redis, deps.logger, domain.config.relayIntervalMs),
      startImportSchedule(domain, deps.redis, deps.logger),
    ];
  },
};
