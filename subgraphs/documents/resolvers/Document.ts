import type { DocumentResolvers } from '../generated/resolvers-types';
import { requireDocumentById } from '../access';

export const Document: DocumentResolvers = {
  __resolveReference: ({ id }, ctx) => {
    requireDocumentById(ctx);
    return ctx.loaders.document.load(id);
  },
  dossier: (d) => ({ code: d.dossierCode }),
};
