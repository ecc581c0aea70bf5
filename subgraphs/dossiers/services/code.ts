import { vietnamDay } from '../../../platform/vietnam-time';

export const MAX_DAILY_SEQUENCE = 9999;

/** YYMMDD of the instant in Vietnam's time zone: a dossier received at 23:30 UTC+7 belongs to that day. */
export function vietnamDateStamp(at: Date): string {
  return vietnamDay(at).slice(2).replace(/-/g, '');
}

/** `<agency code>-<YYMMDD>-` (R-DOS-1; Circular 01/2018/TT-VPCP art. 19); the 4-digit sequence follows. */
export function dossierCodePrefix(agencyCode: string, at: Date): string {
  return `${agencyCode}-${vietnamDateStamp(at)}-`;
}

export function dossierCode(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}
