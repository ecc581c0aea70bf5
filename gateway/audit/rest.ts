import type { HttpRoute } from '../../platform/http';
import { appError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../context';
import type { AuditSink } from './plugin';
import { actorOf, touchedIn, traceIdOf } from './touched';

/**
 * Records a REST route the gateway forwards (R-Q-2) as `REST` with the route's name as target,
 * the ids in its path (a receipt's dossier code, a document id) and the answer's status. A route
 * that changes something (an upload, an SMS) is recorded before it is forwarded, as a mutation is
 * (gateway/audit/plugin.ts), and refused with UPSTREAM_UNAVAILABLE when that cannot be done.
 */
export function auditedRoute(route: HttpRoute<GatewayContext>, name: string, sink: AuditSink, logger: Logger): HttpRoute<GatewayContext> {
  return {
    ...route,
    async handle(req, res, match, context) {
      const ctx = await context();
      const path = (req.url ?? '/').split('?')[0]!;
      const segments = path.split('/').map((s) => s.replace(/\.pdf$/, ''));
      const record = {
        principal: actorOf(ctx.principal), requestId: ctx.requestId, action: 'REST', target: `${route.method} ${name}`,
        traceId: traceIdOf(req.headers.traceparent), touched: touchedIn([], { documentId: segments }), documentHash: null,
      };
      if (route.method !== 'GET') {
        try {
          await sink.append({ ...record, outcome: 'BEGUN' });
        } catch (err) {
          logger.error('audit: a REST call\'s intent could not be recorded; it is refused', { requestId: ctx.requestId, err });
          throw appError(ErrorCode.UPSTREAM_UNAVAILABLE, 'the audit log cannot be written; nothing was done, retry later');
        }
      }
      let outcome = 'OK';
      try {
        await route.handle(req, res, match, async () => ctx);
        if (res.statusCode >= 400) outcome = `HTTP_${res.statusCode}`;
      } catch (err) {
        outcome = String((err as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
        throw err;
      } finally {
        const sent = sink.add({ ...record, outcome, at: new Date().toISOString() });
        if (route.method !== 'GET') await sent.catch(() => undefined);
        else sent.catch(() => undefined);
      }
    },
  };
}
