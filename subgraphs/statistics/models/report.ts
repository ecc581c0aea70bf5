import { Schema, type Connection, type Model } from 'mongoose';
import type { FiguresFilter, FiguresRow, Grouping } from '../services/queries';

export const REPORT_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportActorRecord {
  client: string;
  subject: string;
  at: Date;
}

/**
 * A statistics report (R-STA-2): the figures of a period and scope, frozen when it was made, and
 * the steps draft → approved (leadership) → published, with who and when. Nothing rewrites
 * `rows`; a published report never changes.
 */
export interface ReportRecord {
  /** An ObjectId's hex string: sorts by creation, and pages by it. */
  _id: string;
  title: string;
  from: string;
  to: string;
  filter: FiguresFilter;
  groupBy: Grouping;
  rows: FiguresRow[];
  status: ReportStatus;
  createdBy: ReportActorRecord;
  approvedBy: ReportActorRecord | null;
  publishedBy: ReportActorRecord | null;
}

const ReportSchema = new Schema<ReportRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    filter: { type: Schema.Types.Mixed, default: {} },
    groupBy: { type: String, required: true },
    rows: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: REPORT_STATUSES, required: true },
    createdBy: { type: Schema.Types.Mixed, required: true },
    approvedBy: { type: Schema.Types.Mixed, default: null },
    publishedBy: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'statistics_reports', versionKey: false, minimize: false },
);

export type ReportModel = Model<ReportRecord>;
export const reportModel = (db: Connection): ReportModel =>
  (db.models.Report as ReportModel | undefined) ?? db.model<ReportRecord>('Report', ReportSchema);

/** One step of a report, claimed under `<report id>:<status>`, so a step happens once even when two leaders click at once. */
export interface ReportStepRecord {
  _id: string;
  status: ReportStatus;
  by: ReportActorRecord;
}

const ReportStepSchema = new Schema<ReportStepRecord>(
  { _id: { type: String, required: true }, status: { type: String, required: true }, by: { type: Schema.Types.Mixed, required: true } },
  { collection: 'statistics_report_steps', versionKey: false },
);

export type ReportStepModel = Model<ReportStepRecord>;
export const reportStepModel = (db: Connection): ReportStepModel =>
  (db.models.ReportStep as ReportStepModel | undefined) ?? db.model<ReportStepRecord>('ReportStep', ReportStepSchema);
