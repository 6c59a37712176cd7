import { randomBytes } from 'node:crypto';

import {
  type Context,
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
} from '@opentelemetry/api';

/**
 * W3C trace context across our own hops, through @opentelemetry/api only: without the SDK (tests in
 * one jest process, tools) every function here is a cheap no-op. The SDK is started per service
 * process by scripts/src/start-tracing.ts.
 */

/** The active span's ids, for every log line (pino mixin); nothing outside a span. */
export function traceFields(): { traceId?: string; spanId?: string } {
  const s = trace.getSpanContext(context.active());
  return s && isSpanContextValid(s) ? { traceId: s.traceId, spanId: s.spanId } : {};
}

/**
 * A context for work no request started (event-feed polls, the subscription tail): a fresh trace
 * marked not sampled, so the subgraph it calls records nothing either instead of opening one root
 * trace per poll. Its log lines still carry an id.
 */
function unsampled(): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.NONE,
    isRemote: false,
  });
}

/** `traceparent` (and `tracestate`) for an outgoing call that node's http instrumentation does not see (fetch). */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  const active = context.active();
  const s = trace.getSpanContext(active);
  propagation.inject(s && isSpanContextValid(s) ? active : unsampled(), carrier);
  return carrier;
}

/** The active context as a `traceparent` value, for an outbox row; null outside a span or without the SDK. */
export function currentTraceparent(): string | null {
  const s = trace.getSpanContext(context.active());
  if (!s || !isSpanContextValid(s)) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

const tracer = () => trace.getTracer('tsp-events');

type Traced = { traceparent?: string | null; id: string; type: string; source: string };

/**
 * Runs `fn` in a span that continues the trace of the request that wrote the event (its outbox row's
 * `traceparent` is the parent), so a consumer's SQL and calls, or a webhook delivery, show in that
 * request's trace. Without a traceparent the span starts a trace of its own.
 */
export function continueTrace<T>(name: string, e: Traced, fn: () => Promise<T>): Promise<T> {
  const parent = e.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: e.traceparent }) : ROOT_CONTEXT;
  return tracer().startActiveSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.message.id': e.id, 'event.type': e.type, 'event.source': e.source },
    },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (err) {
        // The error's name only: a driver's message can carry the statement with its values.
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
