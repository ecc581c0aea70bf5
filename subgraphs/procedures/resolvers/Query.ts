import type { FilterQuery } from 'mongoose';
import type { QueryResolvers } from '../generated/resolvers-types';
import { keysetPage } from '../../kit/pagination';
import { badInput } from '../../kit/errors';
import { literalPattern, searchForm } from '../../kit/text';
import type { ProcedureRecord } from '../models/procedure';

/** Every word of the search must appear in the code or a name, diacritics and case aside. */
function searchFilter(search: string): FilterQuery<ProcedureRecord> {
  const words = searchForm(search).split(' ').filter(Boolean);
  if (words.length === 0 || search.length > 200) throw badInput('`search` is 1–200 characters with at least one word', { argument: 'search' });
  return { $and: words.map((w) => ({ searchText: { $regex: literalPattern(w) } })) };
}

export const Query: QueryResolvers = {
  procedure: (_, { code }, ctx) => ctx.loaders.procedure.load(code),
  procedures: (_, { search, field, serviceLevel, agencyLevel, status, first, after }, ctx) => {
    const filter: FilterQuery<ProcedureRecord> = {
      ...(status ? { status } : {}),
      ...(field ? { field } : {}),
      ...(serviceLevel ? { serviceLevel } : {}),
      ...(agencyLevel ? { agencyLevels: agencyLevel } : {}),
      ...(search != null ? searchFilter(search) : {}),
    };
    return keysetPage(ctx.models.Procedure, filter, { field: 'code', direction: 1, tieBreaker: 'code' }, { first, after });
  },
};
