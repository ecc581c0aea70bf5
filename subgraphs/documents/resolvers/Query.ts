import type { QueryResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';

export const Query: QueryResolvers = {
  document: (_, { id }, ctx) => {
    requireSignedIn(ctx);
    return ctx.loaders.document.load(id);
  },
};
