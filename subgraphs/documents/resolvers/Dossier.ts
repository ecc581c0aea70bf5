import type { DossierResolvers } from '../generated/resolvers-types';
import { visibleOnly } from '../services/access';
import { reuseOf } from '../services/reuse';

/**
 * A dossier reached from the dossiers subgraph or from Document.dossier: the latter never asks
 * the dossiers subgraph, so each document is checked here as well.
 */
export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  documents: async ({ code }, _, ctx) => {
    return visibleOnly(ctx, (await ctx.loaders.documentsByDossier.load(code)).map((l) => l.doc));
  },
  reusedDocuments: async ({ code }, _, ctx) => {
    return visibleOnly(ctx, (await ctx.loaders.reusedByDossier.load(code)).map((l) => l.doc));
  },
  reuses: async ({ code }, _, ctx) => {
    return (await visibleOnly(ctx, (await ctx.loaders.reusedByDossier.load(code)).map((l) => l.doc))).map(reuseOf);
  },
};
