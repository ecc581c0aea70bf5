/**
 * Vietnam's wall clock. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a fixed
 * offset is exact; a "local" Date here is one whose UTC fields read as the time in Vietnam.
 */
const OFFSET_MS = 7 * 3600 * 1000;

export const toVietnamClock = (d: Date): Date => new Date(d.getTime() + OFFSET_MS);
export const fromVietnamClock = (local: Date): Date => new Date(local.getTime() - OFFSET_MS);

/** YYYY-MM-DD of the instant in Vietnam. */
export const vietnamDay = (d: Date): string => toVietnamClock(d).toISOString().slice(0, 10);

/** dd/MM/yyyy, or dd/MM/yyyy HH:mm with `withTime`, in Vietnam: how dates are written on slips and SMS. */
export function vietnamDate(d: Date, withTime = false): string {
  const v = toVietnamClock(d).toISOString();
  const day = `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return withTime ? `${day} ${v.slice(11, 16)}` : day;
}
