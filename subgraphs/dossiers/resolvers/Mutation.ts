import type { MutationResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';
import { receiveDossier } from '../services/intake';
import { actOnDossier } from '../services/transitions';

export const Mutation: MutationResolvers = {
  receiveDossier: (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return receiveDossier(ctx, ctx.principal, input, { internalToken: ctx.internalToken, requestId: ctx.requestId });
  },
  actOnDossier: (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return actOnDossier(ctx, ctx.principal, input);
  },
};
