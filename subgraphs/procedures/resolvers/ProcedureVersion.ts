import type { ProcedureChangeResolvers, ProcedureVersionResolvers } from '../generated/resolvers-types';

export const ProcedureVersion: ProcedureVersionResolvers = {
  __resolveReference: async ({ code, version }, ctx) =>
    (await ctx.loaders.versions.load(code)).find((v) => v.version === version) ?? null,
  publishedAt: (c) => c.at,
  publishedBy: (c) => c.by,
};

export const ProcedureChange: ProcedureChangeResolvers = {
  sequence: (c) => c._id,
};

