import path from 'node:path';

/**
 * Status pushes to I-VAN partners (R-INT-1): what one delivery carries and the port the dossiers
 * subgraph sends it through. The partner implements the receiving side, as a JSON webhook or as
 * the SOAP service of callback.wsdl.
 */

/** The callback WSDL partners implement (the gateway serves it at GET /ivan/callback?wsdl). */
export const CALLBACK_WSDL_PATH = path.join(__dirname, 'callback.wsdl');
export const CALLBACK_NAMESPACE = 'urn:vss:ivan:callback:v1';
export const CALLBACK_OPERATION = 'NhanThayDoiTrangThai';

/** The three headers of every delivery, lower-case as Node reads them. */
export const TIMESTAMP_HEADER = 'x-vss-timestamp';
export const SIGNATURE_HEADER = 'x-vss-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type CallbackKind = 'WEBHOOK' | 'SOAP';
export const CALLBACK_KINDS: readonly CallbackKind[] = ['WEBHOOK', 'SOAP'];

/** One status change of one dossier, as a webhook's JSON body (the SOAP body carries the same). */
export interface IvanStatusChange {
  /** "<dossierCode>:<seq>": the same on every retry, so the partner applies it once. */
  idempotencyKey: string;
  dossierCode: string;
  /** The dossier's change number: 1 at reception, one more per change. */
  seq: number;
  /** Position in the VSS-wide dossier event log. */
  globalSeq: number;
  action: string;
  fromState: string | null;
  toState: string;
  /** The public state (Art. 12) after the change. */
  status: string;
  /** The national portal's status code, 1–10. */
  npspStatusCode: number;
  /** The agency handling the dossier after the change. */
  agencyCode: string;
  /** The appointment in force after the change (ISO 8601), when known. */
  appointmentAt: string | null;
  /** When it happened (ISO 8601). */
  at: string;
}

/** Where and how one provider receives its pushes. */
export interface CallbackTarget {
  kind: CallbackKind;
  url: string;
  /** The key of the HMAC in X-VSS-Signature. */
  secret: string;
}

/**
 * What became of one delivery: DELIVERED (2xx), REFUSED (4xx or a SOAP Client fault: this
 * change's problem, retried on its own with backoff) or OUTAGE (5xx, a SOAP Server fault, a
 * timeout, no connection: the receiver's problem, every change to it waits).
 */
export type DeliveryResult =
  | { outcome: 'DELIVERED'; httpStatus: number }
  | { outcome: 'REFUSED' | 'OUTAGE'; httpStatus: number | null; message: string };

/** Sends one status change to one partner's callback. Never throws for the partner's failures. */
export interface IvanReceiverPort {
  deliver(target: CallbackTarget, change: IvanStatusChange): Promise<DeliveryResult>;
}
