import { fromVietnamClock, toVietnamClock } from '../../platform/vietnam-time';
import type {
  AgencyLevel, DossierSyncRecord, NationalProcedure, NationalProcedureSummary, ServiceLevel, SubmissionMethod, SupplementRecord,
} from './port';

/**
 * The National Public Service Portal's wire format, shared by the client and the simulator so
 * that both speak exactly one dialect: Vietnamese field names, dates as yyyyMMddHHmmss on the
 * Vietnam clock, "" for an absent date or text.
 *
 * Enumerations travel as these codes (left: ours, right: the portal's):
 *   CapThucHien  CENTRAL → TRUNG_UONG, PROVINCIAL → TINH, DISTRICT → HUYEN
 *   MucDoDVC     FULL_ONLINE → TOAN_TRINH, PARTIAL_ONLINE → MOT_PHAN, OFFLINE → KHONG_TRUC_TUYEN
 *   CachThucNop  ONLINE → TRUC_TUYEN, DESK → TRUC_TIEP, POSTAL → BUU_CHINH
 *   TrangThai    withdrawn false → CONG_BO (công bố), true → BAI_BO (bãi bỏ)
 * KenhNop carries our channel code unchanged (the port types it as a plain string), and
 * TrangThaiHoSo is already the portal's own 1–10.
 */

/** A wire value we cannot read; the message names every offending field. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

const PORTAL_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** yyyyMMddHHmmss of the instant in Asia/Ho_Chi_Minh; milliseconds are dropped (the portal keeps none). */
export function toPortalDate(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('toPortalDate: not a valid Date');
  const v = toVietnamClock(d).toISOString();
  // Years outside 0000–9999 come out as ±YYYYYY and would not fit the 14 digits.
  if (!/^\d{4}-/.test(v)) throw new RangeError(`toPortalDate: year out of range (${v})`);
  return `${v.slice(0, 4)}${v.slice(5, 7)}${v.slice(8, 10)}${v.slice(11, 13)}${v.slice(14, 16)}${v.slice(17, 19)}`;
}

/** The instant a yyyyMMddHHmmss portal date (Asia/Ho_Chi_Minh) names; throws WireFormatError on anything else. */
export function fromPortalDate(s: string): Date {
  const m = typeof s === 'string' ? PORTAL_DATE.exec(s) : null;
  if (!m) throw new WireFormatError(`not a portal date (yyyyMMddHHmmss): ${JSON.stringify(s)}`);
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  // Date.UTC quietly rolls 31 April into 1 May (and years 0–99 into 19xx); reading the fields
  // back refuses dates that do not exist instead of shifting them.
  const back = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  if (back.some((v, i) => v !== [y, mo, d, h, mi, se][i])) throw new WireFormatError(`not a calendar date: ${JSON.stringify(s)}`);
  return fromVietnamClock(local);
}

const optionalToWire = (d: Date | null): string => (d ? toPortalDate(d) : '');

// ---- enumerations ----

export const AGENCY_LEVEL_CODES: Record<AgencyLevel, string> = { CENTRAL: 'TRUNG_UONG', PROVINCIAL: 'TINH', DISTRICT: 'HUYEN' };
export const SERVICE_LEVEL_CODES: Record<ServiceLevel, string> = { FULL_ONLINE: 'TOAN_TRINH', PARTIAL_ONLINE: 'MOT_PHAN', OFFLINE: 'KHONG_TRUC_TUYEN' };
export const SUBMISSION_METHOD_CODES: Record<SubmissionMethod, string> = { ONLINE: 'TRUC_TUYEN', DESK: 'TRUC_TIEP', POSTAL: 'BUU_CHINH' };
export const PROCEDURE_STATUS_CODES = { published: 'CONG_BO', withdrawn: 'BAI_BO' } as const;

const invert = <T extends string>(table: Record<T, string>): Record<string, T> =>
  Object.fromEntries(Object.entries(table).map(([ours, theirs]) => [theirs, ours])) as Record<string, T>;
const AGENCY_LEVELS = invert(AGENCY_LEVEL_CODES);
const SERVICE_LEVELS = invert(SERVICE_LEVEL_CODES);
const SUBMISSION_METHODS = invert(SUBMISSION_METHOD_CODES);
const WITHDRAWN: Record<string, boolean> = { [PROCEDURE_STATUS_CODES.published]: false, [PROCEDURE_STATUS_CODES.withdrawn]: true };

// ---- shapes on the wire ----

export interface WireProcedureSummary {
  MaTTHC: string;
  TenTTHC: string;
  TrangThai: string;
  NgayCapNhat: string;
}

export interface WireProcedure extends WireProcedureSummary {
  TenTTHCTiengAnh: string;
  LinhVuc: string;
  CapThucHien: string[];
  MucDoDVC: string;
  CachThucNop: string[];
  ThoiHanGiaiQuyet: number;
  PhiLePhi: { MoTa: string; SoTien: number }[];
  ThanhPhanHoSo: { MaGiayTo: string; TenGiayTo: string; SoBanChinh: number; SoBanSao: number; MauDon: string }[];
  KetQua: string[];
  CanCuPhapLy: string[];
  TrinhTuThucHien: string;
}

export interface WireSupplement {
  NgayYeuCau: string;
  LyDo: string;
  NgayHenTraCu: string;
  NgayBoSung: string;
  NgayHenTraMoi: string;
}

export interface WireDossier {
  MaHoSo: string;
  SoThuTuDongBo: number;
  MaTTHC: string;
  TenTTHC: string;
  MaDonVi: string;
  KenhNop: string;
  TrangThaiHoSo: number;
  NgayTiepNhan: string;
  NgayHenTra: string;
  NgayTra: string;
  NgayCapNhat: string;
  DanhSachHoSoBoSung: WireSupplement[];
}

// ---- domain → wire ----

/** A procedure list line as the portal sends it. */
export function procedureSummaryToWire(p: NationalProcedureSummary): WireProcedureSummary {
  return {
    MaTTHC: p.code,
    TenTTHC: p.name,
    TrangThai: p.withdrawn ? PROCEDURE_STATUS_CODES.withdrawn : PROCEDURE_STATUS_CODES.published,
    NgayCapNhat: toPortalDate(p.updatedAt),
  };
}

/** A full procedure as the portal sends it. */
export function procedureToWire(p: NationalProcedure): WireProcedure {
  return {
    ...procedureSummaryToWire(p),
    TenTTHCTiengAnh: p.nameEn ?? '',
    LinhVuc: p.field,
    CapThucHien: p.agencyLevels.map((l) => AGENCY_LEVEL_CODES[l]),
    MucDoDVC: SERVICE_LEVEL_CODES[p.serviceLevel],
    CachThucNop: p.submissionMethods.map((m) => SUBMISSION_METHOD_CODES[m]),
    ThoiHanGiaiQuyet: p.processingDays,
    PhiLePhi: p.fees.map((f) => ({ MoTa: f.description, SoTien: f.amountVnd })),
    ThanhPhanHoSo: p.components.map((c) => ({ MaGiayTo: c.documentTypeCode, TenGiayTo: c.name, SoBanChinh: c.originals, SoBanSao: c.copies, MauDon: c.formTemplate ?? '' })),
    KetQua: [...p.resultDocuments],
    CanCuPhapLy: [...p.legalBasis],
    TrinhTuThucHien: p.guide,
  };
}

/** A dossier's state as we push it to the portal (DongBoHoSoMC, CapNhatTienDoHoSoMC). */
export function dossierToWire(d: DossierSyncRecord): WireDossier {
  return {
    MaHoSo: d.dossierCode,
    SoThuTuDongBo: d.syncSeq,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    MaDonVi: d.agencyCode,
    KenhNop: d.channel,
    TrangThaiHoSo: d.statusCode,
    NgayTiepNhan: toPortalDate(d.receivedAt),
    NgayHenTra: toPortalDate(d.appointmentAt),
    NgayTra: optionalToWire(d.returnedAt),
    NgayCapNhat: toPortalDate(d.updatedAt),
    DanhSachHoSoBoSung: d.supplements.map((s) => ({
      NgayYeuCau: toPortalDate(s.requestedAt),
      LyDo: s.reason,
      NgayHenTraCu: toPortalDate(s.previousAppointmentAt),
      NgayBoSung: optionalToWire(s.receivedAt),
      NgayHenTraMoi: optionalToWire(s.newAppointmentAt),
    })),
  };
}

// ---- wire → domain, strictly ----

interface Reader {
  str(k: string, opts?: { empty?: boolean }): string;
  int(k: string, min: number, max?: number): number;
  date(k: string): Date;
  /** "" is the portal's "none". */
  optionalDate(k: string): Date | null;
  code<T>(k: string, table: Record<string, T>): T;
  codes<T>(k: string, table: Record<string, T>): T[];
  strs(k: string): string[];
  list<T>(k: string, each: (item: Reader) => T): T[];
}

/**
 * Reads one wire object field by field, noting every problem (with its path) instead of
 * stopping at the first, so that a refusal names all that is wrong at once. Values returned for
 * a bad field are placeholders; `decode` throws before any of them escapes.
 */
function reader(problems: string[], value: unknown, at: string): Reader {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject) problems.push(`${at}: must be an object`);
  const o: Record<string, unknown> = isObject ? (value as Record<string, unknown>) : {};
  const bad = (k: string, what: string) => {
    problems.push(`${at}.${k}: ${what} (got ${JSON.stringify(o[k]) ?? 'nothing'})`);
  };
  const r: Reader = {
    str(k, opts = {}) {
      const v = o[k];
      if (typeof v !== 'string' || (!opts.empty && v.trim() === '')) bad(k, opts.empty ? 'must be a string' : 'must be a non-empty string');
      return typeof v === 'string' ? v : '';
    },
    int(k, min, max = Number.MAX_SAFE_INTEGER) {
      const v = o[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(k, max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer ${min}-${max}`);
      return typeof v === 'number' ? v : 0;
    },
    date(k) {
      try {
        return fromPortalDate(o[k] as string);
      } catch {
        bad(k, 'must be a date yyyyMMddHHmmss');
        return new Date(0);
      }
    },
    optionalDate(k) {
      return o[k] === '' ? null : r.date(k);
    },
    code(k, table) {
      const v = o[k];
      if (typeof v !== 'string' || !Object.hasOwn(table, v)) bad(k, `must be one of ${Object.keys(table).join(', ')}`);
      return table[v as string]!;
    },
    codes(k, table) {
      const v = o[k];
      if (!Array.isArray(v) || v.length === 0 || v.some((c) => typeof c !== 'string' || !Object.hasOwn(table, c))) {
        bad(k, `must be a non-empty list of ${Object.keys(table).join(', ')}`);
        return [];
      }
      return v.map((c: string) => table[c]!);
    },
    strs(k) {
      const v = o[k];
      if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
        bad(k, 'must be a list of strings');
        return [];
      }
      return v as string[];
    },
    list(k, each) {
      const v = o[k];
      if (!Array.isArray(v)) {
        bad(k, 'must be a list');
        return [];
      }
      return v.map((item, i) => each(reader(problems, item, `${at}.${k}[${i}]`)));
    },
  };
  return r;
}

function decode<T>(value: unknown, at: string, read: (r: Reader) => T): T {
  const problems: string[] = [];
  const result = read(reader(problems, value, at));
  if (problems.length) throw new WireFormatError(problems.join('; '));
  return result;
}

const readSummary = (r: Reader): NationalProcedureSummary => ({
  code: r.str('MaTTHC'),
  name: r.str('TenTTHC'),
  withdrawn: r.code('TrangThai', WITHDRAWN),
  updatedAt: r.date('NgayCapNhat'),
});

/** A procedure list line from the portal; throws WireFormatError naming every bad field. */
export function procedureSummaryFromWire(w: unknown, at = 'TTHC'): NationalProcedureSummary {
  return decode(w, at, readSummary);
}

/** A full procedure from the portal; throws WireFormatError naming every bad field. */
export function procedureFromWire(w: unknown, at = 'ThuTuc'): NationalProcedure {
  return decode(w, at, (r) => {
    const nameEn = r.str('TenTTHCTiengAnh', { empty: true });
    return {
      ...readSummary(r),
      nameEn: nameEn === '' ? null : nameEn,
      field: r.str('LinhVuc'),
      agencyLevels: r.codes('CapThucHien', AGENCY_LEVELS),
      serviceLevel: r.code('MucDoDVC', SERVICE_LEVELS),
      submissionMethods: r.codes('CachThucNop', SUBMISSION_METHODS),
      processingDays: r.int('ThoiHanGiaiQuyet', 0),
      fees: r.list('PhiLePhi', (f) => ({ description: f.str('MoTa'), amountVnd: f.int('SoTien', 0) })),
      components: r.list('ThanhPhanHoSo', (c) => {
        const form = c.str('MauDon', { empty: true });
        return { documentTypeCode: c.str('MaGiayTo'), name: c.str('TenGiayTo'), originals: c.int('SoBanChinh', 0), copies: c.int('SoBanSao', 0), formTemplate: form === '' ? null : form };
      }),
      resultDocuments: r.strs('KetQua'),
      legalBasis: r.strs('CanCuPhapLy'),
      guide: r.str('TrinhTuThucHien', { empty: true }),
    };
  });
}

/** A dossier record on the wire, checked strictly (required fields, TrangThaiHoSo 1–10, real dates). */
export function dossierFromWire(w: unknown, at = 'HoSo'): DossierSyncRecord {
  return decode(w, at, (r) => ({
    dossierCode: r.str('MaHoSo'),
    syncSeq: r.int('SoThuTuDongBo', 1),
    procedureCode: r.str('MaTTHC'),
    procedureName: r.str('TenTTHC'),
    agencyCode: r.str('MaDonVi'),
    channel: r.str('KenhNop'),
    statusCode: r.int('TrangThaiHoSo', 1, 10),
    receivedAt: r.date('NgayTiepNhan'),
    appointmentAt: r.date('NgayHenTra'),
    returnedAt: r.optionalDate('NgayTra'),
    updatedAt: r.date('NgayCapNhat'),
    supplements: r.list('DanhSachHoSoBoSung', (s): SupplementRecord => ({
      requestedAt: s.date('NgayYeuCau'),
      reason: s.str('LyDo'),
      previousAppointmentAt: s.date('NgayHenTraCu'),
      receivedAt: s.optionalDate('NgayBoSung'),
      newAppointmentAt: s.optionalDate('NgayHenTraMoi'),
    })),
  }));
}
