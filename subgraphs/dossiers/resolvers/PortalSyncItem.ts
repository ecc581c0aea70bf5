import type { PortalSyncItemResolvers } from '../generated/resolvers-types';

export const PortalSyncItem: PortalSyncItemResolvers = {
  statusCode: (i) => i.record.statusCode,
};
