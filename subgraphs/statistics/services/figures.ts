import type { DossierEvent } from '../../../platform/events';
import { vietnamDay } from '../../../platform/vietnam-time';

/** The public states of Art. 12; `s:<state>` metrics count dossiers entering (+1) and leaving (−1) them. */
export const STATUSES = ['RECEIVED', 'PROCESSING', 'RESULT_READY', 'RESULT_RETURNED', 'REJECTED'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * What is counted per day, agency, procedure and channel (R-STA-1). Flows count events of the
 * day; `s:*` are changes of the stock of dossiers in each public state, summed over all days up
 * to a date to give the stock then ("processing" is RECEIVED + PROCESSING).
 */
export const METRICS = [
  'received', 'receivedOnline', 'resolved', 'resolvedOnTime', 'resolvedLate', 'resolvedTimed', 'processingDays',
  'rejected', 'returned', 'withdrawn', ...STATUSES.map((s) => `s:${s}` as const),
] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_INDEX = new Map<string, number>(METRICS.map((m, i) => [m, i]));

export const CHANNELS = ['ONLINE', 'NATIONAL_PORTAL', 'DESK', 'POSTAL', 'IVAN'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels that count as online for the online share: the VSS portal, the national portal, I-VAN. */
export const ONLINE_CHANNELS = new Set(['ONLINE', 'NATIONAL_PORTAL', 'IVAN']);

/** One event's change to the figures of one cell (day × agency × procedure × channel). */
export interface Contribution {
  day: string;
  agency: string;
  procedure: string;
  channel: string;
  deltas: Partial<Record<Metric, number>>;
}

/**
 * What one dossier event adds to the figures. Received counts at the receiving agency; results,
 * rejections, returns and withdrawals at the agency handling the dossier then; a transfer moves
 * the dossier's stock from one agency to the other. Days are Vietnam calendar days.
 */
export function contributionsOf(e: DossierEvent): Contribution[] {
  const day = vietnamDay(new Date(e.at));
  const cell = (agency: string, deltas: Contribution['deltas']): Contribution => ({ day, agency, procedure: e.procedureCode, channel: e.channel, deltas });
  const here: Contribution['deltas'] = {};
  const add = (d: Contribution['deltas'], m: Metric, n = 1) => void (d[m] = (d[m] ?? 0) + n);
  switch (e.action) {
    case 'RECEIVE':
      add(here, 'received');
      if (ONLINE_CHANNELS.has(e.channel)) add(here, 'receivedOnline');
      break;
    case 'COMPLETE':
      add(here, 'resolved');
      if (e.facts?.onTime === true) add(here, 'resolvedOnTime');
      if (e.facts?.onTime === false) add(here, 'resolvedLate');
      if (typeof e.facts?.workingDays === 'number') {
        add(here, 'resolvedTimed');
        add(here, 'processingDays', e.facts.workingDays);
      }
      break;
    case 'REJECT':
      add(here, 'rejected');
      break;
    case 'RETURN_RESULT':
      add(here, 'returned');
      break;
    case 'WITHDRAW':
      add(here, 'withdrawn');
      break;
  }
  const from = e.action === 'TRANSFER' && e.facts?.fromAgencyCode && e.facts.fromAgencyCode !== e.agencyCode ? e.facts.fromAgencyCode : null;
  const left: Contribution['deltas'] = {};
  if (e.previousStatus) add(from ? left : here, `s:${e.previousStatus}` as Metric, -1);
  add(here, `s:${e.status}` as Metric, 1);
  const cells = [...(from ? [cell(from, left)] : []), cell(e.agencyCode, here)];
  for (const c of cells) for (const [m, n] of Object.entries(c.deltas)) if (n === 0) delete c.deltas[m as Metric];
  return cells.filter((c) => Object.keys(c.deltas).length > 0);
}
