import { resilient } from '../../platform/resilience';
import { UpstreamError } from '../lib/errors';
import type { Notifier } from './port';

/**
 * HTTP client of the notification service (e-mail and SMS): POST <base>/notifications, with a
 * timeout (platform/resilience.ts) and no retry, so a message is never sent twice; a failure is an
 * UpstreamError of `notify`.
 */
export function httpNotifier(baseUrl: string, timeoutMs = 3000): Notifier {
  const calls = resilient({ name: 'notify', timeoutMs });
  const url = new URL('notifications', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return {
    async send(n) {
      const failed = (kind: 'refused' | 'unavailable', cause?: unknown) =>
        new UpstreamError('notify', kind, `the notification service did not take the ${n.channel} message`, {}, { cause });
      let status: number;
      try {
        status = await calls.run(async (signal) => {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(n), signal });
          await res.body?.cancel().catch(() => undefined);
          return res.status;
        });
      } catch (err) {
        throw failed('unavailable', err);
      }
      if (status < 200 || status > 299) throw failed(status < 500 ? 'refused' : 'unavailable');
    },
  };
}
