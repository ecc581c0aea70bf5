import type { OrganizationResolvers } from '../generated/resolvers-types';

export const Organization: OrganizationResolvers = {
  __resolveReference: ({ unitCode }, ctx) => ctx.loaders.organization.load(unitCode),
};
