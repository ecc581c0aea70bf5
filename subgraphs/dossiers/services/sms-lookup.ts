import { vietnamDate } from '../../../platform/vietnam-time';
import { withoutDiacritics } from '../../../platform/text';
import type { DossierRecord } from '../models/dossier';

/**
 * The automatic SMS reply to a status lookup (R-DOS-4; 352 Art. 12.2): "HS <code>" gets the
 * public state (Art. 12) in Vietnamese without diacritics, which every handset shows, in at most
 * 160 characters (one GSM-7 segment). Nothing personal is sent.
 */
export const MAX_SMS_LENGTH = 160;

const STATUS_TEXT: Record<string, string> = {
  RECEIVED: 'BHXH da tiep nhan ho so',
  PROCESSING: 'BHXH dang xu ly ho so',
  RESULT_READY: 'BHXH da xu ly xong, da co ket qua',
  RESULT_RETURNED: 'BHXH da tra ket qua',
  REJECTED: 'BHXH da tu choi ho so',
};

/** The code asked for, or null when the message is not "HS <code>". */
export function parseLookup(text: string): string | null {
  const m = /^\s*HS\s+(\S+)\s*$/i.exec(withoutDiacritics(text));
  return m ? m[1]!.toUpperCase() : null;
}

export function statusReply(d: Pick<DossierRecord, 'code' | 'status' | 'appointmentAt' | 'returnedAt' | 'handlingAgencyCode'>): string {
  const when = d.returnedAt ? `Tra KQ ${vietnamDate(d.returnedAt)}` : `Hen tra ${vietnamDate(d.appointmentAt)}`;
  const reply = `HS ${d.code}: ${STATUS_TEXT[d.status] ?? d.status}. ${when}. Co quan: ${d.handlingAgencyCode}`;
  return withoutDiacritics(reply).slice(0, MAX_SMS_LENGTH);
}

export const unknownCodeReply = (code: string) => withoutDiacritics(`Khong tim thay ho so ${code}. Kiem tra lai ma tren phieu tiep nhan.`).slice(0, MAX_SMS_LENGTH);
export const SYNTAX_REPLY = 'Sai cu phap. Soan: HS <ma ho so>, vi du HS 000.00.01.H26-261126-0001';
