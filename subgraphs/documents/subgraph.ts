import { loadTypeDefs, type SubgraphDefinition } from '../kit/subgraph';
import { createContext, type Context } from './context';
import { resolvers } from './resolvers';

/** Documents: the components and results of dossiers; digitisation (R-DOC-1…5) comes next. */
export const documentsSubgraph: SubgraphDefinition<Context> = {
  name: 'documents',
  typeDefs: loadTypeDefs('documents'),
  resolvers,
  createContext,
};
