import { appError, ErrorCode, forbidden, invalidInput, notFound } from '../../../platform/errors';
import { isDuplicateKey } from '../../../platform/mongo';
import { Types } from 'mongoose';
import type { Context } from '../context';
import type { ReportActorRecord, ReportRecord, ReportStatus } from '../models/report';
import type { FiguresQuery } from './queries';

/** Dashboards and officers (statistics:read) see every report and live figures; everyone else published reports only (R-STA-2). */
export const seesDrafts = (ctx: Context) => ctx.principal.scopes.includes('statistics:read');

const actor = (ctx: Context, at: Date): ReportActorRecord => ({ client: ctx.principal.client, subject: ctx.principal.subject, at });

/** Makes a draft report: the figures of the period and scope as they are now, frozen (statistics:report). */
export async function createReport(ctx: Context, input: FiguresQuery & { title: string }, now = new Date()): Promise<ReportRecord> {
  const title = input.title.normalize('NFC').trim();
  if (!title || title.length > 300) throw invalidInput([{ field: 'title', message: 'a title of 1–300 characters' }]);
  const { from, to, filter = {}, groupBy = 'NONE' } = input;
  const rows = await ctx.figures.figures({ from, to, filter, groupBy });
  const report: ReportRecord = {
    _id: new Types.ObjectId().toHexString(), title, from, to, filter: filter ?? {}, groupBy: groupBy ?? 'NONE', rows, status: 'DRAFT',
    createdBy: actor(ctx, now), approvedBy: null, publishedBy: null,
  };
  await ctx.models.Report.create(report);
  return report;
}

async function load(ctx: Context, id: string): Promise<ReportRecord> {
  const report = await ctx.models.Report.findById(id).lean().exec();
  if (!report) throw notFound(`no statistics report ${id}`);
  return report;
}

/**
 * Takes a report one step, once: the step is claimed under `<id>:<status>` before the report is
 * updated. Finding the step claimed while the report still shows the earlier status means a
 * writer died in between; the step is then completed, not repeated.
 */
async function step(ctx: Context, report: ReportRecord, from: ReportStatus, to: ReportStatus, now: Date): Promise<ReportRecord> {
  const { Report, ReportStep } = ctx.models;
  const field = to === 'APPROVED' ? 'approvedBy' : 'publishedBy';
  let by = actor(ctx, now);
  try {
    await ReportStep.create({ _id: `${report._id}:${to}`, status: to, by });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const claimed = await ReportStep.findById(`${report._id}:${to}`).lean().exec();
    if (!claimed || report.status !== from) throw appError(ErrorCode.CONFLICT, `report ${report._id} is already ${to}`);
    by = claimed.by;
  }
  await Report.updateOne({ _id: report._id }, { $set: { status: to, [field]: by } }).exec();
  return { ...report, status: to, [field]: by };
}

/** Leadership approval (statistics:approve), by someone other than the report's author (352 Art. 4.2). */
export async function approveReport(ctx: Context, { id }: { id: string }, now = new Date()): Promise<ReportRecord> {
  const report = await load(ctx, id);
  if (report.status !== 'DRAFT') throw appError(ErrorCode.CONFLICT, `report ${id} is ${report.status}; only a DRAFT is approved`);
  if (report.createdBy.subject === ctx.principal.subject && report.createdBy.client === ctx.principal.client) {
    throw forbidden('a report is approved by someone other than its author');
  }
  return step(ctx, report, 'DRAFT', 'APPROVED', now);
}

/** Publication of an approved report (statistics:report); a published report never changes. */
export async function publishReport(ctx: Context, { id }: { id: string }, now = new Date()): Promise<ReportRecord> {
  const report = await load(ctx, id);
  if (report.status === 'DRAFT') throw appError(ErrorCode.CONFLICT, `report ${id} is not approved yet; leadership approves before publication (R-STA-2)`);
  if (report.status === 'PUBLISHED') throw appError(ErrorCode.CONFLICT, `report ${id} is published; a published report never changes`);
  return step(ctx, report, 'APPROVED', 'PUBLISHED', now);
}
