import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { npspClient, type NpspClientOptions } from '../../adapters/npsp/client';
import { generateNationalProcedures, startNpspSimulator, type NpspSimulator } from '../../adapters/npsp/simulator';
import type { DossierSyncRecord, NationalProcedure } from '../../adapters/npsp/port';
import { dossierToWire } from '../../adapters/npsp/wire';
import type { UpstreamError } from '../../adapters/lib/errors';

/**
 * Contract tests of the National Public Service Portal client against its simulator, over real
 * HTTP: the procedure import (R-PRO-3), the dossier sync (R-INT-2), and the session and fault
 * handling every call shares (including the account check of R-ID-3).
 */
const USER = { username: 'vss', password: 'secret' };
const PROCEDURE_COUNT = 237;
let sim: NpspSimulator;

beforeAll(async () => {
  sim = await startNpspSimulator({ ...USER, accounts: ['079085001234'], procedures: generateNationalProcedures(PROCEDURE_COUNT) });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  Object.assign(sim.knobs, { down: false, latencyMs: 0, expireSessions: false, failNext: 0 });
  sim.knobs.rejectDossiers.clear();
});

const client = (o: Partial<NpspClientOptions> = {}) => npspClient({ baseUrl: sim.url, ...USER, timeoutMs: 2000, ...o });
// The adapter's error (issue 17); subgraphs answer it as UPSTREAM_UNAVAILABLE, serviceName npsp, with the portalErrorCode.
const unavailable = (portalErrorCode?: string) => ({
  system: 'npsp', kind: portalErrorCode ? 'refused' : 'unavailable', details: portalErrorCode ? { portalErrorCode } : {},
});

/** Speaks to the simulator without our client, to see the wire itself. */
async function raw(service: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const post = async (path: string, body: object) =>
    (await (await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const { session } = await post('/login', USER);
  return post('/service', { service, session, ...params });
}

const at = (iso: string) => new Date(iso);
let dossierNo = 0;
const newDossierCode = () => `000.00.01.H26-260105-${String(++dossierNo).padStart(4, '0')}`;
const record = (dossierCode: string, syncSeq: number, o: Partial<DossierSyncRecord> = {}): DossierSyncRecord => ({
  dossierCode, syncSeq,
  procedureCode: '1.010008', procedureName: 'Giải quyết hưởng chế độ thai sản',
  agencyCode: '000.00.01.H26', channel: 'DESK', statusCode: 2,
  receivedAt: at('2026-01-05T01:02:03Z'), appointmentAt: at('2026-01-13T01:02:03Z'), returnedAt: null,
  supplements: [], updatedAt: at(`2026-01-05T0${Math.min(syncSeq, 9)}:00:00Z`),
  ...o,
});
const appliedSeqs = (code: string) => sim.dossiers.get(code)?.applied.map((r) => r.syncSeq) ?? [];

describe('the generated national procedure database', () => {
  test('is deterministic, with codes like 1.0xxxxx, Vietnamese names and 1–3 components each', () => {
    const a = generateNationalProcedures(50);
    expect(generateNationalProcedures(50)).toEqual(a);
    expect(new Set(a.map((p) => p.code)).size).toBe(50);
    expect(new Set(a.map((p) => p.name)).size).toBe(50);
    for (const p of a) {
      expect(p.code).toMatch(/^\d\.\d{6}$/);
      expect(p.name).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      expect(p.components.length).toBeGreaterThanOrEqual(1);
      expect(p.components.length).toBeLessThanOrEqual(3);
      expect(p.updatedAt.getUTCMilliseconds()).toBe(0);
    }
    expect([...new Set(a.map((p) => p.field))]).toEqual(expect.arrayContaining(['Thu BHXH, BHYT, BHTN, BHTNLĐ-BNN', 'Cấp sổ BHXH, thẻ BHYT', 'Chế độ BHXH']));
  });
});

describe('national procedure catalogue (R-PRO-3)', () => {
  test('paging through LayDanhSachTTHC yields every procedure exactly once, in code order, withdrawn ones included', async () => {
    const withdrawn = sim.procedures.get('1.010005')!;
    withdrawn.withdrawn = true;
    try {
      const c = client();
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const { items, total } = await c.listProcedures({ agencyCode: 'BHXH', page, pageSize: 50 });
        expect(total).toBe(PROCEDURE_COUNT);
        if (items.length === 0) break;
        expect(items.length).toBeLessThanOrEqual(50);
        seen.push(...items.map((i) => i.code));
        if (page === 1) expect(items.find((i) => i.code === '1.010005')).toEqual({ code: '1.010005', name: withdrawn.name, withdrawn: true, updatedAt: withdrawn.updatedAt });
      }
      expect(seen).toEqual([...sim.procedures.keys()].sort());
      expect(seen.length).toBe(PROCEDURE_COUNT);
    } finally {
      withdrawn.withdrawn = false;
    }
  });

  test('a page larger than the portal allows (100) is refused with portalErrorCode 03', async () => {
    await expect(client().listProcedures({ agencyCode: 'BHXH', page: 1, pageSize: 101 })).rejects.toMatchObject(unavailable('03'));
    await expect(client().listProcedures({ agencyCode: 'BHXH', page: 1, pageSize: 100 })).resolves.toMatchObject({ total: PROCEDURE_COUNT });
  });

  test('LayThuTuc returns a procedure with every field intact; its date travels as Vietnam time (01:02:03Z is "20260105080203")', async () => {
    const full: NationalProcedure = {
      code: '2.000123',
      name: 'Giải quyết hưởng chế độ tai nạn lao động, bệnh nghề nghiệp',
      nameEn: 'Occupational accident and disease benefit',
      withdrawn: false,
      updatedAt: at('2026-01-05T01:02:03Z'),
      field: 'Chế độ BHXH',
      agencyLevels: ['CENTRAL', 'PROVINCIAL', 'DISTRICT'],
      serviceLevel: 'PARTIAL_ONLINE',
      submissionMethods: ['ONLINE', 'DESK', 'POSTAL'],
      processingDays: 10,
      fees: [{ description: 'Phí giám định y khoa', amountVnd: 350_000 }, { description: 'Lệ phí cấp bản sao', amountVnd: 5_000 }],
      components: [
        { documentTypeCode: 'BB-TNLD', name: 'Biên bản điều tra tai nạn lao động', originals: 0, copies: 1, formTemplate: null },
        { documentTypeCode: '05A-HSB', name: 'Văn bản đề nghị giải quyết chế độ', originals: 2, copies: 3, formTemplate: 'Mẫu 05A-HSB' },
      ],
      resultDocuments: ['Quyết định hưởng trợ cấp', 'Thông báo không đủ điều kiện'],
      legalBasis: ['Luật An toàn, vệ sinh lao động số 84/2015/QH13', 'Luật Bảo hiểm xã hội số 41/2024/QH15'],
      guide: 'Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả theo ngày hẹn.',
    };
    sim.procedures.set(full.code, full);
    try {
      expect(await client().getProcedure(full.code)).toEqual(full);
      const wire = await raw('LayThuTuc', { MaTTHC: full.code });
      expect(wire).toMatchObject({ error_code: '00', ThuTuc: { MaTTHC: '2.000123', NgayCapNhat: '20260105080203', TrangThai: 'CONG_BO', CapThucHien: ['TRUNG_UONG', 'TINH', 'HUYEN'] } });
    } finally {
      sim.procedures.delete(full.code);
    }
  });

  test('a change and a withdrawal on the portal are what the next reads return', async () => {
    const c = client();
    const p = sim.procedures.get('1.010003')!;
    const before = { ...p };
    try {
      sim.procedures.set(p.code, { ...p, processingDays: p.processingDays + 2, withdrawn: true, updatedAt: at('2026-02-01T09:30:00Z') });
      expect(await c.getProcedure(p.code)).toMatchObject({ processingDays: before.processingDays + 2, withdrawn: true, updatedAt: at('2026-02-01T09:30:00Z') });
      const { items } = await c.listProcedures({ agencyCode: 'BHXH', page: 1, pageSize: 10 });
      expect(items.find((i) => i.code === p.code)).toMatchObject({ withdrawn: true, updatedAt: at('2026-02-01T09:30:00Z') });
    } finally {
      sim.procedures.set(p.code, before);
    }
  });

  test('a code the portal does not know is null (portal 04), not an error', async () => {
    await expect(client().getProcedure('9.999999')).resolves.toBeNull();
  });
});

describe('dossier sync (R-INT-2)', () => {
  test('the first sync and then progress updates are applied in order; TraCuuHoSo returns the last applied state', async () => {
    const c = client();
    const code = newDossierCode();
    const supplement = { requestedAt: at('2026-01-06T02:00:00Z'), reason: 'Thiếu giấy chứng sinh', previousAppointmentAt: at('2026-01-13T01:02:03Z') };
    const steps = [
      record(code, 1),
      record(code, 2, { statusCode: 4 }),
      record(code, 3, { statusCode: 5, supplements: [{ ...supplement, receivedAt: null, newAppointmentAt: null }] }),
      record(code, 4, { statusCode: 4, appointmentAt: at('2026-01-20T01:02:03Z'), supplements: [{ ...supplement, receivedAt: at('2026-01-08T03:00:00Z'), newAppointmentAt: at('2026-01-20T01:02:03Z') }] }),
      record(code, 5, { statusCode: 10, appointmentAt: at('2026-01-20T01:02:03Z'), returnedAt: at('2026-01-19T08:00:00Z') }),
    ];
    await c.syncDossier(steps[0]!);
    for (const s of steps.slice(1)) await c.updateProgress(s);
    expect(sim.dossiers.get(code)).toEqual({ applied: steps, duplicates: 0 });
    await expect(c.lookupDossier(code)).resolves.toEqual({ dossierCode: code, syncSeq: 5, statusCode: 10, appointmentAt: at('2026-01-20T01:02:03Z'), returnedAt: at('2026-01-19T08:00:00Z') });
  });

  test('a repeated (dossierCode, syncSeq) is acknowledged but never applied twice', async () => {
    const c = client();
    const code = newDossierCode();
    await c.syncDossier(record(code, 1));
    await c.updateProgress(record(code, 2, { statusCode: 4 }));
    // The outbox resends after a lost acknowledgement; the portal must not take the stale copy.
    await expect(c.updateProgress(record(code, 2, { statusCode: 9 }))).resolves.toBeUndefined();
    await expect(c.syncDossier(record(code, 1, { statusCode: 3 }))).resolves.toBeUndefined();
    expect(appliedSeqs(code)).toEqual([1, 2]);
    expect(sim.dossiers.get(code)!.applied.map((r) => r.statusCode)).toEqual([2, 4]);
    expect(sim.dossiers.get(code)!.duplicates).toBe(2);
    // On the wire the portal says so, which lets a sender tell a repeat from a first delivery.
    expect(await raw('CapNhatTienDoHoSoMC', { HoSo: dossierToWire(record(code, 2)) })).toMatchObject({ error_code: '00', DaXuLy: true });
    expect(sim.dossiers.get(code)!.duplicates).toBe(3);
    await expect(c.lookupDossier(code)).resolves.toMatchObject({ syncSeq: 2, statusCode: 4 });
  });

  test('a gap in syncSeq is refused with portalErrorCode 03 and nothing is applied; the missing change then goes through', async () => {
    const c = client();
    const code = newDossierCode();
    await c.syncDossier(record(code, 1));
    const outOfOrder = sim.outOfOrder;
    await expect(c.updateProgress(record(code, 3, { statusCode: 5 }))).rejects.toMatchObject(unavailable('03'));
    expect(sim.outOfOrder).toBe(outOfOrder + 1);
    expect(appliedSeqs(code)).toEqual([1]);
    await c.updateProgress(record(code, 2, { statusCode: 4 }));
    await c.updateProgress(record(code, 3, { statusCode: 5 }));
    expect(appliedSeqs(code)).toEqual([1, 2, 3]);
  });

  test('progress for a dossier the portal never received is refused (04); a first sync must start at 1', async () => {
    const c = client();
    const code = newDossierCode();
    await expect(c.updateProgress(record(code, 1))).rejects.toMatchObject(unavailable('04'));
    await expect(c.syncDossier(record(code, 2))).rejects.toMatchObject(unavailable('03'));
    expect(sim.dossiers.has(code)).toBe(false);
    await expect(c.lookupDossier(code)).resolves.toBeNull();
  });

  test('an invalid record is refused with 03 naming the field, and nothing is stored', async () => {
    const c = client();
    const code = newDossierCode();
    await expect(c.syncDossier(record(code, 1, { statusCode: 11 }))).rejects.toMatchObject({ ...unavailable('03'), message: expect.stringContaining('TrangThaiHoSo') });
    await expect(c.syncDossier(record(code, 1, { procedureCode: '' }))).rejects.toMatchObject({ ...unavailable('03'), message: expect.stringContaining('MaTTHC') });
    // What our client cannot produce, another sender might: a date that does not exist.
    const answer = await raw('DongBoHoSoMC', { HoSo: { ...dossierToWire(record(code, 1)), NgayHenTra: '20260230080000' } });
    expect(answer).toMatchObject({ error_code: '03', error_message: expect.stringContaining('NgayHenTra') });
    expect(sim.dossiers.has(code)).toBe(false);
  });

  test('a dossier the portal rejects (rejectDossiers) fails with portalErrorCode 03, unlike an outage', async () => {
    const c = client();
    const code = newDossierCode();
    sim.knobs.rejectDossiers.add(code);
    await expect(c.syncDossier(record(code, 1))).rejects.toMatchObject(unavailable('03'));
    sim.knobs.rejectDossiers.delete(code);
    await c.syncDossier(record(code, 1));
    expect(appliedSeqs(code)).toEqual([1]);
  });
});

describe('sessions and faults (R-INT-2, R-ID-3)', () => {
  test('an expired session logs in again transparently, and concurrent calls share that one login', async () => {
    const c = client();
    await expect(c.hasAccount('079085001234')).resolves.toBe(true);
    sim.knobs.expireSessions = true;
    const logins = sim.logins;
    const calls = sim.calls.KiemTraTaiKhoan ?? 0;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => c.hasAccount(i === 0 ? '079085001234' : `00119001234${i - 1}`)));
    expect(answers).toEqual([true, ...Array<boolean>(9).fill(false)]);
    expect(sim.logins - logins).toBe(1);
    // Every call did meet the expired session (10) and was then answered (10).
    expect((sim.calls.KiemTraTaiKhoan ?? 0) - calls).toBe(20);
  });

  test('a fresh client\'s concurrent first calls share one login', async () => {
    const c = client();
    const logins = sim.logins;
    await Promise.all(Array.from({ length: 8 }, () => c.getProcedure('1.010000')));
    expect(sim.logins - logins).toBe(1);
  });

  test('a wrong password is UPSTREAM_UNAVAILABLE with the portal\'s 01, and the next call tries to log in again', async () => {
    const c = client({ password: 'wrong' });
    const logins = sim.logins;
    await expect(c.hasAccount('079085001234')).rejects.toMatchObject({ ...unavailable('01'), message: expect.stringContaining('login') });
    await expect(c.hasAccount('079085001234')).rejects.toMatchObject(unavailable('01'));
    expect(sim.logins - logins).toBe(2);
  });

  test('a system error (99) is UPSTREAM_UNAVAILABLE naming the service and the portal\'s code, and is not retried by the client', async () => {
    const c = client();
    await c.getProcedure('1.010000');
    sim.knobs.failNext = 1;
    const calls = sim.calls.LayThuTuc ?? 0;
    await expect(c.getProcedure('1.010000')).rejects.toMatchObject({ ...unavailable('99'), message: expect.stringMatching(/LayThuTuc.*99/) });
    expect((sim.calls.LayThuTuc ?? 0) - calls).toBe(1);
    await expect(c.getProcedure('1.010000')).resolves.toMatchObject({ code: '1.010000' });
  });

  test('an outage (down: HTTP 503) and a closed port are UPSTREAM_UNAVAILABLE with serviceName npsp', async () => {
    const c = client();
    await c.hasAccount('079085001234');
    sim.knobs.down = true;
    const outage = await c.syncDossier(record(newDossierCode(), 1)).then(() => null, (e: UpstreamError) => e);
    expect(outage).toMatchObject({ ...unavailable(), message: expect.stringContaining('503') });
    expect(outage!.details.portalErrorCode).toBeUndefined(); // an outage, not a refusal
    sim.knobs.down = false;
    const gone = await startNpspSimulator(USER);
    await gone.stop();
    await expect(npspClient({ baseUrl: gone.url, ...USER }).hasAccount('079085001234')).rejects.toMatchObject(unavailable());
  });

  test('an answer slower than the client timeout is UPSTREAM_UNAVAILABLE, in about the timeout', async () => {
    const c = client({ timeoutMs: 150 });
    await c.hasAccount('079085001234');
    sim.knobs.latencyMs = 1000;
    const started = Date.now();
    await expect(c.lookupDossier('000.00.01.H26-260105-9999')).rejects.toMatchObject({ ...unavailable(), message: expect.stringContaining('150 ms') });
    expect(Date.now() - started).toBeLessThan(800);
  });

  test('an answer that is not JSON is UPSTREAM_UNAVAILABLE, not a crash', async () => {
    const html = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Bảo trì hệ thống</html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const c = npspClient({ baseUrl: `http://127.0.0.1:${(html.address() as AddressInfo).port}`, ...USER });
      await expect(c.hasAccount('079085001234')).rejects.toMatchObject({ ...unavailable(), message: expect.stringContaining('not JSON') });
    } finally {
      await new Promise<void>((resolve) => {
        html.close(() => resolve());
        html.closeAllConnections();
      });
    }
  });
});
