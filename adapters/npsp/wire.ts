import { z } from 'zod';
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
 *
 * Reading is strict: one zod schema per message, and a WireFormatError listing every field it
 * refuses (path, why, what came), so one failed exchange shows all that the portal got wrong.
 */

/** One field the portal sent that we cannot read: where (e.g. `HoSo.NgayHenTra`) and why. */
export interface WireFieldError {
  path: string;
  message: string;
  /** The value as JSON, or "nothing" when the field is absent. */
  got: string;
}

/** A wire value we cannot read; `fields` lists every offending field, and the message names them all. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
  readonly fields: readonly WireFieldError[];
  constructor(problem: string | readonly WireFieldError[]) {
    const fields = typeof problem === 'string' ? [] : problem;
    super(typeof problem === 'string' ? problem : fields.map((f) => `${f.path}: ${f.message} (got ${f.got})`).join('; '));
    this.fields = fields;
  }
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

// ---- wire → domain, strictly: zod schemas of the portal's messages ----

const nonEmpty = 'must be a non-empty string';
/** Text the portal must fill in. */
const text = z.string({ error: nonEmpty }).refine((v) => v.trim() !== '', { error: nonEmpty });
/** Text where "" is the portal's "none". */
const optionalText = z.string({ error: 'must be a string' }).transform((v) => (v === '' ? null : v));
const anyText = z.string({ error: 'must be a string' });

function integer(min: number, max?: number) {
  const error = max === undefined ? `must be an integer >= ${min}` : `must be an integer ${min}-${max}`;
  return z.number({ error }).int({ error, abort: true }).min(min, { error, abort: true }).max(max ?? Number.MAX_SAFE_INTEGER, { error });
}

const DATE = 'must be a date yyyyMMddHHmmss';
const readDate = (v: string, ctx: z.RefinementCtx): Date => {
  try {
    return fromPortalDate(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: DATE, input: v });
    return z.NEVER;
  }
};
const date = z.string({ error: DATE }).transform(readDate);
/** A date, or "" for none. */
const optionalDate = z.string({ error: DATE }).transform((v, ctx) => (v === '' ? null : readDate(v, ctx)));

/** One of the portal's codes (a key of `table`), as ours. */
function code<T>(table: Record<string, T>) {
  const keys = Object.keys(table) as [string, ...string[]];
  return z.enum(keys, { error: `must be one of ${keys.join(', ')}` }).transform((c) => table[c]!);
}
const codes = <T>(table: Record<string, T>) => z.array(code(table), { error: 'must be a list' }).min(1, { error: 'must not be empty' });
const list = <S extends z.ZodType>(item: S) => z.array(item, { error: 'must be a list' });
const message = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });

const SUMMARY = { MaTTHC: text, TenTTHC: text, TrangThai: code(WITHDRAWN), NgayCapNhat: date };
const summaryOf = (w: z.output<z.ZodObject<typeof SUMMARY>>): NationalProcedureSummary => ({
  code: w.MaTTHC,
  name: w.TenTTHC,
  withdrawn: w.TrangThai,
  updatedAt: w.NgayCapNhat,
});

const ProcedureSummary = message(SUMMARY).transform(summaryOf);

/** LayDanhSachTTHC's answer: one page of the procedure list and the total. */
const ProcedureList = message({ DanhSach: list(ProcedureSummary), TongSo: integer(0) }).transform((w) => ({ items: w.DanhSach, total: w.TongSo }));

const Procedure = message({
  ...SUMMARY,
  TenTTHCTiengAnh: optionalText,
  LinhVuc: text,
  CapThucHien: codes(AGENCY_LEVELS),
  MucDoDVC: code(SERVICE_LEVELS),
  CachThucNop: codes(SUBMISSION_METHODS),
  ThoiHanGiaiQuyet: integer(0),
  PhiLePhi: list(message({ MoTa: text, SoTien: integer(0) })),
  ThanhPhanHoSo: list(message({ MaGiayTo: text, TenGiayTo: text, SoBanChinh: integer(0), SoBanSao: integer(0), MauDon: optionalText })),
  KetQua: list(anyText),
  CanCuPhapLy: list(anyText),
  TrinhTuThucHien: anyText,
}).transform((w): NationalProcedure => ({
  ...summaryOf(w),
  nameEn: w.TenTTHCTiengAnh,
  field: w.LinhVuc,
  agencyLevels: w.CapThucHien,
  serviceLevel: w.MucDoDVC,
  submissionMethods: w.CachThucNop,
  processingDays: w.ThoiHanGiaiQuyet,
  fees: w.PhiLePhi.map((f) => ({ description: f.MoTa, amountVnd: f.SoTien })),
  components: w.ThanhPhanHoSo.map((c) => ({ documentTypeCode: c.MaGiayTo, name: c.TenGiayTo, originals: c.SoBanChinh, copies: c.SoBanSao, formTemplate: c.MauDon })),
  resultDocuments: w.KetQua,
  legalBasis: w.CanCuPhapLy,
  guide: w.TrinhTuThucHien,
}));

const Supplement = message({ NgayYeuCau: date, LyDo: text, NgayHenTraCu: date, NgayBoSung: optionalDate, NgayHenTraMoi: optionalDate }).transform(
  (s): SupplementRecord => ({ requestedAt: s.NgayYeuCau, reason: s.LyDo, previousAppointmentAt: s.NgayHenTraCu, receivedAt: s.NgayBoSung, newAppointmentAt: s.NgayHenTraMoi }),
);

const Dossier = message({
  MaHoSo: text,
  SoThuTuDongBo: integer(1),
  MaTTHC: text,
  TenTTHC: text,
  MaDonVi: text,
  KenhNop: text,
  TrangThaiHoSo: integer(1, 10),
  NgayTiepNhan: date,
  NgayHenTra: date,
  NgayTra: optionalDate,
  NgayCapNhat: date,
  DanhSachHoSoBoSung: list(Supplement),
}).transform((w): DossierSyncRecord => ({
  dossierCode: w.MaHoSo,
  syncSeq: w.SoThuTuDongBo,
  procedureCode: w.MaTTHC,
  procedureName: w.TenTTHC,
  agencyCode: w.MaDonVi,
  channel: w.KenhNop,
  statusCode: w.TrangThaiHoSo,
  receivedAt: w.NgayTiepNhan,
  appointmentAt: w.NgayHenTra,
  returnedAt: w.NgayTra,
  updatedAt: w.NgayCapNhat,
  supplements: w.DanhSachHoSoBoSung,
}));

/** `HoSo.DanhSachHoSoBoSung[0].NgayYeuCau`: where in the message, from `at` (the message's own name). */
const pathOf = (at: string, path: readonly PropertyKey[]) =>
  path.reduce<string>((where, k) => (typeof k === 'number' ? `${where}[${k}]` : where ? `${where}.${String(k)}` : String(k)), at);

/** Checks a message against its schema; throws WireFormatError listing every bad field with its path. */
function decode<T>(schema: z.ZodType<T>, value: unknown, at: string): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new WireFormatError(
    result.error.issues.map((issue) => ({ path: pathOf(at, issue.path), message: issue.message, got: JSON.stringify(issue.input) ?? 'nothing' })),
  );
}

/** A page of LayDanhSachTTHC: its procedure list lines and the total; throws WireFormatError naming every bad field. */
export function procedureListFromWire(w: unknown): { items: NationalProcedureSummary[]; total: number } {
  return decode(ProcedureList, w, '');
}

/** A full procedure from the portal; throws WireFormatError naming every bad field. */
export function procedureFromWire(w: unknown, at = 'ThuTuc'): NationalProcedure {
  return decode(Procedure, w, at);
}

/** A dossier record on the wire, checked strictly (required fields, TrangThaiHoSo 1–10, real dates). */
export function dossierFromWire(w: unknown, at = 'HoSo'): DossierSyncRecord {
  return decode(Dossier, w, at);
}
