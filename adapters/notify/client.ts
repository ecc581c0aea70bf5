import { withinDeadline } from '../../platform/deadline';
import { appError, ErrorCode } from '../../platform/errors';
import type { Notifier } from './port';

/** HTTP client of the notification service (e-mail and SMS): POST <base>/notifications. */
export function httpNotifier(baseUrl: string, timeoutMs = 3000): Notifier {
  return {
    async send(n) {
      try {
        const res = await fetch(new URL('notifications', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(n),
          signal: withinDeadline(AbortSignal.timeout(timeoutMs)),
        });
        if (res.ok) return;
      } catch {
        // reported below
      }
      throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, `the notification service did not take the ${n.channel} message`, { serviceName: 'notify' });
    },
  };
}
