import type { QueryResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';
import { countByStatus } from '../services/dossier-states';

export const Query: QueryResolvers = {
  dossierCountsByStatus: (_, { agencyCode }, ctx) => {
    requireSignedIn(ctx);
    return countByStatus(ctx.models.DossierState, agencyCode);
  },
};
