import type { MutationResolvers } from '../generated/resolvers-types';
import { receiveDossier } from '../services/intake';
import { actOnDossier } from '../services/transitions';
import { registerCallback, removeCallback } from '../services/ivan-delivery-registration';

export const Mutation: MutationResolvers = {
  receiveDossier: (_, { input }, ctx) => {
    return receiveDossier(ctx, ctx.principal, input, { internalToken: ctx.internalToken, requestId: ctx.requestId });
  },
  actOnDossier: (_, { input }, ctx) => {
    return actOnDossier(ctx, ctx.principal, input);
  },
  registerIvanCallback: (_, { input }, ctx) => {
    return registerCallback(ctx.models, ctx.principal, input);
  },
  removeIvanCallback: (_, { providerId }, ctx) => {
    return removeCallback(ctx.models, ctx.principal, providerId);
  },
};
