import type { IncomingMessage } from 'node:http';

import { diag, DiagConsoleLogger } from '@opentelemetry/api';
import {
  diagLogLevelFromString,
  getBooleanFromEnv,
  getStringFromEnv,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { type Instrumentation, registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  processDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

import { InjectOnlyPropagator } from './inject-only.js';
import { RedactingSpanProcessor, statementShape } from './redact.js';

/** Probes and scrapes: polled all day, never worth a trace. */
const UNTRACED_PATHS = /^\/(health|ready|metrics|internal\/stats)(\/|\?|$)/;

export interface Tracing {
  start(): void;
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

/**
 * The OpenTelemetry tracing of one service process. With `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT) spans
 * are batched to the collector over OTLP/HTTP JSON, sampled by OTEL_TRACES_SAMPLER (default: parent's
 * decision, else always). Without it nothing is recorded or exported — the sampler drops every span —
 * but spans still get ids and propagate, so logs, `x-trace-id` and outbox rows still name the trace.
 *
 * The tracer provider and instrumentations are set up here rather than by `@opentelemetry/sdk-node`, which also
 * loads every exporter it could be configured for (gRPC, protobuf, Zipkin, metrics, logs): 0.6 s of CPU at each
 * process start and 110 MB of the install. What it read from the environment is read here too: OTEL_SDK_DISABLED,
 * OTEL_LOG_LEVEL, OTEL_RESOURCE_ATTRIBUTES / OTEL_SERVICE_NAME (overridden by the service's own name); the
 * sampler, batch and exporter variables are read by the provider, processor and exporter themselves.
 * Propagation is always W3C trace context (and baggage, in subgraphs).
 */
export function tracingSdk(serviceName: string, endpoint: string | undefined): Tracing {
  if (getBooleanFromEnv('OTEL_SDK_DISABLED')) return { start: () => undefined, shutdown: async () => undefined };
  const logLevel = getStringFromEnv('OTEL_LOG_LEVEL');
  if (logLevel) diag.setLogger(new DiagConsoleLogger(), { logLevel: diagLogLevelFromString(logLevel) });
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector, processDetector, hostDetector] }))
      .merge(resourceFromAttributes({ 'service.name': serviceName })),
    ...(endpoint !== undefined
      ? { spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter()))] }
      : { sampler: new AlwaysOffSampler() }),
  });
  return {
    start() {
      registerInstrumentations({
        tracerProvider: provider,
        instrumentations: instrumentations(endpoint !== undefined),
      });
      provider.register({
        // The gateway is public: a client's traceparent is not trusted. Subgraphs are reached only from us.
        ...(serviceName === 'gateway' ? { propagator: new InjectOnlyPropagator(new W3CTraceContextPropagator()) } : {}),
      });
    },
    shutdown: () => provider.shutdown(),
  };
}

/**
 * What a service instruments. Without a collector (`exporting` false) no span is recorded: the http spans still give
 * logs, `x-trace-id`, subgraph calls and outbox rows their trace id, and the pg and graphql spans would only cost CPU
 * — about a tenth of a region's findings request at province scale (README, Province scale).
 */
export function instrumentations(exporting: boolean): Instrumentation[] {
  const http = new HttpInstrumentation({
    ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
  });
  if (!exporting) return [http];
  return [
    http,
    new PgInstrumentation({
      // Background work (pollers, audits, LISTEN) runs no request: its SQL is not traced.
      requireParentSpan: true,
      ignoreConnectSpans: true,
      // Not for a span sampled out: the shape is a regular expression over the whole statement.
      requestHook: (span, { query }) => {
        if (span.isRecording()) span.setAttribute('db.query.text', statementShape(query.text));
      },
    }),
    // allowValues false (the default): literals in a GraphQL document are recorded as '*'.
    new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, ignoreResolveSpans: true, mergeItems: true }),
  ];
}
