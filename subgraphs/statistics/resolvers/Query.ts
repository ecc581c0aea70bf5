import type { QueryResolvers } from '../generated/resolvers-types';
import { forbidden } from '../../../platform/errors';
import { keysetPage } from '../../../platform/pagination';
import { seesDrafts } from '../services/reports';

export const Query: QueryResolvers = {
  dossierCountsByStatus: (_, { agencyCode }, ctx) => {
    return ctx.figures.statusCounts(agencyCode);
  },
  dossierFigures: (_, { from, to, filter, groupBy }, ctx) => {
    return ctx.figures.figures({ from, to, filter, groupBy });
  },
  statisticsReports: (_, { status, first, after }, ctx) => {
    if (!seesDrafts(ctx) && status && status !== 'PUBLISHED') throw forbidden('unpublished reports are shown to dashboards and officers only (R-STA-2)');
    const filter = seesDrafts(ctx) ? (status ? { status } : {}) : { status: 'PUBLISHED' as const };
    // A page is one read of the reports table, whole: `status` leads no index, FerretDB sorts in
    // memory and does not push a cursor's range down (README, Design). Accepted because reports
    // grow by a few a month, not with dossiers; measured on FerretDB, ≈ 0.4 s a page at ten years
    // of reports (600), i.e. ≈ 0.7 ms per stored report. Bound it by a year bucket if that grows.
    return keysetPage(ctx.models.Report, filter, { field: '_id', direction: -1, tieBreaker: '_id' }, { first, after });
  },
  statisticsReport: async (_, { id }, ctx) => {
    const report = await ctx.models.Report.findById(id).lean().exec();
    return report && (report.status === 'PUBLISHED' || seesDrafts(ctx)) ? report : null;
  },
};
