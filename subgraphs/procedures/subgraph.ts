import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, type Context } from './context';
import { resolvers } from './resolvers';

/** Procedures: the catalogue of VSS administrative procedures (R-PRO-1); publication and sync come next. */
export const proceduresSubgraph: SubgraphDefinition<Context> = {
  name: 'procedures',
  typeDefs: loadTypeDefs('procedures'),
  resolvers,
  createContext,
};
