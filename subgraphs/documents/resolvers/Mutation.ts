import type { MutationResolvers } from '../generated/resolvers-types';
import { digitiseDocument } from '../services/digitise';
import { registerScannerKey } from '../services/scanner-keys';
import { startUpload } from '../services/upload';

export const Mutation: MutationResolvers = {
  registerScannerKey: async (_, { input }, ctx) => {
    const key = await registerScannerKey(ctx, input);
    return { keyId: key._id, name: key.name, agencyCode: key.agencyCode, registeredAt: key.registeredAt };
  },
  startDocumentUpload: (_, { input }, ctx) => startUpload(ctx, input),
  digitiseDocument: (_, { id, metadata }, ctx) => digitiseDocument(ctx, { id, metadata }),
};
