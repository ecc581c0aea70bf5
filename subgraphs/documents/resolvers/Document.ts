import type { DocumentResolvers } from '../generated/resolvers-types';
import { downloadPath } from '../../../platform/documents-protocol';
import { checkIntegrity } from '../services/integrity';
import { describable } from './access';

export const Document: DocumentResolvers = {
  __resolveReference: async ({ id }, ctx) => describable(ctx, await ctx.loaders.document.load(id)),
  dossier: (d) => ({ code: d.dossierCode }),
  scan: (d) => d.scan && { signedBy: d.scan.signedBy, scannedAt: d.scan.scannedAt, keyId: d.scan.keyId, stampedAt: d.scan.stampedAt ?? null },
  agencySignature: (d) => d.agencySignature && {
    agencyCode: d.agencySignature.agencyCode, signedAt: d.agencySignature.signedAt, keyId: d.agencySignature.keyId, stamped: !!d.agencySignature.timestamp,
  },
  countersignature: (d) => d.countersignature ?? null,
  integrity: async (d, _, ctx) => {
    if (!d.file) return null;
    const { status, message, checkedAt } = await checkIntegrity(d, ctx);
    return { status, message, checkedAt };
  },
  downloadPath: (d) => (d.file ? downloadPath(d.id) : null),
};
