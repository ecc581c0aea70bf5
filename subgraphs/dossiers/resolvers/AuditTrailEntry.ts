import type { AuditTrailEntryResolvers } from '../generated/resolvers-types';

export const AuditTrailEntry: AuditTrailEntryResolvers = {
  client: (r) => r.actor.client,
  subject: (r) => r.actor.subject,
  agencyCode: (r) => r.actor.agencyCode,
  ivanProviderId: (r) => r.actor.providerId ?? null,
  operation: (r) => r.target,
};
