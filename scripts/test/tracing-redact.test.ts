import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, type Span, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { PgInstrumentationConfig } from '@opentelemetry/instrumentation-pg';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { InjectOnlyPropagator } from '../src/tracing/inject-only';
import { messageShape, RedactingSpanProcessor, statementShape } from '../src/tracing/redact';
import { instrumentations, tracingSdk } from '../src/tracing/sdk';

test('a statement keeps its shape and loses every inlined value', () => {
  const sql = `insert into "records"."enforcement_case" ("id", "party_name", "party_id_number", "amount", "t1") values ('6b1d…', '王某''s 店', E'a\\'b', 120000.50, 7) limit 100`;
  expect(statementShape(sql)).toBe(
    `insert into "records"."enforcement_case" ("id", "party_name", "party_id_number", "amount", "t1") values (?, ?, ?, ?, ?) limit ?`,
  );
  expect(statementShape('select e0.* from records.x as e0 where e0.id = $1')).toBe(
    'select e0.* from records.x as e0 where e0.id = $1',
  );
  expect(statementShape(`select 1 from t where phone = '13812345678'`)).not.toContain('1381234');
});

test('a driver message loses its quoted value and long digit runs', () => {
  expect(messageShape('invalid input syntax for type uuid: "13052819900101123X"')).toBe(
    'invalid input syntax for type uuid: "?"',
  );
  expect(messageShape('value 13812345678 out of range')).toBe('value ? out of range');
});

/** The processor as the SDK runs it, over a real tracer: what the exporter would be handed. */
function exportedBy(record: (span: Span) => void) {
  const exporter = new InMemorySpanExporter();
  const processor = new RedactingSpanProcessor(new SimpleSpanProcessor(exporter));
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  const span = provider.getTracer('test').startSpan('s');
  record(span);
  span.end();
  const [done] = exporter.getFinishedSpans();
  return done;
}

test('URL attributes keep the path and lose the query string', () => {
  const q = '?query=query%20Q(%24n%3AString)&variables=%7B%22n%22%3A%2213052819900101123X%22%7D';
  const span = exportedBy((s) =>
    s.setAttributes({
      'url.full': `http://gw:4000/graphql${q}`,
      'http.url': `http://gw:4000/graphql${q}`,
      'http.target': `/graphql${q}`,
      'url.query': q.slice(1),
      'url.path': '/graphql',
    }),
  );
  expect(span.attributes).toEqual({
    'url.full': 'http://gw:4000/graphql',
    'http.url': 'http://gw:4000/graphql',
    'http.target': '/graphql',
    'url.path': '/graphql',
  });
});

test('an exception event loses the document literals its message and stack quote', () => {
  const err = new Error('Syntax Error: Unexpected String "张三", ID 13052819900101123.');
  const span = exportedBy((s) => s.recordException(err));
  const text = JSON.stringify(span.events);
  expect(span.events.map((e) => e.name)).toEqual(['exception']);
  expect(span.events[0].attributes?.['exception.message']).toBe('Syntax Error: Unexpected String "?", ID ?.');
  expect(text).toContain('exception.stacktrace');
  expect(text).not.toContain('张三');
  expect(text).not.toContain('13052819900101123');
});

test("the gateway's propagator writes traceparent but never reads one", () => {
  const p = new InjectOnlyPropagator(new W3CTraceContextPropagator());
  const incoming = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;
  expect(
    trace.getSpanContext(p.extract(ROOT_CONTEXT, { traceparent: incoming }, defaultTextMapGetter)),
  ).toBeUndefined();
  const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: 1 });
  const carrier: Record<string, string> = {};
  p.inject(ctx, carrier, defaultTextMapSetter);
  expect(carrier).toEqual({ traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01` });
});

test('OTEL_SDK_DISABLED=true turns tracing off: started, it registers nothing and spans get no trace id', async () => {
  // OpenTelemetry's own variable, read from the environment as its SDK did (not part of our parsed config).
  // eslint-disable-next-line no-restricted-properties
  process.env.OTEL_SDK_DISABLED = 'true';
  try {
    const tracing = tracingSdk('personnel', 'http://127.0.0.1:9/');
    tracing.start();
    expect(trace.getTracer('t').startSpan('x').spanContext().traceId).toBe('0'.repeat(32));
    await tracing.shutdown();
  } finally {
    // eslint-disable-next-line no-restricted-properties
    delete process.env.OTEL_SDK_DISABLED;
  }
});

test('without a collector only http is instrumented (trace ids for logs and x-trace-id); pg and graphql when exporting', () => {
  const off = instrumentations(false);
  const on = instrumentations(true);
  try {
    expect(off.map((i) => i.instrumentationName)).toEqual(['@opentelemetry/instrumentation-http']);
    expect(on.map((i) => i.instrumentationName)).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-pg',
      '@opentelemetry/instrumentation-graphql',
    ]);
  } finally {
    for (const i of [...off, ...on]) i.disable();
  }
});

test('a statement of a span sampled out is not shaped; of a recorded one, it is', () => {
  const list = instrumentations(true);
  try {
    const hook = (list[1].getConfig() as PgInstrumentationConfig).requestHook!;
    const span = (recording: boolean) => ({ isRecording: () => recording, setAttribute: jest.fn() });
    const query = { text: `select 1 from t where phone = '13812345678'` };
    const connection = { database: 'x' };
    const dropped = span(false);
    hook(dropped as never, { query, connection });
    expect(dropped.setAttribute).not.toHaveBeenCalled();
    const kept = span(true);
    hook(kept as never, { query, connection });
    expect(kept.setAttribute).toHaveBeenCalledWith('db.query.text', 'select ? from t where phone = ?');
  } finally {
    for (const i of list) i.disable();
  }
});
