import type { QueryResolvers } from '../generated/resolvers-types';
import { forbidden } from '../../../platform/errors';
import { describable } from './access';
import { store } from './owners';

export const Query: QueryResolvers = {
  document: async (_, { id }, ctx) => describable(ctx, await ctx.loaders.document.load(id)),
  documentByCode: async (_, { code }, ctx) => {
    const id = await ctx.documents.idOfCode(code);
    return describable(ctx, id === null ? null : await ctx.loaders.document.load(id));
  },
  myDocuments: (_, __, ctx) => {
    const { client, personalId } = ctx.principal;
    if (client !== 'citizen' || !personalId) throw forbidden('myDocuments is the data store of the signed-in citizen');
    return store(ctx, `P:${personalId}`);
  },
};
