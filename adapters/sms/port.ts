/** What the system needs from an SMS gateway: send a text to a phone number. */
export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

/** An inbound SMS as the gateway delivers it to our webhook. */
export interface InboundSms {
  from: string;
  text: string;
}

/** Headers of a webhook call: the hex HMAC-SHA256 (signature.ts) and the Unix time it covers. */
export const SIGNATURE_HEADER = 'x-sms-signature';
export const TIMESTAMP_HEADER = 'x-sms-timestamp';
