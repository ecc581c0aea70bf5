import { IncomingMessage, type ClientRequest, type RequestOptions } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Probes and scrapes: answered many times a minute, traced they would drown the requests. */
const UNTRACED_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

/**
 * The services' routes as templates, for span names and paths: an upload ticket is a secret and
 * stays out of traces, and a span name must not carry a code or id (one name per route).
 */
const ROUTES: [RegExp, string][] = [
  [/^\/graphql$/, '/graphql'],
  [/^\/uploads\/[^/]+$/, '/uploads/{ticket}'],
  [/^\/receipts\/[^/]+\.pdf$/, '/receipts/{code}.pdf'],
  [/^\/documents\/[^/]+\/content$/, '/documents/{id}/content'],
  [/^\/(ivan\/soap|ivan\/callback|sms\/inbound|internal\/ws-security)$/, ''],
];
const routeOf = (path: string) => {
  const [match, template] = ROUTES.find(([pattern]) => pattern.test(path)) ?? [];
  return match ? template || path : undefined;
};

/**
 * Names a request's span by its route, and keeps of its URL only the route's template (no query:
 * it may carry a token). A call out to another system keeps its path (the adapters' are fixed);
 * a request in for no route of ours (a probe, a typo) keeps none.
 */
function nameByRoute(span: Span, method: string | undefined, url: string, origin?: string) {
  const [path = '/'] = url.split('?');
  const route = routeOf(path);
  const kept = route ?? (origin ? path : '/…');
  span.setAttribute('url.path', kept);
  span.setAttribute('url.query', '');
  if (origin) span.setAttribute('url.full', `${origin}${kept}`);
  else if (route) span.setAttribute('http.route', route);
  if (route) span.updateName(`${method ?? 'GET'} ${route}`);
}

/**
 * Redis commands by name and the key's prefix only (`GET ratelimit:…`): keys and values may hold
 * phone numbers or ID numbers, and an event's JSON holds an applicant's name.
 */
const redisStatement = (command: string, args: unknown[]) => {
  const key = typeof args[0] === 'string' ? args[0] : undefined;
  return key ? `${command} ${key.split(':')[0]}:…` : command;
};

/**
 * Starts OpenTelemetry tracing for this process (platform/instrument.ts decides whether):
 * spans go to the OTLP/HTTP endpoint of OTEL_EXPORTER_OTLP_ENDPOINT in JSON, in batches
 * (OTEL_BSP_* tune them), sampled as OTEL_TRACES_SAMPLER says (parent-based, all by default).
 * W3C `traceparent` is read from incoming requests and written on outgoing ones.
 *
 * Traced: incoming HTTP (the gateway's and subgraphs' requests, the SOAP facade), outgoing HTTP
 * (undici and fetch: the gateway's subgraph fetches, the REST adapters; `http`: the SOAP client),
 * MongoDB and Redis commands. Database and Redis commands only inside a trace: the relays' and
 * consumers' polling, every fraction of a second, would otherwise be a trace each.
 * @apollo/gateway adds its own spans (request, plan, execute, fetch) through the global API.
 */
export function startTracing(service: string): void {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'vss-graph' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
        ignoreOutgoingRequestHook: (req: RequestOptions) => UNTRACED_PATHS.test(req.path ?? ''),
        requestHook: (span, req) => {
          if (req instanceof IncomingMessage) return nameByRoute(span, req.method, req.url ?? '/');
          const out = req as ClientRequest;
          nameByRoute(span, out.method, out.path, `${out.protocol}//${out.host}`);
        },
      }),
      new UndiciInstrumentation({
        ignoreRequestHook: (req) => UNTRACED_PATHS.test(req.path),
        requestHook: (span, req) => nameByRoute(span, req.method, req.path, req.origin),
      }),
      new MongoDBInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: redisStatement }),
    ],
  });
}
