import type { FilterQuery } from 'mongoose';
import type { QueryResolvers } from '../generated/resolvers-types';
import { keysetPage } from '../../../platform/pagination';
import type { RequestBase } from '../../../platform/context';
import { badInput } from '../../../platform/errors';
import { literalPattern, searchForm } from '../../../platform/text';
import type { ProcedureRecord } from '../models/procedure';
import { VERSION_KINDS } from '../context';
import { changesAfter } from '../services/change-feed';
import { doNotCache } from '../../../platform/cache-hints';

export const PUBLISH_SCOPE = 'procedure:publish';
/** Drafts are work in progress: only those who may publish see them (R-PRO-2). */
export const seesDrafts = (ctx: RequestBase) => ctx.principal.scopes.includes(PUBLISH_SCOPE);

/** Every word of the search must appear in the code or a name, diacritics and case aside. */
function searchFilter(search: string): FilterQuery<ProcedureRecord> {
  const words = searchForm(search).split(' ').filter(Boolean);
  if (words.length === 0 || search.length > 200) throw badInput('`search` is 1–200 characters with at least one word', { argument: 'search' });
  return { $and: words.map((w) => ({ searchText: { $regex: literalPattern(w) } })) };
}

export const Query: QueryResolvers = {
  procedure: async (_, { code }, ctx, info) => {
    const p = await ctx.loaders.procedure.load(code);
    if (p?.status === 'DRAFT') doNotCache(info);
    return p && (p.status !== 'DRAFT' || seesDrafts(ctx)) ? p : null;
  },
  procedures: (_, { search, field, serviceLevel, agencyLevel, status, first, after }, ctx, info) => {
    // A page with drafts is work in progress: only the published catalogue is cached.
    if (seesDrafts(ctx)) doNotCache(info);
    const visible = seesDrafts(ctx) ? {} : { status: { $ne: 'DRAFT' } };
    const filter: FilterQuery<ProcedureRecord> = {
      $and: [
        visible,
        {
          ...(status ? { status } : {}),
          ...(field ? { field } : {}),
          ...(serviceLevel ? { serviceLevel } : {}),
          ...(agencyLevel ? { agencyLevels: agencyLevel } : {}),
        },
        ...(search != null ? [searchFilter(search)] : []),
      ],
    };
    return keysetPage(ctx.models.Procedure, filter, { field: 'code', direction: 1, tieBreaker: 'code' }, { first, after });
  },
  procedureChanges: (_, { after, first }, ctx) => {
    return changesAfter(ctx.models.ProcedureChange, { first, after });
  },
  procedureVersion: (_, { code, version }, ctx) => ctx.models.ProcedureChange.findOne({ code, version, ...VERSION_KINDS }).lean().exec(),
};
