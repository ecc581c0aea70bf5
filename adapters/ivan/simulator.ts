import http from 'node:http';
import { readFileSync } from 'node:fs';
import { RestartableServer } from '../lib/restartable-server';
import * as soap from 'soap';
import { readBody, sendJson } from '../../platform/http';
import { CALLBACK_WSDL_PATH, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, type CallbackKind, type IvanStatusChange } from './port';
import { deliveryProblem } from './signature';

/**
 * A stand-in I-VAN partner receiving status pushes over real HTTP, for `npm start` and tests:
 * `POST /<receiver>/webhook` (JSON) and `POST /<receiver>/soap` (callback.wsdl, served by the
 * `soap` package, so a call that does not follow the WSDL fails). `<receiver>` is any name (a
 * provider id); with a secret set for it, every delivery's signature and timestamp are checked
 * (401 otherwise), without one it is recorded as unchecked. Accepted deliveries are recorded in
 * arrival order, with a view by idempotency key, duplicates and out-of-order arrivals counted.
 *
 * Fault knobs, from tests (`knobs`) or over HTTP (`POST /admin/knobs` with a JSON subset of them,
 * `GET /admin/state`, `GET /admin/deliveries`, `POST /admin/secrets` {receiver: secret}):
 * `down` answers 503 to everything, `refuseNext` refuses the next N deliveries with
 * `refuseStatus` (a SOAP Client fault on SOAP), `refuseDossiers` refuses those dossiers' changes,
 * `latencyMs` delays every answer. stop()/start() make it unreachable.
 */
export interface ReceivedDelivery {
  receiver: string;
  kind: CallbackKind;
  idempotencyKey: string;
  change: IvanStatusChange;
  signature: 'verified' | 'unchecked';
  /** A repeat of a key already received (at-least-once delivery retried it). */
  duplicate: boolean;
  receivedAt: string;
}

export interface IvanSimulatorKnobs {
  down: boolean;
  refuseNext: number;
  refuseStatus: number;
  refuseDossiers: Set<string>;
  latencyMs: number;
}

/** The SOAP request element, as the soap package parses it with the WSDL's types. */
interface SoapChange {
  IdempotencyKey: string;
  MaHoSo: string;
  SoThuTu: number | string;
  SoThuTuToanCuc: number | string;
  HanhDong: string;
  TrangThaiTruoc?: string;
  TrangThaiSau: string;
  TrangThaiCongKhai: string;
  TrangThaiHoSo: number | string;
  MaCoQuanXuLy: string;
  NgayHenTra?: Date | string;
  ThoiDiem: Date | string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const fromSoap = (a: SoapChange): IvanStatusChange => ({
  idempotencyKey: a.IdempotencyKey, dossierCode: a.MaHoSo, seq: Number(a.SoThuTu), globalSeq: Number(a.SoThuTuToanCuc),
  action: a.HanhDong, fromState: a.TrangThaiTruoc ?? null, toState: a.TrangThaiSau, status: a.TrangThaiCongKhai,
  npspStatusCode: Number(a.TrangThaiHoSo), agencyCode: a.MaCoQuanXuLy, appointmentAt: a.NgayHenTra ? iso(a.NgayHenTra) : null, at: iso(a.ThoiDiem),
});

const PATH = /^\/([A-Za-z0-9._-]+)\/(webhook|soap)\/?$/;
type Verdict = { accepted: true; duplicate: boolean } | { accepted: false; status: number; message: string };

export async function startIvanSimulator(opts: { port?: number; secrets?: Record<string, string> } = {}) {
  const knobs: IvanSimulatorKnobs = { down: false, refuseNext: 0, refuseStatus: 422, refuseDossiers: new Set(), latencyMs: 0 };
  const secrets = new Map(Object.entries(opts.secrets ?? {}));
  const received: ReceivedDelivery[] = [];
  const byKey = new Map<string, ReceivedDelivery>();
  const lastSeq = new Map<string, number>();
  const stats = { requests: 0, refused: 0, badSignatures: 0, outOfOrder: 0 };

  /** The receiver's decision on a genuine delivery, and its record when accepted. */
  const take = (receiver: string, kind: CallbackKind, change: IvanStatusChange, signature: ReceivedDelivery['signature']): Verdict => {
    if (knobs.refuseNext > 0 || knobs.refuseDossiers.has(change.dossierCode)) {
      if (knobs.refuseNext > 0) knobs.refuseNext--;
      stats.refused++;
      return { accepted: false, status: knobs.refuseStatus, message: `change ${change.idempotencyKey} refused (simulated)` };
    }
    const duplicate = byKey.has(change.idempotencyKey);
    const key = `${receiver}\u0000${change.dossierCode}`;
    const last = lastSeq.get(key) ?? 0;
    // A repeat of an earlier change is at-least-once; a change past the next one skipped one.
    if (!duplicate && change.seq !== last + 1 && last !== 0) stats.outOfOrder++;
    if (change.seq > last) lastSeq.set(key, change.seq);
    const record: ReceivedDelivery = { receiver, kind, idempotencyKey: change.idempotencyKey, change, signature, duplicate, receivedAt: new Date().toISOString() };
    received.push(record);
    if (!duplicate) byKey.set(change.idempotencyKey, record);
    return { accepted: true, duplicate };
  };

  // The SOAP side: the soap package on the callback WSDL, fed the bodies already read and checked below.
  const soapHost = http.createServer();
  const service = {
    IvanCallbackService: {
      IvanCallbackPort: {
        NhanThayDoiTrangThai: (args: SoapChange, _cb: unknown, _headers: unknown, req: http.IncomingMessage & { signature?: ReceivedDelivery['signature'] }) => {
          const receiver = PATH.exec(req.url ?? '')![1]!;
          const verdict = take(receiver, 'SOAP', fromSoap(args), req.signature ?? 'unchecked');
          if (!verdict.accepted) throw { Fault: { faultcode: 'soap:Client', faultstring: verdict.message, statusCode: 500 } };
          return { IdempotencyKey: args.IdempotencyKey, KetQua: verdict.duplicate ? 'DA_NHAN_TRUOC_DO' : 'DA_NHAN' };
        },
      },
    },
  };
  await new Promise<void>((resolve, reject) => {
    soap.listen(soapHost, /^\/[A-Za-z0-9._-]+\/soap/, service, readFileSync(CALLBACK_WSDL_PATH, 'utf8'), (err: unknown) => (err ? reject(err as Error) : resolve()));
  });

  const admin = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === 'GET' && req.url === '/admin/state') {
      return sendJson(res, 200, { knobs: { ...knobs, refuseDossiers: [...knobs.refuseDossiers] }, stats, received: received.length, distinct: byKey.size, receivers: [...secrets.keys()] });
    }
    if (req.method === 'GET' && req.url === '/admin/deliveries') return sendJson(res, 200, received);
    if (req.method === 'POST' && req.url === '/admin/knobs') {
      const set = JSON.parse(await readBody(req)) as Partial<Omit<IvanSimulatorKnobs, 'refuseDossiers'> & { refuseDossiers: string[] }>;
      const { refuseDossiers, ...rest } = set;
      Object.assign(knobs, rest);
      if (refuseDossiers) knobs.refuseDossiers = new Set(refuseDossiers);
      return sendJson(res, 200, { ...knobs, refuseDossiers: [...knobs.refuseDossiers] });
    }
    if (req.method === 'POST' && req.url === '/admin/secrets') {
      for (const [receiver, secret] of Object.entries(JSON.parse(await readBody(req)) as Record<string, string>)) secrets.set(receiver, secret);
      return sendJson(res, 200, { receivers: [...secrets.keys()] });
    }
    sendJson(res, 404, { error: 'not found' });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/admin/')) return admin(req, res);
    const route = PATH.exec(req.url ?? '');
    if (!route || req.method !== 'POST') return sendJson(res, 404, { error: 'POST /<receiver>/webhook or /<receiver>/soap' });
    stats.requests++;
    const raw = await readBody(req);
    await new Promise((r) => setTimeout(r, knobs.latencyMs));
    if (knobs.down) return sendJson(res, 503, { error: 'receiver down (simulated)' });
    const [, receiver, kind] = route as unknown as [string, string, 'webhook' | 'soap'];
    const secret = secrets.get(receiver);
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    if (secret) {
      const problem = deliveryProblem(raw, header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER), secret);
      if (problem) {
        stats.badSignatures++;
        return sendJson(res, 401, { error: problem });
      }
    }
    const signature = secret ? 'verified' : 'unchecked';
    if (kind === 'soap') {
      Object.assign(req, { body: Buffer.from(raw, 'utf8'), signature });
      return void soapHost.emit('request', req, res);
    }
    const change = JSON.parse(raw) as IvanStatusChange;
    if (header(IDEMPOTENCY_HEADER) !== change.idempotencyKey) return sendJson(res, 400, { error: 'Idempotency-Key header differs from the body' });
    const verdict = take(receiver, 'WEBHOOK', change, signature);
    if (!verdict.accepted) return sendJson(res, verdict.status, { error: verdict.message });
    sendJson(res, 200, { idempotencyKey: change.idempotencyKey, duplicate: verdict.duplicate });
  };

  const server = new RestartableServer(() => http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 400, { error: (err as Error).message });
    });
  }), opts.port);
  await server.start();
  const base = () => `http://127.0.0.1:${server.port}`;
  return {
    get url() { return base(); },
    /** The webhook and SOAP URLs of one receiver (register these). */
    webhookUrl: (receiver: string) => `${base()}/${receiver}/webhook`,
    soapUrl: (receiver: string) => `${base()}/${receiver}/soap`,
    setSecret: (receiver: string, secret: string) => void secrets.set(receiver, secret),
    knobs,
    stats,
    /** Every accepted delivery, in arrival order (duplicates included, flagged). */
    received,
    /** The first accepted delivery of each idempotency key. */
    byKey,
    reset() {
      received.length = 0;
      byKey.clear();
      lastSeq.clear();
      Object.assign(stats, { requests: 0, refused: 0, badSignatures: 0, outOfOrder: 0 });
      Object.assign(knobs, { down: false, refuseNext: 0, refuseStatus: 422, refuseDossiers: new Set(), latencyMs: 0 });
    },
    /** An outage with nobody listening (not even a 503), and the return from it, on the same port. */
    start: () => server.start(),
    stop: () => server.stop(),
  };
}
export type IvanSimulator = Awaited<ReturnType<typeof startIvanSimulator>>;
