import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, dossierModels, type Context } from './context';
import { resolvers } from './resolvers';
import { startOutboxRelay } from './services/outbox';

/** Dossiers: intake, status and the dossier event stream; the full workflow comes with R-DOS-1…11. */
export const dossiersSubgraph: SubgraphDefinition<Context> = {
  name: 'dossiers',
  typeDefs: loadTypeDefs('dossiers'),
  resolvers,
  createContext,
  startWorkers: ({ db, redis, logger }) => startOutboxRelay(dossierModels(db), redis, logger),
};
