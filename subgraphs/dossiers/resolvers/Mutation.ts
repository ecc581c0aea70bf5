import type { MutationResolvers } from '../generated/resolvers-types';
import { receiveDossier } from '../services/intake';
import { actOnDossier } from '../services/transitions';
import { registerCallback, removeCallback } from '../services/ivan-delivery-registration';

export const Mutation: MutationResolvers = {
  receiveDossier: (_, { input }, ctx) => {
    return receiveDossier(ctx, input);
  },
  actOnDossier: (_, { input }, ctx) => {
    return actOnDossier(ctx, input);
  },
  registerIvanCallback: (_, { input }, ctx) => {
    return registerCallback(ctx, input);
  },
  removeIvanCallback: (_, { providerId }, ctx) => {
    return removeCallback(ctx, { providerId });
  },
};
