import type { CitizenResolvers, OrganizationResolvers } from '../generated/resolvers-types';
import { forbidden } from '../../../platform/errors';
import type { Context } from '../context';
import { mayReadStore, visibleOnly } from '../services/access';

/** An owner's data store (Art. 11.2, R-DOC-4): to the owner all of it; to officers what their agency holds or handles. */
export async function store(ctx: Context, ownerKey: string) {
  if (!mayReadStore(ctx.principal, ownerKey)) throw forbidden('a data store is shown to its owner, and to officers and dashboards');
  return visibleOnly(ctx, await ctx.loaders.documentsByOwner.load(ownerKey));
}

export const Citizen: CitizenResolvers = {
  __resolveReference: ({ personalId }) => ({ personalId }),
  documents: ({ personalId }, _, ctx) => store(ctx, `P:${personalId}`),
};

export const Organization: OrganizationResolvers = {
  __resolveReference: ({ unitCode }) => ({ unitCode }),
  documents: ({ unitCode }, _, ctx) => store(ctx, `O:${unitCode}`),
};
