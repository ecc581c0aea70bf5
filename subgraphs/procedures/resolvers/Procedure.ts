import type { ProcedureResolvers } from '../generated/resolvers-types';

export const Procedure: ProcedureResolvers = {
  __resolveReference: ({ code }, ctx) => ctx.loaders.procedure.load(code),
};
