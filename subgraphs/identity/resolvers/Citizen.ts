import type { CitizenResolvers } from '../generated/resolvers-types';
import { genderOf } from '../../../platform/identifiers';
import { asSeenBy, canSeePerson } from '../services/citizens';

export const Citizen: CitizenResolvers = {
  // A citizen known only by reference (e.g. an applicant) resolves to its key and nothing else.
  __resolveReference: async ({ personalId }, ctx) => asSeenBy(ctx.principal, (await ctx.loaders.citizen.load(personalId)) ?? { personalId }),
  gender: (c, _, ctx) => (canSeePerson(ctx.principal, c.personalId) ? genderOf(c.personalId) : null),
  verification: (c) => c.verification ?? null,
};
