import type { DossierResolvers } from '../generated/resolvers-types';
import { requireScope } from '../../../platform/context';
import { visibleOnly } from '../services/access';

/**
 * A dossier reached from the dossiers subgraph or from Document.dossier: the latter never asks
 * the dossiers subgraph, so each document is checked here as well.
 */
export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  documents: async ({ code }, _, ctx) => {
    requireScope(ctx, 'document:read');
    return visibleOnly(ctx, (await ctx.loaders.documentsByDossier.load(code)).map((l) => l.doc));
  },
  reusedDocuments: async ({ code }, _, ctx) => {
    requireScope(ctx, 'document:read');
    return visibleOnly(ctx, (await ctx.loaders.reusedByDossier.load(code)).map((l) => l.doc));
  },
};
