import type { DocumentResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';

export const Document: DocumentResolvers = {
  __resolveReference: ({ id }, ctx) => {
    requireSignedIn(ctx);
    return ctx.loaders.document.load(id);
  },
  dossier: (d) => ({ code: d.dossierCode }),
};
