import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AgencyLevel, DossierSyncRecord, NationalProcedure, SubmissionMethod } from './port';
import { dossierFromWire, dossierToWire, procedureSummaryToWire, procedureToWire, WireFormatError } from './wire';

/**
 * A stand-in for the National Public Service Portal over real HTTP, speaking the client's wire
 * format (wire.ts): POST /login gives a session, POST /service {service, session, …} answers with
 * `error_code` ("00" success, "01" bad login, "02" session expired, "03" invalid data, "04" not
 * found, "99" system error).
 *
 * It holds a national procedure database (`procedures`, which tests edit in place) and the
 * dossier syncs it received (`dossiers`), and it checks what our side promises: each
 * (MaHoSo, SoThuTuDongBo) applied once and in order — a repeat is acknowledged (`DaXuLy`) and
 * counted, a gap refused and counted in `outOfOrder`.
 *
 * Knobs: `down` (HTTP 503 for everything), `latencyMs`, `expireSessions` (the next call finds its
 * session expired), `failNext` (the next N service calls answer "99"), `rejectDossiers` (syncs of
 * these dossier codes answer "03"). Counters: `logins`, `calls` per service (every /service
 * request naming it, expired sessions included).
 */
export interface NpspSimulatorOptions {
  username: string;
  password: string;
  accounts?: string[];
  /** The national procedure database; a generated one of 40 VSS procedures when absent. */
  procedures?: NationalProcedure[];
}

export interface DossierSyncLog {
  applied: DossierSyncRecord[];
  duplicates: number;
}

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

const MAX_PAGE_SIZE = 100;
const ok = (body: Answer = {}): Answer => ({ error_code: '00', error_message: 'Thanh cong', ...body });
const fail = (code: string, message: string): Answer => ({ error_code: code, error_message: message });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request body as a JSON object, or null when it is not one. */
async function readJsonBody(req: http.IncomingMessage): Promise<Params | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Params) : null;
  } catch {
    return null;
  }
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Starts the simulator on a free loopback port. */
export async function startNpspSimulator(opts: NpspSimulatorOptions) {
  const accounts = new Set(opts.accounts ?? []);
  const procedures = new Map((opts.procedures ?? generateNationalProcedures(40)).map((p) => [p.code, p]));
  const dossiers = new Map<string, DossierSyncLog>();
  const sessions = new Set<string>();
  const knobs = { expireSessions: false, down: false, latencyMs: 0, failNext: 0, rejectDossiers: new Set<string>() };
  const calls: Record<string, number> = {};
  let logins = 0;
  let outOfOrder = 0;

  /** DongBoHoSoMC (first) and CapNhatTienDoHoSoMC (later) share one set of rules. */
  const sync = (p: Params, first: boolean): Answer => {
    let d: DossierSyncRecord;
    try {
      d = dossierFromWire(p.HoSo);
    } catch (e) {
      if (e instanceof WireFormatError) return fail('03', `Du lieu ho so khong hop le: ${e.message}`);
      throw e;
    }
    if (knobs.rejectDossiers.has(d.dossierCode)) return fail('03', `Ho so ${d.dossierCode} bi tu choi`);
    const log = dossiers.get(d.dossierCode);
    if (!log && !first) return fail('04', `Khong tim thay ho so ${d.dossierCode}; can dong bo bang DongBoHoSoMC truoc`);
    const last = log?.applied.at(-1)?.syncSeq ?? 0;
    if (log && d.syncSeq <= last) {
      log.duplicates++;
      return ok({ DaXuLy: true });
    }
    if (d.syncSeq !== last + 1) {
      outOfOrder++;
      return fail('03', `SoThuTuDongBo ${d.syncSeq} khong lien tiep: da nhan den ${last}`);
    }
    if (log && first) return fail('03', `Ho so ${d.dossierCode} da duoc dong bo; cap nhat bang CapNhatTienDoHoSoMC`);
    if (log) log.applied.push(d);
    else dossiers.set(d.dossierCode, { applied: [d], duplicates: 0 });
    return ok({ DaXuLy: false });
  };

  const services: Record<string, (p: Params) => Answer> = {
    KiemTraTaiKhoan: (p) => ok({ CoTaiKhoan: accounts.has(String(p.SoDinhDanh)) }),
    // MaDonVi is required but does not filter: every procedure here is VSS's own.
    LayDanhSachTTHC: (p) => {
      if (typeof p.MaDonVi !== 'string' || !p.MaDonVi) return fail('03', 'Thieu MaDonVi');
      if (!isInt(p.Trang, 1, Number.MAX_SAFE_INTEGER)) return fail('03', 'Trang phai la so nguyen >= 1');
      if (!isInt(p.SoBanGhi, 1, MAX_PAGE_SIZE)) return fail('03', `SoBanGhi phai la so nguyen 1-${MAX_PAGE_SIZE}`);
      const all = [...procedures.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const from = (p.Trang - 1) * p.SoBanGhi;
      return ok({ DanhSach: all.slice(from, from + p.SoBanGhi).map(procedureSummaryToWire), TongSo: all.length });
    },
    LayThuTuc: (p) => {
      const found = procedures.get(String(p.MaTTHC));
      return found ? ok({ ThuTuc: procedureToWire(found) }) : fail('04', `Khong tim thay thu tuc ${String(p.MaTTHC)}`);
    },
    DongBoHoSoMC: (p) => sync(p, true),
    CapNhatTienDoHoSoMC: (p) => sync(p, false),
    TraCuuHoSo: (p) => {
      const last = dossiers.get(String(p.MaHoSo))?.applied.at(-1);
      return last ? ok({ HoSo: dossierToWire(last) }) : fail('04', `Khong tim thay ho so ${String(p.MaHoSo)}`);
    },
  };

  const handle = (url: string | undefined, body: Params | null): Answer | null => {
    if (url === '/login') {
      logins++;
      if (body?.username !== opts.username || body?.password !== opts.password) return fail('01', 'Sai tai khoan hoac mat khau');
      const session = randomUUID();
      sessions.add(session);
      return ok({ session });
    }
    if (url !== '/service') return null;
    if (!body) return fail('03', 'Yeu cau khong phai JSON');
    const service = String(body.service);
    calls[service] = (calls[service] ?? 0) + 1;
    if (knobs.expireSessions) {
      knobs.expireSessions = false;
      sessions.clear();
    }
    if (!sessions.has(String(body.session))) return fail('02', 'Phien lam viec het han');
    if (knobs.failNext > 0) {
      knobs.failNext--;
      return fail('99', 'He thong dang ban, vui long thu lai sau');
    }
    const run = services[service];
    return run ? run(body) : fail('99', `Khong ho tro dich vu ${service}`);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readJsonBody(req);
      if (knobs.down) return void res.writeHead(503).end();
      await sleep(knobs.latencyMs);
      const answer = handle(req.url, body);
      if (!answer) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    password: opts.password,
    accounts,
    procedures,
    dossiers,
    knobs,
    calls,
    get logins() {
      return logins;
    },
    get outOfOrder() {
      return outOfOrder;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type NpspSimulator = Awaited<ReturnType<typeof startNpspSimulator>>;

// ---- a generated national procedure database ----

type Template = Pick<NationalProcedure, 'name' | 'nameEn' | 'field' | 'agencyLevels' | 'serviceLevel' | 'submissionMethods' | 'processingDays' | 'components' | 'resultDocuments'>;

const FIELD_CONTRIBUTIONS = 'Thu BHXH, BHYT, BHTN, BHTNLĐ-BNN';
const FIELD_BOOKS = 'Cấp sổ BHXH, thẻ BHYT';
const FIELD_BENEFITS = 'Chế độ BHXH';
const FIELD_HEALTH = 'Thực hiện chính sách BHYT';
const FIELD_PAYMENTS = 'Chi trả các chế độ BHXH, BHTN';
const FIELD_COMPLAINTS = 'Giải quyết khiếu nại, tố cáo';

const form = (documentTypeCode: string, name: string, formTemplate: string | null = `Mẫu ${documentTypeCode}`, originals = 1, copies = 0) =>
  ({ documentTypeCode, name, originals, copies, formTemplate });
const TK1 = form('TK1-TS', 'Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT');
const BOOK = form('SO-BHXH', 'Sổ BHXH', null);
const LIST_01B = form('01B-HSB', 'Danh sách đề nghị giải quyết hưởng chế độ ốm đau, thai sản, dưỡng sức, phục hồi sức khỏe');
const ALL_WAYS: SubmissionMethod[] = ['ONLINE', 'DESK', 'POSTAL'];
const LOCAL: AgencyLevel[] = ['PROVINCIAL', 'DISTRICT'];

const TEMPLATES: Template[] = [
  { name: 'Đăng ký, đăng ký lại, điều chỉnh đóng BHXH bắt buộc, BHYT, BHTN, BHTNLĐ-BNN; cấp sổ BHXH, thẻ BHYT', nameEn: 'Registration and adjustment of compulsory social, health and unemployment insurance contributions; issue of social insurance book and health insurance card', field: FIELD_CONTRIBUTIONS, agencyLevels: LOCAL, serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 5, components: [TK1, form('D02-LT', 'Danh sách lao động tham gia BHXH, BHYT, BHTN, BHTNLĐ-BNN')], resultDocuments: ['Sổ BHXH', 'Thẻ BHYT'] },
  { name: 'Đăng ký đóng BHXH tự nguyện; cấp sổ BHXH', nameEn: 'Registration for voluntary social insurance', field: FIELD_CONTRIBUTIONS, agencyLevels: ['DISTRICT'], serviceLevel: 'FULL_ONLINE', submissionMethods: ['ONLINE', 'DESK'], processingDays: 5, components: [TK1], resultDocuments: ['Sổ BHXH'] },
  { name: 'Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT', nameEn: null, field: FIELD_CONTRIBUTIONS, agencyLevels: ['DISTRICT'], serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 5, components: [TK1, form('D03-TS', 'Danh sách người chỉ tham gia BHYT')], resultDocuments: ['Thẻ BHYT'] },
  { name: 'Hoàn trả tiền đã đóng đối với người tham gia BHXH tự nguyện, BHYT hộ gia đình', nameEn: null, field: FIELD_CONTRIBUTIONS, agencyLevels: LOCAL, serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 5, components: [form('HT-01', 'Đơn đề nghị hoàn trả tiền đã đóng'), form('THE-BHYT', 'Thẻ BHYT còn giá trị sử dụng', null, 0, 1)], resultDocuments: ['Quyết định hoàn trả'] },
  { name: 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT', nameEn: 'Re-issue, exchange or correction of the social insurance book and health insurance card', field: FIELD_BOOKS, agencyLevels: LOCAL, serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 10, components: [TK1], resultDocuments: ['Sổ BHXH', 'Thẻ BHYT'] },
  { name: 'Cấp lại thẻ BHYT do bị mất, hỏng', nameEn: 'Re-issue of a lost or damaged health insurance card', field: FIELD_BOOKS, agencyLevels: ['DISTRICT'], serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 3, components: [TK1], resultDocuments: ['Thẻ BHYT'] },
  { name: 'Gộp sổ BHXH', nameEn: 'Merging of social insurance books', field: FIELD_BOOKS, agencyLevels: LOCAL, serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ['DESK', 'POSTAL'], processingDays: 15, components: [TK1, form('SO-BHXH', 'Các sổ BHXH đề nghị gộp', null, 2, 0)], resultDocuments: ['Sổ BHXH'] },
  { name: 'Giải quyết hưởng chế độ ốm đau', nameEn: 'Sickness benefit', field: FIELD_BENEFITS, agencyLevels: LOCAL, serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 6, components: [form('GRV', 'Giấy ra viện', null, 0, 1), LIST_01B], resultDocuments: ['Danh sách giải quyết hưởng chế độ ốm đau'] },
  { name: 'Giải quyết hưởng chế độ thai sản', nameEn: 'Maternity benefit', field: FIELD_BENEFITS, agencyLevels: LOCAL, serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 6, components: [form('GCS', 'Giấy chứng sinh', null, 0, 1), LIST_01B], resultDocuments: ['Danh sách giải quyết hưởng chế độ thai sản'] },
  { name: 'Giải quyết hưởng trợ cấp dưỡng sức, phục hồi sức khỏe sau ốm đau, thai sản', nameEn: null, field: FIELD_BENEFITS, agencyLevels: LOCAL, serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 6, components: [LIST_01B], resultDocuments: ['Danh sách giải quyết hưởng trợ cấp dưỡng sức, phục hồi sức khỏe'] },
  { name: 'Giải quyết hưởng BHXH một lần', nameEn: 'One-time social insurance allowance', field: FIELD_BENEFITS, agencyLevels: LOCAL, serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 10, components: [form('14-HSB', 'Đơn đề nghị hưởng BHXH một lần'), BOOK], resultDocuments: ['Quyết định hưởng BHXH một lần'] },
  { name: 'Giải quyết hưởng lương hưu', nameEn: 'Retirement pension', field: FIELD_BENEFITS, agencyLevels: ['PROVINCIAL'], serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 20, components: [BOOK, form('14-HSB', 'Đơn đề nghị hưởng lương hưu'), form('QD-NV', 'Quyết định nghỉ việc', null, 0, 1)], resultDocuments: ['Quyết định hưởng lương hưu'] },
  { name: 'Giải quyết hưởng chế độ tử tuất', nameEn: 'Survivorship allowance', field: FIELD_BENEFITS, agencyLevels: LOCAL, serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 12, components: [form('GCT', 'Giấy chứng tử', null, 0, 1), form('09-HSB', 'Tờ khai của thân nhân'), BOOK], resultDocuments: ['Quyết định hưởng trợ cấp tuất'] },
  { name: 'Giải quyết hưởng chế độ tai nạn lao động, bệnh nghề nghiệp', nameEn: 'Occupational accident and disease benefit', field: FIELD_BENEFITS, agencyLevels: ['PROVINCIAL'], serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 10, components: [form('BB-TNLD', 'Biên bản điều tra tai nạn lao động', null, 0, 1), form('BB-GDYK', 'Biên bản giám định mức suy giảm khả năng lao động', null, 0, 1), form('05A-HSB', 'Văn bản đề nghị giải quyết chế độ tai nạn lao động, bệnh nghề nghiệp')], resultDocuments: ['Quyết định hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp'] },
  { name: 'Thanh toán trực tiếp chi phí khám bệnh, chữa bệnh BHYT', nameEn: 'Direct reimbursement of health insurance medical costs', field: FIELD_HEALTH, agencyLevels: LOCAL, serviceLevel: 'PARTIAL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 40, components: [form('THE-BHYT', 'Thẻ BHYT', null, 0, 1), form('HD-VP', 'Hóa đơn viện phí', null), form('GRV', 'Giấy ra viện', null, 0, 1)], resultDocuments: ['Thông báo kết quả thanh toán'] },
  { name: 'Chuyển hưởng lương hưu, trợ cấp BHXH hằng tháng sang tỉnh, thành phố khác', nameEn: null, field: FIELD_PAYMENTS, agencyLevels: ['PROVINCIAL'], serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 10, components: [form('16-HSB', 'Đơn đề nghị chuyển nơi hưởng')], resultDocuments: ['Giấy giới thiệu chuyển nơi hưởng'] },
  { name: 'Thay đổi hình thức nhận, nơi nhận lương hưu, trợ cấp BHXH hằng tháng', nameEn: null, field: FIELD_PAYMENTS, agencyLevels: ['DISTRICT'], serviceLevel: 'FULL_ONLINE', submissionMethods: ALL_WAYS, processingDays: 5, components: [form('13-HSB', 'Đơn đề nghị thay đổi thông tin người hưởng')], resultDocuments: ['Thông báo thay đổi hình thức nhận'] },
  { name: 'Giải quyết khiếu nại lần hai về BHXH, BHYT', nameEn: 'Second-instance complaint on social and health insurance', field: FIELD_COMPLAINTS, agencyLevels: ['CENTRAL'], serviceLevel: 'OFFLINE', submissionMethods: ['DESK', 'POSTAL'], processingDays: 45, components: [form('DKN', 'Đơn khiếu nại', null), form('QD-KN1', 'Quyết định giải quyết khiếu nại lần đầu', null, 0, 1)], resultDocuments: ['Quyết định giải quyết khiếu nại lần hai'] },
];

const LEGAL_BASIS: Record<string, string[]> = {
  [FIELD_HEALTH]: ['Luật Bảo hiểm y tế số 25/2008/QH12', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'],
  [FIELD_COMPLAINTS]: ['Luật Khiếu nại số 02/2011/QH13', 'Nghị định 124/2020/NĐ-CP'],
};
const HOW_TO_SUBMIT: Record<SubmissionMethod, string> = {
  ONLINE: 'trực tuyến trên Cổng Dịch vụ công quốc gia',
  DESK: 'trực tiếp tại Bộ phận Một cửa của cơ quan BHXH',
  POSTAL: 'qua dịch vụ bưu chính',
};
const DEFAULT_LEGAL_BASIS = ['Luật Bảo hiểm xã hội số 41/2024/QH15', 'Quyết định 222/QĐ-BHXH ngày 25/02/2021 về công bố thủ tục hành chính'];

/** `n` published VSS procedures with codes 1.010000, 1.010001, …: the same `n` always gives the same list. */
export function generateNationalProcedures(n: number): NationalProcedure[] {
  return Array.from({ length: n }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    // Past the templates, variants stand for the same procedure published for another case.
    const round = Math.floor(i / TEMPLATES.length);
    const variant = round === 0 ? '' : ` (phương án ${round + 1})`;
    return {
      code: `1.0${String(10000 + i).padStart(5, '0')}`,
      name: `${t.name}${variant}`,
      nameEn: t.nameEn && `${t.nameEn}${round === 0 ? '' : ` (variant ${round + 1})`}`,
      withdrawn: false,
      updatedAt: new Date(Date.UTC(2025, 0, 2 + (i % 360), 1 + (i % 9), (i * 7) % 60, 0)),
      field: t.field,
      agencyLevels: [...t.agencyLevels],
      serviceLevel: t.serviceLevel,
      submissionMethods: [...t.submissionMethods],
      processingDays: t.processingDays,
      fees: [],
      components: t.components.map((c) => ({ ...c })),
      resultDocuments: [...t.resultDocuments],
      legalBasis: [...(LEGAL_BASIS[t.field] ?? DEFAULT_LEGAL_BASIS)],
      guide: `Nộp hồ sơ ${t.submissionMethods.map((m) => HOW_TO_SUBMIT[m]).join(', hoặc ')}; nhận kết quả theo ngày hẹn trên phiếu tiếp nhận.`,
    };
  });
}
