import type { QueryResolvers } from '../generated/resolvers-types';
import { keysetPage } from '../../kit/pagination';

export const Query: QueryResolvers = {
  agency: (_, { code }, ctx) => ctx.loaders.agency.load(code),
  agencies: (_, { level, first, after }, ctx) =>
    keysetPage(ctx.models.Agency, level ? { level } : {}, { field: 'code', direction: 1, tieBreaker: 'code' }, { first, after }),
};
