import { hostname } from 'node:os';
import { startConsumer, STREAMS, type DossierEvent } from '../../platform/events';
import { loadTypeDefs, type SubgraphDefinition } from '../../platform/subgraph';
import { loadDocumentsConfig } from './config';
import { createContext, domainOf, type Context } from './context';
import { resolvers } from './resolvers';
import { downloadRoute, uploadRoute } from './routes';
import { applyDossierEvent } from './services/dossier-events';

/** Documents: scans with their signatures and Art. 9.2 metadata in GridFS, owners' data stores, signed results (R-DOC-1…5). */
export const documentsSubgraph: SubgraphDefinition<Context> = {
  name: 'documents',
  typeDefs: loadTypeDefs('documents'),
  resolvers,
  createContext,
  checkConfig: (env) => void loadDocumentsConfig(env),
  routes: (deps) => [uploadRoute(deps), downloadRoute(deps)],
  startWorkers: (deps) => {
    const domain = domainOf(deps);
    // A stable consumer name per host, so events left pending by a crash are retried on restart.
    const consumer = startConsumer<DossierEvent>(deps.redis, {
      stream: STREAMS.dossierEvents,
      group: 'documents',
      consumer: `documents@${hostname()}`,
      logger: deps.logger,
      handle: (e) => applyDossierEvent(domain, e, deps.logger),
    });
    return [() => consumer.stop()];
  },
};
