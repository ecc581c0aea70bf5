import { invalidInput, type InputError } from '../../../platform/errors';
import { vietnamDay } from '../../../platform/vietnam-time';
import { METRIC_INDEX, METRICS, STATUSES, type Channel, type Metric, type Status } from './figures';
import type { Cell, Segment } from './rollup-store';
import type { RollupView } from './rollup-view';

export const GROUPINGS = ['NONE', 'AGENCY', 'PROCEDURE', 'FIELD', 'CHANNEL', 'DAY', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type Grouping = (typeof GROUPINGS)[number];
const PERIODS = new Set<Grouping>(['DAY', 'MONTH', 'QUARTER', 'YEAR']);
/** The field shown for a procedure the catalogue has not told this subgraph about. */
export const UNKNOWN_FIELD = 'UNKNOWN';

export interface FiguresFilter {
  agencyCode?: string | null;
  procedureCode?: string | null;
  field?: string | null;
  channel?: Channel | null;
}

export interface FiguresQuery {
  /** Vietnam calendar days, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  filter?: FiguresFilter | null;
  groupBy?: Grouping | null;
}

/** The figures of R-STA-1 for one group and period. */
export interface Figures {
  received: number;
  receivedOnline: number;
  onlineShare: number | null;
  processing: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  onTimeShare: number | null;
  rejected: number;
  returned: number;
  withdrawn: number;
  averageProcessingDays: number | null;
}

export interface FiguresRow {
  group: string | null;
  figures: Figures;
}

const MAX_DAYS = 3660;
const MAX_DAY_ROWS = 366;
const DAY_MS = 86_400_000;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const span = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
const nextMonth = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1)).toISOString().slice(0, 7);
const monthEnd = (m: string) => addDays(`${nextMonth(m)}-01`, -1);

export function queryErrors(q: FiguresQuery): InputError[] {
  const errors: InputError[] = [];
  if (!isDay(q.from)) errors.push({ field: 'from', message: 'a Vietnam calendar day, YYYY-MM-DD' });
  if (!isDay(q.to)) errors.push({ field: 'to', message: 'a Vietnam calendar day, YYYY-MM-DD' });
  if (errors.length) return errors;
  if (q.from > q.to) errors.push({ field: 'to', message: 'the period ends before it starts' });
  else if (span(q.from, q.to) > MAX_DAYS) errors.push({ field: 'to', message: `a period is at most ${MAX_DAYS} days` });
  else if (q.groupBy === 'DAY' && span(q.from, q.to) > MAX_DAY_ROWS) errors.push({ field: 'groupBy', message: `grouping by DAY covers at most ${MAX_DAY_ROWS} days; group by MONTH for longer periods` });
  return errors;
}

/**
 * The hashes covering [from, to], oldest first: whole months as month hashes, the days of
 * partial months (or every day, `byDay`) as day hashes. The current month is always read by day:
 * while events arrive only today's hash changes, and it is small, where the month's is not.
 */
export function segmentNames(from: string, to: string, byDay = false, today = vietnamDay(new Date())): string[] {
  const names: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) {
    const first = from > `${m}-01` ? from : `${m}-01`;
    const last = to < monthEnd(m) ? to : monthEnd(m);
    if (!byDay && m !== today.slice(0, 7) && first === `${m}-01` && last === monthEnd(m)) names.push(`m:${m}`);
    else for (let d = first; d <= last; d = addDays(d, 1)) names.push(`d:${d}`);
  }
  return names;
}

const periodOf = (name: string, g: Grouping): string => {
  const date = name.slice(2);
  if (g === 'DAY') return date;
  if (g === 'MONTH') return date.slice(0, 7);
  if (g === 'QUARTER') return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  return date.slice(0, 4);
};

const STOCK = [...STATUSES.map((s) => METRIC_INDEX.get(`s:${s}`)!)];
const OPEN = [METRIC_INDEX.get('s:RECEIVED')!, METRIC_INDEX.get('s:PROCESSING')!];
const at = (v: Float64Array, m: Metric) => v[METRIC_INDEX.get(m)!]!;
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

function figuresOf(flows: Float64Array, stock: Float64Array): Figures {
  const resolvedOnTime = at(flows, 'resolvedOnTime');
  const resolvedLate = at(flows, 'resolvedLate');
  const timed = at(flows, 'resolvedTimed');
  return {
    received: at(flows, 'received'),
    receivedOnline: at(flows, 'receivedOnline'),
    onlineShare: share(at(flows, 'receivedOnline'), at(flows, 'received')),
    processing: OPEN.reduce((n, i) => n + stock[i]!, 0),
    resolved: at(flows, 'resolved'),
    resolvedOnTime,
    resolvedLate,
    onTimeShare: share(resolvedOnTime, resolvedOnTime + resolvedLate),
    rejected: at(flows, 'rejected'),
    returned: at(flows, 'returned'),
    withdrawn: at(flows, 'withdrawn'),
    averageProcessingDays: timed ? Math.round((at(flows, 'processingDays') / timed) * 100) / 100 : null,
  };
}

const add = (into: Map<string, Float64Array>, key: string, v: Float64Array) => {
  let sum = into.get(key);
  if (!sum) into.set(key, (sum = new Float64Array(METRICS.length)));
  for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
};

/**
 * Dashboard figures (R-STA-1) from the rollups: filters on agency, procedure, field and channel;
 * one row per group. Flows count within the period; `processing` is the stock at the period's
 * end (per period when grouping by period), so it sums everything before the period as well.
 */
export class FiguresService {
  /**
   * Each segment's cells summed per group, for a filter and a grouping dimension: a month that no
   * longer changes is summed once, and a query then adds a few small vectors per segment. Keyed by
   * the segment object, which the view replaces when it reloads a changed hash.
   */
  private readonly summaries = new WeakMap<Segment, Map<string, Map<string, Float64Array>>>();
  /** Field maps seen, numbered: a summary grouped or filtered by field is valid for one map only. */
  private readonly fieldMaps = new WeakMap<Map<string, string>, number>();
  private fieldMapCount = 0;

  constructor(private readonly view: RollupView, private readonly fieldsOf: () => Promise<Map<string, string>>) {}

  private summary(seg: Segment, key: string, matches: (c: Cell) => boolean, groupOf: (c: Cell) => string): Map<string, Float64Array> {
    let bySegment = this.summaries.get(seg);
    if (!bySegment) this.summaries.set(seg, (bySegment = new Map()));
    let sums = bySegment.get(key);
    if (!sums) {
      sums = new Map();
      for (const c of seg.values()) if (matches(c)) add(sums, groupOf(c), c.values);
      if (bySegment.size >= 64) bySegment.delete(bySegment.keys().next().value!);
      bySegment.set(key, sums);
    }
    return sums;
  }

  async figures(q: FiguresQuery): Promise<FiguresRow[]> {
    const errors = queryErrors(q);
    if (errors.length) throw invalidInput(errors);
    const groupBy = q.groupBy ?? 'NONE';
    const f = q.filter ?? {};
    const fields = await this.fieldsOf();
    const fieldOf = (c: Cell) => fields.get(c.procedure) ?? UNKNOWN_FIELD;
    const matches = (c: Cell) => (!f.agencyCode || c.agency === f.agencyCode) && (!f.procedureCode || c.procedure === f.procedureCode)
      && (!f.channel || c.channel === f.channel) && (!f.field || fieldOf(c) === f.field);
    const period = PERIODS.has(groupBy);
    // Within a segment, a period grouping has one group: the segment's period, added below.
    const dimensionOf = (c: Cell): string => {
      switch (groupBy) {
        case 'AGENCY': return c.agency;
        case 'PROCEDURE': return c.procedure;
        case 'FIELD': return fieldOf(c);
        case 'CHANNEL': return c.channel;
        default: return '';
      }
    };
    if (!this.fieldMaps.has(fields)) this.fieldMaps.set(fields, ++this.fieldMapCount);
    const key = JSON.stringify([f.agencyCode, f.procedureCode, f.field, f.channel, period ? 'NONE' : groupBy, this.fieldMaps.get(fields)]);
    const summaryOf = (seg: Segment) => this.summary(seg, key, matches, dimensionOf);
    const rangeNames = segmentNames(q.from, q.to, groupBy === 'DAY');
    const segments = await this.view.segments([...rangeNames, ...(await this.namesBefore(q.from))]);
    const [range, base] = [segments.slice(0, rangeNames.length), segments.slice(rangeNames.length)];

    const sums = new Map<string, Float64Array>();
    if (period) for (const name of rangeNames) if (!sums.has(periodOf(name, groupBy))) sums.set(periodOf(name, groupBy), new Float64Array(METRICS.length));
    if (groupBy === 'NONE') sums.set('', new Float64Array(METRICS.length));
    range.forEach((seg: Segment, i) => {
      for (const [g, v] of summaryOf(seg)) add(sums, period ? periodOf(rangeNames[i]!, groupBy) : g, v);
    });
    const baseline = new Map<string, Float64Array>();
    for (const seg of base) for (const [g, v] of summaryOf(seg)) add(baseline, g, v);

    const rows: FiguresRow[] = [];
    const zero = new Float64Array(METRICS.length);
    if (period) {
      const running = Float64Array.from(baseline.get('') ?? zero);
      for (const [label, v] of sums) {
        for (const i of STOCK) running[i]! += v[i]!;
        rows.push({ group: label, figures: figuresOf(v, running) });
      }
      return rows;
    }
    for (const g of new Set([...sums.keys(), ...baseline.keys()])) {
      const flows = sums.get(g) ?? zero;
      const stock = Float64Array.from(baseline.get(g) ?? zero);
      for (const i of STOCK) stock[i]! += flows[i]!;
      const row = { group: groupBy === 'NONE' ? null : g, figures: figuresOf(flows, stock) };
      if (groupBy === 'NONE' || Object.values(row.figures).some((n) => n)) rows.push(row);
    }
    return rows.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
  }

  /** The hashes of everything before `day` (what the stock at a period's start is summed from). */
  private async namesBefore(day: string): Promise<string[]> {
    const first = (await this.view.knownMonths())[0];
    return first && `${first}-01` < day ? segmentNames(`${first}-01`, addDays(day, -1)) : [];
  }

  /** Dossiers in each public state now (all figures so far), optionally of one handling agency. */
  async statusCounts(agencyCode?: string | null): Promise<{ status: Status; count: number }[]> {
    const months = await this.view.knownMonths();
    const segs = months.length ? await this.view.segments(segmentNames(`${months[0]}-01`, monthEnd(months.at(-1)!))) : [];
    const total = new Map<string, Float64Array>();
    const key = JSON.stringify([agencyCode, null, null, null, 'NONE', 0]);
    for (const seg of segs) for (const [, v] of this.summary(seg, key, (c) => !agencyCode || c.agency === agencyCode, () => '')) add(total, '', v);
    const v = total.get('') ?? new Float64Array(METRICS.length);
    return STATUSES.map((status) => ({ status, count: at(v, `s:${status}`) }));
  }
}
