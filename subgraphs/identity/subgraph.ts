import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, type Context } from './context';
import { resolvers } from './resolvers';

/** Identity: agencies and their departments (R-ID-5); citizens, organisations and accounts come next. */
export const identitySubgraph: SubgraphDefinition<Context> = {
  name: 'identity',
  typeDefs: loadTypeDefs('identity'),
  resolvers,
  createContext,
};
