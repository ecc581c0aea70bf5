import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over the raw body: how the SMS gateway and we prove a webhook call is genuine. */
export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function verifyBody(body: string, signature: string | undefined, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signBody(body, secret), 'hex'), Buffer.from(signature, 'hex'));
}
