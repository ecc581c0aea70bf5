import type { DossierResolvers } from '../generated/resolvers-types';
import { requireScope } from '../../kit/context';

/** Reached only after the dossiers subgraph decided that the caller may see the dossier. */
export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  documents: async ({ code }, _, ctx) => {
    requireScope(ctx, 'document:read');
    return (await ctx.loaders.documentsByDossier.load(code)).map((l) => l.doc);
  },
  reusedDocuments: async ({ code }, _, ctx) => {
    requireScope(ctx, 'document:read');
    return (await ctx.loaders.reusedByDossier.load(code)).map((l) => l.doc);
  },
};
