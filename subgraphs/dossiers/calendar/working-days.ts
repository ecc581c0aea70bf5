import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromVietnamClock, toVietnamClock } from '../../../platform/vietnam-time';

/**
 * Vietnamese working days (R-DOS-10): Monday–Friday, less the public holidays and compensatory
 * days off of each year's government decision, plus the Saturdays made working days. Holidays
 * are data (holidays/<year>.json), because Tết and Hùng Kings day follow the lunar calendar
 * and the swaps change every year.
 *
 * Appointment rule: counting starts at reception if it falls in office hours (08:00–17:00,
 * Asia/Ho_Chi_Minh) of a working day; otherwise at 08:00 of the next working day. This follows
 * the rule for electronic dossiers received outside working hours (Decree 45/2020/NĐ-CP on
 * administrative procedures by electronic means: such dossiers count as received at the start of
 * the next working day), applied to every channel so that all dossiers are treated alike.
 * The appointment is then that many working days later, at the same time of day.
 */
export interface HolidayYear {
  year: number;
  source: string;
  daysOff: { date: string; name: string }[];
  workingSaturdays: { date: string; name: string }[];
}

export type DeadlineStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

const DAY_MS = 24 * 3600 * 1000;
export const OFFICE_OPENS_HOUR = 8;
export const OFFICE_CLOSES_HOUR = 17;
/** Fixed-date holidays, used only for a year that has no data file yet. */
const SOLAR_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'];

const toLocal = toVietnamClock;
const fromLocal = fromVietnamClock;
const isoDay = (local: Date) => local.toISOString().slice(0, 10);

export class WorkingCalendar {
  private readonly years = new Map<number, { off: Set<string>; saturdays: Set<string> }>();

  constructor(data: HolidayYear[] = []) {
    for (const y of data) this.addYear(y);
  }

  /** Loads every holidays/<year>.json shipped with the service. */
  static load(dir = path.join(__dirname, 'holidays')): WorkingCalendar {
    const files = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f));
    return new WorkingCalendar(files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HolidayYear));
  }

  addYear(y: HolidayYear): void {
    const inYear = (d: { date: string }) => d.date.startsWith(`${y.year}-`);
    if (!y.daysOff.every(inYear) || !y.workingSaturdays.every(inYear)) throw new Error(`holiday data for ${y.year} has dates of another year`);
    this.years.set(y.year, { off: new Set(y.daysOff.map((d) => d.date)), saturdays: new Set(y.workingSaturdays.map((d) => d.date)) });
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** `day` is a Vietnam calendar date, YYYY-MM-DD. */
  isWorkingDay(day: string): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const data = this.years.get(Number(day.slice(0, 4)));
    if (data?.saturdays.has(day)) return true;
    if (weekday === 0 || weekday === 6) return false;
    return data ? !data.off.has(day) : !SOLAR_HOLIDAYS.includes(day.slice(5));
  }

  private nextWorkingDay(local: Date): Date {
    let d = new Date(local.getTime() + DAY_MS);
    while (!this.isWorkingDay(isoDay(d))) d = new Date(d.getTime() + DAY_MS);
    return d;
  }

  /** When the processing time starts counting for a dossier received at `at`. */
  countingStart(at: Date): Date {
    const local = toLocal(at);
    const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
    const opening = (d: Date) => new Date(`${isoDay(d)}T${String(OFFICE_OPENS_HOUR).padStart(2, '0')}:00:00Z`);
    if (!this.isWorkingDay(isoDay(local)) || hour >= OFFICE_CLOSES_HOUR) return fromLocal(opening(this.nextWorkingDay(local)));
    if (hour < OFFICE_OPENS_HOUR) return fromLocal(opening(local));
    return at;
  }

  /** Adds whole working days, keeping the time of day. */
  addWorkingDays(from: Date, days: number): Date {
    let local = toLocal(from);
    for (let i = 0; i < days; i++) local = this.nextWorkingDay(local);
    return fromLocal(local);
  }

  /** The appointment (due) date for a dossier received at `receivedAt` with `processingDays` working days. */
  appointment(receivedAt: Date, processingDays: number): Date {
    return this.addWorkingDays(this.countingStart(receivedAt), processingDays);
  }

  /**
   * The processing time of a dossier received at `receivedAt` and finished at `finishedAt`, in
   * working days: the fewest N for which N working days from the counting start reach the finish
   * (so a dossier finished by its appointment for N days took at most N).
   */
  workingDaysTaken(receivedAt: Date, finishedAt: Date): number {
    let local = toLocal(this.countingStart(receivedAt));
    const end = toLocal(finishedAt).getTime();
    let days = 0;
    while (local.getTime() < end && days < 100_000) {
      local = this.nextWorkingDay(local);
      days += 1;
    }
    return days;
  }

  /**
   * On time, due soon (the due time is within the next working day) or overdue, at `now`;
   * a finished dossier is judged by when it finished.
   */
  deadlineStatus(dueAt: Date, now: Date, finishedAt?: Date | null): DeadlineStatus {
    const t = finishedAt ?? now;
    if (t.getTime() > dueAt.getTime()) return 'OVERDUE';
    if (!finishedAt && this.addWorkingDays(now, 1).getTime() >= dueAt.getTime()) return 'DUE_SOON';
    return 'ON_TIME';
  }
}
