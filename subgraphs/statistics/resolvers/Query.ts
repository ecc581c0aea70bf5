import type { QueryResolvers } from '../generated/resolvers-types';
import { requireScope } from '../../kit/context';
import { countByStatus } from '../services/dossier-states';

export const Query: QueryResolvers = {
  dossierCountsByStatus: (_, { agencyCode }, ctx) => {
    // Figures are for dashboards until publication rules exist (R-STA-2).
    requireScope(ctx, 'statistics:read');
    return countByStatus(ctx.models.DossierState, agencyCode);
  },
};
