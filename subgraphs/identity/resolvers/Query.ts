import type { QueryResolvers } from '../generated/resolvers-types';
import { keysetPage } from '../../../platform/pagination';
import { canSeePerson } from '../services/citizens';
import { checkSignature } from '../services/signatures';

export const Query: QueryResolvers = {
  citizen: async (_, { personalId }, ctx) => {
    const c = await ctx.loaders.citizen.load(personalId);
    return c && canSeePerson(ctx.principal, personalId) ? c : null;
  },
  verifyOrganizationSignature: (_, { unitCode, payload, signature }, ctx) => {
    return checkSignature(ctx, { unitCode, payload, signature });
  },
  organization: (_, { unitCode }, ctx) => {
    return ctx.loaders.organization.load(unitCode);
  },
  agency: (_, { code }, ctx) => ctx.loaders.agency.load(code),
  // The agency directory is small (VSS and its provincial and district offices, under a thousand):
  // a page may read it whole. A single agency is looked up by its indexed code, through the loader.
  agencies: (_, { level, first, after }, ctx) =>
    keysetPage(ctx.models.Agency, level ? { level } : {}, { field: 'code', direction: 1, tieBreaker: 'code' }, { first, after }),
};
