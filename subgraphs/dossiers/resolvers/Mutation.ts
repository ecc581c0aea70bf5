import type { MutationResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../../platform/context';
import { receiveDossier } from '../services/intake';
import { actOnDossier } from '../services/transitions';
import { registerCallback, removeCallback } from '../services/ivan-delivery-registration';

export const Mutation: MutationResolvers = {
  receiveDossier: (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return receiveDossier(ctx, input);
  },
  actOnDossier: (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return actOnDossier(ctx, input);
  },
  registerIvanCallback: (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return registerCallback(ctx, input);
  },
  removeIvanCallback: (_, { providerId }, ctx) => {
    requireSignedIn(ctx);
    return removeCallback(ctx, { providerId });
  },
};
