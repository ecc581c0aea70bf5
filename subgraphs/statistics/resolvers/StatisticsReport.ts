import type { StatisticsReportResolvers } from '../generated/resolvers-types';

export const StatisticsReport: StatisticsReportResolvers = {
  id: (r) => r._id,
  agencyCode: (r) => r.filter.agencyCode ?? null,
  procedureCode: (r) => r.filter.procedureCode ?? null,
  field: (r) => r.filter.field ?? null,
  channel: (r) => r.filter.channel ?? null,
};
