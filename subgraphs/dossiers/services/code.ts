import type { CounterModel } from '../models/counter';

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000; // Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving)
export const AGENCY_CODE = /^[0-9A-Z]{3}(\.[0-9A-Z]{2}){2}\.[0-9A-Z]{3}$/;

/** YYMMDD of the instant in Vietnam's time zone: a dossier received at 23:30 UTC+7 belongs to that day. */
export function vietnamDateStamp(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(2, 10).replace(/-/g, '');
}

/**
 * Issues `<agency code>-<YYMMDD>-<NNNN>` (R-DOS-1; Circular 01/2018/TT-VPCP art. 19). The sequence
 * comes from one atomic `$inc` on a per-agency-per-day counter document, so any number of
 * processes issue distinct codes without a lock.
 */
export async function issueDossierCode(counters: CounterModel, agencyCode: string, at: Date): Promise<string> {
  const day = vietnamDateStamp(at);
  const counter = await counters
    .findOneAndUpdate({ _id: `${agencyCode}-${day}` }, { $inc: { seq: 1 } }, { upsert: true, new: true })
    .lean()
    .exec();
  if (!counter) throw new Error('counter upsert returned nothing');
  if (counter.seq > 9999) throw new Error(`agency ${agencyCode} has used all 9999 dossier numbers for ${day}`);
  return `${agencyCode}-${day}-${String(counter.seq).padStart(4, '0')}`;
}
