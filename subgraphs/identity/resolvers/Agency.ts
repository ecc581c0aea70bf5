import type { AgencyResolvers } from '../generated/resolvers-types';

export const Agency: AgencyResolvers = {
  __resolveReference: ({ code }, ctx) => ctx.loaders.agency.load(code),
  parent: (agency, _, ctx) => (agency.parentCode ? ctx.loaders.agency.load(agency.parentCode) : null),
};
