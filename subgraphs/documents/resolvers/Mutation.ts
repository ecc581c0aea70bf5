import type { MutationResolvers } from '../generated/resolvers-types';
import { digitiseDocument } from '../services/digitise';
import { registerScannerKey, revokeScannerKey } from '../services/scanner-keys';
import type { ScannerKeyRecord } from '../models/scanner-key';
import { startUpload } from '../services/upload';

const scannerKeyView = (key: ScannerKeyRecord) => ({
  keyId: key._id, name: key.name, agencyCode: key.agencyCode, registeredAt: key.registeredAt,
  retiredAt: key.retiredAt ?? null, revokedAt: key.revokedAt ?? null, revocationReason: key.revocationReason ?? null,
});

export const Mutation: MutationResolvers = {
  registerScannerKey: async (_, { input }, ctx) => scannerKeyView(await registerScannerKey(ctx, input)),
  revokeScannerKey: async (_, { keyId, reason, at }, ctx) => scannerKeyView(await revokeScannerKey(ctx, { keyId, reason, at })),
  startDocumentUpload: (_, { input }, ctx) => startUpload(ctx, input),
  digitiseDocument: (_, { id, metadata }, ctx) => digitiseDocument(ctx, { id, metadata }),
};
