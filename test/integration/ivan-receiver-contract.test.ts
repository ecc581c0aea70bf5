import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { callbackEnvelope, ivanReceiverClient } from '../../adapters/ivan/client';
import { CALLBACK_WSDL_PATH, type CallbackTarget, type IvanStatusChange } from '../../adapters/ivan/port';
import { deliveryProblem, signDelivery } from '../../adapters/ivan/signature';
import { startIvanSimulator, type IvanSimulator } from '../../adapters/ivan/simulator';

/**
 * Contract tests of status pushes to I-VAN partners (R-INT-1, issue 14): our client against the
 * partner simulator over real HTTP, as a webhook and as the SOAP service of callback.wsdl, and
 * the signature every delivery carries.
 */
const SECRET = 'c2VjcmV0LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVzISE';
let sim: IvanSimulator;

const change = (over: Partial<IvanStatusChange> = {}): IvanStatusChange => ({
  idempotencyKey: '000.00.01.H26-260302-0001:2', dossierCode: '000.00.01.H26-260302-0001', seq: 2, globalSeq: 41,
  action: 'START_PROCESSING', fromState: 'RECEIVED', toState: 'PROCESSING', status: 'PROCESSING', npspStatusCode: 4,
  agencyCode: '000.00.01.H26', appointmentAt: '2026-03-16T10:00:00.000Z', at: '2026-03-02T03:00:00.000Z', ...over,
});

beforeAll(async () => {
  sim = await startIvanSimulator({ secrets: { 'IVAN-A': SECRET } });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => sim.reset());

const client = ivanReceiverClient({ timeoutMs: 1000 });
const webhook = (): CallbackTarget => ({ kind: 'WEBHOOK', url: sim.webhookUrl('IVAN-A'), secret: SECRET });
const soapTarget = (): CallbackTarget => ({ kind: 'SOAP', url: sim.soapUrl('IVAN-A'), secret: SECRET });

describe('I-VAN status push contract (R-INT-1)', () => {
  test.each([['WEBHOOK', webhook], ['SOAP', soapTarget]] as const)('R-INT-1: a %s delivery arrives signed, verified, with its idempotency key and every field', async (_, target) => {
    const result = await client.deliver(target(), change());
    expect(result).toEqual({ outcome: 'DELIVERED', httpStatus: 200 });
    expect(sim.received).toHaveLength(1);
    expect(sim.received[0]).toMatchObject({ receiver: 'IVAN-A', kind: target().kind, signature: 'verified', duplicate: false, change: change() });
    // A retry carries the same key and is flagged as a repeat, not taken as a new change.
    expect(await client.deliver(target(), change())).toMatchObject({ outcome: 'DELIVERED' });
    expect(sim.received.map((r) => r.duplicate)).toEqual([false, true]);
    expect(sim.byKey.size).toBe(1);
  });

  test('R-INT-1: the reception change (no previous state) goes through SOAP with the optional elements left out', async () => {
    const first = change({ idempotencyKey: 'X-1:1', dossierCode: 'X-1', seq: 1, action: 'RECEIVE', fromState: null, toState: 'RECEIVED', status: 'RECEIVED', npspStatusCode: 2, appointmentAt: null });
    expect(await client.deliver(soapTarget(), first)).toMatchObject({ outcome: 'DELIVERED' });
    expect(sim.byKey.get('X-1:1')!.change).toEqual(first);
  });

  test('R-INT-1: the simulator SOAP endpoint implements callback.wsdl: a client built from the WSDL alone calls it', async () => {
    // A receiver without a secret on the simulator records calls unchecked: a WSDL-built client cannot sign the raw body.
    const wsdlClient = await soap.createClientAsync(CALLBACK_WSDL_PATH, { endpoint: sim.soapUrl('IVAN-WSDL') });
    const [reply] = (await (wsdlClient as unknown as { NhanThayDoiTrangThaiAsync(a: object): Promise<[{ IdempotencyKey: string; KetQua: string }]> }).NhanThayDoiTrangThaiAsync({
      IdempotencyKey: 'X-2:3', MaHoSo: 'X-2', SoThuTu: 3, SoThuTuToanCuc: 7, HanhDong: 'COMPLETE', TrangThaiTruoc: 'PROCESSING', TrangThaiSau: 'RESULT_READY',
      TrangThaiCongKhai: 'RESULT_READY', TrangThaiHoSo: 9, MaCoQuanXuLy: '000.00.01.H26', NgayHenTra: '2026-03-16T10:00:00.000Z', ThoiDiem: '2026-03-10T03:00:00.000Z',
    }));
    expect(reply).toEqual({ IdempotencyKey: 'X-2:3', KetQua: 'DA_NHAN' });
    expect(sim.byKey.get('X-2:3')).toMatchObject({ kind: 'SOAP', signature: 'unchecked', change: { seq: 3, npspStatusCode: 9, toState: 'RESULT_READY', fromState: 'PROCESSING' } });
    // …and the envelope our client sends is one the WSDL's own client would send: same operation, namespace and elements.
    const wsdl = await soap.createClientAsync(CALLBACK_WSDL_PATH);
    const ops = wsdl.describe() as { IvanCallbackService: { IvanCallbackPort: { NhanThayDoiTrangThai: { input: Record<string, string> } } } };
    const elements = Object.keys(ops.IvanCallbackService.IvanCallbackPort.NhanThayDoiTrangThai.input).filter((k) => !k.startsWith('target'));
    const sent = [...callbackEnvelope(change()).matchAll(/<cb:(\w+)>/g)].map((m) => m[1]).slice(1);
    expect(sent).toEqual(elements.map((e) => e.replace(/\W.*$/, '')));
  });

  test('R-INT-1: signature verification rejects a tampered body, a wrong secret and an old timestamp', async () => {
    const body = JSON.stringify(change());
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    const sig = signDelivery(body, ts, SECRET);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(deliveryProblem(body, String(ts), sig, SECRET, now)).toBeNull();
    expect(deliveryProblem(body.replace('"seq":2', '"seq":3'), String(ts), sig, SECRET, now)).toBe('bad signature');
    expect(deliveryProblem(body, String(ts), signDelivery(body, ts, 'another-secret'), SECRET, now)).toBe('bad signature');
    expect(deliveryProblem(body, String(ts - 600), signDelivery(body, ts - 600, SECRET), SECRET, now)).toBe('timestamp is not within 5 minutes');
    expect(deliveryProblem(body, String(ts), sig.slice('sha256='.length), SECRET, now)).toBe('missing signature or timestamp');

    // Over the wire: the simulator answers 401, which our client takes as a refusal of that change.
    const wrongSecret = await client.deliver({ ...webhook(), secret: 'not-the-registered-one' }, change());
    expect(wrongSecret).toMatchObject({ outcome: 'REFUSED', httpStatus: 401, message: expect.stringContaining('bad signature') });
    const tampered = await fetch(sim.webhookUrl('IVAN-A'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vss-timestamp': String(ts), 'x-vss-signature': sig, 'idempotency-key': change().idempotencyKey },
      body: body.replace('PROCESSING', 'REJECTED'),
    });
    expect(tampered.status).toBe(401);
    const old = await fetch(sim.soapUrl('IVAN-A'), {
      method: 'POST',
      headers: { 'content-type': 'text/xml', 'x-vss-timestamp': String(ts - 600), 'x-vss-signature': signDelivery(callbackEnvelope(change()), ts - 600, SECRET) },
      body: callbackEnvelope(change()),
    });
    expect(old.status).toBe(401);
    expect(sim.received).toHaveLength(0);
    expect(sim.stats.badSignatures).toBe(3);
  });

  test('R-INT-1: a refusal (4xx, SOAP Client fault) and an outage (503, unreachable, too slow) are told apart', async () => {
    sim.knobs.refuseNext = 2;
    expect(await client.deliver(webhook(), change())).toMatchObject({ outcome: 'REFUSED', httpStatus: 422 });
    expect(await client.deliver(soapTarget(), change())).toMatchObject({ outcome: 'REFUSED', httpStatus: 500, message: expect.stringContaining('faultcode') });
    sim.knobs.refuseDossiers.add('X-9');
    expect(await client.deliver(webhook(), change({ dossierCode: 'X-9', idempotencyKey: 'X-9:1' }))).toMatchObject({ outcome: 'REFUSED' });
    expect(await client.deliver(webhook(), change())).toMatchObject({ outcome: 'DELIVERED' });

    sim.knobs.down = true;
    expect(await client.deliver(webhook(), change())).toMatchObject({ outcome: 'OUTAGE', httpStatus: 503 });
    expect(await client.deliver(soapTarget(), change())).toMatchObject({ outcome: 'OUTAGE', httpStatus: 503 });
    sim.knobs.down = false;
    sim.knobs.latencyMs = 1500;
    expect(await client.deliver(webhook(), change())).toMatchObject({ outcome: 'OUTAGE', httpStatus: null, message: expect.stringContaining('no answer within 1000 ms') });
    sim.knobs.latencyMs = 0;
    // A port nobody listens on.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await client.deliver({ ...webhook(), url: `http://127.0.0.1:${port}/x` }, change())).toMatchObject({ outcome: 'OUTAGE', httpStatus: null, message: expect.stringContaining('unreachable') });
  });

  test('R-INT-1: the simulator fault knobs are settable over its admin endpoint', async () => {
    const set = await fetch(`${sim.url}/admin/knobs`, { method: 'POST', body: JSON.stringify({ down: true, refuseDossiers: ['X-5'] }) });
    expect(await set.json()).toMatchObject({ down: true, refuseDossiers: ['X-5'] });
    expect(await client.deliver(webhook(), change())).toMatchObject({ outcome: 'OUTAGE' });
    await fetch(`${sim.url}/admin/knobs`, { method: 'POST', body: JSON.stringify({ down: false }) });
    await fetch(`${sim.url}/admin/secrets`, { method: 'POST', body: JSON.stringify({ 'IVAN-B': 'b-secret' }) });
    expect(await client.deliver({ kind: 'WEBHOOK', url: sim.webhookUrl('IVAN-B'), secret: 'b-secret' }, change())).toMatchObject({ outcome: 'DELIVERED' });
    const state = (await (await fetch(`${sim.url}/admin/state`)).json()) as { distinct: number; stats: { requests: number } };
    expect(state).toMatchObject({ distinct: 1, stats: { requests: 2 } });
    const deliveries = (await (await fetch(`${sim.url}/admin/deliveries`)).json()) as { receiver: string; signature: string }[];
    expect(deliveries).toEqual([expect.objectContaining({ receiver: 'IVAN-B', signature: 'verified' })]);
  });
});
