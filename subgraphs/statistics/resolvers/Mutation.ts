import type { MutationResolvers } from '../generated/resolvers-types';
import { approveReport, createReport, publishReport } from '../services/reports';

export const Mutation: MutationResolvers = {
  createStatisticsReport: (_, { input }, ctx) => createReport(ctx, input),
  approveStatisticsReport: (_, { id }, ctx) => approveReport(ctx, { id }),
  publishStatisticsReport: (_, { id }, ctx) => publishReport(ctx, { id }),
};
