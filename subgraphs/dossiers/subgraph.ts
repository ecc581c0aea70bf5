import { loadTypeDefs, type SubgraphDefinition } from '../../platform/subgraph';
import { createContext, domainOf, type Context } from './context';
import { resolvers } from './resolvers';
import { loadDossiersConfig } from './config';
import { receiptRoute, smsInboundRoute } from './routes';
import { startOutboxRelay } from './services/outbox';
import { followProcedureChanges } from './services/procedure-catalogue';
import { startPortalSync } from './services/portal-sync';
import { startIvanDelivery } from './services/ivan-delivery';
import { startIvanFeed } from './services/ivan-changes';
import { upgrades } from './upgrades';
import { Lease } from '../../platform/lease';
import { registerDossierMetrics } from './metrics';
import { adapterErrorToGraphQL } from '../../adapters/lib/errors';

/** Dossiers: intake, the workflow of R-DOS-1…11, row-level access, and the dossier event stream. */
export const dossiersSubgraph: SubgraphDefinition<Context> = {
  name: 'dossiers',
  typeDefs: loadTypeDefs('dossiers'),
  resolvers,
  createContext,
  checkConfig: (env) => void loadDossiersConfig(env),
  upgrades,
  routes: (deps) => [receiptRoute, smsInboundRoute(deps)],
  startWorkers: (deps) => {
    const { models, config, portal, ivanReceiver } = domainOf(deps);
    return [
      startOutboxRelay(models, deps.redis, deps.logger, config.outboxIntervalMs),
      followProcedureChanges(models.ProcedureRevision, deps.redis, deps.logger),
      startIvanFeed(models, deps.redis, deps.logger, config.outboxIntervalMs),
      ...(portal ? [startPortalSync(models, portal, config.portalSyncRetry, deps.logger, config.portalSyncIntervalMs, new Lease(deps.redis, 'dossiers:portal-sync'))] : []),
      startIvanDelivery(models, ivanReceiver, config.ivanDeliveryRetry, deps.logger, config.ivanDeliveryIntervalMs, new Lease(deps.redis, 'dossiers:ivan-delivery')),
    ];
  },
  metrics: registerDossierMetrics,
  // National systems' failures reach clients as UPSTREAM_UNAVAILABLE naming the system.
  mapError: adapterErrorToGraphQL,
};
