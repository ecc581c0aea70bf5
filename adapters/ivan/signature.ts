import { MAX_SKEW_SECONDS, signatureProblem, signBody } from '../sms/signature';

/**
 * The signature of a delivery to an I-VAN partner: `sha256=<hex HMAC-SHA256 over
 * "<timestamp>.<raw body>">`, the same construction as our SMS webhook (adapters/sms), so one
 * implementation (constant-time comparison, 5-minute window) serves both.
 */
export { MAX_SKEW_SECONDS };
const PREFIX = 'sha256=';

/** The X-VSS-Signature value of `body` sent at `timestamp` (Unix seconds). */
export const signDelivery = (body: string, timestamp: number, secret: string): string => `${PREFIX}${signBody(body, timestamp, secret)}`;

/** null when the delivery is genuine and recent, else why not (for the receiver's log or 401). */
export function deliveryProblem(body: string, timestamp: string | undefined, signature: string | undefined, secret: string, now = Date.now()): string | null {
  if (!signature?.startsWith(PREFIX)) return 'missing signature or timestamp';
  return signatureProblem(body, timestamp, signature.slice(PREFIX.length), secret, now);
}
