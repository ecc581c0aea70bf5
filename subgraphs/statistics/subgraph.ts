import { hostname } from 'node:os';
import { startConsumer, STREAMS, type DossierEvent } from '../kit/events';
import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, type Context } from './context';
import { dossierStateModel } from './models/dossier-state';
import { resolvers } from './resolvers';
import { applyDossierEvent } from './services/dossier-states';

/** Statistics: figures kept in its own database, fed by the dossier event stream. Rollups come with R-STA-1. */
export const statisticsSubgraph: SubgraphDefinition<Context> = {
  name: 'statistics',
  typeDefs: loadTypeDefs('statistics'),
  resolvers,
  createContext,
  startWorkers: ({ db, redis, logger }) => {
    const States = dossierStateModel(db);
    // A stable consumer name per host, so events left pending by a crash are retried on restart.
    const consumer = startConsumer<DossierEvent>(redis, {
      stream: STREAMS.dossierEvents,
      group: 'statistics',
      consumer: `statistics@${hostname()}`,
      logger,
      handle: (e) => applyDossierEvent(States, e),
    });
    return [() => consumer.stop()];
  },
};
