import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { npspClient } from '../../adapters/npsp/client';
import { startNpspSimulator, type NpspSimulator } from '../../adapters/npsp/simulator';
import { dossierToWire } from '../../adapters/npsp/wire';
import type { DossierSyncRecord } from '../../adapters/npsp/port';

/**
 * Issue 17, R-INT-2, R-PRO-3: the NPSP wire's field-level errors as each side sees them over real
 * HTTP. The simulator refuses a dossier naming every bad field; the client, given a page it
 * cannot read, answers UPSTREAM_UNAVAILABLE naming every bad field.
 */
const USER = { username: 'vss', password: 'secret' };
const at = (iso: string) => new Date(iso);
const record: DossierSyncRecord = {
  dossierCode: '000.00.01.H26-260105-0001', syncSeq: 1, procedureCode: '1.010008', procedureName: 'Giải quyết hưởng chế độ thai sản',
  agencyCode: '000.00.01.H26', channel: 'DESK', statusCode: 2, receivedAt: at('2026-01-05T01:02:03Z'), appointmentAt: at('2026-01-13T01:02:03Z'),
  returnedAt: null, supplements: [], updatedAt: at('2026-01-05T01:02:03Z'),
};

let sim: NpspSimulator;
beforeAll(async () => {
  sim = await startNpspSimulator({ ...USER, procedures: [] });
});
afterAll(async () => {
  await sim.stop();
});

test('the simulator refuses a dossier with two bad fields with 03, naming both paths', async () => {
  const post = async (path: string, body: object) =>
    (await (await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const { session } = await post('/login', USER);
  const answer = await post('/service', { service: 'DongBoHoSoMC', session, HoSo: { ...dossierToWire(record), SoThuTuDongBo: 0, NgayTiepNhan: '2026-01-05' } });
  expect(answer.error_code).toBe('03');
  expect(answer.error_message).toMatch(/HoSo\.SoThuTuDongBo: must be an integer >= 1 \(got 0\); HoSo\.NgayTiepNhan: must be a date yyyyMMddHHmmss/);
  expect(sim.dossiers.has(record.dossierCode)).toBe(false);
});

test('the client reading a procedure page with a bad line and a bad total answers UPSTREAM_UNAVAILABLE naming both', async () => {
  // A portal whose list answer breaks its own format: one line without its date, a total below 0.
  const portal = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const line = { MaTTHC: '1.010001', TenTTHC: 'Thai sản', TrangThai: 'CONG_BO', NgayCapNhat: '20260105080203' };
    res.end(JSON.stringify(req.url === '/login' ? { error_code: '00', session: 's' } : { error_code: '00', DanhSach: [line, { ...line, NgayCapNhat: '' }], TongSo: -2 }));
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  try {
    const client = npspClient({ baseUrl: `http://127.0.0.1:${(portal.address() as AddressInfo).port}`, ...USER, timeoutMs: 2000 });
    await expect(client.listProcedures({ agencyCode: 'BHXH', page: 1, pageSize: 50 })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: expect.stringMatching(/LayDanhSachTTHC answered what we cannot read: DanhSach\[1\]\.NgayCapNhat: must be a date yyyyMMddHHmmss \(got ""\); TongSo: must be an integer >= 0 \(got -2\)/),
    });
  } finally {
    await new Promise((resolve) => portal.close(resolve));
  }
});
