import type { IncomingMessage } from 'node:http';

import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { InjectOnlyPropagator } from './inject-only.js';
import { RedactingSpanProcessor, statementShape } from './redact.js';

/** Probes and scrapes: polled all day, never worth a trace. */
const UNTRACED_PATHS = /^\/(health|ready|metrics|internal\/stats)(\/|\?|$)/;

/**
 * The OpenTelemetry SDK of one service process. With `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT) spans
 * are batched to the collector over OTLP/HTTP JSON, sampled by OTEL_TRACES_SAMPLER (default: parent's
 * decision, else always). Without it nothing is recorded or exported — the sampler drops every span —
 * but spans still get ids and propagate, so logs, `x-trace-id` and outbox rows still name the trace.
 */
export function tracingSdk(serviceName: string, endpoint: string | undefined): NodeSDK {
  const exporting = endpoint !== undefined;
  return new NodeSDK({
    serviceName,
    // The gateway is public: a client's traceparent is not trusted. Subgraphs are reached only from us.
    ...(serviceName === 'gateway'
      ? { textMapPropagator: new InjectOnlyPropagator(new W3CTraceContextPropagator()) }
      : {}),
    ...(exporting
      ? { spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter()))] }
      : { spanProcessors: [new NoopSpanProcessor()], sampler: new AlwaysOffSampler() }),
    // Traces only: metrics are prom-client's, logs are pino's (the SDK would otherwise export both to localhost:4318).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
      }),
      new PgInstrumentation({
        // Background work (pollers, audits, LISTEN) runs no request: its SQL is not traced.
        requireParentSpan: true,
        ignoreConnectSpans: true,
        requestHook: (span, { query }) => span.setAttribute('db.query.text', statementShape(query.text)),
      }),
      // allowValues false (the default): literals in a GraphQL document are recorded as '*'.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, ignoreResolveSpans: true, mergeItems: true }),
    ],
  });
}
