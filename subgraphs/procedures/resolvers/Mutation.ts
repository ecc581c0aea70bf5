import type { MutationResolvers } from '../generated/resolvers-types';
import type { RequestBase } from '../../../platform/context';
import { appError, ErrorCode } from '../../../platform/errors';
import type { Actor } from '../models/procedure';
import { createProcedure, publishProcedure, updateProcedure, withdrawProcedure } from '../services/publication';
import { importNationalProcedures } from '../services/national-import';

/** The publisher, as the change records them (the schema asks for procedure:publish). */
function publisher(ctx: RequestBase): Actor {
  return { client: ctx.principal.client, subject: ctx.principal.subject };
}

export const Mutation: MutationResolvers = {
  createProcedure: (_, { code, input }, ctx) => {
    publisher(ctx);
    return createProcedure(ctx, { code, input });
  },
  updateProcedure: (_, { code, input }, ctx) => {
    publisher(ctx);
    return updateProcedure(ctx, { code, input });
  },
  publishProcedure: (_, { code, expectedRevision }, ctx) => publishProcedure(ctx, { code, expectedRevision, by: publisher(ctx) }),
  withdrawProcedure: (_, { code, reason }, ctx) => withdrawProcedure(ctx, { code, reason, by: publisher(ctx) }),
  importNationalProcedures: (_, __, ctx) => {
    publisher(ctx);
    if (!ctx.portal) throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the national portal is not configured here (NPSP_URL); nothing was imported', { serviceName: 'npsp' });
    return importNationalProcedures({ procedures: ctx.procedures, portal: ctx.portal }, { agencyCode: ctx.config.npspAgencyCode });
  },
};
