import type { MutationResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';
import { verifyCitizen } from '../services/citizens';

export const Mutation: MutationResolvers = {
  verifyCitizen: async (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return verifyCitizen({ Citizen: ctx.models.Citizen, population: await ctx.population() }, ctx.principal, input);
  },
};
