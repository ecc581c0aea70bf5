import type { QueryResolvers } from '../generated/resolvers-types';
import { describable } from './access';

export const Query: QueryResolvers = {
  document: async (_, { id }, ctx) => describable(ctx, await ctx.loaders.document.load(id)),
  documentByCode: async (_, { code }, ctx) => {
    const issued = await ctx.models.DigitisationCode.findById(code).lean().exec();
    return describable(ctx, issued && (await ctx.loaders.document.load(issued.documentId.toString())));
  },
};
