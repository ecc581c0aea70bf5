import { z } from 'zod';
import type { Operation } from './envelope';
import { SoapFault, type FaultField } from './faults';

/**
 * The four SOAP operations as GraphQL operations of the graph (R-INT-1): each message's arguments
 * are checked against the WSDL's types, turned into variables of one fixed GraphQL document, run
 * as the provider through the gateway like any GraphQL request, and the answer renamed to the
 * WSDL's elements. No rule lives here: validation, row-level access, events and audit are the
 * subgraphs', as for GraphQL clients.
 */
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const count = z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(1000, 'must be at most 1000');
/** The soap package gives one repeated element as an object and several as an array. */
const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

const NopHoSo = z.object({
  MaTTHC: text(32),
  MaCoQuan: text(32),
  NguoiNop: z.object({ SoDinhDanh: text(12).optional(), MaDonVi: text(32).optional(), HoTen: text(200) }),
  DanhSachThanhPhan: z.object({
    ThanhPhan: list(z.object({ MaGiayTo: text(64), TenGiayTo: text(300), SoBanChinh: count.optional(), SoBanSao: count.optional() })).pipe(z.array(z.any()).min(1, 'list at least one component').max(100, 'at most 100 components')),
  }),
  // Optional here: a missing signature is refused by intake, with its reason (MISSING) and the rule.
  ChuKySo: text(8192).optional(),
});
const ByCode = z.object({ MaHoSo: text(64) });
const LayThayDoiTrangThai = z.object({
  SauSo: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more'),
  SoLuong: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').optional(),
});

const fieldOf = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** The arguments, or BAD_USER_INPUT naming every bad element. */
function parse<T extends z.ZodTypeAny>(schema: T, args: unknown): z.infer<T> {
  const result = schema.safeParse(args ?? {});
  if (result.success) return result.data;
  const fields: FaultField[] = result.error.issues.map((i) => ({
    field: fieldOf(i.path),
    message: i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message,
  }));
  throw SoapFault.client('BAD_USER_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}

/** GraphQL input field paths (as inputErrors name them) → the WSDL's element names. */
const SOAP_NAMES: Record<string, string> = {
  procedureCode: 'MaTTHC', agencyCode: 'MaCoQuan', applicant: 'NguoiNop', personalId: 'SoDinhDanh', unitCode: 'MaDonVi', name: 'HoTen',
  components: 'DanhSachThanhPhan.ThanhPhan', documentTypeCode: 'MaGiayTo', originals: 'SoBanChinh', copies: 'SoBanSao', after: 'SauSo', first: 'SoLuong',
  organizationSignature: 'ChuKySo',
};
export const soapFieldOf = (field: string) =>
  field.split('.').map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${SOAP_NAMES[part] ?? part}`)).join('').slice(1).replace(/\.\[/g, '[');

/** One GraphQL document per operation; the gateway trusts them (trusted-documents.ts). */
export const DOCUMENTS: Record<Exclude<Operation, 'LayBienNhan'>, string> = {
  NopHoSo: 'mutation IvanNopHoSo($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code receivedAt appointmentAt receiptUrl } }',
  TraCuuHoSo: 'query IvanTraCuuHoSo($code: ID!) { dossier(code: $code) { code status npspStatusCode receivedAt appointmentAt version handlingAgency { code name } '
    + 'history { version action fromState toState at agencyCode reason } } }',
  LayThayDoiTrangThai: 'query IvanLayThayDoiTrangThai($after: Int!, $first: Int) { ivanChanges(after: $after, first: $first) { '
    + 'changes { number dossierCode version action fromState toState status npspStatusCode agencyCode at } last hasMore } }',
};

export function variablesOf(op: Exclude<Operation, 'LayBienNhan'>, args: unknown): Record<string, unknown> {
  if (op === 'NopHoSo') {
    const a = parse(NopHoSo, args);
    return {
      input: {
        procedureCode: a.MaTTHC,
        agencyCode: a.MaCoQuan,
        applicant: { personalId: a.NguoiNop.SoDinhDanh, unitCode: a.NguoiNop.MaDonVi, name: a.NguoiNop.HoTen },
        components: (a.DanhSachThanhPhan.ThanhPhan as z.infer<typeof NopHoSo>['DanhSachThanhPhan']['ThanhPhan']).map((c) => ({
          documentTypeCode: c.MaGiayTo, name: c.TenGiayTo, originals: c.SoBanChinh ?? 1, copies: c.SoBanSao ?? 0,
        })),
        organizationSignature: a.ChuKySo,
      },
    };
  }
  if (op === 'TraCuuHoSo') return { code: parse(ByCode, args).MaHoSo };
  const a = parse(LayThayDoiTrangThai, args);
  return { after: a.SauSo, first: a.SoLuong ?? 100 };
}

export const receiptCodeOf = (args: unknown) => parse(ByCode, args).MaHoSo;

type Data = Record<string, unknown>;
interface Dossier {
  code: string; status: string; npspStatusCode: number; receivedAt: string; appointmentAt: string; version: number;
  handlingAgency: { code: string; name: string | null } | null;
  history: { version: number; action: string; fromState: string | null; toState: string; at: string; agencyCode: string; reason: string | null }[];
}
interface Change {
  number: number; dossierCode: string; version: number; action: string; fromState: string | null; toState: string; status: string; npspStatusCode: number; agencyCode: string; at: string;
}
const optional = <T>(name: string, v: T | null) => (v === null ? {} : { [name]: v });

/** The GraphQL answer as the WSDL's response element; `origin` makes the receipt URL absolute. */
export function responseOf(op: Exclude<Operation, 'LayBienNhan'>, data: Data, origin: string): Data | null {
  if (op === 'NopHoSo') {
    const d = data.receiveDossier as { code: string; receivedAt: string; appointmentAt: string; receiptUrl: string };
    return { MaHoSo: d.code, NgayTiepNhan: d.receivedAt, NgayHenTra: d.appointmentAt, DuongDanBienNhan: new URL(d.receiptUrl, origin).href };
  }
  if (op === 'TraCuuHoSo') {
    const d = data.dossier as Dossier | null;
    if (!d) return null;
    return {
      MaHoSo: d.code, TrangThai: d.status, MaTrangThaiDVC: d.npspStatusCode, NgayTiepNhan: d.receivedAt, NgayHenTra: d.appointmentAt,
      CoQuanXuLy: { Ma: d.handlingAgency?.code ?? d.history.at(-1)?.agencyCode ?? '', ...optional('Ten', d.handlingAgency?.name ?? null) },
      PhienBan: d.version,
      LichSu: {
        Buoc: d.history.map((h) => ({
          PhienBan: h.version, HanhDong: h.action, ...optional('TuTrangThai', h.fromState), DenTrangThai: h.toState, ThoiDiem: h.at, MaCoQuan: h.agencyCode, ...optional('LyDo', h.reason),
        })),
      },
    };
  }
  const page = data.ivanChanges as { changes: Change[]; last: number; hasMore: boolean };
  return {
    ThayDoi: page.changes.map((c) => ({
      SoThuTu: c.number, MaHoSo: c.dossierCode, PhienBan: c.version, HanhDong: c.action, ...optional('TuTrangThai', c.fromState),
      DenTrangThai: c.toState, TrangThai: c.status, MaTrangThaiDVC: c.npspStatusCode, MaCoQuan: c.agencyCode, ThoiDiem: c.at,
    })),
    SoCuoi: page.last,
    ConNua: page.hasMore,
  };
}
