import type { AgencyResolvers, ProcedureResolvers } from '../generated/resolvers-types';
import type { Context } from '../context';
import type { FiguresFilter } from '../services/queries';

async function figuresFor(ctx: Context, filter: FiguresFilter, from: string, to: string) {
  const [row] = await ctx.figures.figures({ from, to, filter, groupBy: 'NONE' });
  return row!.figures;
}

export const Agency: AgencyResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  statistics: ({ code }, { from, to }, ctx) => figuresFor(ctx, { agencyCode: code }, from, to),
};

export const Procedure: ProcedureResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  statistics: ({ code }, { from, to }, ctx) => figuresFor(ctx, { procedureCode: code }, from, to),
};
