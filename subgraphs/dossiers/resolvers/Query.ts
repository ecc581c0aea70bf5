import type { QueryResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';
import { keysetPage } from '../../kit/pagination';

export const Query: QueryResolvers = {
  dossier: (_, { code }, ctx) => {
    requireSignedIn(ctx);
    return ctx.loaders.dossier.load(code);
  },
  dossiers: (_, { first, after }, ctx) => {
    requireSignedIn(ctx);
    return keysetPage(ctx.models.Dossier, {}, { field: 'receivedAt', direction: -1, tieBreaker: 'code' }, { first, after });
  },
};
