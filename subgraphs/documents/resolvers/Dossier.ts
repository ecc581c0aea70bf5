import type { DossierResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';

export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  documents: ({ code }, _, ctx) => {
    requireSignedIn(ctx);
    return ctx.loaders.documentsByDossier.load(code);
  },
};
