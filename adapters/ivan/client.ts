import { CALLBACK_NAMESPACE, CALLBACK_OPERATION, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, type CallbackTarget, type DeliveryResult, type IvanReceiverPort, type IvanStatusChange } from './port';
import { CallTimedOut, resilient } from '../../platform/resilience';
import { signDelivery } from './signature';

export interface IvanClientOptions {
  /** Bound on each delivery, connection to answer; default 5000 ms. */
  timeoutMs?: number;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The SOAP 1.1 request of callback.wsdl for one change (document/literal, elements in WSDL order). */
export function callbackEnvelope(c: IvanStatusChange): string {
  const fields: [string, string | number | null][] = [
    ['IdempotencyKey', c.idempotencyKey], ['MaHoSo', c.dossierCode], ['SoThuTu', c.seq], ['SoThuTuToanCuc', c.globalSeq],
    ['HanhDong', c.action], ['TrangThaiTruoc', c.fromState], ['TrangThaiSau', c.toState], ['TrangThaiCongKhai', c.status],
    ['TrangThaiHoSo', c.npspStatusCode], ['MaCoQuanXuLy', c.agencyCode], ['NgayHenTra', c.appointmentAt], ['ThoiDiem', c.at],
  ];
  const body = fields.filter(([, v]) => v !== null).map(([k, v]) => `<cb:${k}>${escapeXml(String(v))}</cb:${k}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cb="${CALLBACK_NAMESPACE}"><soap:Body><cb:${CALLBACK_OPERATION}>${body}</cb:${CALLBACK_OPERATION}></soap:Body></soap:Envelope>`;
}

/** A SOAP fault whose code names the caller (soap:Client, or SOAP 1.2's Sender): the change was refused. */
const isClientFault = (xml: string) => /<(?:\w+:)?faultcode>\s*(?:\w+:)?Client\b/.test(xml) || /<(?:\w+:)?Value>\s*(?:\w+:)?Sender\b/.test(xml);

/**
 * Delivers status changes to I-VAN partners (R-INT-1): a signed JSON POST or a signed SOAP call
 * of callback.wsdl, with a timeout, and a verdict the outbox can act on: whose problem a failure
 * is. No retries here; the outbox retries on its own schedule.
 */
export function ivanReceiverClient(opts: IvanClientOptions = {}): IvanReceiverPort {
  const timeoutMs = opts.timeoutMs ?? 5000;
  // A timeout only (platform/resilience.ts): the outbox retries on its own schedule, per partner.
  const calls = resilient({ name: 'ivan', timeoutMs });
  return {
    async deliver(target: CallbackTarget, change: IvanStatusChange): Promise<DeliveryResult> {
      const soap = target.kind === 'SOAP';
      const body = soap ? callbackEnvelope(change) : JSON.stringify(change);
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': soap ? 'text/xml; charset=utf-8' : 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signDelivery(body, timestamp, target.secret),
        [IDEMPOTENCY_HEADER]: change.idempotencyKey,
        ...(soap ? { soapaction: `"${CALLBACK_NAMESPACE}#${CALLBACK_OPERATION}"` } : {}),
      };
      let res: Response;
      let text: string;
      try {
        [res, text] = await calls.run(async (signal) => {
          // Redirects are not followed: a POST would turn into a GET, and the signature names one URL.
          const answer = await fetch(target.url, { method: 'POST', headers, body, redirect: 'manual', signal });
          return [answer, await answer.text()] as const;
        });
      } catch (e) {
        const why = e instanceof CallTimedOut ? `no answer within ${e.ms} ms` : `unreachable (${(e as Error).message})`;
        return { outcome: 'OUTAGE', httpStatus: null, message: `I-VAN callback ${target.url}: ${why}` };
      }
      if (res.status >= 200 && res.status < 300) return { outcome: 'DELIVERED', httpStatus: res.status };
      const message = `I-VAN callback ${target.url} answered HTTP ${res.status}${text ? `: ${text.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`;
      // 408 and 429 speak of the receiver's capacity, not of this change: like an outage.
      const outage = res.status === 408 || res.status === 429 || (res.status >= 500 && !(soap && isClientFault(text)));
      return { outcome: outage ? 'OUTAGE' : 'REFUSED', httpStatus: res.status, message };
    },
  };
}
