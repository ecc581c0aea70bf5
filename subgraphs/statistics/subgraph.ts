import { hostname } from 'node:os';
import { startConsumer, STREAMS, type DossierEvent, type ProcedureChangeEvent } from '../../platform/events';
import { loadTypeDefs, type SubgraphDefinition } from '../../platform/subgraph';
import { createContext, domainOf, type Context } from './context';
import { resolvers } from './resolvers';
import { applyProcedureChange } from './services/procedure-fields';

/** Statistics: rollups of the dossier events (R-STA-1) and reports published after approval (R-STA-2). */
export const statisticsSubgraph: SubgraphDefinition<Context> = {
  name: 'statistics',
  typeDefs: loadTypeDefs('statistics'),
  resolvers,
  createContext,
  startWorkers: (deps) => {
    const { store, models } = domainOf(deps);
    // Stable consumer names per host, so events left pending by a crash are retried on restart.
    const dossiers = startConsumer<DossierEvent>(deps.redis, {
      stream: STREAMS.dossierEvents,
      group: 'statistics',
      consumer: `statistics@${hostname()}`,
      logger: deps.logger,
      handle: async (e) => void (await store.apply([e])),
    });
    const procedures = startConsumer<ProcedureChangeEvent>(deps.redis, {
      stream: STREAMS.procedureChanges,
      group: 'statistics-fields',
      consumer: `statistics@${hostname()}`,
      logger: deps.logger,
      handle: (e) => applyProcedureChange(models.ProcedureField, deps.redis, e),
    });
    // Reads every month once now, so the first dashboard query after a start does not wait for it.
    const started = Date.now();
    domainOf(deps).figures.statusCounts().then(
      () => deps.logger.info('statistics cache warmed', { ms: Date.now() - started }),
      (err: unknown) => deps.logger.warn('statistics cache not warmed', { err }),
    );
    return [() => dossiers.stop(), () => procedures.stop()];
  },
};
