import type { ProcedureResolvers } from '../generated/resolvers-types';
import { seesDrafts } from './Query';

export const Procedure: ProcedureResolvers = {
  __resolveReference: ({ code }, ctx) => ctx.loaders.procedure.load(code),
  pendingChanges: (p, _, ctx) => (seesDrafts(ctx) ? p.pendingContent : null),
  versions: (p, _, ctx) => ctx.loaders.versions.load(p.code),
};
