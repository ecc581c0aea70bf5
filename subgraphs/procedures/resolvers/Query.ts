import type { QueryResolvers } from '../generated/resolvers-types';
import { keysetPage } from '../../kit/pagination';

export const Query: QueryResolvers = {
  procedure: (_, { code }, ctx) => ctx.loaders.procedure.load(code),
  procedures: (_, { status, first, after }, ctx) =>
    keysetPage(ctx.models.Procedure, status ? { status } : {}, { field: 'code', direction: 1, tieBreaker: 'code' }, { first, after }),
};
