import type { ProcedureResolvers } from '../generated/resolvers-types';
import { seesDrafts } from './Query';
import { doNotCache } from '../../../platform/cache-hints';

export const Procedure: ProcedureResolvers = {
  __resolveReference: async ({ code }, ctx, info) => {
    const p = await ctx.loaders.procedure.load(code);
    if (p?.status === 'DRAFT') doNotCache(info);
    return p;
  },
  pendingChanges: (p, _, ctx) => (seesDrafts(ctx) ? p.pendingContent : null),
  versions: (p, _, ctx) => ctx.loaders.versions.load(p.code),
};
