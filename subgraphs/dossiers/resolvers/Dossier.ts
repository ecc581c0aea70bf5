import type { DossierResolvers } from '../generated/resolvers-types';
import { requireSignedIn } from '../../kit/context';

export const Dossier: DossierResolvers = {
  __resolveReference: ({ code }, ctx) => {
    requireSignedIn(ctx);
    return ctx.loaders.dossier.load(code);
  },
  procedure: (d) => ({ code: d.procedureCode }),
  handlingAgency: (d) => ({ code: d.agencyCode }),
};
