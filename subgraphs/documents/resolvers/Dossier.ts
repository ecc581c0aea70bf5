import type { DossierResolvers } from '../generated/resolvers-types';
import { requireScope } from '../../kit/context';

export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  documents: ({ code }, _, ctx) => {
    requireScope(ctx, 'document:read');
    return ctx.loaders.documentsByDossier.load(code);
  },
};
