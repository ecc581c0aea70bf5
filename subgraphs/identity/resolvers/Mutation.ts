import type { MutationResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';
import { verifyCitizen } from '../services/citizens';
import { registerCertificate } from '../services/signatures';

export const Mutation: MutationResolvers = {
  verifyCitizen: async (_, { input }, ctx) => {
    requireSignedIn(ctx);
    return verifyCitizen({ Citizen: ctx.models.Citizen, population: await ctx.population() }, ctx.principal, input);
  },
  registerOrganizationCertificate: (_, { unitCode, pem }, ctx) => {
    requireSignedIn(ctx);
    return registerCertificate(ctx.models, ctx.principal, unitCode, pem);
  },
};
