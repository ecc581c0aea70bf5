import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, type Context } from './context';
import { dossierModel } from './models/dossier';
import { resolvers } from './resolvers';
import { startOutboxRelay } from './services/outbox';

/** Dossiers: intake, status and the dossier event stream; the full workflow comes with R-DOS-1…11. */
export const dossiersSubgraph: SubgraphDefinition<Context> = {
  name: 'dossiers',
  typeDefs: loadTypeDefs('dossiers'),
  resolvers,
  createContext,
  startWorkers: ({ db, redis, logger }) => startOutboxRelay(dossierModel(db), redis, logger),
};
