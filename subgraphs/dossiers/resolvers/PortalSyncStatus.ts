import type { PortalSyncStatusResolvers } from '../generated/resolvers-types';
import { refusedItems } from '../services/portal-sync';

export const PortalSyncStatus: PortalSyncStatusResolvers = {
  failingItems: (_, __, ctx) => refusedItems(ctx.models),
};
