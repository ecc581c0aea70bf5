import type { QueryResolvers } from '../generated/resolvers-types';
import { badInput } from '../../../platform/errors';
import { enforceRateLimit } from '../../../platform/rate-limit';
import { filterQuery, listDossiers } from '../services/queries';
import { syncStatus } from '../services/portal-sync';
import { deliveryStatus } from '../services/ivan-delivery';
import { watchedProvider } from '../services/ivan-delivery-registration';
import { readAfter } from '../../../platform/sequence';
import { readFeed } from '../services/ivan-changes';
import { auditTrailPage } from '../services/audit-trail';

export const Query: QueryResolvers = {
  dossier: async (_, { code }, ctx) => {
    return ctx.visibleDossier(code);
  },
  dossiers: (_, { filter, first, after }, ctx) => {
    return listDossiers(ctx, { filter: filterQuery(filter, ctx.calendar), first, after });
  },
  dossierEvents: (_, { after, first }, ctx) => {
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput(`\`first\` must be between 1 and 1000, got ${limit}`, { argument: 'first' });
    if (after < 0) throw badInput('`after` is a sequence number, 0 or more', { argument: 'after' });
    return readAfter(ctx.models.EventLog, after, limit);
  },
  ivanChanges: (_, { after, first, providerId }, ctx) => readFeed(ctx, { providerId, after, first: first ?? 100 }),
  ivanDeliveries: (_, { providerId }, ctx) => deliveryStatus(ctx.models, watchedProvider(ctx.principal, providerId)),
  auditTrail: (_, { dossierCode, first, after }, ctx) => {
    return auditTrailPage(ctx, { dossierCode, first, after });
  },
  portalSync: async (_, __, ctx) => {
    return { enabled: ctx.portal !== null, ...(await syncStatus(ctx.models)) };
  },
  dossierStatus: async (_, { code }, ctx) => {
    const who = ctx.clientKey ?? `${ctx.principal.client}:${ctx.principal.subject}`;
    await enforceRateLimit(ctx.deps.redis, `dossierStatus:${who}`, ctx.config.publicLookupsPerMinute, 60);
    const d = await ctx.loaders.dossier.load(code.trim().toUpperCase());
    return d;
  },
};
