import type { FilterQuery } from 'mongoose';
import { badInput } from '../../../platform/errors';
import { keysetPage, pageSize, decodeCursor, encodeCursor, type Page, type PageArgs } from '../../../platform/pagination';
import { queueKeyOf, type DossierModel, type DossierRecord } from '../models/dossier';
import type { WorkingCalendar } from '../calendar/working-days';
import { allOf } from '../../../platform/filters';

export interface DossierFilterInput {
  agency?: string | null;
  department?: string | null;
  status?: string | null;
  state?: string | null;
  procedure?: string | null;
  channel?: string | null;
  ivanProvider?: string | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
}

/** Newest first; the code breaks ties so the order is total and stable. */
export const NEWEST_FIRST = { field: 'receivedAt', direction: -1, tieBreaker: 'code' } as const;

/**
 * Translates the public filter into a query; "overdue" means open and past its appointment, now.
 * An agency and a state together are one work queue: the `queue` field, an equality bucket as
 * big as the queue however long the history (README, Design: lists).
 */
export function filterQuery(f: DossierFilterInput | null | undefined, calendar: WorkingCalendar, now = new Date()): FilterQuery<DossierRecord> {
  if (!f) return {};
  if (f.dueSoon === false) throw badInput('filter.dueSoon takes only true; leave it out for every dossier', { argument: 'filter' });
  if (f.dueSoon && f.overdue) throw badInput('filter.dueSoon and filter.overdue exclude each other: a dossier due soon is not overdue yet', { argument: 'filter' });
  if (f.receivedFrom && f.receivedTo && f.receivedFrom > f.receivedTo) {
    throw badInput('filter.receivedFrom is after filter.receivedTo', { argument: 'filter' });
  }
  const q: FilterQuery<DossierRecord> = {};
  if (f.agency && f.state) q.queue = queueKeyOf(f.agency, f.state);
  else if (f.agency) q.handlingAgencyCode = f.agency;
  else if (f.state) q.state = f.state;
  if (f.department) q.handlingDepartment = f.department;
  if (f.status) q.status = f.status;
  if (f.procedure) q.procedureCode = f.procedure;
  if (f.channel) q.channel = f.channel;
  if (f.ivanProvider) q.ivanProviderId = f.ivanProvider;
  if (f.receivedFrom || f.receivedTo) q.receivedAt = { ...(f.receivedFrom ? { $gte: f.receivedFrom } : {}), ...(f.receivedTo ? { $lte: f.receivedTo } : {}) };
  if (f.overdue === true) Object.assign(q, { completedAt: null, appointmentAt: { $lt: now } });
  if (f.overdue === false) q.$or = [{ completedAt: { $ne: null } }, { appointmentAt: { $gte: now } }];
  // As WorkingCalendar.deadlineStatus judges DUE_SOON: open, and due by this time next working day.
  if (f.dueSoon) Object.assign(q, { completedAt: null, appointmentAt: { $gte: now, $lte: calendar.addWorkingDays(now, 1) } });
  return q;
}

/** A page of the dossiers the caller may see (`ctx.visible`; none when null) that match `filter`, newest first. */
export async function listDossiers(
  ctx: { models: { Dossier: DossierModel }; visible: FilterQuery<DossierRecord> | null },
  { filter, ...args }: { filter: FilterQuery<DossierRecord> } & PageArgs,
): Promise<Page<DossierRecord>> {
  const { visible } = ctx;
  if (!visible) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
  return keysetPage(ctx.models.Dossier, allOf(impliedBy(filter, visible) ? {} : visible, filter), NEWEST_FIRST, args);
}

/**
 * An officer's own agency's queue needs no visibility filter: handling a dossier implies having
 * held it. Left out, it cannot lead PostgreSQL to read the agency's whole history instead of the
 * queue's bucket.
 */
const impliedBy = (filter: FilterQuery<DossierRecord>, visible: FilterQuery<DossierRecord>) =>
  typeof visible.agencyCodes === 'string' && Object.keys(visible).length === 1 && typeof filter.queue === 'string' && filter.queue.startsWith(`${visible.agencyCodes}|`);

/** Pages a list already loaded in NEWEST_FIRST order (a DataLoader batch), with the same cursors as keysetPage. */
export function pageOf(sorted: DossierRecord[], args: PageArgs): Page<DossierRecord> {
  const limit = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const [at, code] = decodeCursor(args.after, ['date', 'string']) as [Date, string];
    start = sorted.findIndex((d) => d.receivedAt < at || (d.receivedAt.getTime() === at.getTime() && d.code < code));
    if (start < 0) start = sorted.length;
  }
  const slice = sorted.slice(start, start + limit);
  const edges = slice.map((node) => ({ cursor: encodeCursor([node.receivedAt, node.code]), node }));
  return { edges, pageInfo: { hasNextPage: start + limit < sorted.length, endCursor: edges.at(-1)?.cursor ?? null } };
}
