/** What the system needs from an SMS gateway: send a text to a phone number. */
export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

/** An inbound SMS as the gateway delivers it to our webhook. */
export interface InboundSms {
  from: string;
  text: string;
}

/** Header carrying the hex HMAC-SHA256 of the raw webhook body, keyed with the shared secret. */
export const SIGNATURE_HEADER = 'x-sms-signature';
