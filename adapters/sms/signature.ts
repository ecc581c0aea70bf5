import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 over "<timestamp>.<raw body>": how the SMS gateway and we prove a webhook call is
 * genuine and recent. The timestamp (Unix seconds) travels in its own header.
 */
export const MAX_SKEW_SECONDS = 300;

export function signBody(body: string, timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** null when genuine and recent, else why not. */
export function signatureProblem(body: string, timestamp: string | undefined, signature: string | undefined, secret: string, now = Date.now()): string | null {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature) || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing signature or timestamp';
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'timestamp is not within 5 minutes';
  const expected = Buffer.from(signBody(body, Number(timestamp), secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'bad signature';
}
