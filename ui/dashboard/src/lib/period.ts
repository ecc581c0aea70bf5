import { VIETNAM_TIME } from './i18n';

export const PERIOD_KINDS = ['DAY', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Today's calendar day in Vietnam (YYYY-MM-DD): the figures count Vietnam days. */
export function vietnamToday(now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day (both included) of the day, month, quarter or year holding `anchor` (YYYY-MM-DD). */
export function periodRange(kind: PeriodKind, anchor: string): { from: string; to: string } {
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'DAY':
      return { from: anchor, to: anchor };
    case 'MONTH':
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}` };
    case 'QUARTER': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDayOf(y, first + 2))}` };
    }
    case 'YEAR':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The quarter (1–4) of a YYYY-MM-DD day, and the day that starts a given quarter of a year. */
export const quarterOf = (ymd: string) => Math.floor((Number(ymd.slice(5, 7)) - 1) / 3) + 1;
export const quarterStart = (year: number, quarter: number) => `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
