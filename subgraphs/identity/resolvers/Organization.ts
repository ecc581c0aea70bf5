import type { OrganizationResolvers } from '../generated/resolvers-types';

export const Organization: OrganizationResolvers = {
  __resolveReference: ({ unitCode }, ctx) => ctx.loaders.organization.load(unitCode),
  certificates: ({ unitCode }, _, ctx) => ctx.loaders.certificates.load(unitCode),
};
