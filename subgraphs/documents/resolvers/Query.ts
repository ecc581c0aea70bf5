import type { QueryResolvers } from '../generated/resolvers-types';
import { requireDocumentById } from '../access';

export const Query: QueryResolvers = {
  document: (_, { id }, ctx) => {
    requireDocumentById(ctx);
    return ctx.loaders.document.load(id);
  },
};
