import { withinDeadline } from '../../platform/deadline';
import { appError, ErrorCode } from '../../platform/errors';
import type { SmsGateway } from './port';

/**
 * HTTP client of the SMS gateway: POST <base>/messages {to, text} with the API key, a timeout and
 * one retry; failures surface as UPSTREAM_UNAVAILABLE, never as a crash.
 */
export function httpSmsGateway(baseUrl: string, apiKey: string, timeoutMs = 3000): SmsGateway {
  return {
    async send(to, text) {
      let lastError = 'unreachable';
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const res = await fetch(new URL('/messages', baseUrl), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({ to, text }),
            signal: withinDeadline(AbortSignal.timeout(timeoutMs)),
          });
          if (res.ok) return;
          lastError = `HTTP ${res.status}`;
          if (res.status < 500) break;
        } catch (err) {
          lastError = (err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
        }
      }
      throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `the SMS gateway did not take the message (${lastError})`, { serviceName: 'sms' });
    },
  };
}
