import { loadTypeDefs, type SubgraphDefinition } from '../../platform/subgraph';
import { createContext, type Context } from './context';
import { resolvers } from './resolvers';
import { loadIdentityConfig } from './config';
import { wsSecurityRoute } from './routes';
import { adapterErrorToGraphQL } from '../../adapters/lib/errors';

/** Identity: agencies and departments (R-ID-5), citizens verified against the population database and organisations (R-ID-1, R-ID-2). */
export const identitySubgraph: SubgraphDefinition<Context> = {
  name: 'identity',
  typeDefs: loadTypeDefs('identity'),
  resolvers,
  createContext,
  checkConfig: (env) => void loadIdentityConfig(env),
  routes: (deps) => [wsSecurityRoute(deps)],
  // National systems' failures reach clients as UPSTREAM_UNAVAILABLE naming the system.
  mapError: adapterErrorToGraphQL,
};
