import { loadTypeDefs, type SubgraphDefinition } from '../../platform/subgraph';
import { createContext, domainOf, type Context } from './context';
import { resolvers } from './resolvers';
import { loadProceduresConfig } from './config';
import { startChangeRelay } from './services/change-relay';
import { startImportSchedule } from './services/import-schedule';
import { backfill } from '../../platform/upgrades';
import { blockOf } from '../../platform/sequence';
import { procedureChangeModel } from './models/procedure-change';
import { exportOutbox, exportStreamLag } from '../../platform/backlog-metrics';
import { STREAMS } from '../../platform/events';
import { adapterErrorToGraphQL } from '../../adapters/lib/errors';

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
  upgrades: [
    // Changes stored before the feed read by block have none; without it the feed would stop at the first of them.
    backfill('procedure_changes.block', procedureChangeModel, 'block', (c) => blockOf(c._id)),
  ],
  startWorkers: (deps) => {
    const domain = domainOf(deps);
    return [
      startChangeRelay(domain.models, deps.redis, deps.logger, domain.config.relayIntervalMs),
      startImportSchedule(domain, deps.redis, deps.logger),
    ];
  },
  // The change feed's outbox, and how far each reader of the procedure stream (dossiers) is behind.
  metrics: (deps) => {
    const { ProcedureChange } = domainOf(deps).models;
    exportOutbox('procedure-changes', () => ProcedureChange.find({ published: false }).select({ at: 1 }).lean().exec());
    exportStreamLag(deps.redis, STREAMS.procedureChanges);
  },
  // National systems' failures reach clients as UPSTREAM_UNAVAILABLE naming the system.
  mapError: adapterErrorToGraphQL,
};
