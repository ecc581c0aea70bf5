import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuditRecord } from '../../platform/audit';
import { ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { GatewayContext } from '../context';
import { actorOf, documentFacts, touchedIn, traceIdOf, type DocumentFacts } from './touched';

export interface AuditSink {
  /** Appends to the chain itself and resolves once stored (mutation intents). */
  append(record: AuditRecord): Promise<unknown>;
  /** Hands to the inbox; resolves once Redis has it. */
  add(record: AuditRecord): Promise<void>;
}

/** The errors' codes, distinct and in order, or OK. */
export function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return 'OK';
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].join(',');
}

/**
 * Records every GraphQL operation through the gateway (R-Q-2), SOAP calls included (they run
 * here through executeOperation). A query's record goes to the inbox without the answer waiting
 * for it. A mutation is recorded twice, and both times before it goes on: its intent is appended
 * to the chain itself before it is executed, and if that cannot be done the mutation is refused
 * with UPSTREAM_UNAVAILABLE and never runs, so nothing is changed that the log does not hold; its
 * outcome is handed to the inbox before the answer is sent (should Redis refuse it, it is held
 * and resent, and the intent already stands in the chain).
 */
export function auditPlugin(sink: AuditSink, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(start) {
      const traceId = start.contextValue.traceId ?? traceIdOf(start.request.http?.headers.get('traceparent'));
      let facts: DocumentFacts | undefined;
      const base = (ctx: GatewayContext, kind: string, operationName: string | null | undefined, source: string | undefined) => {
        facts ??= source ? documentFacts(source) : undefined;
        return {
          principal: actorOf(ctx.principal),
          requestId: ctx.requestId,
          action: ctx.channel === 'SOAP' ? 'SOAP' : `GRAPHQL_${kind.toUpperCase()}`,
          target: operationName ?? '(anonymous)',
          traceId,
          documentHash: facts?.hash ?? null,
        };
      };
      return {
        async didResolveOperation({ contextValue, operation, operationName, source, request, document }) {
          if (operation?.operation !== 'mutation') return;
          facts = documentFacts(source, document);
          try {
            await sink.append({ ...base(contextValue, 'mutation', operationName, source), outcome: 'BEGUN', touched: touchedIn(facts.literals, request.variables) });
          } catch (err) {
            logger.error('audit: a mutation\'s intent could not be recorded; it is refused', { requestId: contextValue.requestId, err });
            throw new GraphQLError('the audit log cannot be written; the mutation was not performed, retry later', {
              extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, http: { status: 503 } },
            });
          }
        },
        async willSendResponse({ contextValue, operation, operationName, source, request, response }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const kind = operation?.operation ?? 'query';
          const record: AuditRecord = {
            ...base(contextValue, kind, operationName ?? request.operationName, source ?? request.query),
            outcome: outcomeOf(single?.errors),
            touched: touchedIn(facts?.literals ?? [], request.variables, single?.data),
            at: new Date().toISOString(),
          };
          const sent = sink.add(record);
          if (kind === 'mutation') await sent.catch(() => undefined);
          else sent.catch(() => undefined);
        },
      };
    },
  };
}
