import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';

/**
 * The public gateway's propagator: it sends `traceparent` to the subgraphs but never reads one from a
 * client, so a caller can neither choose the trace id (x-trace-id, logs, outbox rows) nor the sampling
 * decision. Every gateway request starts a root trace.
 */
export class InjectOnlyPropagator implements TextMapPropagator {
  constructor(private readonly inner: TextMapPropagator) {}
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.inner.inject(context, carrier, setter);
  }
  extract(context: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return context;
  }
  fields(): string[] {
    return this.inner.fields();
  }
}
