import { CallTimedOut, resilient } from '../../platform/resilience';
import { UpstreamError } from '../lib/errors';
import type { SmsGateway } from './port';

const SYSTEM = 'sms';

/**
 * HTTP client of the SMS gateway: POST <base>/messages {to, text} with the API key, a timeout and
 * one retry of an outage (platform/resilience.ts); a refusal (4xx) is not retried. Failures
 * surface as an UpstreamError of `sms`, never as a crash.
 */
export function httpSmsGateway(baseUrl: string, apiKey: string, timeoutMs = 3000): SmsGateway {
  const calls = resilient({
    name: SYSTEM,
    timeoutMs,
    retry: { retries: 1, backoff: { baseMs: 100, maxMs: 100 }, when: (err) => !(err instanceof UpstreamError && err.kind === 'refused') },
  });
  return {
    async send(to, text) {
      try {
        await calls.run(async (signal) => {
          let res: Response;
          try {
            res = await fetch(new URL('/messages', baseUrl), {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
              body: JSON.stringify({ to, text }),
              signal,
            });
          } catch (err) {
            // A timeout aborted it: the policy reports that as CallTimedOut instead.
            throw new UpstreamError(SYSTEM, 'unavailable', 'unreachable', {}, { cause: err });
          }
          await res.body?.cancel().catch(() => undefined);
          if (!res.ok) throw new UpstreamError(SYSTEM, res.status < 500 ? 'refused' : 'unavailable', `HTTP ${res.status}`);
        });
      } catch (err) {
        const why = err instanceof CallTimedOut ? 'timed out' : err instanceof UpstreamError ? err.message : 'unreachable';
        const kind = err instanceof UpstreamError ? err.kind : 'unavailable';
        throw new UpstreamError(SYSTEM, kind, `the SMS gateway did not take the message (${why})`, {}, { cause: err });
      }
    },
  };
}
