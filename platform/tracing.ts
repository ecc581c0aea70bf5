import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

/**
 * The trace helpers the services use (issue 16). They speak only to @opentelemetry/api: when
 * tracing is off (platform/instrument.ts started no SDK) every one is a cheap no-op.
 */
const tracer = trace.getTracer('vss-graph');

/** The active span's trace id, for log lines and audit records; undefined outside a trace. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? span.traceId : undefined;
}

/**
 * The active trace context as a W3C `traceparent` value, to store with what outlives the
 * request (an event in the outbox), so whoever handles it later continues the same trace.
 * Null outside a trace, or with tracing off.
 */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored `traceparent` names (the root context when there is none). */
function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

export interface ConsumedMessage {
  stream: string;
  group: string;
  id: string;
  /** What the event carried from the change that caused it. */
  traceparent?: string | null;
}

/**
 * Runs a consumer's handling of one event in a span of its own, a child of the change that
 * caused the event, so an intake's trace shows what its RECEIVE event did in statistics and
 * documents. Database and Redis calls made while handling it join the span.
 */
export function inConsumerSpan<T>(message: ConsumedMessage, handle: () => Promise<T>): Promise<T> {
  const attributes = {
    'messaging.system': 'redis',
    'messaging.operation.type': 'process',
    'messaging.destination.name': message.stream,
    'messaging.consumer.group.name': message.group,
    'messaging.message.id': message.id,
  };
  return tracer.startActiveSpan(`process ${message.stream}`, { kind: SpanKind.CONSUMER, attributes }, contextOf(message.traceparent), async (span) => {
    try {
      return await handle();
    } catch (err) {
      // The error's kind only: messages may quote personal data, which stays out of traces.
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).name });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Sends the spans still buffered, before the process exits (a no-op with tracing off). */
export async function flushTraces(): Promise<void> {
  const provider = trace.getTracerProvider() as { forceFlush?(): Promise<void>; getDelegate?(): { forceFlush?(): Promise<void> } };
  const sdk = provider.getDelegate?.() ?? provider;
  await sdk.forceFlush?.().catch(() => undefined);
}
